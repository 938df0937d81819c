#include "compiler/reference/fixed_point.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace compiler::reference;
using compiler::quant::Multiplier;

namespace {
constexpr std::int32_t kHalf = std::int32_t{1} << 30; // 0.5 in Q0.31
}

TEST_CASE("rounding_divide_by_pot rounds to nearest, ties away from zero")
{
  CHECK(rounding_divide_by_pot(5, 1) == 3);   // 2.5
  CHECK(rounding_divide_by_pot(-5, 1) == -3); // -2.5
  CHECK(rounding_divide_by_pot(6, 2) == 2);   // 1.5
  CHECK(rounding_divide_by_pot(-6, 2) == -2); // -1.5
  CHECK(rounding_divide_by_pot(7, 2) == 2);   // 1.75
  CHECK(rounding_divide_by_pot(-5, 2) == -1); // -1.25
  CHECK(rounding_divide_by_pot(-7, 0) == -7);
}

TEST_CASE("saturating_rounding_doubling_high_mul")
{
  // a * b / 2^31 with the nudge: 101 * 0.5 = 50.5 -> 51; -50.5 -> -50 (the
  // negative nudge is 1 - 2^30, so negative ties go toward zero).
  CHECK(saturating_rounding_doubling_high_mul(101, kHalf) == 51);
  CHECK(saturating_rounding_doubling_high_mul(-101, kHalf) == -50);
  CHECK(saturating_rounding_doubling_high_mul(-99, kHalf) == -49); // -49.5
  constexpr auto kMin = std::numeric_limits<std::int32_t>::min();
  CHECK(saturating_rounding_doubling_high_mul(kMin, kMin) == std::numeric_limits<std::int32_t>::max());
}

TEST_CASE("multiply_by_quantized_multiplier: left shift first, rounding right shift after")
{
  // 3 * 2 (0.5 * 2^2): 12 * 0.5 = 6.
  CHECK(multiply_by_quantized_multiplier(3, Multiplier{kHalf, 2}) == 6);
  // 202 * 0.25: 202 * 0.5 = 101 exactly, then 101 / 2 = 50.5 -> 51.
  CHECK(multiply_by_quantized_multiplier(202, Multiplier{kHalf, -1}) == 51);
  // -202 * 0.25: -101, then -50.5 -> -51.
  CHECK(multiply_by_quantized_multiplier(-202, Multiplier{kHalf, -1}) == -51);
  // The double rounding: 1 * 0.25 -> (1 * 0.5 = 0.5 -> 1), then 1 / 2 = 0.5 -> 1.
  CHECK(multiply_by_quantized_multiplier(1, Multiplier{kHalf, -1}) == 1);
  // 1000 * 0.75 = 750.
  CHECK(multiply_by_quantized_multiplier(1000, Multiplier{1610612736, 0}) == 750);
}

TEST_CASE("exp_on_negative_values_q5_26 follows exp() on [-31, 0]")
{
  CHECK(exp_on_negative_values_q5_26(0) == std::numeric_limits<std::int32_t>::max());
  // Independent reference: std::exp in double. gemmlowp's result is good to
  // a few 2^-31 steps; 1e-6 absolute is far tighter than an int8 output needs.
  for (double a = -31.0; a <= 0.0; a += 0.0371) {
    const auto raw = static_cast<std::int32_t>(std::llround(a * (1 << 26)));
    const double got = exp_on_negative_values_q5_26(raw) / 2147483648.0;
    INFO("a = " << a);
    REQUIRE(std::abs(got - std::exp(raw / 67108864.0)) < 1e-6);
  }
}

TEST_CASE("one_over_one_plus_x and reciprocal")
{
  for (double x = 0.0; x < 1.0; x += 0.0173) {
    const auto raw = static_cast<std::int32_t>(std::llround(x * 2147483648.0));
    const double got = one_over_one_plus_x_q0_31(raw) / 2147483648.0;
    INFO("x = " << x);
    REQUIRE(std::abs(got - 1.0 / (1.0 + raw / 2147483648.0)) < 1e-6);
  }
  // 3.0 in Q12.19: 1/3 = s / 2^bits_over_unit with s in Q0.31.
  int bits_over_unit = 0;
  const std::int32_t s = reciprocal(3 << 19, 12, bits_over_unit);
  // 3 * 2^19 has its top bit at 20: 11 leading zeros, 12 - 11 = 1 bit over
  // unit; 3 / 2 = 1.5 = 1 + 0.5, so s = 1 / 1.5 = 2/3 and 1/3 = s / 2^1.
  CHECK(bits_over_unit == 1);
  CHECK(std::abs(s / 2147483648.0 / std::ldexp(1.0, bits_over_unit) - 1.0 / 3.0) < 1e-6);
}
