#include "compiler/reference/reshape.hpp"

#include "compiler/reference/kernel_checks.hpp"

#include <algorithm>

namespace compiler::reference {

void reshape(std::span<const std::uint8_t> input, std::span<std::uint8_t> output)
{
  expect_size(output.size(), input.size(), "RESHAPE output bytes");
  std::copy(input.begin(), input.end(), output.begin());
}

} // namespace compiler::reference
