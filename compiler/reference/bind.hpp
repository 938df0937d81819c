// Binds one graph operator to its reference kernel: checks its tensors'
// types and shapes, derives its parameters once (quant::, geometry), and
// returns the step that runs it on the interpreter's tensor buffers.
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/reference/tensor_data.hpp"

#include <functional>
#include <vector>

namespace compiler::reference {

// One byte buffer per graph tensor, indexed like graph.tensors.
using TensorBuffers = std::vector<Bytes>;
using Step = std::function<void(TensorBuffers&)>;

// Throws std::invalid_argument naming the operator when the reference does
// not support it in this form.
Step bind_operator(const graph::Graph& graph, const graph::Operator& op);

} // namespace compiler::reference
