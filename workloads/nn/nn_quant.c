#include "nn_quant.h"

int32_t nn_saturating_rounding_doubling_high_mul(int32_t a, int32_t b)
{
  if (a == INT32_MIN && b == INT32_MIN)
    return INT32_MAX;
  const int64_t product = (int64_t)a * b;
  const int64_t nudge = product >= 0 ? (INT64_C(1) << 30) : 1 - (INT64_C(1) << 30);
  return (int32_t)((product + nudge) / (INT64_C(1) << 31)); /* C division truncates toward zero */
}

int32_t nn_rounding_divide_by_pot(int32_t x, int exponent)
{
  const int32_t mask = (int32_t)((INT64_C(1) << exponent) - 1);
  const int32_t remainder = x & mask;
  /* Half of the divisor, plus one for negative x: a tie rounds away from zero. */
  const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0); /* >>: arithmetic on GCC */
}

int32_t nn_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift)
{
  const int left = shift > 0 ? shift : 0;
  const int right = shift > 0 ? 0 : -shift;
  const int32_t shifted = (int32_t)((uint32_t)x << left);
  return nn_rounding_divide_by_pot(nn_saturating_rounding_doubling_high_mul(shifted, multiplier), right);
}

int8_t nn_requantize(int32_t acc, int32_t multiplier, int shift, int32_t output_offset,
                     int32_t act_min, int32_t act_max)
{
  int32_t v = nn_wrapping_add(nn_multiply_by_quantized_multiplier(acc, multiplier, shift), output_offset);
  if (v < act_min)
    v = act_min;
  if (v > act_max)
    v = act_max;
  return (int8_t)v;
}
