// Private to isa/fp: FPRound, the one place an exact result becomes an
// encoding, and the NaN and zero rules every operation shares.
#pragma once
#include <cstdint>
#include <optional>

#include "isa/fp/format.hpp"
#include "isa/fp/fpscr.hpp"
#include "isa/fp/value.hpp"

namespace isa::fp {

// Whether rounding a magnitude adds one unit in its last kept place, from
// that place's bit and the dropped bits (`rest`, left-aligned: bit 63 is
// worth half a unit). The cases of FPRound, FPRoundInt and FPToFixed.
inline bool rounds_up(Rounding rounding, bool sign, uint64_t kept_lsb, uint64_t rest) {
  constexpr uint64_t kHalf = uint64_t{1} << 63;
  switch (rounding) {
    case Rounding::TiesEven: return rest > kHalf || (rest == kHalf && kept_lsb != 0);
    case Rounding::PlusInf: return rest != 0 && !sign;
    case Rounding::MinusInf: return rest != 0 && sign;
    case Rounding::Zero: return false;
    case Rounding::TiesAway: return rest >= kHalf;
  }
  return false;
}

// FPRound (ARMv7-M ARM, and ARMv8-M's form with an explicit rounding):
// tininess is detected before rounding; with FPSCR.FZ a tiny single or
// double result becomes a signed zero with Underflow and without Inexact;
// otherwise a tiny inexact result raises Underflow; overflow gives infinity
// or the largest normal as the rounding says, with Overflow and Inexact. For
// half precision with FPSCR.AHP, a result beyond the format raises Invalid
// and saturates instead.
template <class F>
F round(const Exact& x, Rounding rounding, uint32_t& fpscr);

// FPProcessNaN: a signalling NaN is quietened and raises Invalid; FPSCR.DN
// replaces the result with the default NaN.
template <class F>
inline F process_nan(const Unpacked& u, F op, uint32_t& fpscr) {
  using Fmt = Format<F>;
  F result = op;
  if (u.kind == Kind::SignallingNaN) {
    result |= Fmt::kQuietBit;
    fpscr |= kInvalid;
  }
  return (fpscr & kDefaultNan) ? Fmt::kDefaultNaN : result;
}

// FPProcessNaNs: the first signalling NaN in operand order, else the first
// quiet NaN; nothing when no operand is a NaN.
template <class F>
inline std::optional<F> process_nans(const Unpacked& u1, F op1, const Unpacked& u2, F op2, uint32_t& fpscr) {
  if (u1.kind == Kind::SignallingNaN) return process_nan(u1, op1, fpscr);
  if (u2.kind == Kind::SignallingNaN) return process_nan(u2, op2, fpscr);
  if (u1.kind == Kind::QuietNaN) return process_nan(u1, op1, fpscr);
  if (u2.kind == Kind::QuietNaN) return process_nan(u2, op2, fpscr);
  return std::nullopt;
}

// FPProcessNaNs3, the same over three operands.
template <class F>
inline std::optional<F> process_nans3(const Unpacked& u1, F op1, const Unpacked& u2, F op2, const Unpacked& u3, F op3,
                                      uint32_t& fpscr) {
  if (u1.kind == Kind::SignallingNaN) return process_nan(u1, op1, fpscr);
  if (u2.kind == Kind::SignallingNaN) return process_nan(u2, op2, fpscr);
  if (u3.kind == Kind::SignallingNaN) return process_nan(u3, op3, fpscr);
  if (u1.kind == Kind::QuietNaN) return process_nan(u1, op1, fpscr);
  if (u2.kind == Kind::QuietNaN) return process_nan(u2, op2, fpscr);
  if (u3.kind == Kind::QuietNaN) return process_nan(u3, op3, fpscr);
  return std::nullopt;
}

// The default NaN of an invalid operation (inf - inf, 0 * inf, ...).
template <class F>
inline F invalid(uint32_t& fpscr) {
  fpscr |= kInvalid;
  return Format<F>::kDefaultNaN;
}

// An exactly zero sum of nonzero or opposite-signed terms: +0, except -0
// when rounding toward minus infinity (IEEE 754 6.3).
template <class F>
inline F exact_zero_sum(uint32_t fpscr) {
  return Format<F>::zero(rounding_of(fpscr) == Rounding::MinusInf);
}

}  // namespace isa::fp
