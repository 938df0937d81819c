#!/usr/bin/env bash
# same_checksum.sh EDGESIM PLATFORM ELF_A ELF_B
#
# Runs two builds of one program on edgesim and passes if both exit 0 and
# print the same "checksum 0x..." (e.g. one layer computed on the CPU and on
# the accelerator). Exit: 0 same, 1 different or a run failed, 2 usage.
set -u
if [ $# -ne 4 ]; then
    echo "usage: $0 EDGESIM PLATFORM ELF_A ELF_B" >&2
    exit 2
fi
edgesim=$1 platform=$2
sums=()
for elf in "$3" "$4"; do
    if ! out=$("$edgesim" run "$elf" --platform "$platform" --quiet); then
        echo "FAIL: $elf exited non-zero" >&2
        exit 1
    fi
    echo "$out"
    sum=$(grep -o 'checksum 0x[0-9a-f]*' <<<"$out")
    if [ -z "$sum" ]; then
        echo "FAIL: $elf printed no checksum" >&2
        exit 1
    fi
    sums+=("$sum")
done
if [ "${sums[0]}" != "${sums[1]}" ]; then
    echo "FAIL: ${sums[0]} != ${sums[1]}" >&2
    exit 1
fi
