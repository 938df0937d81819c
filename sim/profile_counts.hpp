// What a function or a layer did: the counters the profiles charge, as the
// energy model's Activity (so that energy::account prices a part of a run as
// it prices the whole) plus the instructions it does not need.
#pragma once
#include <cstdint>

#include "energy/activity.hpp"
#include "energy/cost_table.hpp"

namespace sim {

struct ProfileCounts {
  uint64_t instructions = 0;
  energy::Activity activity;  // simulated_s stays 0: static energy is not charged to a part

  // this += later - earlier.
  void add_difference(const ProfileCounts& later, const ProfileCounts& earlier);
  // Every memory, every master; instruction fetches are reads.
  uint64_t bytes_read() const;
  uint64_t bytes_written() const;
  // Dynamic energy under `table`: core cycles and operations, memories,
  // caches and, where counted, the accelerator (static power is not split).
  // The parts of a run add up to the whole's energy, except where the
  // accounting rounds accesses up per part (bytes / access width: the
  // accelerator's buffers, DMA reads of flash lines): there the parts may
  // exceed the whole by less than one access per part and component.
  double energy_pj(const energy::CostTable& table) const;
};

}  // namespace sim
