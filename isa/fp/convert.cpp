// FPConvert between single and double (FPSingleToDouble, FPDoubleToSingle)
// and to and from half precision (FPSingleToHalf, FPHalfToSingle, and
// ARMv8-M's double <-> half), IEEE or alternative format per FPSCR.AHP.
//
// Inputs: single and double denormals flush under FPSCR.FZ (Input
// Denormal); half inputs never do. Results: FPRound with FPSCR's rounding;
// its flush-to-zero applies to single and double results, not to half.
#include "isa/fp/arith.hpp"
#include "isa/fp/round.hpp"

namespace isa::fp {

namespace {

template <class F>
Unpacked unpack_any(F v, uint32_t& fpscr) {
  if constexpr (sizeof(F) == 2) {
    return unpack_half(v, fpscr);
  } else {
    return unpack(v, fpscr);
  }
}

// A NaN in another format (FPConvertNaN): the same sign, quiet, and the top
// of the payload (truncated when narrowing, zero-filled when widening).
template <class To, class From>
To convert_nan(From v) {
  using FromFmt = Format<From>;
  using ToFmt = Format<To>;
  constexpr int kShift = FromFmt::kFracBits - ToFmt::kFracBits;
  const uint64_t frac = FromFmt::frac(v);
  const uint64_t payload = kShift >= 0 ? frac >> kShift : frac << -kShift;
  return ToFmt::zero(FromFmt::sign(v)) | ToFmt::kInfinity | ToFmt::kQuietBit |
         static_cast<To>(payload & ToFmt::kFracMask);
}

template <class To, class From>
To convert(From v, uint32_t& fpscr) {
  using ToFmt = Format<To>;
  // The alternative half-precision format has no NaN and no infinity.
  const bool to_alt_half = sizeof(To) == 2 && (fpscr & kAltHalf);
  const Unpacked u = unpack_any(v, fpscr);
  if (u.is_nan()) {
    if (u.kind == Kind::SignallingNaN || to_alt_half) fpscr |= kInvalid;
    if (to_alt_half) return ToFmt::zero(u.sign);
    if (fpscr & kDefaultNan) return ToFmt::kDefaultNaN;
    return convert_nan<To>(v);
  }
  if (u.is_inf()) {
    if (!to_alt_half) return ToFmt::infinity(u.sign);
    fpscr |= kInvalid;
    return ToFmt::zero(u.sign) | static_cast<To>(0x7FFF);  // the largest alternative-format magnitude
  }
  if (u.is_zero()) return ToFmt::zero(u.sign);
  return round<To>(exact_of(u), rounding_of(fpscr), fpscr);
}

}  // namespace

uint64_t f32_to_f64(uint32_t a, uint32_t& fpscr) { return convert<uint64_t>(a, fpscr); }
uint32_t f64_to_f32(uint64_t a, uint32_t& fpscr) { return convert<uint32_t>(a, fpscr); }
uint16_t f32_to_f16(uint32_t a, uint32_t& fpscr) { return convert<uint16_t>(a, fpscr); }
uint32_t f16_to_f32(uint16_t a, uint32_t& fpscr) { return convert<uint32_t>(a, fpscr); }
uint16_t f64_to_f16(uint64_t a, uint32_t& fpscr) { return convert<uint16_t>(a, fpscr); }
uint64_t f16_to_f64(uint16_t a, uint32_t& fpscr) { return convert<uint64_t>(a, fpscr); }

}  // namespace isa::fp
