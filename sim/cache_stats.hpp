// The stats of the core's L1 caches (memory/l1_caches.hpp), when it has
// them: core.l1i.*, core.l1d.* and, per cached memory, memory.<name>.l1.*
// (the core's accesses through the caches; memory.<name>.reads and the
// rest count what reached the memory).
#pragma once
#include "sim/platform.hpp"
#include "sim/stats.hpp"

namespace sim {

// `platform` must outlive the registry's use. Registers nothing without caches.
void register_cache_stats(StatsRegistry& stats, const Platform& platform);

}  // namespace sim
