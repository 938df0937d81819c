// "Hybrid" operators: float32 activations with an int8 constant filter
// quantized per channel (kws_ref_model_float32's CONV_2D).
//
// edgesim's semantics: the filter is dequantized once, element by element,
// to float32 as (q - zero_point[c]) * scale[c], c the element's index along
// the quantization axis (a single scale applies to every element), and the
// float32 kernel runs with it. TFLite's own hybrid kernels also quantize the
// activations at run time and accumulate in int32; we do not, so results may
// differ from TFLite's by that rounding.
#pragma once

#include "compiler/graph/graph.hpp"

#include <vector>

namespace compiler::reference {

// Throws std::invalid_argument when the tensor is not an int8 constant with
// a quantization that fits its shape.
std::vector<float> dequantize_filter(const graph::Tensor& filter);

} // namespace compiler::reference
