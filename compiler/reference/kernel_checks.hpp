// Kernels check their buffers' sizes against the geometry they are given, so
// a wrong call fails loudly instead of reading out of bounds.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace compiler::reference {

inline void expect_size(std::size_t actual, std::size_t expected, const char* what)
{
  if (actual != expected)
    throw std::invalid_argument(std::string(what) + ": " + std::to_string(actual) + " elements, expected " +
                                std::to_string(expected));
}

} // namespace compiler::reference
