// `edgesim compile` without the command line: a model (.tflite or network
// YAML) and a platform in, a firmware ELF and what it costs out. Also used by
// `edgesim validate`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/analysis/layer_stats.hpp"
#include "compiler/codegen/backend.hpp"
#include "compiler/codegen/placement.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/plan/memory_plan.hpp"
#include "compiler/toolchain/firmware_build.hpp"
#include "sim/platform_config.hpp"

namespace sim {

// A .tflite file or a network YAML (.yaml/.yml), by suffix. Throws the
// front end's error (file, operator index, line and key as they know them).
compiler::graph::Graph read_model(const std::filesystem::path& file);

struct ModelCompileRequest {
  std::filesystem::path model;
  compiler::codegen::Backend backend = compiler::codegen::Backend::Portable;
  std::filesystem::path output_elf;
  std::filesystem::path work_dir;  // generated sources, map file
  std::uint64_t input_seed = 1;
};

struct CompiledModel {
  compiler::graph::Graph graph;
  compiler::plan::MemoryPlan plan;
  std::vector<compiler::codegen::Placement> placements;  // per operator: where it runs
  std::vector<compiler::analysis::LayerStats> layers;
  compiler::toolchain::Target target;
  compiler::toolchain::FirmwareSizes sizes;
  std::uint64_t io_bytes = 0;  // the input and output buffers
};

// Throws ModelError for a model the backend or platform cannot take
// (unsupported operator, does not fit), BuildError when the build fails.
class ModelError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

// `printed` is called with the static report (layers, MACs, arena) before the
// firmware is built.
CompiledModel compile_model(const PlatformConfig& platform, const ModelCompileRequest& request,
                            const std::function<void(const CompiledModel&)>& printed = {});

// The static report: a table of layers (with where each runs: portable,
// simd or accel), the layers the accelerator had to leave to the CPU and
// why, the early exits, then totals and the memory plan.
std::string static_report(const CompiledModel& model);

// Where exit `k` (1 .. graph.exits.size() + 1) decides and on what, e.g.
// "after layer 6 (exit1), max_softmax >= 0.82"; the last is "after layer 24
// (probabilities), the final output".
std::string describe_exit(const CompiledModel& model, std::size_t k);

}  // namespace sim
