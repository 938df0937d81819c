// The exact integer form of the early-exit rules (graph.hpp's ExitRule) on
// int8 softmax scores, which the firmware (workloads/model/model_exit.c) and
// the host reference (compiler/reference/exit_decision) both decide in, so
// that the two agree on every input bit for bit.
//
// An int8 softmax output has TFLite's fixed quantization (scale 1/256, zero
// point -128): score q is the probability p = u / 256 with u = q + 128, in
// 0..255. On that grid the rules become integer comparisons:
//   max_softmax  max u >= ceil(256 * threshold)               (exact)
//   margin       u1 - u2 >= ceil(256 * threshold)             (exact; u1 >= u2 the two largest)
//   entropy      sum H[u] <= floor(threshold * 2^24)
// where H[u] = -p ln p in units of 2^-24 nat, rounded to nearest (a table of
// 256 entries the host computes once): the entropy is the sum of these
// rounded terms, within classes * 2^-25 nat of the exact sum. Integer sums
// neither depend on the order of summation nor on a libm's logf, which is
// why the decision is not made in float.
#pragma once

#include <array>
#include <cstdint>

#include "compiler/graph/graph.hpp"

namespace compiler::quant {

inline constexpr int kSoftmaxLevels = 256;        // u = q + 128 in [0, 256)
inline constexpr int kEntropyFractionBits = 24;   // entropy units: 2^-24 nat

// The threshold in its rule's units: 1/256 of probability (max_softmax,
// margin) or 2^-24 nat (entropy). Threshold in (0, 1] for the first two,
// in (0, 128) for entropy.
std::uint32_t exit_threshold_units(graph::ExitRule rule, double threshold);

// H[u] = round(-(u/256) ln(u/256) * 2^24), H[0] = 0.
const std::array<std::uint32_t, kSoftmaxLevels>& entropy_units();

}  // namespace compiler::quant
