// Seeded randomness for the lockstep test. std::mt19937_64's output is fixed
// by the standard, and no std distribution is used (their output is
// implementation-defined), so a seed reproduces the same run everywhere.
#pragma once
#include <array>
#include <cstdint>
#include <random>

namespace difftest {

class Rng {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}

  uint32_t u32() { return static_cast<uint32_t>(gen_() >> 32); }
  // Uniform in [0, n); n == 0 gives 0.
  uint32_t below(uint32_t n) { return n ? static_cast<uint32_t>(gen_() % n) : 0; }
  // Uniform in [lo, hi].
  uint32_t between(uint32_t lo, uint32_t hi) { return lo + below(hi - lo + 1); }
  bool chance(double p) { return static_cast<double>(gen_() >> 11) * 0x1.0p-53 < p; }
  template <class Container>
  const auto& pick(const Container& c) {
    return c[below(static_cast<uint32_t>(std::size(c)))];
  }

  // An operand value biased toward the edges where ALUs go wrong.
  uint32_t operand() {
    static constexpr std::array<uint32_t, 28> kEdges{
        0,          1,          2,          0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x80000001,
        0xFFFFFFFE, 0x7FFFFFFE, 0xFF,       0x80,       0x7F,       0xFFFF,     0x8000,
        0x7FFF,     0xFFFF8000, 0xFFFFFF80, 0x10000,    31,         32,         33,
        0x100,      0x55555555, 0xAAAAAAAA, 0x7F7F7F7F, 0x80808080, 0x00FF00FF, 0xFF00FF00};
    switch (below(8)) {
      case 0:
      case 1:
      case 2: return pick(kEdges);
      case 3: return below(64);
      case 4: return 0u - below(64);
      case 5: return (1u << below(32)) + (below(3) - 1);  // a power of two, +-1
      case 6: {  // byte lanes from edge bytes: exercises SIMD saturation and GE
        static constexpr std::array<uint8_t, 6> kBytes{0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE};
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v = (v << 8) | (chance(0.8) ? pick(kBytes) : below(256));
        return v;
      }
      default: return u32();
    }
  }

  // Random values for an encoding's operand bits: uniform, sparse or dense,
  // so that all-zero and all-one fields (shift 0/32, registers r0/r15) come up.
  uint32_t field_bits(uint32_t free_mask) {
    switch (below(6)) {
      case 0: return u32() & u32() & u32() & free_mask;
      case 1: return (u32() | u32() | u32()) & free_mask;
      case 2: return ((chance(0.5) ? 0u : ~0u) ^ (u32() & u32() & u32() & u32())) & free_mask;  // mostly equal bits
      default: return u32() & free_mask;
    }
  }

 private:
  std::mt19937_64 gen_;
};

}  // namespace difftest
