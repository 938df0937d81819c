#!/usr/bin/env bash
# Installs dependencies, builds, compiles the project's own DS-CNN keyword
# spotting network (workloads/networks/ds_cnn_kws.yaml, int8, deterministic
# weights) for the STM32F407 with the DSP kernels, and runs one inference:
# the compiler's layer table, the firmware's output line, then the run report.
# Extra arguments go to `edgesim run` (e.g. --stats out.json).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" >/dev/null
elf="$root/build/demo/ds_cnn_kws.simd.elf"
mkdir -p "$(dirname "$elf")"
"$root/build/edgesim" compile "$root/workloads/networks/ds_cnn_kws.yaml" --platform stm32f407 --backend simd -o "$elf"
exec "$root/build/edgesim" run "$elf" --platform stm32f407 "$@"
