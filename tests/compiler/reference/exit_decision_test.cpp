// The host reference's early-exit decisions on hand-made int8 softmax
// scores (q = 256 p - 128): max-softmax, margin and entropy at, just above
// and just below their thresholds, ties between the two largest scores, and
// which exit a graph's run takes.
#include "compiler/reference/exit_decision.hpp"

#include <vector>

#include <catch2/catch.hpp>

using compiler::graph::Exit;
using compiler::graph::ExitRule;
using compiler::reference::exit_passes;

namespace {

// Scores from probabilities in 1/256: u -> q = u - 128.
std::vector<std::int8_t> scores(std::initializer_list<int> u)
{
  std::vector<std::int8_t> q;
  for (int v : u)
    q.push_back(static_cast<std::int8_t>(v - 128));
  return q;
}

Exit rule(ExitRule r, double threshold)
{
  Exit e;
  e.rule = r;
  e.threshold = threshold;
  return e;
}

}  // namespace

TEST_CASE("max-softmax: the largest probability against the threshold, equality passes")
{
  const auto s = scores({6, 200, 50});  // p = 0.0234, 0.78125, 0.1953
  CHECK(exit_passes(rule(ExitRule::MaxSoftmax, 0.78125), s));
  CHECK(exit_passes(rule(ExitRule::MaxSoftmax, 0.5), s));
  CHECK_FALSE(exit_passes(rule(ExitRule::MaxSoftmax, 0.7813), s));
  // Two equal largest: the largest is still 100/256 = 0.390625.
  CHECK(exit_passes(rule(ExitRule::MaxSoftmax, 0.390625), scores({100, 100, 56})));
  CHECK_FALSE(exit_passes(rule(ExitRule::MaxSoftmax, 0.4), scores({100, 100, 56})));
  // q = 127 (p = 255/256) is the most an int8 score says: 1.0 never passes.
  CHECK_FALSE(exit_passes(rule(ExitRule::MaxSoftmax, 1.0), scores({255, 0, 0})));
}

TEST_CASE("margin: top1 - top2, ties give 0")
{
  // 150/256 - 100/256 = 50/256 = 0.1953125 exactly, whatever the order.
  CHECK(exit_passes(rule(ExitRule::Margin, 0.1953125), scores({6, 150, 100})));
  CHECK(exit_passes(rule(ExitRule::Margin, 0.1953125), scores({100, 6, 150})));
  CHECK_FALSE(exit_passes(rule(ExitRule::Margin, 0.1953126), scores({6, 150, 100})));
  // A tie for the top: margin 0 fails any threshold.
  CHECK_FALSE(exit_passes(rule(ExitRule::Margin, 1.0 / 256), scores({100, 100, 56})));
  CHECK_FALSE(exit_passes(rule(ExitRule::Margin, 1.0 / 256), scores({120, 8, 120, 8})));
  // The runner-up is the second largest, not the neighbour: 250 - 4 = 246.
  CHECK(exit_passes(rule(ExitRule::Margin, 246.0 / 256), scores({4, 250, 0, 2})));
  CHECK_FALSE(exit_passes(rule(ExitRule::Margin, 247.0 / 256), scores({4, 250, 0, 2})));
}

TEST_CASE("entropy: -sum p ln p in nats, equality passes")
{
  // Four classes of p = 1/4: H = ln 4 = 1.386294; in 2^-24 nat each term is
  // round(0.25 ln 4 * 2^24) = 5,814,540, the sum 23,258,160
  // (= 1.3862944 nat).
  const auto uniform = scores({64, 64, 64, 64});
  CHECK(exit_passes(rule(ExitRule::Entropy, 1.3863), uniform));
  CHECK_FALSE(exit_passes(rule(ExitRule::Entropy, 1.3862), uniform));
  CHECK(exit_passes(rule(ExitRule::Entropy, 23258160.0 / 16777216.0), uniform));
  CHECK_FALSE(exit_passes(rule(ExitRule::Entropy, 23258159.0 / 16777216.0), uniform));
  // A zero probability adds nothing: two classes of 1/2 and two of 0 give
  // ln 2 = 0.693147 (2 * 5,814,540 units = 0.6931472 nat).
  const auto halves = scores({128, 0, 128, 0});
  CHECK(exit_passes(rule(ExitRule::Entropy, 0.6932), halves));
  CHECK_FALSE(exit_passes(rule(ExitRule::Entropy, 0.6931), halves));
  // Confident scores: 255/256 and 1/256: 65,408 + 363,409 units = 0.02556 nat.
  const auto sure = scores({255, 1, 0});
  CHECK(exit_passes(rule(ExitRule::Entropy, 0.0256), sure));
  CHECK_FALSE(exit_passes(rule(ExitRule::Entropy, 0.0255), sure));
}

TEST_CASE("the exit a run takes: the first that passes, else the final output")
{
  compiler::graph::Graph g;
  g.tensors.resize(3);
  g.exits = {rule(ExitRule::MaxSoftmax, 0.5), rule(ExitRule::Margin, 0.25)};
  g.exits[0].tensor = 0;
  g.exits[1].tensor = 1;
  g.outputs = {2};
  auto bytes = [](std::initializer_list<int> u) {
    const auto q = scores(u);
    return compiler::reference::Bytes(q.begin(), q.end());
  };
  compiler::reference::TensorBuffers t(3);
  t[2] = bytes({10, 20, 226});
  t[0] = bytes({100, 100, 56});  // largest 0.39 < 0.5
  t[1] = bytes({200, 50, 6});    // margin 150/256 = 0.586 >= 0.25
  CHECK(compiler::reference::exit_taken(g, t) == 2);
  CHECK(compiler::reference::exit_scores_tensor(g, 2) == 1);
  t[0] = bytes({130, 100, 26});  // largest 130/256 = 0.508: exit 1 decides, exit 2 is never asked
  CHECK(compiler::reference::exit_taken(g, t) == 1);
  t[0] = bytes({100, 100, 56});
  t[1] = bytes({100, 90, 66});   // margin 10/256
  CHECK(compiler::reference::exit_taken(g, t) == 3);
  CHECK(compiler::reference::exit_scores_tensor(g, 3) == 2);
  CHECK(compiler::reference::exit_taken(compiler::graph::Graph{}, {}) == 0);
}
