#!/usr/bin/env bash
# expect_run.sh --exit CODE [--stdout REGEX]... [--stderr REGEX]... [--no-stderr REGEX]...
#               [--stats-keys FILE KEY,KEY...] -- COMMAND [ARG]...
#
# Runs COMMAND (stdin from /dev/null) and passes if it exits with CODE, each
# --stdout/--stderr REGEX (grep -E) matches some line of that stream, no
# --no-stderr REGEX matches, and FILE (a JSON file the command wrote) has
# every dotted KEY. Prints both streams on failure.
set -u

expected_exit=
stdout_patterns=()
stderr_patterns=()
absent_patterns=()
stats_file=
stats_keys=
while [ $# -gt 0 ]; do
    case $1 in
        --exit) expected_exit=$2; shift 2 ;;
        --stdout) stdout_patterns+=("$2"); shift 2 ;;
        --stderr) stderr_patterns+=("$2"); shift 2 ;;
        --no-stderr) absent_patterns+=("$2"); shift 2 ;;
        --stats-keys) stats_file=$2; stats_keys=$3; shift 3 ;;
        --) shift; break ;;
        *) echo "expect_run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -z "$expected_exit" ] || [ $# -eq 0 ]; then
    echo "usage: $0 --exit CODE [--stdout RE]... [--stderr RE]... -- COMMAND..." >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "$stats_file" ] && rm -f "$stats_file"
"$@" </dev/null >"$work/out" 2>"$work/err"
status=$?

ok=1
fail() { echo "expect_run.sh: $*" >&2; ok=0; }
[ "$status" -eq "$expected_exit" ] || fail "exit code $status, expected $expected_exit"
for p in "${stdout_patterns[@]}"; do grep -Eq -- "$p" "$work/out" || fail "no stdout line matches: $p"; done
for p in "${stderr_patterns[@]}"; do grep -Eq -- "$p" "$work/err" || fail "no stderr line matches: $p"; done
for p in "${absent_patterns[@]}"; do ! grep -Eq -- "$p" "$work/err" || fail "a stderr line matches: $p"; done
if [ -n "$stats_file" ]; then
    python3 - "$stats_file" "$stats_keys" <<'PY' || fail "stats file check failed"
import json, sys
stats = json.load(open(sys.argv[1]))
missing = []
for key in sys.argv[2].split(","):
    node = stats
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            missing.append(key)
            break
        node = node[part]
    else:
        if not isinstance(node, (int, float)):
            missing.append(key + " (not a number)")
if missing:
    print("missing stats: " + ", ".join(missing), file=sys.stderr)
    sys.exit(1)
PY
fi
if [ "$ok" -ne 1 ]; then
    echo "--- stdout:"; cat "$work/out"
    echo "--- stderr:"; cat "$work/err"
    exit 1
fi
