// The per-layer profile in the stats registry, registered after the run
// (the values are final then):
//   layers.<index>.*   one group per layer (op, output, runs, cycles, ...)
//   layers.outside.*   the counts before, between and after inferences
//   model.*            the network's name and backend, inferences, early exit
// Nothing at all when the firmware wrote no layer marker.
#pragma once
#include "sim/layer_profile.hpp"
#include "sim/platform_config.hpp"
#include "sim/stats.hpp"

namespace sim {

// `platform` names the memories of the profile's per-memory counts, in order.
void register_layer_stats(StatsRegistry& stats, const LayerProfile& profile, const PlatformConfig& platform);

}  // namespace sim
