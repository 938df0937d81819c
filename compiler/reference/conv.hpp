// CONV_2D: filter OHWI [out_c][kernel_h][kernel_w][in_c], bias one per output
// channel (an empty span: no bias).
//
// int8 (TFLite's reference integer kernel): for each output channel c,
//   acc = sum over taps inside the input of filter * (input + input_offset)
//         + bias[c]
//   out = clamp(multiply_by_quantized_multiplier(acc, multiplier[c]) + output_offset)
// Taps in the padding are skipped, i.e. read as the input's zero point.
//
// float32: the same sum with float products, plus bias, clamped to the fused
// activation's range.
#pragma once

#include "compiler/quant/operator_params.hpp"
#include "compiler/reference/geometry.hpp"

#include <cstdint>
#include <span>

namespace compiler::reference {

void conv2d(const WindowGeometry& g, const quant::MacParams& params, std::span<const std::int8_t> input,
            std::span<const std::int8_t> filter, std::span<const std::int32_t> bias,
            std::span<std::int8_t> output);

void conv2d(const WindowGeometry& g, quant::FloatRange activation, std::span<const float> input,
            std::span<const float> filter, std::span<const float> bias, std::span<float> output);

} // namespace compiler::reference
