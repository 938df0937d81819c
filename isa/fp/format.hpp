// Private to isa/fp: the layout of the three Arm floating-point formats
// (ARMv7-M ARM A2.5.2 and A2.5.3), named by their raw encoding type:
// uint16_t half, uint32_t single, uint64_t double.
#pragma once
#include <bit>
#include <cstdint>

namespace isa::fp {

using u128 = unsigned __int128;

template <class F>
struct Format;

template <class F, int frac_bits, int exp_bits>
struct FormatLayout {
  static constexpr int kFracBits = frac_bits;  // the pseudocode's F
  static constexpr int kExpBits = exp_bits;    // the pseudocode's E
  static constexpr int kWidth = 1 + exp_bits + frac_bits;
  static constexpr int kBias = (1 << (exp_bits - 1)) - 1;
  static constexpr int kMinExp = 1 - kBias;  // the exponent of the smallest normal
  static constexpr uint32_t kExpMax = (1u << exp_bits) - 1;  // biased exponent of inf/NaN
  static constexpr F kSign = F(1) << (kWidth - 1);
  static constexpr F kFracMask = (F(1) << frac_bits) - 1;
  static constexpr F kQuietBit = F(1) << (frac_bits - 1);
  static constexpr F kInfinity = F(kExpMax) << frac_bits;
  static constexpr F kDefaultNaN = kInfinity | kQuietBit;  // FPDefaultNaN: positive, quiet, no payload
  static constexpr F kMaxNormal = kInfinity - 1;

  static constexpr uint32_t biased_exp(F v) { return static_cast<uint32_t>(v >> frac_bits) & kExpMax; }
  static constexpr F frac(F v) { return v & kFracMask; }
  static constexpr bool sign(F v) { return (v & kSign) != 0; }
  static constexpr F zero(bool s) { return s ? kSign : F(0); }
  static constexpr F infinity(bool s) { return zero(s) | kInfinity; }
  // Not valid for the alternative half-precision format, which has no NaNs.
  static constexpr bool is_nan(F v) { return (v & ~kSign) > kInfinity; }
  static constexpr bool is_signalling_nan(F v) { return is_nan(v) && (v & kQuietBit) == 0; }
};

template <>
struct Format<uint16_t> : FormatLayout<uint16_t, 10, 5> {};
template <>
struct Format<uint32_t> : FormatLayout<uint32_t, 23, 8> {};
template <>
struct Format<uint64_t> : FormatLayout<uint64_t, 52, 11> {};

// Shifts right by n (any n >= 0), ORing every bit shifted out into bit 0:
// the "sticky" bit that keeps "inexact" and "above/below half an ulp" right
// as long as bit 0 stays below the rounding position.
constexpr uint64_t shift_right_sticky(uint64_t v, int n) {
  if (n <= 0) return v;
  if (n >= 64) return v != 0;
  return (v >> n) | ((v << (64 - n)) != 0);
}

constexpr u128 shift_right_sticky(u128 v, int n) {
  if (n <= 0) return v;
  if (n >= 128) return v != 0;
  return (v >> n) | ((v << (128 - n)) != 0);
}

constexpr int leading_zeros(u128 v) {
  const auto hi = static_cast<uint64_t>(v >> 64);
  return hi ? std::countl_zero(hi) : 64 + std::countl_zero(static_cast<uint64_t>(v));
}

}  // namespace isa::fp
