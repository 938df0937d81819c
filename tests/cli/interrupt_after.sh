#!/usr/bin/env bash
# interrupt_after.sh SECONDS COMMAND [ARG]...: runs COMMAND, sends it SIGINT
# (as Ctrl-C would) after SECONDS, and exits with its exit status.
set -u
delay=$1
shift
"$@" &
pid=$!
sleep "$delay"
kill -INT "$pid" 2>/dev/null
wait "$pid"
