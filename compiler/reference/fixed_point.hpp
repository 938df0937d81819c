// The fixed-point arithmetic of TFLite's integer kernels (gemmlowp's
// primitives as TFLite's reference kernels use them), on scalars.
#pragma once

#include "compiler/quant/multiplier.hpp"

#include <cstdint>

namespace compiler::reference {

// (a * b * 2 + 2^31) >> 32 rounded to nearest (ties away from zero), i.e. the
// high half of the doubled product: Arm's SQRDMULH. INT32_MIN * INT32_MIN
// saturates to INT32_MAX.
std::int32_t saturating_rounding_doubling_high_mul(std::int32_t a, std::int32_t b);

// x / 2^exponent rounded to nearest, ties away from zero (0 <= exponent <= 31).
std::int32_t rounding_divide_by_pot(std::int32_t x, int exponent);

// x * 2^exponent saturated to int32 (exponent > 0), or rounding_divide_by_pot
// for exponent < 0.
std::int32_t saturating_rounding_multiply_by_pot(std::int32_t x, int exponent);

// TFLite's MultiplyByQuantizedMultiplier (double rounding): a left shift
// (shift > 0) before the doubling high multiply, a rounding right shift
// (shift < 0) after it.
std::int32_t multiply_by_quantized_multiplier(std::int32_t x, quant::Multiplier m);

// exp(a) for a <= 0, a in Q5.26 (5 integer bits); the result in Q0.31
// (gemmlowp's exp_on_negative_values: a Taylor polynomial on [-1/4, 0) and a
// product of exp(-2^k) constants for the integer and quarter bits).
std::int32_t exp_on_negative_values_q5_26(std::int32_t a);

// 1 / (1 + x) for x in [0, 1), x and result in Q0.31 (gemmlowp's
// one_over_one_plus_x_for_x_in_0_1: three Newton-Raphson steps).
std::int32_t one_over_one_plus_x_q0_31(std::int32_t x);

// TFLite's GetReciprocal: for a positive x with `integer_bits` integer bits,
// returns a Q0.31 value s and sets bits_over_unit so that 1/x ~= s / 2^bits_over_unit.
std::int32_t reciprocal(std::int32_t x, int integer_bits, int& bits_over_unit);

} // namespace compiler::reference
