// The accelerator's stats (platforms with an accel: section): its
// configuration, its PMU (accel.cycles, accel.mac_active_cycles, ...), the
// MAC utilization, and the DMA's traffic, per memory
// (memory.<name>.dma.*) and in all (traffic.dma.*).
#pragma once
#include "sim/platform.hpp"
#include "sim/stats.hpp"

namespace sim {

// Nothing without an accelerator. `platform` must outlive the registry's use.
void register_accel_stats(StatsRegistry& stats, const Platform& platform);

}  // namespace sim
