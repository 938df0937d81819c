#!/usr/bin/env bash
# Installs dependencies, builds, and runs the demo firmware on the default
# platform (mps2-an386); the firmware's output goes to stdout, the run
# report to stderr.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" >/dev/null
exec "$root/build/edgesim" run "$root/build/workloads/firmware/compute_bench.mps2-an386.elf" --platform mps2-an386 "$@"
