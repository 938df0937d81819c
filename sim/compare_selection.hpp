// Which stats `edgesim compare` puts in its table: a default set that tells
// runs apart at a glance, or the stats whose names match glob patterns.
#pragma once
#include <string>
#include <vector>

#include "sim/compare_input.hpp"

namespace sim {

// Those of these present in any run, in this order: platform and backend;
// time, cycles, instructions, CPI; bytes read and written per memory region;
// energy total and per component (core, each memory, caches, accelerator,
// static); each run's top operation classes by energy (energy.ops.*); the
// accelerator's cycles, MACs and utilization; and per-layer cycles when
// every run has the same layers (same indices and operators). Rows that are
// zero in every run are left out.
std::vector<std::string> default_comparison(const std::vector<RunStats>& runs);

// The stats of any run whose dotted name matches one of the shell-style
// patterns (fnmatch: `*` also crosses dots), in name order with numeric
// segments compared as numbers (layers.2 before layers.10). Throws
// std::invalid_argument naming a pattern that matches nothing.
std::vector<std::string> matching_comparison(const std::vector<RunStats>& runs, const std::vector<std::string>& patterns);

// `stats` without those that are zero, missing or null in every run.
std::vector<std::string> without_zero_rows(const std::vector<RunStats>& runs, const std::vector<std::string>& stats);

// The order above: segment by segment, numbers by value, before words.
bool stat_name_before(const std::string& a, const std::string& b);

}  // namespace sim
