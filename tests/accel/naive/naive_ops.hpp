// A naive host reference for the accelerator's int8 operations: plain loop
// nests written from TFLite's reference kernels (reference_integer_ops) and
// gemmlowp's fixed-point rules, independently of accel/model/*.cpp, so the
// two codes check each other. Slow and obvious on purpose.
//
// It takes accel::model's plain parameter structs (so both sides see the same
// inputs) but never calls an accel::model function. Call these qualified
// (naive::requantize): with accel::model arguments, argument-dependent lookup
// would also find the model's function of the same name.
//
// Where TFLite's int32 arithmetic would overflow (undefined behaviour in its
// C++ source), this reference defines what TFLite compiled for a two's
// complement machine does: the int32 value wraps modulo 2^32. That covers the
// accumulators (the hardware's wrap too), the left shift of
// MultiplyByQuantizedMultiplier and the addition of the output offset.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "accel/model/array.hpp"
#include "accel/model/layers.hpp"
#include "accel/model/quant.hpp"

namespace naive {

using accel::model::AddParams;
using accel::model::Conv2dShape;
using accel::model::DepthwiseShape;
using accel::model::FullyConnectedShape;
using accel::model::MacOperands;
using accel::model::OutputQuant;
using accel::model::Padding;
using accel::model::Requant;
using accel::model::SpatialPadding;
using accel::model::Window2d;

// ---- gemmlowp / TFLite fixed point ----

// An int64 value reduced modulo 2^32 into int32 (two's complement wrap).
int32_t wrap_to_int32(int64_t value);
// gemmlowp's SaturatingRoundingDoublingHighMul: the high 32 bits of 2*a*b,
// rounded to nearest with ties towards +infinity; INT32_MIN * INT32_MIN
// saturates to INT32_MAX.
int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b);
// gemmlowp's RoundingDivideByPOT: x / 2^exponent rounded to nearest, ties
// away from zero. exponent in [0, 31].
int32_t rounding_divide_by_pot(int32_t x, int exponent);
// TFLite's MultiplyByQuantizedMultiplier, double-rounding form: x shifted
// left by max(shift, 0) (wrapping), high multiply, rounding right shift by
// max(-shift, 0). shift in [-31, 30].
int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift);
// The output stage of every MAC operation: MBQM, + output offset, clamp.
int8_t requantize(int32_t acc, Requant r, int32_t output_offset, int32_t act_min, int32_t act_max);

// ---- shapes ----

// TFLite's output size and leading padding (ComputePaddingHeightWidth).
SpatialPadding padding_for(Padding p, uint32_t in, uint32_t kernel, uint32_t stride, uint32_t dilation);

// Element counts of the operands, so tests size their buffers from one place.
size_t conv2d_input_size(const Conv2dShape& s);
size_t conv2d_filter_size(const Conv2dShape& s);
size_t conv2d_output_size(const Conv2dShape& s);
size_t depthwise_input_size(const DepthwiseShape& s);
size_t depthwise_filter_size(const DepthwiseShape& s);
size_t depthwise_output_size(const DepthwiseShape& s);

// ---- operations (TFLite reference_integer_ops, per-channel int8) ----
// ops.output must hold the output; bias may be empty (no bias).

void conv2d(const Conv2dShape& s, const OutputQuant& q, const MacOperands& ops);
void depthwise_conv2d(const DepthwiseShape& s, const OutputQuant& q, const MacOperands& ops);
void fully_connected(const FullyConnectedShape& s, const OutputQuant& q, const MacOperands& ops);
int8_t add_element(int8_t a, int8_t b, const AddParams& p);
void add(const AddParams& p, std::span<const int8_t> input1, std::span<const int8_t> input2, std::span<int8_t> output);

// ---- one array pass (array.hpp's contract) ----

// out[i * n + j] = requantize(bias[j] + sum_k a[i * k + kk] * w[j * k + kk]).
void matmul(const accel::model::MatmulJob& job, std::span<int8_t> out);

}  // namespace naive
