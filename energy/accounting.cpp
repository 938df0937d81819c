#include "energy/accounting.hpp"

#include <algorithm>

#include "energy/sram_cost.hpp"

namespace energy {

namespace {
constexpr double kPjPerMilliwattSecond = 1e9;  // 1 mW x 1 s = 1 mJ

uint64_t ceil_div(uint64_t n, uint64_t d) { return (n + d - 1) / d; }

double region_pj(const RegionActivity& r, const CostTable& table) {
  const double each = region_access_pj(r, table);
  if (r.kind == MemoryKind::Flash) {
    const uint64_t accesses_per_line = ceil_div(r.flash_line_bytes, table.flash_access_bytes);
    const uint64_t dma_lines = charged_accesses(r.dma_reads, r.flash_line_bytes);
    return static_cast<double>((r.flash_core_line_reads + dma_lines) * accesses_per_line) * each +
           static_cast<double>(r.flash_art_hits) * table.flash_art_hit_pj;
  }
  const uint32_t width = r.kind == MemoryKind::External ? table.external_access_bytes : table.sram_access_bytes;
  uint64_t accesses = 0;
  for (const Accesses* a : {&r.core_fetches, &r.core_reads, &r.core_writes, &r.dma_reads, &r.dma_writes})
    accesses += charged_accesses(*a, width);
  return static_cast<double>(accesses) * each;
}

double static_mw_per_kib(MemoryKind kind, const CostTable& table) {
  switch (kind) {
    case MemoryKind::Flash: return table.static_flash_mw_per_kib;
    case MemoryKind::External: return table.static_external_mw_per_kib;
    case MemoryKind::Sram: break;
  }
  return table.static_sram_mw_per_kib;
}

double cache_pj(const CacheActivity& c, const CostTable& table) {
  return static_cast<double>(c.hits) * table.l1_hit_pj + static_cast<double>(c.misses) * table.l1_miss_pj;
}
}  // namespace

double Energy::memory_pj() const {
  double sum = 0;
  for (const auto& r : memory) sum += r.pj;
  return sum;
}

uint64_t charged_accesses(const Accesses& a, uint32_t width) { return std::max(a.count, ceil_div(a.bytes, width)); }

uint64_t buffer_bytes(const AccelActivity& a) {
  return a.dma_read_bytes + a.dma_write_bytes + a.mac_active_cycles * (uint64_t{a.rows} + a.cols);
}

double region_access_pj(const RegionActivity& r, const CostTable& table) {
  switch (r.kind) {
    case MemoryKind::Flash: return table.flash_access_pj;
    case MemoryKind::External: return table.external_access_pj;
    case MemoryKind::Sram: break;
  }
  return sram_access_pj(table.sram, r.size_bytes);
}

Energy account(const Activity& activity, const CostTable& table) {
  Energy e;
  e.core_cycles_pj = static_cast<double>(activity.cycles - activity.sleep_cycles) * table.core_cycle_pj;
  if (activity.ops) {
    for (size_t op = 0; op < isa::kWorkOps; ++op)
      for (size_t w = 0; w < isa::kWorkWidths; ++w) {
        e.ops_pj[op][w] = static_cast<double>((*activity.ops)[op][w]) * table.core_op_pj[op][w];
        e.core_ops_pj += e.ops_pj[op][w];
      }
  }
  double static_mw = table.static_core_mw;
  for (const RegionActivity& r : activity.regions) {
    e.memory.push_back({r.name, region_pj(r, table)});
    static_mw += static_cast<double>(r.size_bytes) / 1024.0 * static_mw_per_kib(r.kind, table);
  }
  if (activity.l1i) e.l1i_pj = cache_pj(*activity.l1i, table);
  if (activity.l1d) e.l1d_pj = cache_pj(*activity.l1d, table);
  if (const auto& a = activity.accel) {
    e.accel_mac_pj = static_cast<double>(a->macs) * table.accel_mac_pj;
    e.accel_buffer_pj =
        static_cast<double>(ceil_div(buffer_bytes(*a), table.accel_buffer_access_bytes)) * table.accel_buffer_access_pj;
    e.accel_dma_pj = static_cast<double>(a->dma_read_bytes + a->dma_write_bytes) * table.accel_dma_byte_pj;
    static_mw += table.static_accel_mw;
  }
  e.static_pj = static_mw * activity.simulated_s * kPjPerMilliwattSecond;
  return e;
}

}  // namespace energy
