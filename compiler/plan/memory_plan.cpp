#include "compiler/plan/memory_plan.hpp"

#include <algorithm>
#include <stdexcept>

namespace compiler::plan {

namespace {

std::size_t aligned(std::size_t n, std::size_t alignment) { return (n + alignment - 1) / alignment * alignment; }

bool overlaps_in_time(const Buffer& a, const Buffer& b) { return a.first_op <= b.last_op && b.first_op <= a.last_op; }

// Every tensor's home before placement: constants, graph I/O, the rest arena.
std::vector<TensorHome> homes_of(const graph::Graph& g) {
  std::vector<TensorHome> homes(g.tensors.size());
  std::vector<bool> used(g.tensors.size(), false);
  for (const auto& op : g.ops) {
    for (int t : op.inputs)
      if (t != graph::kNoTensor) used[t] = true;
    for (int t : op.outputs) used[t] = true;
  }
  for (std::size_t t = 0; t < g.tensors.size(); ++t) {
    if (g.tensors[t].is_constant())
      homes[t].home = Home::Constant;
    else if (used[t])
      homes[t].home = Home::Arena;
  }
  for (int t : g.inputs) homes[t].home = Home::Input;
  for (int t : g.outputs) homes[t].home = Home::Output;  // an output that is also an input stays Output
  return homes;
}

}  // namespace

MemoryPlan plan_memory(const graph::Graph& g, std::span<const std::size_t> scratch_bytes, std::size_t alignment) {
  if (alignment == 0 || (alignment & (alignment - 1))) throw std::invalid_argument("plan_memory: alignment must be a power of two");
  if (!scratch_bytes.empty() && scratch_bytes.size() != g.ops.size())
    throw std::invalid_argument("plan_memory: one scratch size per operator");

  MemoryPlan plan;
  plan.alignment = alignment;
  plan.tensors = homes_of(g);
  plan.scratch.assign(g.ops.size(), std::nullopt);

  // A RESHAPE between two arena tensors: the output is the input's bytes
  // under another shape. `root` follows such chains to the tensor that owns them.
  std::vector<int> root(g.tensors.size());
  for (std::size_t t = 0; t < root.size(); ++t) root[t] = static_cast<int>(t);
  for (const auto& op : g.ops) {
    if (op.kind != graph::OpKind::Reshape) continue;
    const int in = op.inputs.at(0), out = op.outputs.at(0);
    if (plan.tensors[in].home == Home::Arena && plan.tensors[out].home == Home::Arena) {
      root[out] = root[in];
      plan.tensors[out].alias_of = root[in];
    }
  }

  // Lifetimes of the owning tensors.
  std::vector<int> first(g.tensors.size(), -1), last(g.tensors.size(), -1);
  auto touch = [&](int t, int op) {
    const int r = root[t];
    if (first[r] < 0) first[r] = op;
    first[r] = std::min(first[r], op);
    last[r] = std::max(last[r], op);
  };
  for (int i = 0; i < static_cast<int>(g.ops.size()); ++i) {
    for (int t : g.ops[i].inputs)
      if (t != graph::kNoTensor && plan.tensors[t].home == Home::Arena) touch(t, i);
    for (int t : g.ops[i].outputs)
      if (plan.tensors[t].home == Home::Arena) touch(t, i);
  }

  std::vector<Buffer> buffers;
  for (std::size_t t = 0; t < g.tensors.size(); ++t) {
    if (plan.tensors[t].home != Home::Arena || root[t] != static_cast<int>(t)) continue;
    buffers.push_back({static_cast<int>(t), first[t], last[t], aligned(g.tensors[t].bytes(), alignment), 0});
  }
  for (std::size_t i = 0; i < scratch_bytes.size(); ++i)
    if (scratch_bytes[i] > 0)
      buffers.push_back({graph::kNoTensor, static_cast<int>(i), static_cast<int>(i), aligned(scratch_bytes[i], alignment), 0});

  // Biggest first (ties: earlier first, then tensor order), each at the
  // lowest offset that no placed buffer alive at the same time covers.
  std::stable_sort(buffers.begin(), buffers.end(), [](const Buffer& a, const Buffer& b) {
    return a.bytes != b.bytes ? a.bytes > b.bytes : a.first_op < b.first_op;
  });
  for (std::size_t i = 0; i < buffers.size(); ++i) {
    std::vector<const Buffer*> live;
    for (std::size_t j = 0; j < i; ++j)
      if (overlaps_in_time(buffers[i], buffers[j])) live.push_back(&buffers[j]);
    std::sort(live.begin(), live.end(), [](const Buffer* a, const Buffer* b) { return a->offset < b->offset; });
    std::size_t offset = 0;
    for (const Buffer* other : live) {
      if (offset + buffers[i].bytes <= other->offset) break;  // fits in the gap before it
      offset = std::max(offset, other->offset + other->bytes);
    }
    buffers[i].offset = offset;
    plan.arena_bytes = std::max(plan.arena_bytes, offset + buffers[i].bytes);
    plan.unshared_bytes += buffers[i].bytes;
  }

  for (const Buffer& b : buffers) {
    if (b.tensor == graph::kNoTensor)
      plan.scratch[b.first_op] = b.offset;
    else
      plan.tensors[b.tensor].arena_offset = b.offset;
  }
  for (std::size_t t = 0; t < g.tensors.size(); ++t)
    if (plan.tensors[t].alias_of != graph::kNoTensor) plan.tensors[t].arena_offset = plan.tensors[plan.tensors[t].alias_of].arena_offset;
  plan.buffers = std::move(buffers);
  return plan;
}

}  // namespace compiler::plan
