#!/bin/sh
# check_insns.sh OBJDUMP ELF FUNCTION:REGEX...
# Fails unless, for each argument, the disassembly of FUNCTION (the symbol
# exactly, as objdump -d labels it) has an instruction matching REGEX
# (grep -E over "mnemonic operands", e.g. 'sxtb16 r3, r3, ror #8'). It shows
# that compiled kernels really use the instructions they were written for.
set -eu
if [ $# -lt 3 ]; then
    echo "usage: $0 OBJDUMP ELF FUNCTION:REGEX..." >&2
    exit 2
fi
objdump=$1
elf=$2
shift 2

disasm=$("$objdump" -d --no-show-raw-insn "$elf")
status=0
for spec in "$@"; do
    function=${spec%%:*}
    regex=${spec#*:}
    # Lines "  addr:\tmnemonic\toperands" from the label "<FUNCTION>:" to the
    # next blank line, as "mnemonic operands".
    insns=$(printf '%s\n' "$disasm" |
            awk -v label="<$function>:" '$2 == label { on = 1; next }
                                         on && NF == 0 { exit }
                                         on { sub(/^[^\t]*\t/, ""); gsub(/\t/, " "); print }')
    if [ -z "$insns" ]; then
        echo "$elf: no function $function"
        status=1
    elif printf '%s\n' "$insns" | grep -Eq -- "$regex"; then
        echo "$function: $(printf '%s\n' "$insns" | grep -E -m1 -- "$regex")"
    else
        echo "$elf: $function has no instruction matching: $regex"
        status=1
    fi
done
exit $status
