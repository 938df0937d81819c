// The --profile tables printed after the run, read from the stats
// (profile.functions.* and, for compiled networks, layers.*): the top
// functions by cycles, and every layer with its energy.
#pragma once
#include <cstddef>
#include <string>

#include "sim/stats.hpp"

namespace sim {

std::string profile_report(const StatsRegistry& stats, size_t top);

}  // namespace sim
