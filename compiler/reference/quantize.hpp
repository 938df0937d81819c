// QUANTIZE and DEQUANTIZE, element by element.
//   quantize   float32 -> int8: clamp(round(x / scale) + zero_point), the
//              division in float, rounding half away from zero (NaN: -128);
//   requantize int8 -> int8:    clamp(multiply_by_quantized_multiplier(q -
//              input_zero_point, input_scale / output_scale) + output_zero_point);
//   dequantize int8 -> float32: float(scale * (q - zero_point)), the product in double.
#pragma once

#include "compiler/quant/operator_params.hpp"

#include <cstdint>
#include <span>

namespace compiler::reference {

void quantize(const quant::QuantizeParams& params, std::span<const float> input, std::span<std::int8_t> output);

void requantize(const quant::RequantizeParams& params, std::span<const std::int8_t> input,
                std::span<std::int8_t> output);

void dequantize(const quant::DequantizeParams& params, std::span<const std::int8_t> input,
                std::span<float> output);

} // namespace compiler::reference
