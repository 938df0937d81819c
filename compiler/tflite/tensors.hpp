// One TFLite tensor as a graph tensor: type, shape, affine quantization
// (per tensor or per channel) and, for constants, its buffer's bytes.
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/tflite/schema.hpp"

#include <string_view>

namespace compiler::tflite {

// Throws ReadError (message starting with `source`, naming the tensor) for a
// type the graph cannot represent, a sparse tensor, custom quantization, or
// a buffer that is missing or stored outside the flatbuffer.
graph::Tensor read_tensor(const schema::Tensor& tensor, int index, const schema::Model& model,
                          std::string_view source);

} // namespace compiler::tflite
