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

[ "$failures" -eq 0 ]
