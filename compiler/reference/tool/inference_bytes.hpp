// The byte layout the edgesim_reference tool reads and writes, and that
// scripts/armnn_compare.py and firmware dumps share: raw little-endian
// tensor contents, one inference after another, each inference the
// concatenation of its tensors (the graph's inputs, or the tensors written
// out) in order. No header: a file's size and the model say how many
// inferences it holds.
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/reference/tensor_data.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace compiler::reference::tool {

// One buffer per tensor of the inference, in order.
using Inference = std::vector<Bytes>;

// Bytes of one inference over these tensors (indices into graph.tensors).
std::size_t inference_bytes(const graph::Graph& graph, std::span<const int> tensors);

// Cuts `bytes` into inferences over `tensors`; throws std::invalid_argument
// when the size is not a positive whole number of inferences.
std::vector<Inference> split_inferences(const graph::Graph& graph, std::span<const int> tensors,
                                        std::span<const std::uint8_t> bytes);

// Appends an inference's tensors to `out`, in order.
void append_inference(const Inference& inference, Bytes& out);

} // namespace compiler::reference::tool
