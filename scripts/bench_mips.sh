#!/usr/bin/env bash
# bench_mips.sh [--build DIR] [--platform NAME] [--runs N]
#
# Simulation speed: runs workloads/examples/compute_bench on edgesim from a
# Release build, with every counter on (they always are), and prints the
# simulated MIPS (instructions / host seconds, from --stats): median and
# best of N runs. Configures and builds DIR (default build-bench) if needed.
set -euo pipefail

build=build-bench
platform=mps2-an386
runs=3
while [ $# -gt 0 ]; do
    case $1 in
        --build) build=$2; shift 2 ;;
        --platform) platform=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "bench_mips.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt")
if [ "$build_type" != "Release" ]; then
    echo "bench_mips.sh: $build is a '$build_type' build; benchmarks need Release" >&2
    exit 2
fi
cmake --build "$build" --target edgesim firmware -j "${BENCH_JOBS:-1}" >/dev/null

elf="$build/workloads/firmware/compute_bench.$platform.elf"
[ -f "$elf" ] || { echo "bench_mips.sh: no $elf (is arm-none-eabi-gcc installed?)" >&2; exit 2; }

stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
all=""
for i in $(seq "$runs"); do
    "$build/edgesim" run "$elf" --platform "$platform" --quiet --stats "$stats" >/dev/null
    line=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["host"]["mips"], s["core"]["instructions"], s["host"]["seconds"])' "$stats")
    read -r mips instructions seconds <<<"$line"
    printf 'run %d: %d instructions in %.3f s: %.1f MIPS\n' "$i" "$instructions" "$seconds" "$mips"
    all="$all $mips"
done
python3 - "$platform" $all <<'PY'
import statistics, sys
platform, runs = sys.argv[1], [float(x) for x in sys.argv[2:]]
print(f"compute_bench on {platform}: median {statistics.median(runs):.1f} MIPS, best {max(runs):.1f} ({len(runs)} runs)")
PY
