// `edgesim compare`'s table: one row per stat, one column per run, and after
// each run but the first its ratio to the first ("0.19x": this run's value /
// the first run's). A stat a run lacks is "-" (empty in CSV).
#pragma once
#include <string>
#include <vector>

#include "sim/compare_input.hpp"

namespace sim {

enum class CompareFormat {
  Text,      // aligned columns; energy and time rows in one SI unit per row
  Markdown,  // the same cells as a GitHub table
  Csv,       // exact values in the stats' own units, ratios as plain numbers
};

std::string format_comparison(const std::vector<RunStats>& runs, const std::vector<std::string>& stats, CompareFormat format);

// b / a as "0.19x": two decimals, one from 10x, none from 100x, two
// significant digits below 0.01x; "-" when a is 0 or either is not a number.
std::string ratio_text(double a, double b);

}  // namespace sim
