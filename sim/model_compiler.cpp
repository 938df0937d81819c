#include "sim/model_compiler.hpp"
#include "compiler/units.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/codegen/model_source.hpp"
#include "compiler/network/network.hpp"
#include "compiler/tflite/reader.hpp"
#include "sim/compile_target.hpp"

namespace sim {

namespace fs = std::filesystem;
using compiler::codegen::Backend;

namespace {


nlohmann::json buffers_json(const compiler::graph::Graph& g, const std::vector<int>& tensors,
                            const std::vector<std::string>& symbols) {
  auto list = nlohmann::json::array();
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    const auto& t = g.tensors[tensors[i]];
    nlohmann::json b = {{"symbol", symbols[i]}, {"tensor", t.name}, {"type", compiler::graph::name_of(t.type)},
                        {"shape", t.shape}};
    if (!t.quant.empty()) b["quantization"] = {{"scale", t.quant.scales[0]}, {"zero_point", t.quant.zero_points[0]}};
    list.push_back(b);
  }
  return list;
}

// "max_softmax >= 0.82": what an exit's scores must meet for it to be taken.
std::string exit_condition(const compiler::graph::Exit& e) {
  return fmt::format("{} {} {:g}", compiler::graph::name_of(e.rule),
                     e.rule == compiler::graph::ExitRule::Entropy ? "<=" : ">=", e.threshold);
}

// The early exits (the final output, exit exits.size() + 1, is not listed):
// each with the layer it decides after.
nlohmann::json exits_json(const CompiledModel& m) {
  auto list = nlohmann::json::array();
  for (std::size_t k = 0; k < m.graph.exits.size(); ++k) {
    const auto& e = m.graph.exits[k];
    list.push_back({{"index", k + 1}, {"after_layer", e.last_op}, {"scores", m.graph.tensors[e.tensor].name},
                    {"rule", compiler::graph::name_of(e.rule)}, {"threshold", e.threshold}});
  }
  return list;
}

// What `edgesim run` reads back from the ELF (.edgesim.model) to name the
// layers its markers announce.
std::string metadata_json(const CompiledModel& m, Backend backend) {
  nlohmann::json j;
  j["format"] = 1;
  j["model"] = m.graph.name;
  j["backend"] = compiler::codegen::name_of(backend);
  j["platform"] = m.target.platform;
  j["arena_bytes"] = m.plan.arena_bytes;
  auto layers = nlohmann::json::array();
  for (const auto& l : m.layers)
    layers.push_back({{"index", l.index}, {"op", l.op}, {"output", l.output}, {"macs", l.macs}, {"params", l.params},
                      {"param_bytes", l.param_bytes}, {"input_bytes", l.input_bytes}, {"output_bytes", l.output_bytes},
                      {"runs_on", compiler::codegen::name_of(m.placements.at(l.index).runs_on)}});
  j["layers"] = layers;
  if (!m.graph.exits.empty()) j["exits"] = exits_json(m);
  j["inputs"] = buffers_json(m.graph, m.graph.inputs, compiler::codegen::input_symbols(m.graph));
  j["outputs"] = buffers_json(m.graph, m.graph.outputs, compiler::codegen::output_symbols(m.graph));
  return j.dump(1);
}

void check_backend(const PlatformConfig& p, Backend backend) {
  if (backend == Backend::Simd && !p.core.profile.has(isa::kDsp))
    throw ModelError(fmt::format("the simd backend needs the DSP extension; {} is a {} (use --backend portable)",
                                 p.name, p.core.type));
  if (backend == Backend::Accel && !p.accel)
    throw ModelError(fmt::format("the accel backend needs a platform with an accelerator (accel: section); {} has none",
                                 p.name));
}

// The D-cache's line on the Cortex-M7 (accel_cache.h): with the accel
// backend no two arena tensors share a line, so maintaining one tensor's
// lines never touches another's bytes.
constexpr std::size_t kAccelArenaAlignment = 32;

// Before building: does the plan fit at all? (The linker checks exactly.)
void check_fit(const CompiledModel& m) {
  std::uint64_t constants = 0;
  for (const auto& t : m.graph.tensors)
    if (t.is_constant()) constants += t.bytes();
  if (constants > m.target.text.bytes)
    throw ModelError(fmt::format("the model does not fit {}: its constants alone take {} bytes, {} more than '{}' ({})",
                                 m.target.platform, constants, constants - m.target.text.bytes, m.target.text.name,
                                 compiler::kib(m.target.text.bytes)));
  const std::uint64_t sram = m.plan.arena_bytes + m.io_bytes + m.target.stack_bytes;
  if (sram > m.target.data.bytes)
    throw ModelError(fmt::format(
        "the model does not fit {}: arena {} + inputs/outputs {} + stack {} bytes = {} bytes, {} more than '{}' ({})",
        m.target.platform, m.plan.arena_bytes, m.io_bytes, m.target.stack_bytes, sram, sram - m.target.data.bytes,
        m.target.data.name, compiler::kib(m.target.data.bytes)));
}

}  // namespace

