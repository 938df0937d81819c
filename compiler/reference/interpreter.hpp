// Runs a whole graph on the host, operator by operator in the graph's
// order, with the reference kernels: the independent implementation that
// firmware outputs are compared against.
//
// It holds one byte buffer per tensor (little-endian, element order, as
// graph::Tensor::data): constants are filled from the graph, activations
// written by the operator producing them and never reused, so after run()
// every intermediate tensor can be read for per-layer comparisons.
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/reference/bind.hpp"
#include "compiler/reference/tensor_data.hpp"

#include <vector>

namespace compiler::reference {

class Interpreter {
public:
  // Checks every operator and derives its parameters once; throws
  // std::invalid_argument naming the first operator it cannot run. The graph
  // must outlive the interpreter.
  explicit Interpreter(const graph::Graph& graph);
  Interpreter(graph::Graph&&) = delete;

  // One buffer per graph input (graph.inputs order, each exactly the
  // tensor's size in bytes); returns one per graph output.
  std::vector<Bytes> run(const std::vector<Bytes>& inputs);

  // Any tensor's contents after run() (constants at any time).
  const Bytes& tensor(int index) const;
  const TensorBuffers& tensors() const { return buffers_; }

  template <typename T>
  std::vector<T> tensor_as(int index) const
  {
    return from_bytes<T>(tensor(index));
  }

private:
  const graph::Graph& graph_;
  TensorBuffers buffers_;
  std::vector<Step> steps_;
};

// One-shot form of Interpreter(graph).run(inputs).
std::vector<Bytes> run(const graph::Graph& graph, const std::vector<Bytes>& inputs);

} // namespace compiler::reference
