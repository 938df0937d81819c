#!/usr/bin/env bash
# run_qemu.sh [--machine NAME] [--timeout SECONDS] ELF
#
# Runs firmware on QEMU, edgesim's differential reference. The firmware's
# semihosting stdout and its UART go to stdout, its semihosting stderr and
# QEMU's own messages to stderr. The exit code follows edgesim's contract
# (DESIGN.md) so both can be compared as they are:
#   the firmware's exit code   when it exits through semihosting
#   124                        when the time limit is hit (default 20 s)
#   125                        when QEMU reports a lockup (a fault with no
#                              usable handler; QEMU 7.2 aborts with
#                              "qemu: fatal: Lockup: ...")
#   2                          on a usage error
# Environment: QEMU_SYSTEM_ARM (default qemu-system-arm).
set -u

machine=mps2-an386
timeout_s=20
while [ $# -gt 1 ]; do
    case $1 in
        --machine) machine=$2; shift 2 ;;
        --timeout) timeout_s=$2; shift 2 ;;
        *) break ;;
    esac
done
if [ $# -ne 1 ]; then
    echo "usage: $0 [--machine NAME] [--timeout SECONDS] ELF" >&2
    exit 2
fi
elf=$1
if [ ! -f "$elf" ]; then
    echo "$0: no such firmware: $elf" >&2
    exit 2
fi
qemu=${QEMU_SYSTEM_ARM:-qemu-system-arm}

stderr_copy=$(mktemp)
trap 'rm -f "$stderr_copy"' EXIT

# stdin from /dev/null: QEMU must not put a terminal into raw mode or wait
# for input.
# stderr goes to a file first and is replayed after: a tee in a process
# substitution could still be writing when the Lockup check below reads it.
timeout --signal=TERM "$timeout_s" \
    "$qemu" -M "$machine" -nographic -semihosting -kernel "$elf" \
    </dev/null 2>"$stderr_copy"
status=$?
cat "$stderr_copy" >&2

if [ "$status" -eq 124 ]; then
    echo "$0: time limit of ${timeout_s} s hit" >&2
    exit 124
fi
if grep -q '^qemu: fatal: Lockup' "$stderr_copy"; then
    exit 125
fi
exit "$status"
