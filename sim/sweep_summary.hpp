// The closing lines of a sweep, shared by a local run and `--collect`: how
// many points are done and how each ended, and the first few that did not
// finish ok.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "sim/sweep_results.hpp"

namespace sim {

struct SweepTally {
  std::size_t ok = 0, failed = 0, limit = 0;
  std::size_t missing = 0;  // no record yet
};

// Prints "sweep NAME: done/total points done: ..." and up to ten points that
// failed or hit the limit, for the points `ids` (in this order) with the
// records `results` has.
SweepTally print_summary(std::ostream& out, const std::string& name, const std::vector<std::string>& ids,
                         const std::map<std::string, PointResult>& results);

}  // namespace sim
