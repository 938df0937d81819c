#!/usr/bin/env bash
# bench_accel.sh [--build DIR] [BENCH OPTIONS...]
#
# Accelerator simulation speed: runs edgesim_accel_bench from a Release
# build. One CONV_2D layer (default 32x32x16 -> 32 channels, 3x3, stride 1,
# SAME) goes through the device path on the C++ model ("tlm") and on the
# Verilated RTL ("rtl"); the table gives the layer's accelerator cycles,
# MACs, MAC utilization, host seconds (median of --repeat runs), simulated
# accelerator cycles per host second and peak RSS. Other options go to the
# benchmark as given: --in-h --in-w --in-c --out-c --kernel --array
# --repeat --impl tlm|rtl|both. Configures and builds DIR (default
# build-bench) if needed.
set -euo pipefail

build=build-bench
args=()
while [ $# -gt 0 ]; do
    case $1 in
        --build) build=$2; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) args+=("$1"); shift ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt")
if [ "$build_type" != "Release" ]; then
    echo "bench_accel.sh: $build is a '$build_type' build; benchmarks need Release" >&2
    exit 2
fi
if grep -q '^EDGESIM_BUILD_BENCH:BOOL=OFF' "$build/CMakeCache.txt"; then
    echo "bench_accel.sh: $build was configured with -DEDGESIM_BUILD_BENCH=OFF" >&2
    exit 2
fi
cmake --build "$build" --target edgesim_accel_bench -j "${BENCH_JOBS:-1}" >/dev/null

exec "$build/bench/edgesim_accel_bench" "${args[@]}"
