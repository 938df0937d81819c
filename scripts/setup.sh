#!/usr/bin/env bash
# Installs edgesim's build and test dependencies from Debian 12 packages.
# Idempotent: packages already present are not reinstalled, apt is not touched
# when nothing is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libsystemc-dev verilator
  libboost-program-options-dev libyaml-cpp-dev nlohmann-json3-dev libelf-dev libfmt-dev
  catch2 libunicorn-dev
  flatbuffers-compiler libflatbuffers-dev libgemmlowp-dev
  gcc-arm-none-eabi libnewlib-arm-none-eabi binutils-arm-none-eabi
  qemu-system-arm
  python3
  # scripts/plot_sweep.py draws sweep results (scripts.plot_sweep tests it).
  python3-matplotlib
  # Arm NN's reference backend, the host reference's second opinion
  # (compiler.armnn_compare); pyarmnn only recommends the backend itself.
  python3-pyarmnn libarmnn-cpuref-backend22
  # a throw-away single-node Slurm for the sweep's job-array test (system.sweep.slurm)
  slurm-wlm munge
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