compiler::graph::Graph read_model(const fs::path& file) {
  const auto ext = file.extension().string();
  if (ext == ".yaml" || ext == ".yml") return compiler::network::read_file(file.string());
  return compiler::tflite::read_file(file);
}

CompiledModel compile_model(const PlatformConfig& platform, const ModelCompileRequest& request,
                            const std::function<void(const CompiledModel&)>& printed) {
  check_backend(platform, request.backend);
  CompiledModel m;
  m.target = compile_target(platform);
  m.graph = read_model(request.model);
  m.layers = compiler::analysis::layer_stats(m.graph);
  for (int t : m.graph.inputs) m.io_bytes += m.graph.tensors[t].bytes();
  for (int t : m.graph.outputs) m.io_bytes += m.graph.tensors[t].bytes();
  std::string source;
  try {
    m.placements = compiler::codegen::place_operators(m.graph, request.backend, m.target.dsp, m.target.accel);
    m.plan = compiler::plan::plan_memory(m.graph, compiler::codegen::scratch_bytes(m.graph, m.placements),
                                         request.backend == Backend::Accel ? kAccelArenaAlignment
                                                                           : compiler::plan::MemoryPlan{}.alignment);
    source = compiler::codegen::model_source(m.graph, m.plan, m.placements,
                                             {request.backend, m.target.accel, request.input_seed});
  } catch (const std::invalid_argument& e) {
    throw ModelError(fmt::format("{}: {}", request.model.string(), e.what()));
  }
  if (printed) printed(m);
  check_fit(m);
  m.sizes = compiler::toolchain::build_firmware(
      m.target, {source, metadata_json(m, request.backend), request.backend, request.output_elf, request.work_dir});
  return m;
}

std::string static_report(const CompiledModel& m) {
  const auto totals = compiler::analysis::totals(m.layers);
  std::string s = fmt::format("{}: {} operators, {} MACs, {} parameters ({})\n", m.graph.name, m.layers.size(),
                              totals.macs, totals.params, compiler::kib(totals.param_bytes));
  s += fmt::format("  {:>3}  {:<18} {:>11} {:>9} {:>10} {:>9} {:>9}  {:<8}  {}\n", "#", "operator", "MACs", "params",
                   "param B", "in B", "out B", "runs on", "output");
  for (const auto& l : m.layers)
    s += fmt::format("  {:>3}  {:<18} {:>11} {:>9} {:>10} {:>9} {:>9}  {:<8}  {}\n", l.index, l.op, l.macs, l.params,
                     l.param_bytes, l.input_bytes, l.output_bytes,
                     compiler::codegen::name_of(m.placements.at(l.index).runs_on), l.output.substr(0, 48));
  // Layers the accelerator has a command for but cannot run here, and why.
  for (std::size_t i = 0; i < m.placements.size(); ++i)
    if (!m.placements[i].refused.empty())
      s += fmt::format("  layer {} stays on the CPU: {}\n", i, m.placements[i].refused);
  if (!m.graph.exits.empty())
    for (std::size_t k = 1; k <= m.graph.exits.size() + 1; ++k)
      s += fmt::format("  exit {}: {}\n", k, describe_exit(m, k));
  s += fmt::format("arena {} bytes ({} without reuse), inputs/outputs {} bytes\n", m.plan.arena_bytes,
                   m.plan.unshared_bytes, m.io_bytes);
  return s;
}

std::string describe_exit(const CompiledModel& m, std::size_t k) {
  const auto& exits = m.graph.exits;
  if (k < 1 || k > exits.size() + 1) throw std::out_of_range(fmt::format("describe_exit: no exit {}", k));
  const bool final_output = k == exits.size() + 1;
  const std::size_t layer = final_output ? m.layers.size() - 1 : static_cast<std::size_t>(exits[k - 1].last_op);
  return fmt::format("after layer {} ({}), {}", layer, m.layers.at(layer).output,
                     final_output ? "the final output" : exit_condition(exits[k - 1]));
}

}  // namespace sim
