#include "sim/sweep_summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sim/sweep_points.hpp"

namespace sim {

namespace {
constexpr std::size_t kFailuresListed = 10;
}  // namespace

SweepTally print_summary(std::ostream& out, const std::string& name, const std::vector<std::string>& ids,
                         const std::map<std::string, PointResult>& results) {
  SweepTally tally;
  std::vector<const PointResult*> failures;
  for (const auto& id : ids) {
    const auto it = results.find(id);
    if (it == results.end()) {
      ++tally.missing;
      continue;
    }
    switch (it->second.status) {
      case PointStatus::Ok: ++tally.ok; break;
      case PointStatus::Failed: ++tally.failed; break;
      case PointStatus::Limit: ++tally.limit; break;
    }
    if (it->second.status != PointStatus::Ok) failures.push_back(&it->second);
  }
  out << fmt::format("sweep {}: {}/{} points done: {} ok, {} failed, {} at the instruction limit\n", name,
                     ids.size() - tally.missing, ids.size(), tally.ok, tally.failed, tally.limit);
  for (std::size_t i = 0; i < std::min(failures.size(), kFailuresListed); ++i) {
    const PointResult& r = *failures[i];
    out << fmt::format("  {} {} {} {}: {} (exit {}): {}\n", r.id, r.platform, r.workload, describe(r.parameters),
                       name_of(r.status), r.exit_code, r.message);
  }
  if (failures.size() > kFailuresListed) out << fmt::format("  ... and {} more\n", failures.size() - kFailuresListed);
  return tally;
}

}  // namespace sim
