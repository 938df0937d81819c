#include "compiler/reference/concatenation.hpp"

#include "compiler/reference/kernel_checks.hpp"

#include <algorithm>

namespace compiler::reference {

void concatenation(const std::vector<ConcatInput>& inputs, std::size_t outer, std::span<std::uint8_t> output)
{
  std::size_t output_slice = 0;
  for (const ConcatInput& in : inputs) {
    expect_size(in.data.size(), outer * in.slice_bytes, "CONCATENATION input bytes");
    output_slice += in.slice_bytes;
  }
  expect_size(output.size(), outer * output_slice, "CONCATENATION output bytes");
  auto out = output.begin();
  for (std::size_t o = 0; o < outer; ++o)
    for (const ConcatInput& in : inputs)
      out = std::copy_n(in.data.begin() + static_cast<std::ptrdiff_t>(o * in.slice_bytes), in.slice_bytes, out);
}

} // namespace compiler::reference
