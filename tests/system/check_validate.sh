#!/usr/bin/env bash
# check_validate.sh match EDGESIM REFERENCE MODEL PLATFORM BACKEND N WORKDIR [REL_TOL]
#   `edgesim validate` on MODEL passes (exit 0, N/N inputs), and what it
#   claims holds when checked without it: the inputs it kept are
#   edgesim_reference's `--random N --seed 1` inputs, its expected outputs are
#   edgesim_reference's outputs for them, and the firmware outputs it kept
#   equal those (int8) or are within REL_TOL relative (float32).
#   Exit 77 (skipped) when MODEL does not exist.
# check_validate.sh failures EDGESIM NETWORK_YAML WORKDIR
#   Runs stopped by a tiny --max-instructions: exit 1, every input reported
#   with the run's exit status 124 and its message, the temporary directory
#   removed; a file that is not a model: exit 2 and one line.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mode=$1
shift
failures=0
fail() {
    echo "FAIL $*"
    failures=$((failures + 1))
}
require_line() {  # require_line PATTERN TEXT
    grep -qE -- "$1" <<<"$2" || fail "no line matching /$1/"
}

if [ "$mode" = match ]; then
    edgesim=$1 reference=$2 model=$3 platform=$4 backend=$5 n=$6 work=$7 tolerance=${8:-}
    if [ ! -f "$model" ]; then
        echo "SKIP: $model not found (the MLPerf Tiny models live in ../shared/models)"
        exit 77
    fi
    rm -rf "$work" && mkdir -p "$work"
    out=$("$edgesim" validate "$model" --platform "$platform" --backend "$backend" --inputs "$n" -j 2 \
        ${tolerance:+--tolerance "$tolerance"} --keep "$work/kept" 2>&1)
    status=$?
    echo "$out"
    [ "$status" -eq 0 ] || fail "exit $status, expected 0"
    require_line "^validate: $n/$n inputs match the host reference$" "$out"
    if [ -n "$tolerance" ]; then
        require_line "$n/$n inputs within tolerance" "$out"
    else
        require_line "max difference 0 steps; exact elements 100\.00% .*exact inputs 100\.00% \($n/$n\)" "$out"
    fi
    require_line "cycles per inference: min [0-9]+, median [0-9]+, max [0-9]+" "$out"

    # The same inputs and expected outputs from edgesim_reference.
    "$reference" "$model" --random "$n" --seed 1 --save-inputs "$work/ref_inputs.bin" -o "$work/ref_outputs.bin" >/dev/null
    cat "$work"/kept/inputs/*.bin >"$work/kept_inputs.bin"
    cat "$work"/kept/expected/*.bin >"$work/kept_expected.bin"
    cmp -s "$work/kept_inputs.bin" "$work/ref_inputs.bin" || fail "the kept inputs are not edgesim_reference's --random $n --seed 1"
    cmp -s "$work/kept_expected.bin" "$work/ref_outputs.bin" || fail "the kept expected outputs are not edgesim_reference's"
    count=$(ls "$work"/kept/outputs/*.bin | wc -l)
    [ "$count" -eq "$n" ] || fail "$count firmware outputs kept, expected $n"
    for out_file in "$work"/kept/outputs/*.bin; do
        expected="$work/kept/expected/$(basename "$out_file")"
        if [ -n "$tolerance" ]; then
            python3 "$here/compare_floats.py" "$out_file" "$expected" "$tolerance" || fail "$out_file beyond $tolerance"
        else
            cmp -s "$out_file" "$expected" || fail "$out_file differs from $expected"
        fi
    done
elif [ "$mode" = failures ]; then
    edgesim=$1 network=$2 work=$3
    rm -rf "$work" && mkdir -p "$work/tmp"
    # 1000 instructions do not get the startup code to the network.
    out=$(TMPDIR="$work/tmp" "$edgesim" validate "$network" --platform stm32f407 --inputs 2 -j 2 \
        --max-instructions 1000 2>&1)
    status=$?
    echo "$out"
    [ "$status" -eq 1 ] || fail "run limit: exit $status, expected 1"
    for i in 0 1; do
        require_line "^  input $i: run failed \(exit 124\): instruction limit reached" "$out"
    done
    require_line "^validate: 0/2 inputs match the host reference; 2 runs failed$" "$out"
    [ -z "$(ls -A "$work/tmp")" ] || fail "the temporary directory was left behind: $(ls "$work/tmp")"

    printf 'TFL3 but not really a model' >"$work/truncated.tflite"
    out=$("$edgesim" validate "$work/truncated.tflite" --platform stm32f407 2>&1)
    status=$?
    echo "$out"
    [ "$status" -eq 2 ] || fail "not a model: exit $status, expected 2"
    [ "$(wc -l <<<"$out")" -eq 1 ] || fail "not a model: more than one line"
    require_line "^edgesim: error: .*truncated.tflite.*not a valid TFLite model" "$out"
else
    echo "usage: check_validate.sh match|failures ..." >&2
    exit 2
fi
[ "$failures" -eq 0 ]
