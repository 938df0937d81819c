#include "nn_fixedpoint.h"

#include "nn_quant.h"

/* Fixed-point product: the integer bits of a and b add up. */
static int32_t fixed_mul(int32_t a, int32_t b)
{
  return nn_saturating_rounding_doubling_high_mul(a, b);
}

/* a - b modulo 2^32, without signed overflow. */
static int32_t wrapping_sub(int32_t a, int32_t b)
{
  return (int32_t)((uint32_t)a - (uint32_t)b);
}

int32_t nn_saturating_shift_left(int32_t x, int exponent)
{
  const int32_t threshold = (int32_t)((INT32_C(1) << (31 - exponent)) - 1);
  if (x > threshold)
    return INT32_MAX;
  if (x < -threshold)
    return INT32_MIN;
  return (int32_t)((uint32_t)x << exponent);
}

int32_t nn_rounding_half_sum(int32_t a, int32_t b)
{
  const int64_t sum = (int64_t)a + b;
  return (int32_t)((sum + (sum >= 0 ? 1 : -1)) / 2); /* C division truncates toward zero */
}

/* exp(a) for a in [-1/4, 0), a and the result in Q0.31: the Taylor series
 * around -1/8 to the fourth power, exp(-1/8) * (1 + x + x^2/2 + x^3/6 +
 * x^4/24) with x = a + 1/8, grouped as gemmlowp does. */
static int32_t exp_on_negative_quarter(int32_t a)
{
  const int32_t exp_minus_one_eighth = 1895147668; /* exp(-1/8) */
  const int32_t one_third = 715827883;
  const int32_t x = nn_wrapping_add(a, INT32_C(1) << 28); /* 1/8 is 2^28 in Q0.31 */
  const int32_t x2 = fixed_mul(x, x);
  const int32_t x3 = fixed_mul(x2, x);
  const int32_t x4 = fixed_mul(x2, x2);
  const int32_t x4_over_4 = nn_rounding_divide_by_pot(x4, 2);
  /* ((x^4/4 + x^3) / 3 + x^2) / 2 = x^4/24 + x^3/6 + x^2/2 */
  const int32_t higher_terms = nn_rounding_divide_by_pot(
      nn_wrapping_add(fixed_mul(nn_wrapping_add(x4_over_4, x3), one_third), x2), 1);
  return nn_wrapping_add(exp_minus_one_eighth,
                         fixed_mul(exp_minus_one_eighth, nn_wrapping_add(x, higher_terms)));
}

int32_t nn_exp_on_negative_values_q5(int32_t a)
{
  enum { integer_bits = 5, fractional_bits = 31 - integer_bits };
  /* exp(-2^k) in Q0.31 for k = -2..4: one factor per bit of -a above 1/4. */
  static const int32_t exp_of_minus_power_of_two[] = {
      1672461947, /* exp(-1/4) */
      1302514674, /* exp(-1/2) */
      790015084,  /* exp(-1)   */
      290630308,  /* exp(-2)   */
      39332535,   /* exp(-4)   */
      720401,     /* exp(-8)   */
      242,        /* exp(-16)  */
  };
  if (a == 0)
    return INT32_MAX; /* 1 is not representable in Q0.31 */
  /* a = r - n/4 with r in [-1/4, 0): r's exp by the series, n's bits by
   * the table (the bits of 1/4, 1/2, ..., 16 in Q5.26). */
  const int32_t one_quarter = INT32_C(1) << (fractional_bits - 2);
  const int32_t in_quarter = (a & (one_quarter - 1)) - one_quarter;
  int32_t result = exp_on_negative_quarter(nn_saturating_shift_left(in_quarter, integer_bits));
  const int32_t remainder = wrapping_sub(in_quarter, a); /* n/4 */
  for (int k = 0; k < (int)(sizeof exp_of_minus_power_of_two / sizeof exp_of_minus_power_of_two[0]);
       ++k) {
    if (remainder & (INT32_C(1) << (fractional_bits - 2 + k)))
      result = fixed_mul(result, exp_of_minus_power_of_two[k]);
  }
  return result;
}

int32_t nn_one_over_one_plus_x(int32_t a)
{
  const int32_t one_q2 = INT32_C(1) << 29;           /* 1 in Q2.29 */
  const int32_t forty_eight_17ths = 1515870810;      /* 48/17 in Q2.29 */
  const int32_t minus_thirty_two_17ths = -1010580540; /* -32/17 in Q2.29 */
  /* d = (1 + a) / 2 in [1/2, 1); Newton-Raphson for 1/d from the classic
   * start 48/17 - 32/17 d, then 1/(1 + a) = (1/d) / 2. */
  const int32_t half_denominator = nn_rounding_half_sum(a, INT32_MAX); /* 1 is INT32_MAX in Q0.31 */
  int32_t x = nn_wrapping_add(forty_eight_17ths, fixed_mul(half_denominator, minus_thirty_two_17ths));
  for (int i = 0; i < 3; ++i) {
    const int32_t error = wrapping_sub(one_q2, fixed_mul(half_denominator, x)); /* 1 - d x, Q2.29 */
    /* x * error is Q4.27: two saturating doublings bring it to Q2.29. */
    x = nn_wrapping_add(x, nn_saturating_shift_left(fixed_mul(x, error), 2));
  }
  /* x / 2 is x's raw value read as Q1.30; one saturating doubling: Q0.31. */
  return nn_saturating_shift_left(x, 1);
}

int32_t nn_reciprocal(int32_t x, int integer_bits, int *num_bits_over_unit)
{
  const int headroom_plus_one = __builtin_clz((uint32_t)x);
  *num_bits_over_unit = integer_bits - headroom_plus_one;
  /* x shifted so that its leading one is bit 31, i.e. 1 + f in Q1.31 as an
   * unsigned number; minus that 1 it is f in Q0.31. */
  const uint32_t fraction = ((uint32_t)x << headroom_plus_one) - (UINT32_C(1) << 31);
  return nn_one_over_one_plus_x((int32_t)fraction);
}
