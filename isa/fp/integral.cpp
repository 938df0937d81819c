// Integers and fixed point: FPRoundInt (FPv5 VRINT*), FPToFixed and
// FixedToFP (VCVT between floating point and integer or fixed point).
#include "isa/fp/arith.hpp"
#include "isa/fp/round.hpp"

namespace isa::fp {

namespace {

struct Integral {
  uint64_t magnitude;
  bool inexact;
};

// |u| * 2^scale rounded to an integer with `rounding` as applied to the
// signed value (the pseudocode's RoundDown plus round_up, restated on the
// magnitude). u is finite and nonzero, and u.exp + scale < 63.
Integral round_to_integer(const Unpacked& u, int scale, Rounding rounding) {
  const int e = u.exp + scale;  // weight of the leading one
  uint64_t whole, rest;         // rest: the fraction, bit 63 worth one half
  if (e < 0) {
    whole = 0;
    rest = shift_right_sticky(u.sig, -e - 1);
  } else {
    whole = u.sig >> (63 - e);
    rest = u.sig << (e + 1);
  }
  return {whole + rounds_up(rounding, u.sign, whole & 1, rest), rest != 0};
}

}  // namespace

template <class F>
F round_int(F a, Rounding rounding, bool exact, uint32_t& fpscr) {
  using Fmt = Format<F>;
  const Unpacked u = unpack(a, fpscr);
  if (u.is_nan()) return process_nan(u, a, fpscr);
  if (u.is_inf()) return Fmt::infinity(u.sign);
  if (u.is_zero()) return Fmt::zero(u.sign);
  if (u.exp >= Fmt::kFracBits) return a;  // no fraction bits: already integral
  const Integral i = round_to_integer(u, 0, rounding);
  if (i.inexact && exact) fpscr |= kInexact;
  if (i.magnitude == 0) return Fmt::zero(u.sign);  // keeps the sign: -0.4 -> -0
  return round<F>(normalize(u.sign, i.magnitude, 0), Rounding::Zero, fpscr);  // exact
}

template <class F>
uint32_t to_fixed(F a, unsigned width, unsigned fraction_bits, bool is_unsigned, Rounding rounding,
                  uint32_t& fpscr) {
  const Unpacked u = unpack(a, fpscr);
  // A NaN converts as the value 0, with Invalid.
  if (u.is_nan()) {
    fpscr |= kInvalid;
    return 0;
  }
  if (u.is_zero()) return 0;
  const int64_t lowest = is_unsigned ? 0 : -(int64_t{1} << (width - 1));
  const int64_t highest = is_unsigned ? (int64_t{1} << width) - 1 : (int64_t{1} << (width - 1)) - 1;
  // Infinities, and values of 2^62 and up, are far outside any destination.
  const bool huge = u.is_inf() || u.exp + static_cast<int>(fraction_bits) >= 62;
  int64_t value;
  bool inexact = false;
  if (huge) {
    value = u.sign ? lowest - 1 : highest + 1;
  } else {
    const Integral i = round_to_integer(u, static_cast<int>(fraction_bits), rounding);
    value = u.sign ? -static_cast<int64_t>(i.magnitude) : static_cast<int64_t>(i.magnitude);
    inexact = i.inexact;
  }
  // Saturation is an Invalid Operation and then not also Inexact.
  if (value < lowest || value > highest) {
    fpscr |= kInvalid;
    return static_cast<uint32_t>(value < lowest ? lowest : highest);
  }
  if (inexact) fpscr |= kInexact;
  return static_cast<uint32_t>(value);  // two's complement: sign-extended for signed results
}

template <class F>
F from_fixed(uint32_t v, unsigned width, unsigned fraction_bits, bool is_unsigned, Rounding rounding,
             uint32_t& fpscr) {
  const uint64_t raw = v & (width >= 32 ? 0xFFFFFFFFu : (1u << width) - 1);
  const bool negative = !is_unsigned && (raw >> (width - 1)) != 0;
  const uint64_t magnitude = negative ? (uint64_t{1} << width) - raw : raw;
  if (magnitude == 0) return Format<F>::zero(false);
  return round<F>(normalize(negative, magnitude, -static_cast<int>(fraction_bits)), rounding, fpscr);
}

template uint32_t round_int<uint32_t>(uint32_t, Rounding, bool, uint32_t&);
template uint64_t round_int<uint64_t>(uint64_t, Rounding, bool, uint32_t&);
template uint32_t to_fixed<uint32_t>(uint32_t, unsigned, unsigned, bool, Rounding, uint32_t&);
template uint32_t to_fixed<uint64_t>(uint64_t, unsigned, unsigned, bool, Rounding, uint32_t&);
template uint32_t from_fixed<uint32_t>(uint32_t, unsigned, unsigned, bool, Rounding, uint32_t&);
template uint64_t from_fixed<uint64_t>(uint32_t, unsigned, unsigned, bool, Rounding, uint32_t&);

}  // namespace isa::fp
