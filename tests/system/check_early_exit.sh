#!/usr/bin/env bash
# check_early_exit.sh EDGESIM REFERENCE MODEL PLATFORM BACKEND N WORKDIR
#
# An early-exit network (network YAML with `exits:`) compiled with `edgesim
# compile` for PLATFORM and BACKEND, run on N seeded random inputs:
#   - the exit each run takes (`edgesim_exit_taken`, and the "exit K of M
#     taken" line) and its scores (`output`) equal the host reference's
#     (edgesim_reference --exits-taken);
#   - the same input with exits off (a zero byte loaded into
#     `edgesim_exits_enabled`) takes the final exit, its output equals the
#     reference's final output (--no-exits), and, where an early exit was
#     taken, it needs more cycles (core.cycles in --stats);
#   - the firmware's default input takes an early exit.
# Prints the exits taken and the cycles with and without exits.
set -euo pipefail
edgesim=$1 reference=$2 model=$3 platform=$4 backend=$5 n=$6 work=$7

rm -rf "$work" && mkdir -p "$work"
"$edgesim" compile "$model" --platform "$platform" --backend "$backend" -o "$work/model.elf" --quiet
"$reference" "$model" --random "$n" --seed 7 --save-inputs "$work/inputs.bin" -o "$work/expected.bin" \
    --exits-taken "$work/expected_exits.bin" 2>"$work/reference.txt"
"$reference" "$model" --inputs "$work/inputs.bin" --no-exits -o "$work/expected_full.bin" 2>/dev/null
printf '\0' >"$work/exits_off.bin"

in_bytes=$(( $(stat -c %s "$work/inputs.bin") / n ))
out_bytes=$(( $(stat -c %s "$work/expected.bin") / n ))
split -b "$in_bytes" -d -a 3 "$work/inputs.bin" "$work/in_"
split -b "$out_bytes" -d -a 3 "$work/expected.bin" "$work/expected_"
split -b "$out_bytes" -d -a 3 "$work/expected_full.bin" "$work/expected_full_"
mapfile -t expected_exits < <(od -An -v -tu1 -w1 "$work/expected_exits.bin" | tr -d ' ')

cycles() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["core"]["cycles"])' "$1"; }
byte() { od -An -tu1 "$1" | tr -d ' '; }

# The final exit's number: the firmware says "exit K of M taken".
"$edgesim" run "$work/model.elf" --platform "$platform" --quiet >"$work/default.txt"
exits=$(sed -n 's/.*: exit [0-9]* of \([0-9]*\) taken$/\1/p' "$work/default.txt")
default_exit=$(sed -n 's/.*: exit \([0-9]*\) of [0-9]* taken$/\1/p' "$work/default.txt")
failures=0
fail() { echo "$*"; failures=$((failures + 1)); }
if [ -z "$exits" ] || [ "$default_exit" -ge "$exits" ]; then
    fail "the default input should take an early exit: $(cat "$work/default.txt")"
fi

declare -A taken_count
early_cycles=0 early_full_cycles=0 early_runs=0
for ((i = 0; i < n; i++)); do
    k=$(printf %03d "$i")
    "$edgesim" run "$work/model.elf" --platform "$platform" --quiet --stats "$work/stats_$k.json" \
        --load "$work/in_$k@input" --dump "output:$work/out_$k" --dump "edgesim_exit_taken:$work/exit_$k" \
        >"$work/stdout_$k.txt"
    "$edgesim" run "$work/model.elf" --platform "$platform" --quiet --stats "$work/stats_full_$k.json" \
        --load "$work/in_$k@input" --load "$work/exits_off.bin@edgesim_exits_enabled" \
        --dump "output:$work/out_full_$k" --dump "edgesim_exit_taken:$work/exit_full_$k" >/dev/null
    taken=$(byte "$work/exit_$k")
    taken_count[$taken]=$(( ${taken_count[$taken]:-0} + 1 ))
    [ "$taken" = "${expected_exits[$i]}" ] ||
        fail "input $i: the firmware took exit $taken, the reference exit ${expected_exits[$i]}"
    grep -q ": exit $taken of $exits taken$" "$work/stdout_$k.txt" ||
        fail "input $i: no 'exit $taken of $exits taken' line: $(cat "$work/stdout_$k.txt")"
    cmp -s "$work/out_$k" "$work/expected_$k" || fail "input $i: the taken exit's scores differ from the reference"
    [ "$(byte "$work/exit_full_$k")" = "$exits" ] || fail "input $i: with exits off, exit $(byte "$work/exit_full_$k") was taken"
    cmp -s "$work/out_full_$k" "$work/expected_full_$k" ||
        fail "input $i: with exits off, the output differs from the reference's final output"
    with=$(cycles "$work/stats_$k.json")
    without=$(cycles "$work/stats_full_$k.json")
    if [ "$taken" -lt "$exits" ]; then
        [ "$with" -lt "$without" ] || fail "input $i: exit $taken took $with cycles, the full network $without"
        early_cycles=$((early_cycles + with)) early_full_cycles=$((early_full_cycles + without))
        early_runs=$((early_runs + 1))
    else
        # The final exit runs every operator either way; only the skipped
        # decisions differ.
        [ "$with" -ge "$without" ] || fail "input $i: the final exit took $with cycles, fewer than without exits ($without)"
    fi
    echo "input $i: exit $taken of $exits, $with cycles (without exits $without)"
done

summary=""
for ((e = 1; e <= exits; e++)); do summary+=" exit $e: ${taken_count[$e]:-0}"; done
echo "$(basename "$model") $backend on $platform: exits taken on $n inputs:$summary (reference: $(head -1 "$work/reference.txt" | sed "s/.*exits taken: //"))"
if [ "$early_runs" -gt 0 ]; then
    echo "early exits: $early_runs inputs, mean $((early_cycles / early_runs)) cycles, $((early_full_cycles / early_runs)) without exits"
fi
echo "$n inputs checked, $failures failures"
[ "$failures" -eq 0 ]
