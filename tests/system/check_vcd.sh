#!/usr/bin/env bash
# check_vcd.sh EDGESIM ELF PLATFORM
#
# `edgesim run ELF --platform PLATFORM --set accel.impl=rtl --vcd FILE`
# exits 0 and writes a VCD of the accelerator's datapath: Verilator's
# header, the datapath's mac_active signal, and time advancing past 0.
# With accel.impl=tlm, --vcd is a usage error (exit 2) that says why.
set -u
if [ $# -ne 3 ]; then
    echo "usage: $0 EDGESIM ELF PLATFORM" >&2
    exit 2
fi
edgesim=$1 elf=$2 platform=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$edgesim" run "$elf" --platform "$platform" --set accel.impl=rtl --vcd "$work/a.vcd" --quiet >/dev/null 2>"$work/err" \
    || fail "the run with --vcd exited $?: $(cat "$work/err")"
[ -s "$work/a.vcd" ] || fail "no VCD written"
head -n 1 "$work/a.vcd" | grep -q '^\$version' || fail "not a VCD: $(head -n 1 "$work/a.vcd")"
grep -q ' mac_active ' "$work/a.vcd" || fail "the VCD has no mac_active signal"
grep -q '^#[1-9]' "$work/a.vcd" || fail "the VCD's time never advances"

"$edgesim" run "$elf" --platform "$platform" --set accel.impl=tlm --vcd "$work/b.vcd" --quiet >/dev/null 2>"$work/err"
status=$?
[ $status -eq 2 ] || fail "--vcd with accel.impl=tlm exited $status, not 2"
grep -q 'needs accel.impl: rtl' "$work/err" || fail "unclear error: $(cat "$work/err")"
echo "VCD: $(wc -c <"$work/a.vcd") bytes"
