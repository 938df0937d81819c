#include "compiler/reference/fixed_point.hpp"

#include <bit>
#include <cassert>
#include <limits>

namespace compiler::reference {
namespace {

constexpr std::int32_t kInt32Max = std::numeric_limits<std::int32_t>::max();
constexpr std::int32_t kInt32Min = std::numeric_limits<std::int32_t>::min();

// Fixed-point product of two numbers with a and b integer bits: the result
// has a + b integer bits, so the raw operation is the same.
std::int32_t mul(std::int32_t a, std::int32_t b)
{
  return saturating_rounding_doubling_high_mul(a, b);
}

// gemmlowp's RoundingHalfSum: (a + b) / 2 rounded away from zero.
std::int32_t rounding_half_sum(std::int32_t a, std::int32_t b)
{
  const std::int64_t sum = std::int64_t{a} + std::int64_t{b};
  const std::int64_t sign = sum >= 0 ? 1 : -1;
  return static_cast<std::int32_t>((sum + sign) / 2);
}

// exp(a) for a in [-1/4, 0), Q0.31: the Taylor expansion around -1/8,
// exp(-1/8) * (1 + x + x^2/2 + x^3/6 + x^4/24) with x = a + 1/8.
std::int32_t exp_on_interval_minus_quarter_to_zero(std::int32_t a)
{
  constexpr std::int32_t kExpMinusOneEighth = 1895147668; // exp(-1/8) in Q0.31
  constexpr std::int32_t kOneThird = 715827883;           // 1/3 in Q0.31
  const std::int32_t x = a + (1 << 28);                   // + 1/8
  const std::int32_t x2 = mul(x, x);
  const std::int32_t x3 = mul(x2, x);
  const std::int32_t x4 = mul(x2, x2);
  const std::int32_t x4_over_4 = rounding_divide_by_pot(x4, 2);
  const std::int32_t x4_over_24_plus_x3_over_6_plus_x2_over_2 =
      rounding_divide_by_pot(mul(x4_over_4 + x3, kOneThird) + x2, 1);
  return kExpMinusOneEighth + mul(kExpMinusOneEighth, x + x4_over_24_plus_x3_over_6_plus_x2_over_2);
}

} // namespace

std::int32_t saturating_rounding_doubling_high_mul(std::int32_t a, std::int32_t b)
{
  if (a == kInt32Min && b == kInt32Min)
    return kInt32Max;
  const std::int64_t product = std::int64_t{a} * std::int64_t{b};
  // Nudge by a half (of 2^31) toward the sign, then divide truncating.
  const std::int64_t nudge = product >= 0 ? (std::int64_t{1} << 30) : (1 - (std::int64_t{1} << 30));
  return static_cast<std::int32_t>((product + nudge) / (std::int64_t{1} << 31));
}

std::int32_t rounding_divide_by_pot(std::int32_t x, int exponent)
{
  assert(exponent >= 0 && exponent <= 31);
  const std::int32_t mask = static_cast<std::int32_t>((std::int64_t{1} << exponent) - 1);
  const std::int32_t remainder = x & mask;
  // Ties round away from zero: a negative x needs a strictly larger remainder.
  const std::int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

std::int32_t saturating_rounding_multiply_by_pot(std::int32_t x, int exponent)
{
  if (exponent == 0)
    return x;
  if (exponent < 0)
    return rounding_divide_by_pot(x, -exponent);
  assert(exponent < 31);
  const std::int32_t threshold = (std::int32_t{1} << (31 - exponent)) - 1;
  if (x > threshold)
    return kInt32Max;
  if (x < -threshold)
    return kInt32Min;
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(x) << exponent);
}

std::int32_t multiply_by_quantized_multiplier(std::int32_t x, quant::Multiplier m)
{
  const int left_shift = m.shift > 0 ? m.shift : 0;
  const int right_shift = m.shift > 0 ? 0 : -m.shift;
  // TFLite multiplies by 2^left_shift in int32 (wrapping is undefined there;
  // the parameters keep it in range).
  const std::int32_t shifted = static_cast<std::int32_t>(static_cast<std::uint32_t>(x) << left_shift);
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, m.multiplier), right_shift);
}

