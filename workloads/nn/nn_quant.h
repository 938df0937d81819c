/* TFLite's integer requantization (its reference kernels' fixed-point
 * helpers, gemmlowp's rounding), written from their definitions:
 * accel/model/quant.hpp describes the same arithmetic for the accelerator.
 * Sums that TFLite keeps in int32 wrap here (computed in uint32), as the
 * accelerator's accumulators do; TFLite leaves overflow undefined. */
#ifndef EDGESIM_NN_QUANT_H
#define EDGESIM_NN_QUANT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* round(a * b / 2^31): add 2^30 (1 - 2^30 when a * b < 0), divide by 2^31
 * truncating toward zero. INT32_MIN * INT32_MIN, the only overflow,
 * saturates to INT32_MAX. */
int32_t nn_saturating_rounding_doubling_high_mul(int32_t a, int32_t b);

/* x / 2^exponent rounded to nearest, ties away from zero; exponent 0..31. */
int32_t nn_rounding_divide_by_pot(int32_t x, int exponent);

/* x * multiplier * 2^shift / 2^31: a left shift (shift > 0, wrapping)
 * before the high multiply, a rounding right shift (shift < 0) after it. */
int32_t nn_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift);

/* The end of every MAC operation: scale, add the output zero point, clamp. */
int8_t nn_requantize(int32_t acc, int32_t multiplier, int shift, int32_t output_offset,
                     int32_t act_min, int32_t act_max);

/* a + b modulo 2^32, without signed overflow. */
static inline int32_t nn_wrapping_add(int32_t a, int32_t b)
{
  return (int32_t)((uint32_t)a + (uint32_t)b);
}

#ifdef __cplusplus
}
#endif

#endif
