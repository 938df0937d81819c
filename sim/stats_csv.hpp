// `edgesim run --stats-csv FILE`: every stat as a row "name,value,unit,description"
// (after that header), in registration order, with the names and values the
// JSON of --stats holds. A non-finite number (null in the JSON) is an empty value.
#pragma once
#include <string>

#include "sim/stats.hpp"

namespace sim {

std::string stats_csv(const StatsRegistry& stats);

}  // namespace sim
