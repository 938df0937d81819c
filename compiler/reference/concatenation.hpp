// CONCATENATION along one axis. Seen as [outer][axis][inner], the output's
// axis holds input 0's slice, then input 1's, ..., for each outer index.
// Works on bytes, so it serves every element type; TFLite's int8 kernel
// requires the inputs to share the output's quantization, which makes it a
// copy (the interpreter checks that).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace compiler::reference {

struct ConcatInput {
  std::span<const std::uint8_t> data;
  std::size_t slice_bytes = 0; // this input's axis extent * inner elements * element size
};

void concatenation(const std::vector<ConcatInput>& inputs, std::size_t outer, std::span<std::uint8_t> output);

} // namespace compiler::reference
