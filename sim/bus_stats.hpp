// The stats of the bus matrix (bus/bus_matrix.hpp): its policy, and per
// shared memory bus.<memory>.busy_cycles and, per master that uses it,
// bus.<memory>.<master>.{accesses,contention_cycles,conflicts}.
#pragma once
#include "sim/platform.hpp"
#include "sim/stats.hpp"

namespace sim {

// `platform` must outlive the registry's use.
void register_bus_stats(StatsRegistry& stats, const Platform& platform);

}  // namespace sim
