#!/usr/bin/env bash
# check_run.sh --exit CODE [--line REGEX]... -- COMMAND [ARG]...
#
# Runs COMMAND, echoes its stdout, and passes if it exited with CODE and, for
# each --line, some line of stdout matches REGEX (grep -E). The firmware
# tests use it with run_qemu.sh; it works the same with `edgesim run`.
set -u

expected_exit=
patterns=()
while [ $# -gt 0 ]; do
    case $1 in
        --exit) expected_exit=$2; shift 2 ;;
        --line) patterns+=("$2"); shift 2 ;;
        --) shift; break ;;
        *) echo "check_run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -z "$expected_exit" ] || [ $# -eq 0 ]; then
    echo "usage: $0 --exit CODE [--line REGEX]... -- COMMAND [ARG]..." >&2
    exit 2
fi

stdout=$(mktemp)
trap 'rm -f "$stdout"' EXIT
"$@" >"$stdout"
status=$?
cat "$stdout"

ok=1
if [ "$status" -ne "$expected_exit" ]; then
    echo "check_run.sh: exit code $status, expected $expected_exit" >&2
    ok=0
fi
for pattern in "${patterns[@]}"; do
    if ! grep -Eq -- "$pattern" "$stdout"; then
        echo "check_run.sh: no stdout line matches: $pattern" >&2
        ok=0
    fi
done
[ "$ok" -eq 1 ]
