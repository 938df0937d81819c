// Builds the firmware of a compiled network with arm-none-eabi-gcc: the
// generated model.c, the kernel library (workloads/nn, and nn/simd for the
// simd backend and for the accel backend on a core with DSP), the model
// runtime (workloads/model; model_accel.c and the accelerator's driver,
// workloads/accel, for the accel backend), the board's startup and vector
// table (workloads/platforms), and a linker script made from the platform's
// memories, so a model that does not fit fails at link time with the
// overflow in bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/codegen/accel_target.hpp"
#include "compiler/codegen/backend.hpp"

namespace compiler::toolchain {

struct MemoryRegion {
  std::string name;  // the platform's memory
  std::uint32_t base = 0;
  std::uint64_t bytes = 0;
};

// What the firmware is built for; the caller derives it from a platform.
struct Target {
  std::string platform;                // for messages
  std::string board;                   // workloads/platforms/<board>/vectors.c
  std::vector<std::string> cpu_flags;  // -mcpu=..., -mthumb, -mfloat-abi=..., -mfpu=...
  bool dsp = false;                    // ARMv7E-M DSP instructions (the simd backend)
  MemoryRegion text;                   // code and constants
  MemoryRegion data;                   // .data, .bss (the arena), heap and stack
  std::uint32_t stack_bytes = 8 * 1024;
  std::optional<codegen::AccelTarget> accel;  // the platform's accelerator, if it has one
};

// A model that does not fit its platform, or a build that failed.
class BuildError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct FirmwareSizes {
  std::uint64_t text_bytes = 0;  // in the text region: code, constants, .data's image
  std::uint64_t data_bytes = 0;  // in the data region: .data + .bss (without the stack)
};

// Where the firmware sources are: $EDGESIM_WORKLOADS_DIR, else the source
// tree's workloads/ (fixed at build time).
std::filesystem::path workloads_dir();

std::string linker_script(const Target& target);

struct BuildRequest {
  std::string model_source;          // model.c
  std::string metadata_json;         // stored in the ELF's .edgesim.model section (not loaded)
  codegen::Backend backend = codegen::Backend::Portable;
  std::filesystem::path output_elf;
  std::filesystem::path work_dir;    // sources, objects and the map file go here
};

FirmwareSizes build_firmware(const Target& target, const BuildRequest& request);

}  // namespace compiler::toolchain
