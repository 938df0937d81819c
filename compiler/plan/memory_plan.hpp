// Where each activation lives while the network runs: one SRAM arena, with
// tensors whose lifetimes do not overlap sharing bytes (TFLite Micro's
// "greedy by size" idea: the biggest buffers are placed first, each at the
// lowest offset free during its whole lifetime).
//
// Lifetimes count operators in execution order: a tensor lives from the
// operator that writes it to the last one that reads it. The network's
// inputs and outputs are not in the arena: they get their own buffers (named
// symbols a user loads and dumps), as do constants (flash). A RESHAPE whose
// input and output are both in the arena shares its input's bytes (no copy).
// Operators may ask for scratch (an im2col buffer), live only while they run.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "compiler/graph/graph.hpp"

namespace compiler::plan {

// A block of the arena used by one tensor (or, when tensor is kNoTensor,
// by operator first_op's scratch) from first_op to last_op inclusive.
struct Buffer {
  int tensor = graph::kNoTensor;
  int first_op = 0;
  int last_op = 0;
  std::size_t bytes = 0;
  std::size_t offset = 0;
};

enum class Home {
  Constant,  // flash: its data is a const array
  Input,     // its own buffer, a graph input
  Output,    // its own buffer, a graph output
  Arena,     // arena_offset
  Unused,    // never read nor written by any operator
};

struct TensorHome {
  Home home = Home::Unused;
  std::size_t arena_offset = 0;  // Arena only
  int alias_of = graph::kNoTensor;  // a RESHAPE output sharing this tensor's bytes
};

struct MemoryPlan {
  std::size_t alignment = 16;
  std::size_t arena_bytes = 0;
  std::vector<TensorHome> tensors;                    // per tensor
  std::vector<std::optional<std::size_t>> scratch;    // per operator: its scratch's offset
  std::vector<Buffer> buffers;                        // what the arena holds, in placement order
  // The arena's size without reuse (every buffer its own bytes): what the
  // plan saves.
  std::size_t unshared_bytes = 0;
};

// scratch_bytes: per operator (or empty: none).
MemoryPlan plan_memory(const graph::Graph& graph, std::span<const std::size_t> scratch_bytes = {},
                       std::size_t alignment = 16);

}  // namespace compiler::plan
