#include "compiler/plan/memory_plan.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace compiler;
using graph::OpKind;

namespace {

// A graph of int8 tensors of the given byte sizes; ops given as (inputs, outputs).
struct Builder {
  graph::Graph g;
  int tensor(int bytes) {
    graph::Tensor t;
    t.type = graph::DataType::Int8;
    t.shape = {bytes};
    g.tensors.push_back(t);
    return static_cast<int>(g.tensors.size()) - 1;
  }
  void op(std::vector<int> in, std::vector<int> out, OpKind kind = OpKind::Add) {
    g.ops.push_back({kind, std::move(in), std::move(out), {}, static_cast<int>(g.ops.size())});
  }
  // input -> t[0] -> t[1] -> ... -> output, one operator per arrow; returns
  // the tensors in order, input first and output last.
  std::vector<int> chain(int input_bytes, std::vector<int> inner_bytes, int output_bytes) {
    std::vector<int> t = {tensor(input_bytes)};
    for (int bytes : inner_bytes) t.push_back(tensor(bytes));
    t.push_back(tensor(output_bytes));
    g.inputs = {t.front()};
    g.outputs = {t.back()};
    for (std::size_t i = 0; i + 1 < t.size(); ++i) op({t[i]}, {t[i + 1]});
    return t;
  }
};

bool overlap(std::size_t a, std::size_t an, std::size_t b, std::size_t bn) { return a < b + bn && b < a + an; }

}  // namespace

TEST_CASE("a chain reuses the bytes of tensors that are dead")
{
  // X -> T1 (100) -> T2 (200) -> T3 (100) -> Y. Lifetimes T1 [0,1], T2 [1,2],
  // T3 [2,3]; with 16-byte alignment 112, 208, 112. T2 goes first at 0; T1
  // and T3 both live alongside T2 but never together: both at 208.
  Builder b;
  const auto t = b.chain(10, {100, 200, 100}, 10);
  const int x = t[0], t1 = t[1], t2 = t[2], t3 = t[3], y = t[4];
  const auto plan = plan::plan_memory(b.g);
  CHECK(plan.tensors[x].home == plan::Home::Input);
  CHECK(plan.tensors[y].home == plan::Home::Output);
  CHECK(plan.tensors[t2].arena_offset == 0);
  CHECK(plan.tensors[t1].arena_offset == 208);
  CHECK(plan.tensors[t3].arena_offset == 208);
  CHECK(plan.arena_bytes == 320);
  CHECK(plan.unshared_bytes == 112 + 208 + 112);
}

TEST_CASE("a tensor read again later (a residual) keeps its bytes until then")
{
  // T1 is read by op1 and by op3: it lives [0,3] and shares with nobody.
  Builder b;
  const int x = b.tensor(16), t1 = b.tensor(64), t2 = b.tensor(64), t3 = b.tensor(64), y = b.tensor(16);
  b.g.inputs = {x};
  b.g.outputs = {y};
  b.op({x}, {t1});
  b.op({t1}, {t2});
  b.op({t2}, {t3});
  b.op({t1, t3}, {y});
  const auto plan = plan::plan_memory(b.g);
  const auto o1 = plan.tensors[t1].arena_offset, o2 = plan.tensors[t2].arena_offset, o3 = plan.tensors[t3].arena_offset;
  CHECK_FALSE(overlap(o1, 64, o2, 64));
  CHECK_FALSE(overlap(o1, 64, o3, 64));
  CHECK_FALSE(overlap(o2, 64, o3, 64));  // t2 [1,2] and t3 [2,3] meet at op 2
  CHECK(plan.arena_bytes == 3 * 64);
}

