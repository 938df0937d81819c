// The clamp a fused activation (NONE, RELU, RELU6, RELU_N1_TO_1) applies to
// an operator's output, in the output's integer domain (TFLite's
// CalculateActivationRangeQuantized) or in float.
#pragma once

#include "compiler/graph/graph.hpp"

#include <cstdint>

namespace compiler::quant {

// The fused activation an operator's options carry (NONE for operators
// without one).
graph::Activation fused_activation(const graph::Operator& op);

struct ActivationRange {
  std::int32_t min = 0;
  std::int32_t max = 0;
  bool operator==(const ActivationRange&) const = default;
};

// The activation's bounds quantized with the output's scale and zero point
// (zero_point + round(bound / scale), rounding half away from zero in float),
// intersected with the type's range. Only int8 outputs are supported.
ActivationRange quantized_activation_range(graph::Activation activation, float output_scale,
                                           std::int32_t output_zero_point);

struct FloatRange {
  float min = 0.0f;
  float max = 0.0f;
};

// NONE: (lowest float, max float); RELU: [0, max]; RELU6: [0, 6]; RELU_N1_TO_1: [-1, 1].
FloatRange float_activation_range(graph::Activation activation);

} // namespace compiler::quant
