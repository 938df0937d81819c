#!/usr/bin/env bash
# The README's precision demo: DS-CNN keyword spotting
# (workloads/networks/ds_cnn_kws.yaml, int8, and its float32 twin
# ds_cnn_kws_f32.yaml: same seed and layers) on stm32f746-npu in four builds —
# fp32 with the portable kernels, int8 portable, int8 simd (ARMv7E-M DSP) and
# int8 on the accelerator — one inference each with --stats, then
#   1. `edgesim compare` of the four (cycles, traffic, energy; markdown), and
#   2. fp32 against int8 portable and int8 simd, energy per operation class and
#      per memory: where the int8/fp32 energy ratio comes from.
# usage: scripts/compare_precisions.sh [WORK_DIR]   (default build/compare_precisions)
# EDGESIM=path/to/edgesim picks the binary (default build/edgesim).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
edgesim=${EDGESIM:-$root/build/edgesim}
work=${1:-$root/build/compare_precisions}
platform=stm32f746-npu
networks=$root/workloads/networks
mkdir -p "$work"

# name, network, backend
builds=(
  "fp32 ds_cnn_kws_f32 portable"
  "int8-portable ds_cnn_kws portable"
  "int8-simd ds_cnn_kws simd"
  "int8-accel ds_cnn_kws accel"
)
for build in "${builds[@]}"; do
  read -r name network backend <<<"$build"
  "$edgesim" compile "$networks/$network.yaml" --platform "$platform" --backend "$backend" -o "$work/$name.elf" --quiet
  "$edgesim" run "$work/$name.elf" --platform "$platform" --quiet --stats "$work/$name.json" >/dev/null
done

cd "$work"
"$edgesim" compare fp32.json int8-portable.json int8-simd.json int8-accel.json --format markdown
echo
"$edgesim" compare fp32.json int8-portable.json int8-simd.json --format markdown --nonzero \
  --metrics 'energy.total_pj' 'energy.cache.*' 'energy.memory.*' 'energy.core.total_pj' \
            'energy.ops.m*.*32_pj' 'energy.ops.mac.int16_pj' 'energy.ops.add.*32_pj' 'energy.ops.load.*_pj' \
            'core.instructions' 'memory.flash.bytes_read' 'memory.*.l1.bytes_read'
