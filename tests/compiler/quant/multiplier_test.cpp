#include "compiler/quant/activation_range.hpp"
#include "compiler/quant/multiplier.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace compiler::quant;
using compiler::graph::Activation;

namespace {
constexpr std::int32_t kHalf = std::int32_t{1} << 30; // 0.5 in Q0.31
}

// real = multiplier * 2^(shift - 31): frexp gives the fraction in [0.5, 1).
TEST_CASE("quantize_multiplier: powers of two and simple fractions")
{
  CHECK(quantize_multiplier(0.5) == Multiplier{kHalf, 0});   // 0.5 * 2^0
  CHECK(quantize_multiplier(0.25) == Multiplier{kHalf, -1}); // 0.5 * 2^-1
  CHECK(quantize_multiplier(1.0) == Multiplier{kHalf, 1});   // 0.5 * 2^1
  CHECK(quantize_multiplier(2.0) == Multiplier{kHalf, 2});
  // 0.75 * 2^31 = 1610612736; 3 = 0.75 * 2^2.
  CHECK(quantize_multiplier(0.75) == Multiplier{1610612736, 0});
  CHECK(quantize_multiplier(3.0) == Multiplier{1610612736, 2});
}

TEST_CASE("quantize_multiplier: zero gives a zero multiplier")
{
  CHECK(quantize_multiplier(0.0) == Multiplier{0, 0});
}

TEST_CASE("quantize_multiplier: a fraction rounding up to 1.0 carries into the shift")
{
  // 1 - 2^-40: fraction 1 - 2^-40, times 2^31 = 2^31 - 2^-9, rounds to 2^31:
  // halved to 2^30 with the exponent 0 -> 1, the same as 1.0.
  CHECK(quantize_multiplier(1.0 - std::ldexp(1.0, -40)) == Multiplier{kHalf, 1});
  // 0.5 - 2^-45 = (1 - 2^-44) * 2^-1: carries to 0.5 * 2^0.
  CHECK(quantize_multiplier(0.5 - std::ldexp(1.0, -45)) == Multiplier{kHalf, 0});
  // 1 - 2^-30: fraction * 2^31 = 2^31 - 2 exactly, no carry.
  CHECK(quantize_multiplier(1.0 - std::ldexp(1.0, -30)) == Multiplier{2147483646, 0});
}

TEST_CASE("quantize_multiplier: rounds half away from zero")
{
  // 0.5 + 2^-32: fraction * 2^31 = 2^30 + 0.5 -> 2^30 + 1.
  CHECK(quantize_multiplier(0.5 + std::ldexp(1.0, -32)) == Multiplier{kHalf + 1, 0});
  // 0.5 + 2^-33: 2^30 + 0.25 -> 2^30.
  CHECK(quantize_multiplier(0.5 + std::ldexp(1.0, -33)) == Multiplier{kHalf, 0});
}

TEST_CASE("quantize_multiplier: tiny values flush to zero below 2^-32")
{
  // 2^-32 = 0.5 * 2^-31: the smallest exponent kept.
  CHECK(quantize_multiplier(std::ldexp(1.0, -32)) == Multiplier{kHalf, -31});
  // 2^-33 = 0.5 * 2^-32 and 0.75 * 2^-33 (exponent -32): flushed.
  CHECK(quantize_multiplier(std::ldexp(1.0, -33)) == Multiplier{0, 0});
  CHECK(quantize_multiplier(std::ldexp(0.75, -32)) == Multiplier{0, 0});
}

TEST_CASE("quantize_multiplier: round trip within half a Q0.31 step")
{
  // The fraction is >= 0.5 and rounded to 2^-31, so the relative error is
  // at most 2^-32 / 0.5 = 2^-31.
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> exponent(-30.0, 10.0);
  for (int i = 0; i < 10000; ++i) {
    const double real = std::exp2(exponent(rng));
    const Multiplier m = quantize_multiplier(real);
    REQUIRE(m.multiplier >= kHalf);
    REQUIRE(std::abs(m.value() - real) <= real * std::ldexp(1.0, -31));
  }
}

// zero_point + round(bound / scale), clamped to [-128, 127].
TEST_CASE("quantized_activation_range: fused activations on the output's scale")
{
  // scale 0.05, zero point -10: 0 -> -10, 6 -> -10 + 120 = 110, +-1 -> -10 -+ 20.
  CHECK(quantized_activation_range(Activation::None, 0.05f, -10) == ActivationRange{-128, 127});
  CHECK(quantized_activation_range(Activation::Relu, 0.05f, -10) == ActivationRange{-10, 127});
  CHECK(quantized_activation_range(Activation::Relu6, 0.05f, -10) == ActivationRange{-10, 110});
  CHECK(quantized_activation_range(Activation::ReluN1To1, 0.05f, -10) == ActivationRange{-30, 10});
  // scale 0.01: 6 -> 600, beyond int8: clamped to 127; zero point -128 keeps -128.
  CHECK(quantized_activation_range(Activation::Relu6, 0.01f, -128) == ActivationRange{-128, 127});
  // scale 0.04, 6/0.04 = 150 -> -128 + 150 = 22.
  CHECK(quantized_activation_range(Activation::Relu6, 0.04f, -128) == ActivationRange{-128, 22});
}

TEST_CASE("float_activation_range")
{
  CHECK(float_activation_range(Activation::Relu6).min == 0.0f);
  CHECK(float_activation_range(Activation::Relu6).max == 6.0f);
  CHECK(float_activation_range(Activation::ReluN1To1).min == -1.0f);
  CHECK(float_activation_range(Activation::Relu).max > 1e30f);
  CHECK(float_activation_range(Activation::None).min < -1e30f);
}
