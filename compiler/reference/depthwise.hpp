// DEPTHWISE_CONV_2D: filter [1][kernel_h][kernel_w][in_c * depth_multiplier];
// output channel oc = ic * depth_multiplier + m reads only input channel ic.
// depth_multiplier = output.channels / input.channels. Bias one per output
// channel (an empty span: no bias).
//
// int8: acc = sum over taps inside the input of filter * (input + input_offset)
// + bias[oc]; out = clamp(multiply_by_quantized_multiplier(acc,
// multiplier[oc]) + output_offset). float32: the same in float, clamped to
// the fused activation's range.
#pragma once

#include "compiler/quant/operator_params.hpp"
#include "compiler/reference/geometry.hpp"

#include <cstdint>
#include <span>

namespace compiler::reference {

void depthwise_conv2d(const WindowGeometry& g, const quant::MacParams& params,
                      std::span<const std::int8_t> input, std::span<const std::int8_t> filter,
                      std::span<const std::int32_t> bias, std::span<std::int8_t> output);

void depthwise_conv2d(const WindowGeometry& g, quant::FloatRange activation, std::span<const float> input,
                      std::span<const float> filter, std::span<const float> bias, std::span<float> output);

} // namespace compiler::reference
