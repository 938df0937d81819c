#include "energy/activity_difference.hpp"

namespace energy {

namespace {
void add(Accesses& into, const Accesses& later, const Accesses& earlier) {
  into.count += later.count - earlier.count;
  into.bytes += later.bytes - earlier.bytes;
}

void add(RegionActivity& into, const RegionActivity& later, const RegionActivity& earlier) {
  into.name = later.name;
  into.kind = later.kind;
  into.size_bytes = later.size_bytes;
  into.flash_line_bytes = later.flash_line_bytes;
  add(into.core_fetches, later.core_fetches, earlier.core_fetches);
  add(into.core_reads, later.core_reads, earlier.core_reads);
  add(into.core_writes, later.core_writes, earlier.core_writes);
  add(into.dma_reads, later.dma_reads, earlier.dma_reads);
  add(into.dma_writes, later.dma_writes, earlier.dma_writes);
  into.flash_core_line_reads += later.flash_core_line_reads - earlier.flash_core_line_reads;
  into.flash_art_hits += later.flash_art_hits - earlier.flash_art_hits;
}

void add(std::optional<CacheActivity>& into, const std::optional<CacheActivity>& later,
         const std::optional<CacheActivity>& earlier) {
  if (!later) return;
  const CacheActivity before = earlier.value_or(CacheActivity{});
  CacheActivity& sum = into ? *into : into.emplace();
  sum.hits += later->hits - before.hits;
  sum.misses += later->misses - before.misses;
}

void add(std::optional<AccelActivity>& into, const std::optional<AccelActivity>& later,
         const std::optional<AccelActivity>& earlier) {
  if (!later) return;
  const AccelActivity before = earlier.value_or(AccelActivity{});
  AccelActivity& sum = into ? *into : into.emplace();
  sum.rows = later->rows;
  sum.cols = later->cols;
  sum.macs += later->macs - before.macs;
  sum.mac_active_cycles += later->mac_active_cycles - before.mac_active_cycles;
  sum.dma_read_bytes += later->dma_read_bytes - before.dma_read_bytes;
  sum.dma_write_bytes += later->dma_write_bytes - before.dma_write_bytes;
}
}  // namespace

void add_difference(Activity& into, const Activity& later, const Activity& earlier) {
  into.cycles += later.cycles - earlier.cycles;
  into.sleep_cycles += later.sleep_cycles - earlier.sleep_cycles;
  if (later.ops) {
    const OpCounts before = earlier.ops.value_or(OpCounts{});
    OpCounts& sum = into.ops ? *into.ops : into.ops.emplace(OpCounts{});
    for (size_t op = 0; op < sum.size(); ++op)
      for (size_t w = 0; w < sum[op].size(); ++w) sum[op][w] += (*later.ops)[op][w] - before[op][w];
  }
  if (into.regions.size() < later.regions.size()) into.regions.resize(later.regions.size());
  for (size_t i = 0; i < later.regions.size(); ++i)
    add(into.regions[i], later.regions[i], i < earlier.regions.size() ? earlier.regions[i] : RegionActivity{});
  add(into.l1i, later.l1i, earlier.l1i);
  add(into.l1d, later.l1d, earlier.l1d);
  add(into.accel, later.accel, earlier.accel);
}

}  // namespace energy
