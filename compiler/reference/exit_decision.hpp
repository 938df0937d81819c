// The early-exit decision on the host (graph.hpp's Exit; the integer rules
// of compiler/quant/exit_units.hpp, as the firmware decides them), for
// comparing the exit a firmware run takes with the reference's.
#pragma once

#include <cstdint>
#include <span>

#include "compiler/graph/graph.hpp"
#include "compiler/reference/bind.hpp"

namespace compiler::reference {

// Whether int8 softmax scores pass an exit's rule.
bool exit_passes(const graph::Exit& exit, std::span<const std::int8_t> scores);

// The exit an inference takes, from 1 (the first early exit) to
// graph.exits.size() + 1 (the final output), given every tensor after
// Interpreter::run(); 0 for a graph without exits.
int exit_taken(const graph::Graph& graph, const TensorBuffers& tensors);

// The taken exit's scores: what the firmware's `output` holds.
int exit_scores_tensor(const graph::Graph& graph, int taken);

}  // namespace compiler::reference
