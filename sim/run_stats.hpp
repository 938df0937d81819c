// The stats of one run (DESIGN.md "Contracts"): core.*, time.*, host.*,
// memory.<region>.*, sim.* (energy.*: sim/energy_stats.hpp). The summary and --stats read them from
// the registry, so both show the same numbers.
#pragma once
#include "sim/platform.hpp"
#include "sim/run_result.hpp"
#include "sim/stats.hpp"

namespace sim {

// `platform` and `result` must outlive the registry's use.
void register_run_stats(StatsRegistry& stats, const Platform& platform, const RunResult& result);

}  // namespace sim
