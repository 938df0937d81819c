#include "compiler/codegen/exit_source.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/codegen/c_text.hpp"
#include "compiler/quant/exit_units.hpp"

namespace compiler::codegen {

namespace {

std::string_view rule_constant(graph::ExitRule rule)
{
  switch (rule) {
  case graph::ExitRule::MaxSoftmax: return "EDGESIM_EXIT_MAX_SOFTMAX";
  case graph::ExitRule::Margin: return "EDGESIM_EXIT_MARGIN";
  case graph::ExitRule::Entropy: return "EDGESIM_EXIT_ENTROPY";
  }
  throw std::logic_error("rule_constant: unknown rule");
}

std::string_view rule_text(graph::ExitRule rule)
{
  switch (rule) {
  case graph::ExitRule::MaxSoftmax: return "max probability >=";
  case graph::ExitRule::Margin: return "top1 - top2 >=";
  case graph::ExitRule::Entropy: return "entropy (nats) <=";
  }
  throw std::logic_error("rule_text: unknown rule");
}

}  // namespace

ExitSource::ExitSource(const graph::Graph& g, const plan::MemoryPlan& plan, std::string output_symbol)
    : g_(g), plan_(plan), output_symbol_(std::move(output_symbol))
{
  for (const graph::Exit& exit : g.exits)
    if (plan.tensors.at(exit.tensor).home != plan::Home::Arena)
      throw std::invalid_argument(fmt::format("exit '{}': its scores are not in the arena", g.tensors[exit.tensor].name));
}

std::string ExitSource::after_operator(int index) const
{
  if (g_.exits.empty())
    return "";
  const std::size_t count = g_.exits.size() + 1;
  if (index == static_cast<int>(g_.ops.size()) - 1)
    return fmt::format("  edgesim_exit_take({}); /* the final output */\n", count);
  std::string s;
  for (std::size_t k = 0; k < g_.exits.size(); ++k) {
    const graph::Exit& exit = g_.exits[k];
    if (exit.last_op != index)
      continue;
    const graph::Tensor& scores = g_.tensors[exit.tensor];
    const std::string at = fmt::format("edgesim_arena + {}", plan_.tensors[exit.tensor].arena_offset);
    s += fmt::format("  /* exit {} of {}: {} {} {} */\n", k + 1, count, comment_text(scores.name),
                     rule_text(exit.rule), exit.threshold);
    s += fmt::format("  if (edgesim_exits_enabled && edgesim_exit_passes(&edgesim_exit_tests[{}], (const int8_t *)({}), {})) {{\n",
                     k, at, scores.elements());
    s += fmt::format("    memcpy({}, {}, {});\n", output_symbol_, at, scores.bytes());
    s += fmt::format("    edgesim_exit_take({});\n", k + 1);
    s += "    edgesim_layers_end();\n    return;\n  }\n";
  }
  return s;
}

std::string ExitSource::definitions() const
{
  std::string s = "\n#include \"model_exit.h\"\n";
  if (!g_.exits.empty()) {
    const bool entropy = std::any_of(g_.exits.begin(), g_.exits.end(),
                                     [](const graph::Exit& e) { return e.rule == graph::ExitRule::Entropy; });
    if (entropy)
      s += fmt::format("/* -p ln p for p = u / 256, in 2^-24 nat (compiler/quant/exit_units.hpp) */\n"
                       "static const uint32_t edgesim_entropy_units[256] = {{\n  {}\n}};\n",
                       fmt::join(quant::entropy_units(), ", "));
    s += fmt::format("static const edgesim_exit_test edgesim_exit_tests[{}] = {{\n", g_.exits.size());
    for (const graph::Exit& exit : g_.exits)
      s += fmt::format("  {{{}, {}u, {}}}, /* {}: {} {} */\n", rule_constant(exit.rule),
                       quant::exit_threshold_units(exit.rule, exit.threshold),
                       exit.rule == graph::ExitRule::Entropy ? "edgesim_entropy_units" : "0",
                       comment_text(g_.tensors[exit.tensor].name), rule_text(exit.rule), exit.threshold);
    s += "};\n";
  }
  s += fmt::format("const unsigned edgesim_exit_count = {};\n", g_.exits.empty() ? 0 : g_.exits.size() + 1);
  return s;
}

}  // namespace compiler::codegen
