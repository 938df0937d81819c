// Which kernels the generated firmware calls for its MAC operators.
#pragma once

#include <optional>
#include <string_view>

namespace compiler::codegen {

enum class Backend {
  Portable,  // plain C loops (workloads/nn)
  Simd,      // ARMv7E-M DSP: SMLAD inner loops, im2col (workloads/nn/simd)
  Accel,     // the int8 MAC-array accelerator through its driver (workloads/accel)
};

std::string_view name_of(Backend backend);
std::optional<Backend> parse_backend(std::string_view name);

// Whether the operators left on the CPU use the simd kernels (workloads/nn/
// simd) where they have one: the simd backend, and the accel backend on a
// core with the DSP extension (`dsp`).
bool cpu_uses_simd(Backend backend, bool dsp);

}  // namespace compiler::codegen
