// --profile's stats: profile.functions.<key>.* per function that ran (key:
// the symbol's name with characters a stat name cannot hold, such as the
// dots of GCC's foo.constprop.0, made '_'; .name keeps the real one), in
// order of cycles, and layers.<i>.energy_pj beside the per-layer stats.
#pragma once
#include <vector>

#include "energy/cost_table.hpp"
#include "sim/layer_profile.hpp"
#include "sim/profile_functions.hpp"
#include "sim/profile_layers.hpp"
#include "sim/stats.hpp"

namespace sim {

void register_function_stats(StatsRegistry& stats, const std::vector<FunctionRow>& rows, const energy::CostTable& table);

// Only when the layer stats exist (the firmware wrote layer markers).
void register_layer_energy_stats(StatsRegistry& stats, const LayerProfile& layers, const LayerActivity& activity,
                                 const energy::CostTable& table);

}  // namespace sim
