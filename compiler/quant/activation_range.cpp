#include "compiler/quant/activation_range.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <variant>

namespace compiler::quant {

graph::Activation fused_activation(const graph::Operator& op)
{
  return std::visit(
      [](const auto& params) -> graph::Activation {
        if constexpr (requires { params.activation; })
          return params.activation;
        else
          return graph::Activation::None;
      },
      op.params);
}

ActivationRange quantized_activation_range(graph::Activation activation, float output_scale,
                                           std::int32_t output_zero_point)
{
  constexpr std::int32_t kMin = std::numeric_limits<std::int8_t>::min();
  constexpr std::int32_t kMax = std::numeric_limits<std::int8_t>::max();
  // TFLite divides in float and rounds the float quotient.
  const auto quantize = [&](float real) {
    return output_zero_point + static_cast<std::int32_t>(std::round(real / output_scale));
  };
  switch (activation) {
  case graph::Activation::None: return {kMin, kMax};
  case graph::Activation::Relu: return {std::max(kMin, quantize(0.0f)), kMax};
  case graph::Activation::Relu6:
    return {std::max(kMin, quantize(0.0f)), std::min(kMax, quantize(6.0f))};
  case graph::Activation::ReluN1To1:
    return {std::max(kMin, quantize(-1.0f)), std::min(kMax, quantize(1.0f))};
  }
  return {kMin, kMax};
}

FloatRange float_activation_range(graph::Activation activation)
{
  switch (activation) {
  case graph::Activation::None:
    return {std::numeric_limits<float>::lowest(), std::numeric_limits<float>::max()};
  case graph::Activation::Relu: return {0.0f, std::numeric_limits<float>::max()};
  case graph::Activation::Relu6: return {0.0f, 6.0f};
  case graph::Activation::ReluN1To1: return {-1.0f, 1.0f};
  }
  return {std::numeric_limits<float>::lowest(), std::numeric_limits<float>::max()};
}

} // namespace compiler::quant