std::int32_t exp_on_negative_values_q5_26(std::int32_t a)
{
  constexpr int kIntegerBits = 5;
  constexpr int kFractionalBits = 31 - kIntegerBits;
  constexpr std::int32_t kOneQuarter = std::int32_t{1} << (kFractionalBits - 2);
  // Split a = r - n/4 with r in [-1/4, 0) and n >= 0 quarters.
  const std::int32_t a_mod_quarter_minus_one_quarter = (a & (kOneQuarter - 1)) - kOneQuarter;
  std::int32_t result = exp_on_interval_minus_quarter_to_zero(
      saturating_rounding_multiply_by_pot(a_mod_quarter_minus_one_quarter, kIntegerBits));
  const std::int32_t remainder = a_mod_quarter_minus_one_quarter - a;

  // exp(-2^k) in Q0.31 for k = -2 .. 4, applied for each set bit of the
  // remainder (bit kFractionalBits + k stands for 2^k).
  constexpr std::int32_t kExpMinusPowerOfTwo[] = {
      1672461947, // exp(-1/4)
      1302514674, // exp(-1/2)
      790015084,  // exp(-1)
      290630308,  // exp(-2)
      39332535,   // exp(-4)
      720401,     // exp(-8)
      242,        // exp(-16)
  };
  for (int k = -2; k <= 4; ++k) {
    if (remainder & (std::int32_t{1} << (kFractionalBits + k)))
      result = mul(result, kExpMinusPowerOfTwo[k + 2]);
  }
  // With 5 integer bits a >= -32, so no clamp to zero is needed; exp(0) is
  // exactly one.
  return a == 0 ? kInt32Max : result;
}

std::int32_t one_over_one_plus_x_q0_31(std::int32_t x)
{
  // half_denominator = (1 + x) / 2 in Q0.31; the iteration runs in Q2.29.
  const std::int32_t half_denominator = rounding_half_sum(x, kInt32Max);
  constexpr std::int32_t kFortyEightOverSeventeen = 1515870810;      // 48/17 in Q2.29
  constexpr std::int32_t kMinusThirtyTwoOverSeventeen = -1010580540; // -32/17 in Q2.29
  constexpr std::int32_t kOneQ2 = std::int32_t{1} << 29;
  std::int32_t estimate = kFortyEightOverSeventeen + mul(half_denominator, kMinusThirtyTwoOverSeventeen);
  for (int i = 0; i < 3; ++i) {
    const std::int32_t half_denominator_times_estimate = mul(half_denominator, estimate); // Q2.29
    const std::int32_t one_minus = kOneQ2 - half_denominator_times_estimate;            // Q2.29
    // estimate * one_minus is Q4.27; back to Q2.29 by a saturating x4.
    estimate = estimate + saturating_rounding_multiply_by_pot(mul(estimate, one_minus), 2);
  }
  // estimate ~ 1 / half_denominator in Q2.29; 1/(1+x) is half that: reading
  // the raw value as Q1.30 halves it, and a saturating x2 gives Q0.31.
  return saturating_rounding_multiply_by_pot(estimate, 1);
}

std::int32_t reciprocal(std::int32_t x, int integer_bits, int& bits_over_unit)
{
  assert(x > 0);
  const int headroom_plus_one = std::countl_zero(static_cast<std::uint32_t>(x));
  bits_over_unit = integer_bits - headroom_plus_one;
  // x scaled into [1, 2), minus one, as Q0.31.
  const std::int32_t shifted_minus_one = static_cast<std::int32_t>(
      (static_cast<std::uint32_t>(x) << headroom_plus_one) - (std::uint32_t{1} << 31));
  return one_over_one_plus_x_q0_31(shifted_minus_one);
}

} // namespace compiler::reference