TEST_CASE("RESHAPE inside the arena shares its input's bytes")
{
  Builder b;
  const int x = b.tensor(16), t1 = b.tensor(48), r = b.tensor(48), t2 = b.tensor(32), y = b.tensor(16);
  b.g.inputs = {x};
  b.g.outputs = {y};
  b.op({x}, {t1});
  b.op({t1}, {r}, OpKind::Reshape);
  b.op({r}, {t2});
  b.op({t2}, {y});
  const auto plan = plan::plan_memory(b.g);
  CHECK(plan.tensors[r].alias_of == t1);
  CHECK(plan.tensors[r].arena_offset == plan.tensors[t1].arena_offset);
  // t1's bytes live until op 2 reads r, alongside t2 written there.
  CHECK_FALSE(overlap(plan.tensors[t1].arena_offset, 48, plan.tensors[t2].arena_offset, 32));
  CHECK(plan.arena_bytes == 48 + 32);
}

TEST_CASE("RESHAPE of a graph input is not an alias (the input has its own buffer)")
{
  Builder b;
  const int x = b.tensor(16), r = b.tensor(16), y = b.tensor(16);
  b.g.inputs = {x};
  b.g.outputs = {y};
  b.op({x}, {r}, OpKind::Reshape);
  b.op({r}, {y});
  const auto plan = plan::plan_memory(b.g);
  CHECK(plan.tensors[r].alias_of == graph::kNoTensor);
  CHECK(plan.tensors[r].home == plan::Home::Arena);
}

TEST_CASE("scratch lives only while its operator runs")
{
  // op1's 100-byte scratch (112 aligned) lives with t1 (in) and t2 (out) at
  // op 1: 112 + 64 + 64 = 240 at that moment. t3 [2,3] lives with t2 only and
  // takes bytes freed by t1 or the scratch: the arena stays 240.
  Builder b;
  const auto t = b.chain(16, {64, 64, 64}, 16);
  const int t1 = t[1], t2 = t[2];
  const std::vector<std::size_t> scratch = {0, 100, 0, 0};
  const auto plan = plan::plan_memory(b.g, scratch);
  REQUIRE(plan.scratch[1].has_value());
  CHECK_FALSE(plan.scratch[0].has_value());
  const auto s = *plan.scratch[1];
  CHECK(s == 0);  // the biggest buffer goes first
  CHECK_FALSE(overlap(s, 112, plan.tensors[t1].arena_offset, 64));
  CHECK_FALSE(overlap(s, 112, plan.tensors[t2].arena_offset, 64));
  CHECK(plan.arena_bytes == 112 + 64 + 64);
}

TEST_CASE("random graphs: buffers alive together never overlap, and the arena is at least the live peak")
{
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    Builder b;
    const int n_ops = 2 + static_cast<int>(rng() % 12);
    std::vector<int> produced = {b.tensor(1 + rng() % 64)};
    b.g.inputs = {produced[0]};
    for (int i = 0; i < n_ops; ++i) {
      std::vector<int> ins = {produced[rng() % produced.size()]};
      if (rng() % 3 == 0) ins.push_back(produced[rng() % produced.size()]);
      const int out = b.tensor(1 + rng() % 300);
      b.op(ins, {out});
      produced.push_back(out);
    }
    b.g.outputs = {produced.back()};
    std::vector<std::size_t> scratch(b.g.ops.size());
    for (auto& s : scratch) s = rng() % 4 == 0 ? rng() % 200 : 0;
    const auto plan = plan::plan_memory(b.g, scratch, 8);

    std::size_t peak = 0;
    for (int op = 0; op < n_ops; ++op) {
      std::size_t live = 0;
      for (const auto& buf : plan.buffers)
        if (buf.first_op <= op && op <= buf.last_op) live += buf.bytes;
      peak = std::max(peak, live);
    }
    CHECK(plan.arena_bytes >= peak);
    for (std::size_t i = 0; i < plan.buffers.size(); ++i) {
      const auto& a = plan.buffers[i];
      CHECK(a.offset % 8 == 0);
      CHECK(a.offset + a.bytes <= plan.arena_bytes);
      for (std::size_t j = i + 1; j < plan.buffers.size(); ++j) {
        const auto& c = plan.buffers[j];
        if (a.first_op <= c.last_op && c.first_op <= a.last_op) CHECK_FALSE(overlap(a.offset, a.bytes, c.offset, c.bytes));
      }
    }
  }
}
