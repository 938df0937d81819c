/* Fixed-point functions of gemmlowp (fixedpoint.h) that TFLite's int8
 * SOFTMAX uses, written from their definitions for 32-bit raw values.
 * Qm.n below means m integer bits and n = 31 - m fractional bits: raw r
 * stands for r / 2^n. Products are nn_saturating_rounding_doubling_high_mul
 * (the integer bits of the operands add up); sums wrap (gemmlowp leaves
 * their overflow undefined, and its algorithms never reach it). */
#ifndef EDGESIM_NN_FIXEDPOINT_H
#define EDGESIM_NN_FIXEDPOINT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* x * 2^exponent (exponent 1..30), saturated to [INT32_MIN, INT32_MAX]
 * (gemmlowp's SaturatingRoundingMultiplyByPOT with a positive exponent:
 * |x| above (2^(31 - exponent) - 1) saturates). */
int32_t nn_saturating_shift_left(int32_t x, int exponent);

/* (a + b) / 2 rounded to nearest, ties away from zero, without overflow. */
int32_t nn_rounding_half_sum(int32_t a, int32_t b);

/* exp(a) for a <= 0 in Q5.26 (a >= -32), as Q0.31; exp(0) is INT32_MAX. */
int32_t nn_exp_on_negative_values_q5(int32_t a);

/* 1 / (1 + a) for a in [0, 1) as Q0.31, by three Newton-Raphson steps. */
int32_t nn_one_over_one_plus_x(int32_t a);

/* The reciprocal of x > 0, a Qm.(31-m) number with m = integer_bits, as
 * TFLite's GetReciprocal: x = 2^(num_bits_over_unit) * (1 + f), f in
 * [0, 1); returns 1 / (1 + f) in Q0.31, so that 1/x is the result divided
 * by 2^num_bits_over_unit. */
int32_t nn_reciprocal(int32_t x, int integer_bits, int *num_bits_over_unit);

#ifdef __cplusplus
}
#endif

#endif
