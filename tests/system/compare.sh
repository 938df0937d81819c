#!/usr/bin/env bash
# compare.sh EDGESIM_BIN ELF [PLATFORM]
#
# Differential test: runs ELF on edgesim (`EDGESIM_BIN run ELF --platform
# PLATFORM --quiet`, PLATFORM defaults to mps2-an386) and on QEMU
# (run_qemu.sh, machine mps2-an386), then compares stdout byte for byte and
# the exit codes (run_qemu.sh maps time limits to 124 and lockups to 125, as
# edgesim does). Prints a unified diff on a mismatch.
# Exit: 0 same, 1 different, 2 usage error.
# Environment: COMPARE_TIMEOUT (seconds per run, default 60), QEMU_MACHINE.
set -u

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 EDGESIM_BIN ELF [PLATFORM]" >&2
    exit 2
fi
edgesim=$1
elf=$2
platform=${3:-mps2-an386}
timeout_s=${COMPARE_TIMEOUT:-60}
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

timeout --signal=TERM "$timeout_s" \
    "$edgesim" run "$elf" --platform "$platform" --quiet \
    </dev/null >"$work/edgesim.stdout" 2>"$work/edgesim.stderr"
edgesim_status=$?
"$here/run_qemu.sh" --machine "${QEMU_MACHINE:-mps2-an386}" --timeout "$timeout_s" "$elf" \
    >"$work/qemu.stdout" 2>"$work/qemu.stderr"
qemu_status=$?

same=1
if ! diff -u --label "qemu stdout" --label "edgesim stdout" \
        "$work/qemu.stdout" "$work/edgesim.stdout"; then
    same=0
fi
if [ "$edgesim_status" -ne "$qemu_status" ]; then
    echo "exit codes differ: qemu $qemu_status, edgesim $edgesim_status"
    same=0
fi
if [ "$same" -eq 0 ]; then
    echo "--- edgesim stderr:"
    cat "$work/edgesim.stderr"
    echo "--- qemu stderr (first 5 lines):"
    head -n 5 "$work/qemu.stderr"
    exit 1
fi
echo "$(basename "$elf"): same stdout ($(wc -l <"$work/qemu.stdout") lines) and exit code ($qemu_status)"
