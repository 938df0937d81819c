#include "compiler/codegen/model_source.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "compiler/codegen/c_text.hpp"
#include "compiler/codegen/exit_source.hpp"
#include "compiler/codegen/op_calls.hpp"
#include "compiler/network/splitmix.hpp"

namespace compiler::codegen {

namespace {

std::vector<std::string> symbols(std::size_t n, const char* stem) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < n; ++i) names.push_back(n == 1 ? stem : fmt::format("{}{}", stem, i));
  return names;
}

// The default input pattern: the network YAML's generator (the same bits on
// every host).
std::string input_definition(const graph::Tensor& t, const std::string& name, std::size_t alignment,
                             network::SplitMix64& rng) {
  std::string s = fmt::format("{} {}[{}] __attribute__((aligned({}))) = {{", c_type(t.type), name, t.elements(), alignment);
  for (std::size_t i = 0; i < t.elements(); ++i) {
    s += (i % 16 == 0) ? "\n  " : " ";
    const std::uint64_t r = rng.next();
    switch (t.type) {
      case graph::DataType::Int8: s += std::to_string(static_cast<std::int8_t>(r >> 56)); break;
      case graph::DataType::Float32: s += float_literal(static_cast<float>(r >> 40) / 8388608.0f - 1.0f); break;  // [-1, 1)
      default: throw std::invalid_argument(fmt::format("input '{}': {} inputs are not supported", t.name, graph::name_of(t.type)));
    }
    s += ',';
  }
  return s + "\n};\n";
}

}  // namespace

std::vector<std::string> input_symbols(const graph::Graph& g) { return symbols(g.inputs.size(), "input"); }
std::vector<std::string> output_symbols(const graph::Graph& g) { return symbols(g.outputs.size(), "output"); }

std::vector<std::size_t> scratch_bytes(const graph::Graph& g, const std::vector<Placement>& placements) {
  std::vector<std::size_t> bytes(g.ops.size(), 0);
  for (std::size_t i = 0; i < g.ops.size(); ++i) bytes[i] = op_scratch_bytes(g, g.ops[i], placements.at(i).runs_on);
  return bytes;
}

std::string model_source(const graph::Graph& g, const plan::MemoryPlan& plan, const std::vector<Placement>& placements,
                         const SourceOptions& options) {
  const auto runs_on = [&](Backend b) {
    return std::any_of(placements.begin(), placements.end(), [b](const Placement& p) { return p.runs_on == b; });
  };
  const auto ins = input_symbols(g), outs = output_symbols(g);
  OpCalls calls(g, plan, placements, ins, outs);
  const ExitSource exits(g, plan, outs.at(0));
  std::string body;
  if (options.backend == Backend::Accel) {
    if (!options.accel) throw std::invalid_argument("the accel backend needs an accelerator");
    // The driver resets the device and sets its BASE registers to 0: the
    // streams' address words are absolute. No interrupt line: poll.
    body += fmt::format("\n  edgesim_accel_init(0x{:08x}u, {});\n", options.accel->base,
                        options.accel->irq ? std::to_string(*options.accel->irq) : "EDGESIM_ACCEL_POLL");
  }
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    body += fmt::format("\n  /* layer {}: {} -> {} */\n", i, graph::name_of(g.ops[i].kind),
                        comment_text(g.tensors[g.ops[i].outputs.at(0)].name));
    body += fmt::format("  edgesim_layer_begin({});\n", i);
    body += calls.call(static_cast<int>(i));
    body += exits.after_operator(static_cast<int>(i));
  }

  std::string s;
  s += fmt::format("/* {} compiled by edgesim for the {} backend. Generated: do not edit. */\n",
                   comment_text(g.name), name_of(options.backend));
  s += "#include <math.h>\n#include <stdint.h>\n#include <string.h>\n\n";
  s += "#include \"nn_ops.h\"\n#include \"nn_ops_f32.h\"\n";
  if (runs_on(Backend::Simd)) s += "#include \"nn_ops_simd.h\"\n";
  s += "#include \"model_runtime.h\"\n";
  if (options.backend == Backend::Accel) s += "#include \"model_accel.h\"\n";
  s += "\n";
  s += "/* ---- constants (flash) ---- */\n";
  s += calls.constants();
  s += "\n/* ---- activations (SRAM) ---- */\n";
  s += fmt::format("uint8_t edgesim_arena[{}] __attribute__((aligned({})));\n", std::max<std::size_t>(plan.arena_bytes, 1),
                   plan.alignment);
  network::SplitMix64 rng(options.input_seed);
  for (std::size_t i = 0; i < g.inputs.size(); ++i) s += input_definition(g.tensors[g.inputs[i]], ins[i], plan.alignment, rng);
  for (std::size_t i = 0; i < g.outputs.size(); ++i) {
    const auto& t = g.tensors[g.outputs[i]];
    s += fmt::format("{} {}[{}] __attribute__((aligned({})));\n", c_type(t.type), outs[i], t.elements(), plan.alignment);
  }
  if (!calls.streams().empty()) s += "\n/* ---- accelerator command streams (flash) ---- */\n" + calls.streams();
  s += exits.definitions();
  s += "\nvoid model_run(void)\n{" + body + "  edgesim_layers_end();\n}\n\n";
  s += "const edgesim_buffer edgesim_outputs[] = {\n";
  for (std::size_t i = 0; i < g.outputs.size(); ++i)
    s += fmt::format("  {{\"{}\", {}, sizeof {}}},\n", outs[i], outs[i], outs[i]);
  s += "};\n";
  s += fmt::format("const unsigned edgesim_output_count = {};\n", g.outputs.size());
  s += fmt::format("const char edgesim_model_name[] = \"{}\";\n", comment_text(g.name));
  return s;
}

}  // namespace compiler::codegen
