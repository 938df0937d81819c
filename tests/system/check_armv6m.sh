#!/bin/sh
# check_armv6m.sh ELF [OBJDUMP]
# Fails if ELF contains a 32-bit Thumb instruction that ARMv6-M (Cortex-M0/M0+)
# does not have. ARMv6-M's only 32-bit instructions are BL, MRS, MSR, DMB,
# DSB and ISB (ARMv6-M ARM, A5.3). objdump prints a 32-bit Thumb encoding as
# two 4-digit halfwords ("f000 f8db"), a 16-bit one as a single halfword.
set -eu
elf=$1
objdump=${2:-arm-none-eabi-objdump}

bad=$("$objdump" -d "$elf" |
      grep -P '^\s*[0-9a-f]+:\t[0-9a-f]{4} [0-9a-f]{4}\s*\t' |
      grep -Pv '\t(bl|mrs|msr|dmb|dsb|isb)(\t|$)' || true)
total=$("$objdump" -d "$elf" | grep -cP '^\s*[0-9a-f]+:\t[0-9a-f]{4} [0-9a-f]{4}\s*\t' || true)

if [ -n "$bad" ]; then
    echo "$elf: 32-bit instructions outside ARMv6-M:"
    echo "$bad" | head -20
    exit 1
fi
echo "$elf: ARMv6-M only ($total 32-bit instructions, all BL/MRS/MSR/DMB/DSB/ISB)"
