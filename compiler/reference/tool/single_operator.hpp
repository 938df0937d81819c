// One operator of a graph cut out as a graph of its own, so the reference
// can run a layer on inputs taken from elsewhere (another implementation's
// intermediate tensors): a layer's own differences are then told apart from
// the ones it inherits.
#pragma once

#include "compiler/graph/graph.hpp"

#include <vector>

namespace compiler::reference::tool {

// The graph's tensors (indices unchanged), only operator `op_index` (its
// position in graph.ops), as inputs its non-constant inputs in the
// operator's order, as outputs its outputs. Throws std::out_of_range for a
// bad index.
graph::Graph single_operator_graph(const graph::Graph& graph, int op_index);

// For each input of operator `op_index` that single_operator_graph() takes
// as a graph input: the position in graph.ops of the operator writing it,
// or -1 for a network input.
std::vector<int> producers_of_inputs(const graph::Graph& graph, int op_index);

} // namespace compiler::reference::tool
