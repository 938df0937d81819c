// FULLY_CONNECTED: input [batches][in], weights [out][in], bias [out] (an
// empty span: no bias), output [batches][out].
//
// int8: acc = sum((weight + filter_offset) * (input + input_offset)) + bias[o];
// out = clamp(multiply_by_quantized_multiplier(acc, multiplier[o]) +
// output_offset). float32: the same in float, clamped to the activation range.
#pragma once

#include "compiler/quant/operator_params.hpp"
#include "compiler/reference/geometry.hpp"

#include <cstdint>
#include <span>

namespace compiler::reference {

void fully_connected(const FullyConnectedGeometry& g, const quant::MacParams& params,
                     std::span<const std::int8_t> input, std::span<const std::int8_t> weights,
                     std::span<const std::int32_t> bias, std::span<std::int8_t> output);

void fully_connected(const FullyConnectedGeometry& g, quant::FloatRange activation, std::span<const float> input,
                     std::span<const float> weights, std::span<const float> bias, std::span<float> output);

} // namespace compiler::reference
