#include "compiler/reference/interpreter.hpp"

#include "compiler/reference/operator_error.hpp"

#include <stdexcept>
#include <string>

namespace compiler::reference {

Interpreter::Interpreter(const graph::Graph& graph) : graph_(graph)
{
  buffers_.resize(graph.tensors.size());
  // Which tensors hold a value before the operators run: constants and inputs.
  std::vector<bool> available(graph.tensors.size(), false);
  for (std::size_t i = 0; i < graph.tensors.size(); ++i) {
    const graph::Tensor& t = graph.tensors[i];
    if (t.is_constant()) {
      if (t.data.size() != t.bytes())
        throw std::invalid_argument("tensor '" + t.name + "' holds " + std::to_string(t.data.size()) +
                                    " bytes, its shape needs " + std::to_string(t.bytes()));
      buffers_[i] = t.data;
      available[i] = true;
    } else {
      buffers_[i].assign(t.bytes(), 0);
    }
  }
  for (int index : graph.inputs) {
    if (index < 0 || static_cast<std::size_t>(index) >= graph.tensors.size())
      throw std::invalid_argument("graph input index " + std::to_string(index) + " out of range");
    available[static_cast<std::size_t>(index)] = true;
  }

  steps_.reserve(graph.ops.size());
  for (const graph::Operator& op : graph.ops) {
    steps_.push_back(bind_operator(graph, op));
    for (int index : op.inputs)
      if (index != graph::kNoTensor && !available[static_cast<std::size_t>(index)])
        throw operator_error(op, "reads tensor '" + graph.tensors[static_cast<std::size_t>(index)].name +
                                     "' before any operator writes it");
    for (int index : op.outputs)
      available[static_cast<std::size_t>(index)] = true;
  }
  for (int index : graph.outputs)
    if (index < 0 || static_cast<std::size_t>(index) >= graph.tensors.size() ||
        !available[static_cast<std::size_t>(index)])
      throw std::invalid_argument("graph output " + std::to_string(index) + " is never written");
}

std::vector<Bytes> Interpreter::run(const std::vector<Bytes>& inputs)
{
  if (inputs.size() != graph_.inputs.size())
    throw std::invalid_argument("the graph takes " + std::to_string(graph_.inputs.size()) + " inputs, " +
                                std::to_string(inputs.size()) + " given");
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto index = static_cast<std::size_t>(graph_.inputs[i]);
    const graph::Tensor& t = graph_.tensors[index];
    if (inputs[i].size() != t.bytes())
      throw std::invalid_argument("input '" + t.name + "' needs " + std::to_string(t.bytes()) + " bytes, " +
                                  std::to_string(inputs[i].size()) + " given");
    buffers_[index] = inputs[i];
  }
  for (const Step& step : steps_)
    step(buffers_);
  std::vector<Bytes> outputs;
  outputs.reserve(graph_.outputs.size());
  for (int index : graph_.outputs)
    outputs.push_back(buffers_[static_cast<std::size_t>(index)]);
  return outputs;
}

const Bytes& Interpreter::tensor(int index) const
{
  if (index < 0 || static_cast<std::size_t>(index) >= buffers_.size())
    throw std::out_of_range("tensor index " + std::to_string(index) + " out of range");
  return buffers_[static_cast<std::size_t>(index)];
}

std::vector<Bytes> run(const graph::Graph& graph, const std::vector<Bytes>& inputs)
{
  Interpreter interpreter(graph);
  return interpreter.run(inputs);
}

} // namespace compiler::reference
