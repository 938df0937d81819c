#!/usr/bin/env bash
# check_compiled_model.sh EDGESIM REFERENCE MODEL PLATFORM BACKEND N WORKDIR [REL_TOL]
#
# Compiles MODEL (.tflite or network YAML) with `edgesim compile` for
# PLATFORM and BACKEND, runs the firmware on N seeded random inputs (loaded
# with --load FILE@input, outputs saved with --dump output:FILE), and
# requires every output byte to equal the host reference's
# (edgesim_reference, separate code from the firmware kernels); with
# REL_TOL (float32 outputs), every value within that relative error.
# With BACKEND accel, the layers the compile report places on the
# accelerator (its "runs on" column) must be what the device ran: at least
# one, and as many as its PMU counts (accel.layers in --stats) per run.
# $CHECK_SET: platform overrides (KEY=VALUE, space-separated) for both
# compile and run, e.g. accelerator buffers too small for some layers.
# Exit 77 (skipped) when MODEL does not exist.
set -euo pipefail
edgesim=$1 reference=$2 model=$3 platform=$4 backend=$5 n=$6 work=$7 tolerance=${8:-}
sets=()
for kv in ${CHECK_SET:-}; do sets+=(--set "$kv"); done
here=$(cd "$(dirname "$0")" && pwd)

if [ ! -f "$model" ]; then
    echo "SKIP: $model not found (the MLPerf Tiny models live in ../shared/models)"
    exit 77
fi
rm -rf "$work" && mkdir -p "$work"
"$edgesim" compile "$model" --platform "$platform" "${sets[@]}" --backend "$backend" -o "$work/model.elf" >"$work/compile.txt"
# Report rows: index, operator, MACs, params, param B, in B, out B, runs on, output.
accel_layers=$(awk '$1 ~ /^[0-9]+$/ && $8 == "accel"' "$work/compile.txt" | wc -l)
"$reference" "$model" --random "$n" --seed 7 --save-inputs "$work/inputs.bin" -o "$work/expected.bin" >/dev/null

in_bytes=$(( $(stat -c %s "$work/inputs.bin") / n ))
out_bytes=$(( $(stat -c %s "$work/expected.bin") / n ))
split -b "$in_bytes" -d -a 3 "$work/inputs.bin" "$work/in_"
split -b "$out_bytes" -d -a 3 "$work/expected.bin" "$work/expected_"

mismatches=0
for ((i = 0; i < n; i++)); do
    k=$(printf %03d "$i")
    stats=()
    [ "$backend" = accel ] && [ "$i" -eq 0 ] && stats=(--stats "$work/stats.json")
    "$edgesim" run "$work/model.elf" --platform "$platform" "${sets[@]}" --quiet "${stats[@]}" \
        --load "$work/in_$k@input" --dump "output:$work/out_$k" >/dev/null
    if [ -n "$tolerance" ]; then
        if ! python3 "$here/compare_floats.py" "$work/out_$k" "$work/expected_$k" "$tolerance"; then
            echo "input $i: firmware output differs from the reference by more than $tolerance (relative)"
            mismatches=$((mismatches + 1))
        fi
    elif ! cmp -s "$work/out_$k" "$work/expected_$k"; then
        echo "input $i: firmware output differs from the reference"
        cmp -l "$work/out_$k" "$work/expected_$k" | head -5
        mismatches=$((mismatches + 1))
    fi
done
if [ "$backend" = accel ]; then
    ran=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["accel"]["layers"])' "$work/stats.json")
    echo "$accel_layers layers placed on the accelerator; its PMU counted $ran"
    if [ "$accel_layers" -eq 0 ] || [ "$ran" != "$accel_layers" ]; then
        echo "the accelerator ran $ran layers, the compile report places $accel_layers there"
        mismatches=$((mismatches + 1))
    fi
fi
echo "$(basename "$model") $backend on $platform: $((n - mismatches))/$n inputs ${tolerance:+within $tolerance of}${tolerance:-bit-exact with} the host reference"
[ "$mismatches" -eq 0 ]
