#include "compiler/network/exits.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace compiler::network {

namespace {

using graph::ExitRule;
using graph::OpKind;

int layer_named(const NetworkSpec& spec, const std::string& name)
{
  for (std::size_t i = 0; i < spec.layers.size(); ++i)
    if (spec.layers[i].name == name)
      return static_cast<int>(i);
  return -1;
}

// Where to blame the final output: `outputs:` if written, else the last layer.
Where final_where(const NetworkSpec& spec)
{
  return spec.outputs.empty() ? spec.layers.back().where_of("op") : spec.outputs_at;
}

// The layers (= operators, before reordering) `layer` needs, itself included.
std::set<int> needs_of(const graph::Graph& g, const std::vector<int>& producer, int layer)
{
  std::set<int> needs;
  std::vector<int> pending{layer};
  while (!pending.empty()) {
    const int op = pending.back();
    pending.pop_back();
    if (!needs.insert(op).second)
      continue;
    for (int t : g.ops[op].inputs)
      if (t != graph::kNoTensor && producer[t] >= 0)
        pending.push_back(producer[t]);
  }
  return needs;
}

// The scores an exit decides on: an int8 softmax's [1, classes] output.
void check_scores(const NetworkSpec& spec, const graph::Graph& g, int layer, const Where& where, const char* what)
{
  const graph::Operator& op = g.ops[layer];
  const graph::Tensor& t = g.tensors[op.outputs.at(0)];
  if (t.type != graph::DataType::Int8)
    fail_at(where, fmt::format("'{}' is {}: early exits decide on int8 softmax scores (an int8 network)", t.name,
                               graph::name_of(t.type)));
  if (op.kind != OpKind::Softmax || t.shape.size() != 2 || t.shape[0] != 1 || t.shape[1] < 2)
    fail_at(where, fmt::format("{} '{}' is a {} output [{}]; it must be a softmax layer's [1, classes] output "
                               "(the rules read probabilities)",
                               what, spec.layers[layer].name, graph::name_of(op.kind), fmt::join(t.shape, ", ")));
}

// A threshold every input would pass leaves the rest of the network dead.
void check_threshold(const ExitSpec& exit, int classes)
{
  if (exit.rule == ExitRule::MaxSoftmax && exit.threshold <= 1.0 / classes)
    fail_at(exit.where_threshold,
            fmt::format("{} is at most 1/{}: the largest of {} probabilities always reaches it (the exit would "
                        "always be taken)",
                        exit.threshold, classes, classes));
  if (exit.rule == ExitRule::Entropy && exit.threshold >= std::log(static_cast<double>(classes)))
    fail_at(exit.where_threshold,
            fmt::format("{} is at least ln {} = {:.4f}, the entropy of {} classes at its largest (the exit would "
                        "always be taken)",
                        exit.threshold, classes, std::log(static_cast<double>(classes)), classes));
}

}  // namespace

std::vector<int> exit_layers(const NetworkSpec& spec)
{
  std::vector<int> layers;
  for (const ExitSpec& exit : spec.exits) {
    const int layer = layer_named(spec, exit.at);
    if (layer < 0)
      fail_at(exit.where_at, exit.at == spec.input.name
                                 ? fmt::format("'{}' is the network input, not a layer's scores", exit.at)
                                 : fmt::format("unknown layer '{}'", exit.at));
    layers.push_back(layer);
  }
  return layers;
}

void add_exits(const NetworkSpec& spec, graph::Graph& g)
{
  if (spec.exits.empty())
    return;
  if (g.outputs.size() != 1)
    fail_at(spec.outputs_at, fmt::format("an early-exit network has one output, its final exit, not {}",
                                         g.outputs.size()));
  std::vector<int> producer(g.tensors.size(), -1);
  for (std::size_t i = 0; i < g.ops.size(); ++i)
    for (int t : g.ops[i].outputs)
      producer[t] = static_cast<int>(i);
  const int final_layer = producer[g.outputs[0]];
  check_scores(spec, g, final_layer, final_where(spec), "the final output");
  const graph::Tensor& final_scores = g.tensors[g.outputs[0]];
  const int classes = final_scores.shape[1];

  const std::vector<int> layers = exit_layers(spec);
  const std::set<int> final_needs = needs_of(g, producer, final_layer);
  std::set<int> scheduled;        // the layers earlier exits need
  std::set<int> earlier_backbone;  // of those, the final output's (the backbone up to the last exit)
  std::vector<int> order;   // the new operator order
  for (std::size_t k = 0; k < layers.size(); ++k) {
    const ExitSpec& exit = spec.exits[k];
    const int layer = layers[k];
    if (layer == final_layer)
      fail_at(exit.where_at, fmt::format("'{}' is the final output, always the last exit: list only the early exits",
                                         exit.at));
    check_scores(spec, g, layer, exit.where_at, "exit");
    const graph::Tensor& scores = g.tensors[g.ops[layer].outputs[0]];
    if (scores.shape != final_scores.shape)
      fail_at(exit.where_at, fmt::format("'{}' gives [{}] scores, the final output '{}' [{}]: every exit classifies "
                                         "the same classes",
                                         exit.at, fmt::join(scores.shape, ", "), final_scores.name,
                                         fmt::join(final_scores.shape, ", ")));
    check_threshold(exit, classes);
    const std::set<int> needs = needs_of(g, producer, layer);
    if (needs.contains(final_layer))
      fail_at(exit.where_at, fmt::format("'{}' reads the final output '{}': no exit comes after the final output",
                                         exit.at, final_scores.name));
    // Each exit leaves the backbone no earlier than the one listed ahead of
    // it, so that no exit waits for backbone layers a later one needs.
    std::set<int> backbone;
    std::set_intersection(needs.begin(), needs.end(), final_needs.begin(), final_needs.end(),
                          std::inserter(backbone, backbone.end()));
    if (scheduled.contains(layer) ||
        !std::includes(backbone.begin(), backbone.end(), earlier_backbone.begin(), earlier_backbone.end()))
      fail_at(exit.where_at, fmt::format("'{}' branches off before the exit listed ahead of it: list the exits in "
                                         "the order they run",
                                         exit.at));
    earlier_backbone = std::move(backbone);
    // Producers come before their readers in the YAML, so ascending layer
    // order runs the branch correctly and the exit's own layer last.
    for (int op : needs)
      if (scheduled.insert(op).second)
        order.push_back(op);
    graph::Exit e;
    e.tensor = g.ops[layer].outputs[0];
    e.rule = exit.rule;
    e.threshold = exit.threshold;
    e.last_op = static_cast<int>(order.size()) - 1;
    g.exits.push_back(e);
  }
  for (int op = 0; op < static_cast<int>(g.ops.size()); ++op)
    if (!scheduled.contains(op))
      order.push_back(op);

  std::vector<graph::Operator> reordered;
  reordered.reserve(g.ops.size());
  for (int op : order)
    reordered.push_back(std::move(g.ops[op]));
  g.ops = std::move(reordered);
}

}  // namespace compiler::network
