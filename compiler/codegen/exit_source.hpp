// The C statements of a network's early exits (graph.hpp's Exit) in the
// generated model_run(): after an exit's last operator, the decision
// (workloads/model/model_exit.h); when taken, the exit's scores are copied
// to the output buffer, the exit is recorded (edgesim_exit_taken, the
// EDGESIM_MARKER_EXIT marker) and model_run() returns. After the last
// operator the final exit is recorded. So the output symbol always holds
// the taken exit's scores and `edgesim_exit_taken` says which exit that is.
#pragma once

#include <string>

#include "compiler/graph/graph.hpp"
#include "compiler/plan/memory_plan.hpp"

namespace compiler::codegen {

class ExitSource {
 public:
  // `output_symbol`: the final output's buffer (the one graph output).
  ExitSource(const graph::Graph& graph, const plan::MemoryPlan& plan, std::string output_symbol);

  // Statements to run after operator `index` (empty when none).
  std::string after_operator(int index) const;
  // Definitions model_run() needs, and edgesim_exit_count (0 without exits).
  std::string definitions() const;

 private:
  const graph::Graph& g_;
  const plan::MemoryPlan& plan_;
  std::string output_symbol_;
};

}  // namespace compiler::codegen
