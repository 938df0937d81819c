#!/bin/sh
# check_vfp.sh OBJDUMP ELF none
# check_vfp.sh OBJDUMP ELF REGEX...
# Floating-point instructions in the disassembly of ELF. With "none", fails
# if there is any (a soft-float build must not touch the FPU: on a core
# without one, or with CP10/CP11 disabled, each would be a NOCP UsageFault).
# Otherwise fails unless, for each REGEX, some FP mnemonic matches it (grep
# -E over the mnemonic alone, e.g. '^vfma\.f32$'): a hard-float build really
# uses the FPU. On ARMv7-M every mnemonic that starts with "v" is an FP one.
set -eu
if [ $# -lt 3 ]; then
    echo "usage: $0 OBJDUMP ELF none|REGEX..." >&2
    exit 2
fi
objdump=$1
elf=$2
shift 2

# Instructions are "  addr:\thalfwords\tmnemonic[\toperands]"; data in
# the code (literal pools, .rodata) is "  addr:\twords  ascii", one tab.
# The FP mnemonics, one per line:
mnemonics=$("$objdump" -d "$elf" |
            awk -F '\t' 'NF >= 3 && $1 ~ /^ *[0-9a-f]+:$/ { split($3, m, " "); if (m[1] ~ /^v/) print m[1] }')
count=$(printf '%s' "$mnemonics" | grep -c . || true)

if [ "$1" = none ]; then
    if [ "$count" -ne 0 ]; then
        echo "$elf: $count FP instructions, expected none:"
        printf '%s\n' "$mnemonics" | sort | uniq -c | sort -rn | head -10
        exit 1
    fi
    echo "$elf: no FP instructions"
    exit 0
fi

status=0
for regex in "$@"; do
    found=$(printf '%s\n' "$mnemonics" | grep -Ec -- "$regex" || true)
    if [ "$found" -eq 0 ]; then
        echo "$elf: no FP instruction matching $regex"
        status=1
    else
        echo "$regex: $found"
    fi
done
echo "$elf: $count FP instructions"
exit $status
