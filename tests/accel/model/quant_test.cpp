// TFLite's requantization arithmetic (gemmlowp fixed point), with every
// expected value worked by hand from gemmlowp's definitions:
//   SaturatingRoundingDoublingHighMul(a, b) = (a*b + nudge) / 2^31, the
//     division truncating toward zero, nudge = 2^30 if a*b >= 0 else
//     1 - 2^30 (so a positive tie rounds up and a negative tie rounds toward
//     zero, i.e. both toward +infinity), INT32_MIN * INT32_MIN saturating
//     to INT32_MAX;
//   RoundingDivideByPOT(x, e) = x / 2^e to nearest, ties away from zero;
//   MultiplyByQuantizedMultiplier(x, m, s) = RoundingDivideByPOT(
//     SaturatingRoundingDoublingHighMul(x * 2^max(s,0), m), max(-s,0)).
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

#include "accel/model/quant.hpp"

using namespace accel::model;

namespace {
constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
constexpr int32_t kMax = std::numeric_limits<int32_t>::max();
constexpr int32_t kHalf = 1 << 30;  // 0.5 in Q31
}  // namespace

TEST_CASE("saturating_rounding_doubling_high_mul: exact products") {
  // 2^30 * 2^30 / 2^31 = 2^29
  REQUIRE(saturating_rounding_doubling_high_mul(kHalf, kHalf) == (1 << 29));
  // 100 * 2^30 / 2^31 = 50; -100 -> -50
  REQUIRE(saturating_rounding_doubling_high_mul(100, kHalf) == 50);
  REQUIRE(saturating_rounding_doubling_high_mul(-100, kHalf) == -50);
  REQUIRE(saturating_rounding_doubling_high_mul(0, kMin) == 0);
  // INT32_MAX * INT32_MAX / 2^31 = (2^31 - 1)^2 / 2^31 = 2^31 - 2 + 2^-31 -> 2^31 - 2
  REQUIRE(saturating_rounding_doubling_high_mul(kMax, kMax) == kMax - 1);
  // INT32_MIN * INT32_MAX / 2^31 = -(2^31 - 1) exactly
  REQUIRE(saturating_rounding_doubling_high_mul(kMin, kMax) == -kMax);
}

TEST_CASE("saturating_rounding_doubling_high_mul: INT32_MIN * INT32_MIN saturates") {
  // 2^62 / 2^31 = 2^31 does not fit: gemmlowp returns INT32_MAX.
  REQUIRE(saturating_rounding_doubling_high_mul(kMin, kMin) == kMax);
}

TEST_CASE("saturating_rounding_doubling_high_mul: rounding and ties") {
  // 3 * 2^30 / 2^31 = 1.5: (3*2^30 + 2^30) / 2^31 = 2
  REQUIRE(saturating_rounding_doubling_high_mul(3, kHalf) == 2);
  // -1.5: (-3*2^30 + 1 - 2^30) / 2^31 = (-2^32 + 1) / 2^31 = -1.99.. -> -1 (truncation)
  REQUIRE(saturating_rounding_doubling_high_mul(-3, kHalf) == -1);
  // -2.5: (-5*2^30 + 1 - 2^30) / 2^31 = (-3*2^31 + 1) / 2^31 -> -2
  REQUIRE(saturating_rounding_doubling_high_mul(-5, kHalf) == -2);
  // 1 * 2^30 / 2^31 = 0.5 -> 1; -0.5 -> 0
  REQUIRE(saturating_rounding_doubling_high_mul(1, kHalf) == 1);
  REQUIRE(saturating_rounding_doubling_high_mul(-1, kHalf) == 0);
  // 1000 * 1518500250 / 2^31: 2^31 * 707 = 1518270939136, remainder
  // 1518500250000 - 1518270939136 = 229310864 < 2^30 -> 707; negated -> -707
  REQUIRE(saturating_rounding_doubling_high_mul(1000, 1518500250) == 707);
  REQUIRE(saturating_rounding_doubling_high_mul(-1000, 1518500250) == -707);
  // 3 * 2^29 / 2^31 = 0.75 -> 1; -0.75 -> -1
  REQUIRE(saturating_rounding_doubling_high_mul(3, 1 << 29) == 1);
  REQUIRE(saturating_rounding_doubling_high_mul(-3, 1 << 29) == -1);
}

