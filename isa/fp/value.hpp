// Private to isa/fp: FPUnpack (a raw encoding to its class and exact value)
// and the exact, not yet rounded result of an operation that FPRound takes.
#pragma once
#include <cstdint>

#include "isa/fp/format.hpp"
#include "isa/fp/fpscr.hpp"

namespace isa::fp {

enum class Kind : uint8_t { Zero, Finite, Infinity, QuietNaN, SignallingNaN };

// (-1)^sign * sig * 2^(exp - 63) with sig's bit 63 set when kind is Finite.
// Finite values of every format fit with room to spare: the pseudocode's
// real `value` without its unbounded precision.
struct Unpacked {
  Kind kind;
  bool sign;
  int exp;
  uint64_t sig;

  bool is_nan() const { return kind == Kind::QuietNaN || kind == Kind::SignallingNaN; }
  bool is_zero() const { return kind == Kind::Zero; }
  bool is_inf() const { return kind == Kind::Infinity; }
};

// FPUnpack. `flush` (FPSCR.FZ for single and double; never for half, whose
// inputs the pseudocode does not flush) turns a denormal into a zero of the
// same sign and raises Input Denormal. `alt_half` reads exponent 31 of a half
// as a normal number (FPSCR.AHP).
template <class F>
inline Unpacked unpack(F v, bool flush, bool alt_half, uint32_t& fpscr) {
  using Fmt = Format<F>;
  const bool sign = Fmt::sign(v);
  const uint32_t e = Fmt::biased_exp(v);
  const uint64_t frac = Fmt::frac(v);
  constexpr int kTop = 63 - Fmt::kFracBits;  // where the leading one of a normal goes
  if (e == 0) {
    if (frac == 0) return {Kind::Zero, sign, 0, 0};
    if (flush) {
      fpscr |= kInputDenormal;
      return {Kind::Zero, sign, 0, 0};
    }
    const int lz = std::countl_zero(frac);
    return {Kind::Finite, sign, Fmt::kMinExp - Fmt::kFracBits + 63 - lz, frac << lz};
  }
  if (e == Fmt::kExpMax && !alt_half) {
    if (frac == 0) return {Kind::Infinity, sign, 0, 0};
    const bool quiet = (frac & Fmt::kQuietBit) != 0;
    return {quiet ? Kind::QuietNaN : Kind::SignallingNaN, sign, 0, 0};
  }
  return {Kind::Finite, sign, static_cast<int>(e) - Fmt::kBias, (frac << kTop) | (uint64_t{1} << 63)};
}

// FPUnpack of a single or double operand under the controls of `fpscr`.
template <class F>
inline Unpacked unpack(F v, uint32_t& fpscr) {
  static_assert(sizeof(F) >= 4, "half-precision inputs go through unpack_half");
  return unpack<F>(v, (fpscr & kFlushToZero) != 0, false, fpscr);
}

// FPUnpack of a half-precision operand: never flushed, AHP per `fpscr`.
inline Unpacked unpack_half(uint16_t v, uint32_t& fpscr) {
  return unpack<uint16_t>(v, false, (fpscr & kAltHalf) != 0, fpscr);
}

// A nonzero exact result, ready for FPRound: (-1)^sign * sig * 2^(exp - 63)
// with sig's bit 63 set; bit 0 is sticky (also set when any nonzero bit of
// the true result lies below it), so it must stay below the rounding point.
struct Exact {
  bool sign;
  int exp;
  uint64_t sig;
};

// The Exact for (-1)^sign * m * 2^e0 (m != 0), plus a sticky `tail` that
// says the true value has more nonzero bits below m's bit 0.
inline Exact normalize(bool sign, u128 m, int e0, bool tail = false) {
  const int top = 127 - leading_zeros(m);  // position of the leading one
  uint64_t sig;
  if (top >= 63) {
    sig = static_cast<uint64_t>(shift_right_sticky(m, top - 63));
  } else {
    sig = static_cast<uint64_t>(m) << (63 - top);
  }
  return {sign, e0 + top, sig | static_cast<uint64_t>(tail)};
}

inline Exact exact_of(const Unpacked& u) { return {u.sign, u.exp, u.sig}; }

}  // namespace isa::fp
