// Tensor contents as the graph and the interpreter hold them (little-endian
// bytes in element order) and as typed vectors.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace compiler::reference {

using Bytes = std::vector<std::uint8_t>;

// The host's byte order is the firmware's (both little-endian), so a copy converts.
static_assert(std::endian::native == std::endian::little, "the reference assumes a little-endian host");

template <typename T>
std::vector<T> from_bytes(std::span<const std::uint8_t> bytes)
{
  static_assert(std::is_trivially_copyable_v<T>);
  if (bytes.size() % sizeof(T) != 0)
    throw std::invalid_argument("tensor bytes are not a whole number of elements");
  std::vector<T> values(bytes.size() / sizeof(T));
  if (!values.empty())
    std::memcpy(values.data(), bytes.data(), bytes.size());
  return values;
}

template <typename T>
Bytes to_bytes(std::span<const T> values)
{
  static_assert(std::is_trivially_copyable_v<T>);
  Bytes bytes(values.size() * sizeof(T));
  if (!bytes.empty())
    std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

template <typename T>
Bytes to_bytes(const std::vector<T>& values)
{
  return to_bytes(std::span<const T>(values));
}

} // namespace compiler::reference
