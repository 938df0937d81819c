// Structural and shape checks that any front end's graph must pass before
// the planner, the code generator or the host reference see it: operator
// arity, tensor indices, constant weights, output shapes (TFLite's rules),
// quantization parameters, and that each operator's inputs exist by the time
// it runs. Tensor types are the front end's business (what a file format
// allows); these checks hold for every source.
#pragma once

#include "compiler/graph/graph.hpp"

#include <stdexcept>

namespace compiler::graph {

// What is wrong, naming the operator ("operator 3 (CONV_2D): ...", with its
// source_index) or the tensor ("tensor 5 'conv1/bias': ...").
class GraphError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Throws GraphError at the first problem found.
void check(const Graph& graph);

} // namespace compiler::graph
