#include "sim/profile_counts.hpp"

#include "energy/accounting.hpp"
#include "energy/activity_difference.hpp"

namespace sim {

void ProfileCounts::add_difference(const ProfileCounts& later, const ProfileCounts& earlier) {
  instructions += later.instructions - earlier.instructions;
  energy::add_difference(activity, later.activity, earlier.activity);
}

uint64_t ProfileCounts::bytes_read() const {
  uint64_t sum = 0;
  for (const auto& r : activity.regions) sum += r.core_fetches.bytes + r.core_reads.bytes + r.dma_reads.bytes;
  return sum;
}

uint64_t ProfileCounts::bytes_written() const {
  uint64_t sum = 0;
  for (const auto& r : activity.regions) sum += r.core_writes.bytes + r.dma_writes.bytes;
  return sum;
}

double ProfileCounts::energy_pj(const energy::CostTable& table) const {
  energy::Activity dynamic = activity;
  dynamic.simulated_s = 0;
  return energy::account(dynamic, table).total_pj();
}

}  // namespace sim
