// A network's early exits (`exits:`) checked and put into its graph: each
// exit's scores are an int8 softmax layer's [1, classes] output shaped as the
// final output's; the exits are listed in the order they run, none reads the
// final output; the operators are reordered so that each exit's branch runs
// before the backbone continues past it (graph.hpp's Exit).
#pragma once

#include <vector>

#include "compiler/graph/graph.hpp"
#include "compiler/network/spec.hpp"

namespace compiler::network {

// The layer index of each exit's `at`; an unknown name is an error naming
// the exit's line. The builder counts these layers as used.
std::vector<int> exit_layers(const NetworkSpec& spec);

// `graph` as the builder made it: operator i is layer i. Fills graph.exits
// and reorders graph.ops; throws NetworkError at the exit's line and key.
void add_exits(const NetworkSpec& spec, graph::Graph& graph);

}  // namespace compiler::network
