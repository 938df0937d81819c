#!/usr/bin/env bash
# compare_builds.sh [--machine NAME] [--timeout SECONDS] ELF_A ELF_B
#
# Runs two builds of one program on QEMU (run_qemu.sh) and passes if they
# print the same stdout, byte for byte, and exit with the same code: e.g. the
# hard-float and soft-float builds of float_libm, where one checks the other
# (QEMU's FPU against libgcc's soft-float routines). Prints a unified diff on
# a mismatch. Exit: 0 same, 1 different, 2 usage error.
# Environment: QEMU_SYSTEM_ARM (default qemu-system-arm).
set -u

run_args=()
while [ $# -gt 2 ]; do
    case $1 in
        --machine|--timeout) run_args+=("$1" "$2"); shift 2 ;;
        *) break ;;
    esac
done
if [ $# -ne 2 ]; then
    echo "usage: $0 [--machine NAME] [--timeout SECONDS] ELF_A ELF_B" >&2
    exit 2
fi
a=$1
b=$2
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/run_qemu.sh" "${run_args[@]}" "$a" >"$work/a.stdout" 2>"$work/a.stderr"
a_status=$?
"$here/run_qemu.sh" "${run_args[@]}" "$b" >"$work/b.stdout" 2>"$work/b.stderr"
b_status=$?

same=1
if ! diff -u --label "$(basename "$a")" --label "$(basename "$b")" \
        "$work/a.stdout" "$work/b.stdout"; then
    same=0
fi
if [ "$a_status" -ne "$b_status" ]; then
    echo "exit codes differ: $(basename "$a") $a_status, $(basename "$b") $b_status"
    same=0
fi
if [ "$same" -eq 0 ]; then
    for side in a b; do
        echo "--- $side stderr (first 5 lines):"
        head -n 5 "$work/$side.stderr"
    done
    exit 1
fi
echo "$(basename "$a") and $(basename "$b"): same stdout ($(wc -l <"$work/a.stdout") lines) and exit code ($a_status)"
