// Operand values for the floating-point rows, biased toward the cases where
// FPUs differ: signed zeros, denormals (flushed or not by FPSCR.FZ),
// infinities, quiet and signalling NaNs with payloads (propagated or
// replaced by FPSCR.DN), the extremes of the normal range, values around the
// integer and fixed-point limits of VCVT and the half-precision limits of
// VCVTB/VCVTT, and exact ties for every rounding mode.
#pragma once
#include <array>
#include <bit>
#include <cstdint>

#include "tests/difftest/rng.hpp"

namespace difftest::fp_values {

constexpr uint32_t kSign = 0x80000000u, kExpMask = 0x7F800000u, kFracMask = 0x007FFFFFu, kQuiet = 0x00400000u;

// A single-precision value with the given biased exponent.
inline uint32_t with_exponent(Rng& rng, uint32_t biased) {
  return (rng.chance(0.5) ? kSign : 0) | (biased << 23) | (rng.field_bits(kFracMask));
}

inline uint32_t nan(Rng& rng, bool quiet) {
  uint32_t payload = rng.field_bits(kQuiet - 1);
  if (!quiet && payload == 0) payload = 1u << rng.below(22);  // a payload keeps it a NaN
  return (rng.chance(0.5) ? kSign : 0) | kExpMask | (quiet ? kQuiet : 0) | payload;
}

// Integer n (|n| < 2^24, exact) plus a fraction in halves or quarters:
// ties and near-ties for VCVT{R} and the rounding of sums.
inline uint32_t near_integer(Rng& rng) {
  const auto n = static_cast<float>(static_cast<int32_t>(rng.below(1u << rng.below(24))));
  static constexpr float kFractions[] = {0.0f, 0.25f, 0.5f, 0.75f, 1.5f, 2.5f};
  const float v = n + rng.pick(kFractions);
  return std::bit_cast<uint32_t>(rng.chance(0.5) ? -v : v);
}

// A random single value biased toward the edge cases above.
inline uint32_t single(Rng& rng) {
  static constexpr std::array<uint32_t, 40> kEdges{
      0x00000000, 0x80000000,                          // +-0
      0x00000001, 0x80000001, 0x007FFFFF, 0x807FFFFF,  // smallest and largest denormals
      0x00800000, 0x80800000, 0x7F7FFFFF, 0xFF7FFFFF,  // min and max normal
      0x7F800000, 0xFF800000,                          // +-inf
      0x7FC00000, 0xFFC00000, 0x7F800001, 0x7FBFFFFF,  // default NaN, its negation, SNaNs
      0x3F800000, 0xBF800000, 0x3F000000, 0xBF000000,  // +-1, +-0.5
      0x40000000, 0x3F800001, 0x3F7FFFFF, 0x33800000,  // 2, 1 + ulp, the largest below 1, 2^-24 (half an ulp of 1)
      0x4F000000, 0x4EFFFFFF, 0xCF000000, 0xCF000001,  // 2^31, below it, -2^31, below it (VCVT.S32 limits)
      0x4F800000, 0x4F7FFFFF, 0x47000000, 0x46FFFE00,  // 2^32, below it (U32); 2^15, 2^15 - 1 (S16 fixed)
      0x477FE000, 0x477FF000, 0x47800000, 0x47FFE000,  // half max 65504, its tie 65520, 65536, AHP max
      0x38800000, 0x33000000, 0x387FC000, 0x00400000,  // half min normal 2^-14, 2^-25, half denormal, denormal
  };
  switch (rng.below(12)) {
    case 0:
    case 1:
    case 2: return rng.pick(kEdges);
    case 3: return with_exponent(rng, 0);                       // denormal (or zero)
    case 4: return with_exponent(rng, rng.between(1, 24));      // tiny: products underflow
    case 5: return with_exponent(rng, rng.between(230, 254));   // huge: products overflow
    case 6: return with_exponent(rng, rng.between(100, 154));   // ordinary, exponents close enough to add
    case 7: return nan(rng, rng.chance(0.5));
    case 8:
    case 9: return near_integer(rng);
    case 10: {  // 1.0 to 2^31 scaled by a power of two: fixed-point values with fraction bits
      const float v = std::bit_cast<float>(near_integer(rng)) * std::bit_cast<float>((127u - rng.below(33)) << 23);
      return std::bit_cast<uint32_t>(v);
    }
    default: return rng.u32();
  }
}

// A half-precision value (for VCVTB/VCVTT.F32.F16), same idea.
inline uint16_t half(Rng& rng) {
  static constexpr std::array<uint16_t, 16> kEdges{
      0x0000, 0x8000, 0x0001, 0x83FF, 0x0400, 0x7BFF, 0xFBFF, 0x7C00,
      0xFC00, 0x7E00, 0xFE01, 0x7C01, 0x7DFF, 0x3C00, 0xBC00, 0x3555,
  };
  switch (rng.below(4)) {
    case 0:
    case 1: return rng.pick(kEdges);
    case 2: return static_cast<uint16_t>((rng.chance(0.5) ? 0x8000 : 0) | (rng.chance(0.5) ? 0x7C00 : 0) |
                                         rng.field_bits(0x3FF));  // inf/NaN or denormal
    default: return static_cast<uint16_t>(rng.u32());
  }
}

// An S register's contents for an operand that holds the given kind of
// data: mostly a single, sometimes a 32-bit integer or two halves (the
// sources of VCVT from integer or fixed point and of VCVTB/VCVTT).
enum class Kind : uint8_t { Single, Integer, Halves };
inline uint32_t operand(Rng& rng, Kind kind) {
  if (kind == Kind::Integer && rng.chance(0.8)) return rng.operand();
  if (kind == Kind::Halves && rng.chance(0.8)) return (uint32_t{half(rng)} << 16) | half(rng);
  return single(rng);
}

// FPSCR: any rounding mode, FZ, DN and AHP; flags mostly cleared, so that
// each instruction's exceptions show; NZCV random or clear.
inline uint32_t fpscr(Rng& rng) {
  const uint32_t controls = rng.u32() & 0x07C00000u;  // AHP DN FZ RMode
  const uint32_t flags = rng.chance(0.7) ? 0 : rng.u32() & 0x9Fu;
  const uint32_t nzcv = rng.chance(0.7) ? rng.u32() & 0xF0000000u : 0;
  return nzcv | controls | flags;
}

}  // namespace difftest::fp_values
