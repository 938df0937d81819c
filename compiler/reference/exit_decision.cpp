#include "compiler/reference/exit_decision.hpp"

#include <stdexcept>

#include "compiler/quant/exit_units.hpp"

namespace compiler::reference {

bool exit_passes(const graph::Exit& exit, std::span<const std::int8_t> scores)
{
  const std::uint32_t threshold = quant::exit_threshold_units(exit.rule, exit.threshold);
  switch (exit.rule) {
  case graph::ExitRule::MaxSoftmax:
  case graph::ExitRule::Margin: {
    // u = q + 128: the probability in 1/256.
    int first = -1, second = -1;
    for (std::int8_t q : scores) {
      const int u = q + 128;
      if (u > first) {
        second = first;
        first = u;
      } else if (u > second) {
        second = u;
      }
    }
    if (exit.rule == graph::ExitRule::MaxSoftmax)
      return first >= 0 && static_cast<std::uint32_t>(first) >= threshold;
    return second >= 0 && static_cast<std::uint32_t>(first - second) >= threshold;
  }
  case graph::ExitRule::Entropy: {
    std::uint64_t entropy = 0;
    for (std::int8_t q : scores)
      entropy += quant::entropy_units()[static_cast<std::size_t>(q + 128)];
    return entropy <= threshold;
  }
  }
  throw std::logic_error("exit_passes: unknown rule");
}

int exit_taken(const graph::Graph& graph, const TensorBuffers& tensors)
{
  if (graph.exits.empty())
    return 0;
  for (std::size_t k = 0; k < graph.exits.size(); ++k) {
    const Bytes& bytes = tensors.at(static_cast<std::size_t>(graph.exits[k].tensor));
    const std::span<const std::int8_t> scores(reinterpret_cast<const std::int8_t*>(bytes.data()), bytes.size());
    if (exit_passes(graph.exits[k], scores))
      return static_cast<int>(k) + 1;
  }
  return static_cast<int>(graph.exits.size()) + 1;
}

int exit_scores_tensor(const graph::Graph& graph, int taken)
{
  if (taken < 1 || static_cast<std::size_t>(taken) > graph.exits.size() + 1)
    throw std::out_of_range("exit_scores_tensor: no such exit");
  return static_cast<std::size_t>(taken) <= graph.exits.size() ? graph.exits[taken - 1].tensor : graph.outputs.at(0);
}

}  // namespace compiler::reference
