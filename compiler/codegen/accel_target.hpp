// The platform's accelerator as the code generator needs it: where its
// registers are, how it signals the end of a stream, and the array and
// buffer sizes that decide which layers it can run (accel/README.md).
#pragma once

#include <cstdint>
#include <optional>

namespace compiler::codegen {

struct AccelTarget {
  std::uint32_t base = 0;              // the register block
  std::optional<std::uint32_t> irq;    // NVIC line; none: the firmware polls STATUS
  std::uint32_t rows = 8, cols = 8;    // the MAC array
  std::uint32_t input_buffer_bytes = 64 * 1024;
  std::uint32_t weight_buffer_bytes = 64 * 1024;
  std::uint32_t output_buffer_bytes = 16 * 1024;
};

}  // namespace compiler::codegen
