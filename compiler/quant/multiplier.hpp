// Fixed-point multipliers: how TFLite turns a real rescaling factor (a ratio
// of quantization scales) into an integer multiply and a shift, so that
// integer-only firmware can apply it.
#pragma once

#include <cstdint>

namespace compiler::quant {

// real ~= multiplier * 2^(shift - 31), multiplier a Q0.31 value in
// [2^30, 2^31) (or 0 for a zero real). shift > 0 is a left shift.
struct Multiplier {
  std::int32_t multiplier = 0;
  int shift = 0;

  // The real number this multiplier stands for.
  double value() const;
  bool operator==(const Multiplier&) const = default;
};

// TFLite's QuantizeMultiplier (double-rounding build, its default): frexp
// splits real into q in [0.5, 1) and an exponent; q is rounded (half away
// from zero) to Q0.31. Rounding up to 2^31 carries into the exponent; an
// exponent below -31 (|real| < ~2^-32) flushes to {0, 0}; 0 gives {0, 0}.
Multiplier quantize_multiplier(double real);

} // namespace compiler::quant
