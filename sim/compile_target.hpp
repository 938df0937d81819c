// The firmware target of a platform, for `edgesim compile`: compiler flags
// from the core, code in the platform's flash (or, without one, the memory
// it boots from), data in its largest run of contiguous RAM, and the
// accelerator's registers, interrupt, array and buffers when it has one.
#pragma once

#include "compiler/toolchain/firmware_build.hpp"
#include "sim/platform_config.hpp"

namespace sim {

// Throws ConfigError when the platform has no memory for code or data.
compiler::toolchain::Target compile_target(const PlatformConfig& platform);

}  // namespace sim
