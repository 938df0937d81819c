// The C statements that run one operator: its parameter structs and the
// kernel call, with pointers into the arena, the I/O buffers or the constant
// arrays. Constants (weights, per-channel multipliers, dequantized filters of
// hybrid operators) are collected as they are first used.
//
// An operator placed on the accelerator becomes a command stream of its own
// (the layer's command, then STOP) emitted as const words, so it sits in
// flash beside the weights: nothing to build at run time, and nothing the
// D-cache could hold dirty. Its address words are link-time constants (the
// arena, the I/O buffers, the constant arrays). The call hands the stream
// and the tensors the device reads and writes to edgesim_accel_layer()
// (workloads/model/model_accel.h), which keeps the D-cache coherent.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "compiler/codegen/backend.hpp"
#include "compiler/codegen/placement.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/plan/memory_plan.hpp"

namespace compiler::codegen {

// The scratch an operator's kernel needs where it runs (0: none).
std::size_t op_scratch_bytes(const graph::Graph& graph, const graph::Operator& op, Backend runs_on);

class OpCalls {
 public:
  OpCalls(const graph::Graph& graph, const plan::MemoryPlan& plan, const std::vector<Placement>& placements,
          std::vector<std::string> input_symbols, std::vector<std::string> output_symbols);

  // Statements for operator `index` (indented two spaces).
  std::string call(int index);
  // Definitions of every constant the calls so far use.
  const std::string& constants() const { return constants_; }
  // Definitions of the accelerator command streams the calls so far use
  // (after the buffers they name).
  const std::string& streams() const { return streams_; }

 private:
  std::string pointer(int tensor) const;              // where a tensor's data is, as a typed C expression
  std::string constant(int tensor);                   // its const array's name, defined on first use
  std::string data_of(int tensor);                    // constant() or pointer(), whichever holds it
  std::string dequantized_filter(int tensor);         // a hybrid operator's int8 filter as floats
  std::string multipliers(int index, const std::vector<int>& multipliers, const std::vector<int>& shifts);

  std::string mac(int index, const graph::Operator& op);
  std::string accel_layer(int index, const graph::Operator& op);
  std::string pool(int index, const graph::Operator& op);
  std::string add(int index, const graph::Operator& op);
  std::string softmax(int index, const graph::Operator& op);
  std::string concatenation(int index, const graph::Operator& op);
  std::string reshape(int index, const graph::Operator& op);
  std::string quantize(int index, const graph::Operator& op);
  std::string dequantize(int index, const graph::Operator& op);

  const graph::Graph& g_;
  const plan::MemoryPlan& plan_;
  const std::vector<Placement>& placements_;  // per operator
  std::vector<std::string> symbol_;  // per tensor: its own buffer's symbol (inputs, outputs)
  std::vector<bool> defined_;        // per tensor: its const array is in constants_
  std::string constants_;
  std::string streams_;
};

}  // namespace compiler::codegen
