// The C source of a compiled network: its constants as const arrays (flash),
// the activation arena and the input/output buffers (SRAM), and model_run(),
// which calls one kernel per operator between layer markers. The kernels are
// the firmware library's (workloads/nn, workloads/nn/simd) or, for operators
// placed on the accelerator, a command stream each (op_calls.hpp); every
// integer parameter is derived here (compiler/quant), as TFLite's Prepare
// would.
//
// Symbols a user loads and dumps (edgesim run --load/--dump): `input` and
// `output` for a network with one of each, else input0, input1, ... and
// output0, .... The inputs are initialised data (a deterministic pattern from
// the seed), so a plain run computes something; --load replaces them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/codegen/accel_target.hpp"
#include "compiler/codegen/backend.hpp"
#include "compiler/codegen/placement.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/plan/memory_plan.hpp"

namespace compiler::codegen {

struct SourceOptions {
  Backend backend = Backend::Portable;
  std::optional<AccelTarget> accel;  // the accel backend's device: registers and interrupt line
  std::uint64_t input_seed = 1;
};

// Per operator, the scratch bytes its kernel needs where it runs (for the
// memory planner).
std::vector<std::size_t> scratch_bytes(const graph::Graph& graph, const std::vector<Placement>& placements);

// The symbol names of the graph's inputs and outputs, in graph order.
std::vector<std::string> input_symbols(const graph::Graph& graph);
std::vector<std::string> output_symbols(const graph::Graph& graph);

// Throws std::invalid_argument naming the operator (index and TFLite name)
// when the backend has no kernel for it.
std::string model_source(const graph::Graph& graph, const plan::MemoryPlan& plan,
                         const std::vector<Placement>& placements, const SourceOptions& options);

}  // namespace compiler::codegen
