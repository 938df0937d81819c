// TFLite's integer requantization arithmetic (gemmlowp fixed point), the
// part of the int8 semantics every operation shares. Wrapping int32 sums
// everywhere else: the hardware's accumulators wrap, so the model's do too.
#pragma once
#include <cstdint>

namespace accel::model {

// round(a * b / 2^31) as gemmlowp rounds it: a nudge of 2^30 (1 - 2^30 for
// a negative product), then a division truncating toward zero, so a
// positive tie rounds up and a negative tie toward zero (-1.5 -> -1);
// saturates the one overflow case (INT32_MIN * INT32_MIN).
int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b);
// x / 2^exponent, rounded to nearest, ties away from zero; exponent 0..31.
int32_t rounding_divide_by_pot(int32_t x, int exponent);
// TFLite's MultiplyByQuantizedMultiplier: x * multiplier * 2^shift / 2^31,
// with the left shift applied before the high multiply and the right shift
// after it (two roundings, as TFLite's reference kernels do).
int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift);

// A value in the output's scale, clamped to the activation range.
struct Requant {
  int32_t multiplier = 1 << 30;  // Q31, [2^30, 2^31) for a normalised scale (0: output 0)
  int32_t shift = 0;             // TFLite convention: > 0 left, < 0 right; [-31, 30]
};

// acc -> int8: MultiplyByQuantizedMultiplier, + output_offset, clamp.
int8_t requantize(int32_t acc, Requant r, int32_t output_offset, int32_t act_min, int32_t act_max);

}  // namespace accel::model