TEST_CASE("rounding_divide_by_pot: to nearest, ties away from zero") {
  REQUIRE(rounding_divide_by_pot(5, 0) == 5);
  REQUIRE(rounding_divide_by_pot(-5, 0) == -5);
  REQUIRE(rounding_divide_by_pot(5, 1) == 3);    // 2.5 -> 3
  REQUIRE(rounding_divide_by_pot(-5, 1) == -3);  // -2.5 -> -3
  REQUIRE(rounding_divide_by_pot(6, 2) == 2);    // 1.5 -> 2
  REQUIRE(rounding_divide_by_pot(-6, 2) == -2);  // -1.5 -> -2
  REQUIRE(rounding_divide_by_pot(5, 2) == 1);    // 1.25 -> 1
  REQUIRE(rounding_divide_by_pot(-5, 2) == -1);  // -1.25 -> -1
  REQUIRE(rounding_divide_by_pot(7, 2) == 2);    // 1.75 -> 2
  REQUIRE(rounding_divide_by_pot(-7, 2) == -2);  // -1.75 -> -2
  REQUIRE(rounding_divide_by_pot(-3, 2) == -1);  // -0.75 -> -1
  REQUIRE(rounding_divide_by_pot(-1, 2) == 0);   // -0.25 -> 0
}

TEST_CASE("rounding_divide_by_pot: the extreme exponent and values") {
  REQUIRE(rounding_divide_by_pot(kMin, 31) == -1);     // -2^31 / 2^31
  REQUIRE(rounding_divide_by_pot(kMax, 31) == 1);      // 0.99.. -> 1
  REQUIRE(rounding_divide_by_pot(kHalf, 31) == 1);     // 0.5 -> 1
  REQUIRE(rounding_divide_by_pot(-kHalf, 31) == -1);   // -0.5 -> -1
  REQUIRE(rounding_divide_by_pot(kHalf - 1, 31) == 0);  // just under 0.5
  REQUIRE(rounding_divide_by_pot(kMin, 1) == -(1 << 30));
}

TEST_CASE("multiply_by_quantized_multiplier: right shifts round twice") {
  // 100 * 0.5 = 50, then shift -3: 50 / 8 = 6.25 -> 6
  REQUIRE(multiply_by_quantized_multiplier(100, kHalf, 0) == 50);
  REQUIRE(multiply_by_quantized_multiplier(100, kHalf, -3) == 6);
  REQUIRE(multiply_by_quantized_multiplier(-100, kHalf, -3) == -6);  // -6.25
  REQUIRE(multiply_by_quantized_multiplier(24, kHalf, -3) == 2);     // 12 / 8 = 1.5 -> 2
  REQUIRE(multiply_by_quantized_multiplier(-24, kHalf, -3) == -2);   // -1.5 -> -2
  // 5 * 0.5 = 2.5 -> 3 (first rounding), 3 / 2 = 1.5 -> 2 (second). One
  // rounding of 5 / 4 = 1.25 would give 1: TFLite rounds twice.
  REQUIRE(multiply_by_quantized_multiplier(5, kHalf, -1) == 2);
}

TEST_CASE("multiply_by_quantized_multiplier: left shifts apply before the multiply") {
  // (100 << 1) * 0.5 = 100
  REQUIRE(multiply_by_quantized_multiplier(100, kHalf, 1) == 100);
  // (3 << 2) * 0.75 = 12 * 3 * 2^29 / 2^31 = 9
  REQUIRE(multiply_by_quantized_multiplier(3, 3 << 29, 2) == 9);
  // (-3 << 2) * 0.75 = -9
  REQUIRE(multiply_by_quantized_multiplier(-3, 3 << 29, 2) == -9);
  // (1 << 30) * 0.5 = 2^29
  REQUIRE(multiply_by_quantized_multiplier(1, kHalf, 30) == (1 << 29));
}

TEST_CASE("requantize: scale, output offset, clamp") {
  // 1000 * 0.5 / 4 = 125, - 10 -> 115
  REQUIRE(requantize(1000, {kHalf, -2}, -10, -128, 127) == 115);
  // 1000 * 0.5 = 500 -> clamped to 127; -500 -> -128
  REQUIRE(requantize(1000, {kHalf, 0}, 0, -128, 127) == 127);
  REQUIRE(requantize(-1000, {kHalf, 0}, 0, -128, 127) == -128);
  // ReLU6-like clamp [0, 6] with output offset 3: -20 * 0.5 + 3 = -7 -> 0; 40 * 0.5 + 3 = 23 -> 6
  REQUIRE(requantize(-20, {kHalf, 0}, 3, 0, 6) == 0);
  REQUIRE(requantize(40, {kHalf, 0}, 3, 0, 6) == 6);
  REQUIRE(requantize(4, {kHalf, 0}, 3, 0, 6) == 5);  // 2 + 3
  // A zero multiplier leaves the output offset.
  REQUIRE(requantize(12345, {0, 0}, -7, -128, 127) == -7);
}
