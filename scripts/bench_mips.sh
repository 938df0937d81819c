#!/usr/bin/env bash
# bench_mips.sh [--build DIR] [--platform NAME] [--runs N] [--program NAME]...
#
# Simulation speed: runs firmware from workloads/ on edgesim from a Release
# build, with every counter on (they always are), and prints the simulated
# MIPS (instructions / host seconds, from --stats): median and best of N runs,
# per program. --program (repeatable, or a comma-separated list) names the
# programs, e.g. --program compute_bench,fp_bench,dsp_bench; the default is
# compute_bench. A program whose run fails is reported and skipped (exit 1
# at the end). Configures and builds DIR (default build-bench) if needed.
set -euo pipefail

build=build-bench
platform=mps2-an386
runs=3
programs=()
while [ $# -gt 0 ]; do
    case $1 in
        --build) build=$2; shift 2 ;;
        --platform) platform=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --program) IFS=, read -r -a names <<<"$2"; programs+=("${names[@]}"); shift 2 ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "bench_mips.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[ ${#programs[@]} -gt 0 ] || programs=(compute_bench)

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

for program in "${programs[@]}"; do
    elf="$build/workloads/firmware/$program.$platform.elf"
    [ -f "$elf" ] || { echo "bench_mips.sh: no $elf (is arm-none-eabi-gcc installed? is $program built for $platform?)" >&2; exit 2; }
done

stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
failed=0
for program in "${programs[@]}"; do
    elf="$build/workloads/firmware/$program.$platform.elf"
    [ ${#programs[@]} -eq 1 ] || echo "$program:"
    all=""
    for i in $(seq "$runs"); do
        status=0
        "$build/edgesim" run "$elf" --platform "$platform" --quiet --stats "$stats" >/dev/null || status=$?
        if [ "$status" -ne 0 ]; then
            echo "$program on $platform: edgesim exited with code $status, skipped"
            failed=1
            all=""
            break
        fi
        line=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s["host"]["mips"], s["core"]["instructions"], s["host"]["seconds"])' "$stats")
        read -r mips instructions seconds <<<"$line"
        printf 'run %d: %d instructions in %.3f s: %.1f MIPS\n' "$i" "$instructions" "$seconds" "$mips"
        all="$all $mips"
    done
    [ -n "$all" ] || continue
    python3 - "$program" "$platform" $all <<'PY'
import statistics, sys
program, platform, runs = sys.argv[1], sys.argv[2], [float(x) for x in sys.argv[3:]]
print(f"{program} on {platform}: median {statistics.median(runs):.1f} MIPS, best {max(runs):.1f} ({len(runs)} runs)")
PY
done
exit $failed
