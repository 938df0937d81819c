// Random int8 tensors for the device tests (seeded by the caller).
#pragma once
#include <cstdint>
#include <random>
#include <vector>

namespace accel::device::test {

inline std::vector<int8_t> random_bytes(std::mt19937& rng, size_t n) {
  std::uniform_int_distribution<int> d(-128, 127);
  std::vector<int8_t> v(n);
  for (auto& x : v) x = static_cast<int8_t>(d(rng));
  return v;
}

}  // namespace accel::device::test
