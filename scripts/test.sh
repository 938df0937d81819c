#!/usr/bin/env bash
# Installs dependencies, builds everything, and runs every test with ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
ctest --test-dir "$root/build" -j"${EDGESIM_JOBS:-2}" --output-on-failure "$@"
