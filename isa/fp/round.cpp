// FPRound (ARMv7-M ARM appendix pseudocode; ARMv8-M adds the explicit
// rounding argument and ties-away). Works on the 64-bit significand of an
// Exact, whose sticky bit 0 is always below the rounding point.
#include "isa/fp/round.hpp"

namespace isa::fp {

namespace {

// An overflowing result becomes infinity when rounding could move it there,
// else the largest normal of the same sign.
bool overflows_to_infinity(Rounding rounding, bool sign) {
  switch (rounding) {
    case Rounding::TiesEven:
    case Rounding::TiesAway: return true;
    case Rounding::PlusInf: return !sign;
    case Rounding::MinusInf: return sign;
    case Rounding::Zero: return false;
  }
  return true;
}

}  // namespace

template <class F>
F round(const Exact& x, Rounding rounding, uint32_t& fpscr) {
  using Fmt = Format<F>;
  constexpr bool kHalf = sizeof(F) == 2;
  const F sign = Fmt::zero(x.sign);

  // Flush-to-zero never applies to half-precision results.
  if (!kHalf && (fpscr & kFlushToZero) && x.exp < Fmt::kMinExp) {
    fpscr |= kUnderflow;
    return sign;
  }

  // Bias so that the smallest normal exponent becomes 1; below that the
  // result is denormal (biased exponent 0) and the significand shifts right.
  int biased = x.exp - Fmt::kMinExp + 1;
  uint64_t sig = x.sig;
  if (biased <= 0) {
    sig = shift_right_sticky(sig, 1 - biased);
    biased = 0;
  }
  constexpr int kDrop = 63 - Fmt::kFracBits;
  uint64_t mant = sig >> kDrop;  // the pseudocode's int_mant
  const uint64_t rest = sig << (64 - kDrop);
  bool inexact = rest != 0;

  // Tininess is judged on the exact value, before rounding.
  if (biased == 0 && inexact) fpscr |= kUnderflow;

  if (rounds_up(rounding, x.sign, mant & 1, rest)) {
    ++mant;
    if (mant == uint64_t{1} << Fmt::kFracBits) biased = 1;  // denormal rounded up to normal
    if (mant == uint64_t{1} << (Fmt::kFracBits + 1)) {     // carried into the next binade
      ++biased;
      mant >>= 1;
    }
  }

  F result;
  const bool alt_half = kHalf && (fpscr & kAltHalf);
  if (!alt_half) {
    if (biased >= static_cast<int>(Fmt::kExpMax)) {
      result = sign | (overflows_to_infinity(rounding, x.sign) ? Fmt::kInfinity : Fmt::kMaxNormal);
      fpscr |= kOverflow;
      inexact = true;
    } else {
      result = sign | static_cast<F>(F(biased) << Fmt::kFracBits) | static_cast<F>(mant & Fmt::kFracMask);
    }
  } else {
    // The alternative format uses exponent 31 for normal numbers and has no
    // infinity: beyond it the result saturates with Invalid, not Inexact.
    if (biased > static_cast<int>(Fmt::kExpMax)) {
      result = sign | F(0x7FFF);
      fpscr |= kInvalid;
      inexact = false;
    } else {
      result = sign | static_cast<F>(F(biased) << Fmt::kFracBits) | static_cast<F>(mant & Fmt::kFracMask);
    }
  }
  if (inexact) fpscr |= kInexact;
  return result;
}

template uint16_t round<uint16_t>(const Exact&, Rounding, uint32_t&);
template uint32_t round<uint32_t>(const Exact&, Rounding, uint32_t&);
template uint64_t round<uint64_t>(const Exact&, Rounding, uint32_t&);

}  // namespace isa::fp
