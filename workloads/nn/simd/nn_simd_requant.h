/* Internal to the simd kernels: nn_requantize (nn_quant.c) as an inline
 * function, bit for bit the same result, with the 64-bit product rounded by
 * one add and one arithmetic shift instead of a division. */
#ifndef EDGESIM_NN_SIMD_REQUANT_H
#define EDGESIM_NN_SIMD_REQUANT_H

#include <stdint.h>

/* TFLite's SaturatingRoundingDoublingHighMul rounds (a*b + 2^30) / 2^31
 * toward zero, with a nudge of 1 - 2^30 when a*b < 0. Both cases equal
 * floor((a*b + 2^30) / 2^31): for a*b < 0, trunc((p + 1 - 2^30) / 2^31) =
 * ceil(...) = floor((p + 1 - 2^30 + 2^31 - 1) / 2^31). So one 64-bit add
 * (SMLAL) and a shift; INT32_MIN * INT32_MIN still saturates. Then TFLite's
 * RoundingDivideByPOT, as in nn_quant.c. */
static inline int32_t nn_simd_scale(int32_t acc, int32_t multiplier, int32_t shift)
{
  const int32_t left = shift > 0 ? shift : 0;
  const int32_t right = shift > 0 ? 0 : -shift;
  const int32_t x = (int32_t)((uint32_t)acc << left);
  int32_t high;
  if (x == INT32_MIN && multiplier == INT32_MIN)
    high = INT32_MAX;
  else
    high = (int32_t)(((int64_t)x * multiplier + (INT64_C(1) << 30)) >> 31); /* >>: arithmetic on GCC */
  const int32_t mask = (int32_t)((UINT32_C(1) << right) - 1u);
  const int32_t remainder = high & mask;
  const int32_t threshold = (mask >> 1) + (high < 0 ? 1 : 0);
  return (high >> right) + (remainder > threshold ? 1 : 0);
}

/* Scale, add the output zero point (wrapping, as nn_requantize), clamp. */
static inline int8_t nn_simd_requantize(int32_t acc, int32_t multiplier, int32_t shift,
                                        int32_t output_offset, int32_t act_min, int32_t act_max)
{
  int32_t v = (int32_t)((uint32_t)nn_simd_scale(acc, multiplier, shift) + (uint32_t)output_offset);
  if (v < act_min)
    v = act_min;
  if (v > act_max)
    v = act_max;
  return (int8_t)v;
}

#endif
