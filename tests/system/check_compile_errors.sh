#!/usr/bin/env bash
# check_compile_errors.sh EDGESIM NETWORK_YAML WORKDIR
#
# `edgesim compile` refuses what it cannot build with exit status 2 and one
# clear line: a file that is not a TFLite model, a model too large for the
# platform's SRAM (saying by how much), a backend the core cannot run, the
# accel backend on a platform without an accelerator.
set -uo pipefail
edgesim=$1 network=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0

expect() {  # expect NAME PATTERN COMMAND...
    local name=$1 pattern=$2
    shift 2
    local out status
    out=$("$@" 2>&1)
    status=$?
    if [ "$status" -ne 2 ] || ! grep -qE "$pattern" <<<"$out"; then
        echo "FAIL $name: exit $status, expected 2 and /$pattern/; output:"
        echo "$out"
        failures=$((failures + 1))
    else
        echo "ok   $name: $(grep -E "$pattern" <<<"$out" | head -1)"
    fi
}

printf 'TFL3 but not really a model' >"$work/truncated.tflite"
expect "not a TFLite model" "edgesim: error: .*truncated.tflite.*not a valid TFLite model" \
    "$edgesim" compile "$work/truncated.tflite" --platform stm32f407 -o "$work/a.elf"

# DS-CNN's arena and buffers need ~18 KiB of SRAM besides an 8 KiB stack: 16 KiB is too little.
expect "too large for SRAM" "does not fit stm32f407: .* [0-9]+ more than 'sram' \(16.0 KiB\)" \
    "$edgesim" compile "$network" --platform stm32f407 --set memories.sram.size_kib=16 -o "$work/b.elf"

expect "simd without DSP" "simd backend needs the DSP extension" \
    "$edgesim" compile "$network" --platform m0plus-minimal --backend simd -o "$work/c.elf"

expect "accel without accelerator" "accel backend needs a platform with an accelerator \(accel: section\); stm32f407 has none" \
    "$edgesim" compile "$network" --platform stm32f407 --backend accel -o "$work/f.elf"

expect "unknown backend" "unknown backend 'neon'" \
    "$edgesim" compile "$network" --platform stm32f407 --backend neon -o "$work/d.elf"

# A valid model with an operator edgesim does not support, built here from
# JSON with flatc and the project's schema subset: operator 0 (SOFTMAX) is
# fine, operator 1 is TANH. The error is the only line printed.
schema=$(cd "$(dirname "$0")/../../compiler/tflite" && pwd)/schema.fbs
if command -v flatc >/dev/null; then
    flatc -b -o "$work" "$schema" "$(dirname "$0")/unsupported_tanh.json"
    expect "unsupported operator" "^edgesim: error: .*unsupported_tanh.tflite: operator 1 \(TANH\) is not supported" \
        "$edgesim" compile "$work/unsupported_tanh.tflite" --platform stm32f407 -o "$work/e.elf"
    lines=$("$edgesim" compile "$work/unsupported_tanh.tflite" --platform stm32f407 -o "$work/e.elf" 2>&1 | wc -l)
    if [ "$lines" -ne 1 ]; then
        echo "FAIL unsupported operator: $lines lines of output, expected one"
        failures=$((failures + 1))
    fi
else
    echo "skip unsupported operator: flatc not found (Debian package flatbuffers-compiler)"
fi

[ "$failures" -eq 0 ]
