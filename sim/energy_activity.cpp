#include "sim/energy_activity.hpp"

namespace sim {

namespace {
energy::MemoryKind kind_of(MemoryKind kind) {
  switch (kind) {
    case MemoryKind::Flash: return energy::MemoryKind::Flash;
    case MemoryKind::External: return energy::MemoryKind::External;
    case MemoryKind::Ram:
    case MemoryKind::Tcm: break;
  }
  return energy::MemoryKind::Sram;
}

energy::RegionActivity region_activity(const MemoryConfig& config, const memory::Memory& m) {
  energy::RegionActivity r;
  r.name = config.name;
  r.kind = kind_of(config.kind);
  r.size_bytes = config.size_bytes;
  const memory::Traffic core = m.traffic();
  const memory::Traffic& dma = m.dma_traffic();
  r.core_fetches = {core.fetches, core.fetch_bytes};
  r.core_reads = {core.reads, core.bytes_read};
  r.core_writes = {core.writes, core.bytes_written};
  r.dma_reads = {dma.reads, dma.bytes_read};
  r.dma_writes = {dma.writes, dma.bytes_written};
  if (const memory::FlashTiming* flash = m.flash_timing()) {
    const memory::FlashTimingCounters& c = flash->counters();
    r.flash_line_bytes = flash->config().line_bytes;
    r.flash_core_line_reads = c.line_fetches + c.dcache_misses;
    r.flash_art_hits = c.icache_hits + c.dcache_hits;
  }
  return r;
}
}  // namespace

void gather_counts(const Platform& platform, energy::Activity& into) {
  const isa::Cpu& cpu = platform.core().cpu();
  into.cycles = cpu.cycles();
  into.sleep_cycles = cpu.sleep_cycles();
  into.simulated_s = static_cast<double>(cpu.cycles()) / static_cast<double>(platform.config().core.clock_hz);
  const auto& configs = platform.config().memories;
  into.regions.resize(configs.size());
  for (size_t i = 0; i < configs.size(); ++i) into.regions[i] = region_activity(configs[i], *platform.memories()[i]);
  if (const memory::L1Caches* l1 = platform.l1()) {
    if (const memory::Cache* i = l1->icache()) into.l1i = energy::CacheActivity{i->counters().read_hits, i->counters().read_misses};
    if (const memory::Cache* d = l1->dcache()) {
      const memory::CacheCounters& c = d->counters();
      into.l1d = energy::CacheActivity{c.read_hits + c.write_hits, c.read_misses + c.write_misses};
    }
  }
  if (const accel::device::Accelerator* accel = platform.accelerator()) {
    const auto pmu = accel->totals();
    energy::AccelActivity& e = into.accel ? *into.accel : into.accel.emplace();
    e.rows = accel->shape().rows;
    e.cols = accel->shape().cols;
    e.macs = pmu.macs;
    e.mac_active_cycles = pmu.mac_active;
    e.dma_read_bytes = pmu.dma_read_bytes;
    e.dma_write_bytes = pmu.dma_write_bytes;
  }
}

energy::Activity gather_activity(const Platform& platform) {
  energy::Activity a;
  gather_counts(platform, a);
  a.ops = platform.core().cpu().work_counts();
  return a;
}

}  // namespace sim
