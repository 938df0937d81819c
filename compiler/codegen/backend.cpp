#include "compiler/codegen/backend.hpp"

namespace compiler::codegen {

std::string_view name_of(Backend backend) {
  switch (backend) {
    case Backend::Portable: return "portable";
    case Backend::Simd: return "simd";
    case Backend::Accel: return "accel";
  }
  return "?";
}

std::optional<Backend> parse_backend(std::string_view name) {
  for (Backend b : {Backend::Portable, Backend::Simd, Backend::Accel})
    if (name == name_of(b)) return b;
  return std::nullopt;
}

bool cpu_uses_simd(Backend backend, bool dsp) { return backend == Backend::Simd || (backend == Backend::Accel && dsp); }

}  // namespace compiler::codegen
