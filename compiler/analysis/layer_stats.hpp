// What each layer costs before anything runs: multiply-accumulates,
// parameters and the activation bytes it reads and writes.
//
//   CONV_2D           MACs = E x F x R x S x C x M   (output rows, columns,
//                     kernel rows, columns, input channels, output channels)
//   DEPTHWISE_CONV_2D MACs = E x F x R x S x C x (depth multiplier)
//   FULLY_CONNECTED   MACs = H x W of the weight matrix (x batch)
// (times the batch). Other operators do no MACs. Parameters are the
// elements of an operator's constant inputs (weights and biases).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/graph/graph.hpp"

namespace compiler::analysis {

struct LayerStats {
  int index = 0;
  std::string op;          // TFLite name, "CONV_2D"
  std::string output;      // the output tensor's name
  std::uint64_t macs = 0;
  std::uint64_t params = 0;
  std::uint64_t param_bytes = 0;
  std::uint64_t input_bytes = 0;   // activations read (non-constant inputs)
  std::uint64_t output_bytes = 0;  // activations written
};

std::vector<LayerStats> layer_stats(const graph::Graph& graph);

struct ModelTotals {
  std::uint64_t macs = 0, params = 0, param_bytes = 0;
};
ModelTotals totals(const std::vector<LayerStats>& layers);

}  // namespace compiler::analysis
