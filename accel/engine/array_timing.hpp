// Cycle counts of one array pass, from the datapath's schedule (the RTL in
// accel/rtl/ implements this schedule clock by clock; tests compare):
//
// matmul, R x C output-stationary systolic array, reduction length k:
//   cycle 0                 the pass starts: accumulators take bias[j]
//   cycles 1 .. k+R+C-2     MACs: a[i][kk] enters row i at cycle 1+kk+i,
//                           w[j][kk] column j at 1+kk+j; PE(i,j) accumulates
//                           pair kk at 1+kk+i+j (skewed fill and drain)
//   next R cycles           accumulators leave one row (C lanes) per cycle
//                           into the requantization pipeline
//   kRequantStages cycles   until the last row's int8 outputs are written
// add, C lanes: one beat of C elements per cycle after the start cycle, then
// kAddStages cycles until the last beat's outputs are written.
//
// A pass costs the same whatever m and n are: the array has no early exit
// for a partly used pass (utilization shows it).
#pragma once
#include <cstdint>

#include "accel/engine/compute_engine.hpp"

namespace accel::engine {

inline constexpr uint32_t kRequantStages = 3;  // high multiply, rounding shift, offset and clamp
inline constexpr uint32_t kAddStages = 5;      // input scaling, input shift, sum and scale, shift, offset and clamp

constexpr PassCycles matmul_cycles(model::ArrayShape a, uint32_t k) {
  const uint64_t macs = uint64_t{k} + a.rows + a.cols - 2;
  return {.total = 1 + macs + a.rows + kRequantStages, .mac_active = macs};
}

constexpr PassCycles add_cycles(model::ArrayShape a, uint32_t count) {
  const uint64_t beats = (uint64_t{count} + a.cols - 1) / a.cols;
  return {.total = 1 + beats + kAddStages, .mac_active = 0};
}

}  // namespace accel::engine
