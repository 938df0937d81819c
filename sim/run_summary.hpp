// The end-of-run summary printed on stderr (dropped by --quiet).
#pragma once
#include <string>

#include "sim/run_result.hpp"
#include "sim/stats.hpp"

namespace sim {

// Reads the values registered by register_run_stats.
std::string format_summary(const StatsRegistry& stats, const RunResult& result);

}  // namespace sim
