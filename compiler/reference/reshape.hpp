// RESHAPE: the same elements in the same order under a new shape, so the
// bytes are copied unchanged (for every element type).
#pragma once

#include <cstdint>
#include <span>

namespace compiler::reference {

void reshape(std::span<const std::uint8_t> input, std::span<std::uint8_t> output);

} // namespace compiler::reference
