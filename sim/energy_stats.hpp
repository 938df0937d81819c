// energy.* stats: the run's energy under a cost table, per component and
// per operation class, with the counts the formulas use that no other stat
// gives (core.ops.<op>.<width>, memory.<region>.{kind,size_bytes},
// memory.<region>.flash.line_bytes), so a user can recompute every figure
// from the JSON and the table (energy/accounting.hpp has the rules).
#pragma once
#include <functional>

#include "energy/activity.hpp"
#include "energy/cost_table.hpp"
#include "sim/stats.hpp"

namespace sim {

// `activity` is asked whenever a value is read (the counts are live);
// its regions, caches and accelerator must not change between calls.
void register_energy_stats(StatsRegistry& stats, const energy::CostTable& table,
                           std::function<energy::Activity()> activity);

}  // namespace sim
