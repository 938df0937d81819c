// A parsed network description turned into the compiler's graph: shapes
// inferred and checked layer by layer, deterministic weights drawn from the
// seed, int8 quantization chosen by the rule of estimate.hpp (or the layer's
// own `output:`). Follows graph.hpp's conventions: NHWC, OHWI and
// [1][kh][kw][c*m] filters, [out][in] weights, int32 biases for int8 layers.
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/network/spec.hpp"

namespace compiler::network {

// Throws NetworkError naming the layer's file, line and key.
graph::Graph build(const NetworkSpec& spec);

}  // namespace compiler::network
