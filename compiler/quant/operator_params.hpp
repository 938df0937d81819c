// The integer parameters of each int8 operator, derived from its tensors'
// float scales and zero points as TFLite's Prepare step derives them. The host
// reference runs with them; the code generator bakes them into firmware.
//
// Every function throws std::invalid_argument naming the operator (TFLite
// name and source index) when the tensors do not fit its int8 form.
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/quant/activation_range.hpp"
#include "compiler/quant/multiplier.hpp"

#include <cstdint>
#include <vector>

namespace compiler::quant {

// CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED: acc = sum((filter + filter_offset)
// * (input + input_offset)) + bias, then output = clamp(rescale(acc) +
// output_offset). Offsets are negated zero points for the inputs (TFLite's
// convention) and the zero point itself for the output.
struct MacParams {
  std::int32_t input_offset = 0;
  std::int32_t filter_offset = 0; // 0 for CONV_2D and DEPTHWISE (TFLite requires symmetric filters)
  std::int32_t output_offset = 0;
  // One per output channel: input_scale * filter_scale[c] / output_scale. A
  // per-tensor filter scale is repeated for every channel.
  std::vector<Multiplier> output_multipliers;
  ActivationRange activation;
};
MacParams mac_params(const graph::Graph& graph, const graph::Operator& op);

// ADD: both inputs are shifted left by left_shift (20) and rescaled to a
// common scale of twice the larger input scale, summed, then rescaled to the
// output (TFLite's add.cc Prepare).
struct AddParams {
  std::int32_t input1_offset = 0;
  std::int32_t input2_offset = 0;
  std::int32_t output_offset = 0;
  int left_shift = 20;
  Multiplier input1;
  Multiplier input2;
  Multiplier output;
  ActivationRange activation;
};
AddParams add_params(const graph::Graph& graph, const graph::Operator& op);

// AVERAGE_POOL_2D, MAX_POOL_2D: the int8 kernels work on raw values (input
// and output share their quantization), so only the clamp is derived.
struct PoolParams {
  ActivationRange activation;
};
PoolParams pool_params(const graph::Graph& graph, const graph::Operator& op);

// SOFTMAX int8 -> int8 (TFLite's PreprocessSoftmaxScaling and
// CalculateInputRadius with 5 integer bits for the scaled differences): an
// input difference d = x - max(row) >= diff_min becomes the Q5.26 value
// d * 2^input_left_shift * input_multiplier / 2^31; smaller ones give exp 0.
struct SoftmaxParams {
  std::int32_t input_multiplier = 0;
  int input_left_shift = 0;
  std::int32_t diff_min = 0;
};
inline constexpr int kSoftmaxScaledDiffIntegerBits = 5;
SoftmaxParams softmax_params(double beta, double input_scale);
SoftmaxParams softmax_params(const graph::Graph& graph, const graph::Operator& op);

// QUANTIZE float32 -> int8: q = clamp(round(x / scale) + zero_point), the
// division and rounding in float.
struct QuantizeParams {
  float scale = 1.0f;
  std::int32_t zero_point = 0;
};
QuantizeParams quantize_params(const graph::Graph& graph, const graph::Operator& op);

// QUANTIZE int8 -> int8 (requantize): q_out = clamp(rescale(q_in -
// input_zero_point) + output_zero_point), multiplier input_scale / output_scale.
struct RequantizeParams {
  std::int32_t input_zero_point = 0;
  std::int32_t output_zero_point = 0;
  Multiplier multiplier;
};
RequantizeParams requantize_params(const graph::Graph& graph, const graph::Operator& op);

// DEQUANTIZE int8 -> float32: x = float(scale * (q - zero_point)), the
// product in double.
struct DequantizeParams {
  double scale = 1.0;
  std::int32_t zero_point = 0;
};
DequantizeParams dequantize_params(const graph::Graph& graph, const graph::Operator& op);

} // namespace compiler::quant
