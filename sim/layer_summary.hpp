// The per-layer table of the end-of-run summary, read from the layers.*
// and model.* stats (register_layer_stats); empty when there are none.
#pragma once
#include <string>

#include "sim/stats.hpp"

namespace sim {

std::string layer_table(const StatsRegistry& stats);

}  // namespace sim
