#include "compiler/reference/tool/single_operator.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace compiler::reference::tool {

namespace {

const graph::Operator& operator_at(const graph::Graph& graph, int op_index)
{
  if (op_index < 0 || static_cast<std::size_t>(op_index) >= graph.ops.size())
    throw std::out_of_range(graph.name + " has no operator " + std::to_string(op_index) + " (it has " +
                            std::to_string(graph.ops.size()) + ")");
  return graph.ops[static_cast<std::size_t>(op_index)];
}

std::vector<int> activation_inputs(const graph::Graph& graph, const graph::Operator& op)
{
  std::vector<int> inputs;
  for (int index : op.inputs)
    if (index != graph::kNoTensor && !graph.tensors.at(static_cast<std::size_t>(index)).is_constant())
      inputs.push_back(index);
  return inputs;
}

} // namespace

graph::Graph single_operator_graph(const graph::Graph& graph, int op_index)
{
  const graph::Operator& op = operator_at(graph, op_index);
  graph::Graph cut;
  cut.name = graph.name + ":" + std::to_string(op_index);
  cut.tensors = graph.tensors;
  cut.ops = {op};
  cut.inputs = activation_inputs(graph, op);
  cut.outputs = op.outputs;
  return cut;
}

std::vector<int> producers_of_inputs(const graph::Graph& graph, int op_index)
{
  const graph::Operator& op = operator_at(graph, op_index);
  std::vector<int> producers;
  for (int tensor : activation_inputs(graph, op)) {
    int producer = -1;
    for (int i = 0; i < op_index; ++i) {
      const std::vector<int>& outs = graph.ops[static_cast<std::size_t>(i)].outputs;
      if (std::find(outs.begin(), outs.end(), tensor) != outs.end())
        producer = i;
    }
    producers.push_back(producer);
  }
  return producers;
}

} // namespace compiler::reference::tool
