// Seeded random inputs for a graph, the same bytes on every host and
// standard library: std::mt19937_64's output sequence is fixed by the C++
// standard, and its draws are turned into values by hand (the std::
// distributions are implementation-defined).
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/reference/tool/inference_bytes.hpp"

#include <random>

namespace compiler::reference::tool {

// One inference's inputs (graph.inputs order): int8 and uint8 elements
// uniform over their whole range (a draw's low 8 bits), float32 elements
// uniform in [-1, 1) (a draw's top 24 bits as a fraction, exact in a
// float). Throws std::invalid_argument for another input type.
Inference random_inputs(const graph::Graph& graph, std::mt19937_64& rng);

} // namespace compiler::reference::tool
