// The end of every int8 MAC operator (CONV_2D, DEPTHWISE_CONV_2D,
// FULLY_CONNECTED) in TFLite's reference kernels: add the channel's bias,
// rescale by its multiplier, add the output zero point, clamp to the fused
// activation's range.
#pragma once

#include "compiler/quant/operator_params.hpp"
#include "compiler/reference/fixed_point.hpp"

#include <algorithm>
#include <cstdint>
#include <span>

namespace compiler::reference {

inline std::int8_t mac_output(std::int32_t acc, std::span<const std::int32_t> bias, const quant::MacParams& params,
                              int channel)
{
  const auto c = static_cast<std::size_t>(channel);
  if (!bias.empty())
    acc += bias[c];
  acc = multiply_by_quantized_multiplier(acc, params.output_multipliers[c]);
  acc += params.output_offset;
  return static_cast<std::int8_t>(std::clamp(acc, params.activation.min, params.activation.max));
}

} // namespace compiler::reference
