// The tensor types edgesim's kernels take, operator by operator: int8 or
// float32 activations, int32 biases under int8 ones, int8 or float32
// weights under float32 ones (TFLite's hybrid operators), an int32 shape
// operand for RESHAPE. Checked on the file's own types, so a message can
// name any TFLite type (INT16, FLOAT16, ...).
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/tflite/schema.hpp"

#include <string_view>

namespace compiler::tflite {

// Throws ReadError, its message starting with `where` ("model.tflite:
// operator 3 (CONV_2D)"), naming the tensor and its type. The operator's
// tensor indices must be in range of the subgraph's tensors (or -1 for an
// absent optional input).
void check_operator_types(graph::OpKind kind, const schema::Operator& op,
                          const schema::SubGraph& subgraph, std::string_view where);

} // namespace compiler::tflite
