#include "sim/energy_stats.hpp"

#include <memory>

#include "energy/accounting.hpp"
#include "energy/work_names.hpp"

namespace sim {

namespace {
const char* kind_name(energy::MemoryKind kind) {
  switch (kind) {
    case energy::MemoryKind::Flash: return "flash";
    case energy::MemoryKind::External: return "external";
    case energy::MemoryKind::Sram: break;
  }
  return "sram";
}

using EnergyOf = std::function<energy::Energy()>;

void register_ops(StatsRegistry& stats, const std::function<energy::Activity()>& activity, const EnergyOf& energy_of) {
  for (const auto op : energy::all_ops())
    for (const auto w : energy::all_widths()) {
      const auto o = static_cast<size_t>(op), i = static_cast<size_t>(w);
      const std::string name = std::string(energy::op_name(op)) + "." + std::string(energy::width_name(w));
      stats.add("core.ops." + name, "lane_op", "lane operations executed (SIMD lanes counted one each)",
                [activity, o, i] { return (*activity().ops)[o][i]; });
      stats.add("energy.ops." + name + "_pj", "pJ", "energy of these lane operations: core.ops." + name + " x the table's entry",
                [energy_of, o, i] { return energy_of().ops_pj[o][i]; });
    }
}

void register_regions(StatsRegistry& stats, const energy::Activity& now, const EnergyOf& energy_of) {
  for (size_t i = 0; i < now.regions.size(); ++i) {
    const energy::RegionActivity& r = now.regions[i];
    const std::string p = "memory." + r.name + ".";
    stats.add_constant(p + "kind", "", "what the energy table prices this memory as: sram (ram, tcm), flash, external",
                       std::string(kind_name(r.kind)));
    stats.add_constant(p + "size_bytes", "byte", "the memory's size", r.size_bytes);
    if (r.kind == energy::MemoryKind::Flash)
      stats.add_constant(p + "flash.line_bytes", "byte", "bytes of one flash line read", uint64_t{r.flash_line_bytes});
    stats.add("energy.memory." + r.name + "_pj", "pJ", "energy of this memory's accesses, every master's",
              [energy_of, i] { return energy_of().memory[i].pj; });
  }
}

void register_accel(StatsRegistry& stats, const EnergyOf& energy_of) {
  stats.add("energy.accel.total_pj", "pJ", "accelerator energy: mac + buffer + dma",
            [energy_of] { return energy_of().accel_pj(); });
  stats.add("energy.accel.mac_pj", "pJ", "accel.macs x the table's MAC entry", [energy_of] { return energy_of().accel_mac_pj; });
  stats.add("energy.accel.buffer_pj", "pJ",
            "local buffer accesses: (DMA bytes both ways + MAC-active cycles x (rows + cols)) / access width, rounded up",
            [energy_of] { return energy_of().accel_buffer_pj; });
  stats.add("energy.accel.dma_pj", "pJ", "bytes the DMA moved x the table's per-byte entry (the memory side is the regions')",
            [energy_of] { return energy_of().accel_dma_pj; });
}
}  // namespace

void register_energy_stats(StatsRegistry& stats, const energy::CostTable& table,
                           std::function<energy::Activity()> activity) {
  const auto t = std::make_shared<const energy::CostTable>(table);
  const EnergyOf energy_of = [t, activity] { return energy::account(activity(), *t); };
  const energy::Activity now = activity();  // what exists: regions, caches, accelerator, op counts

  stats.add_constant("energy.table", "", "the energy cost table", table.name);
  stats.add_constant("energy.table_file", "", "the file the cost table was read from", table.source);
  stats.add("energy.total_pj", "pJ", "total energy: core + memory + cache + accel + static",
            [energy_of] { return energy_of().total_pj(); });
  stats.add("energy.core.total_pj", "pJ", "core energy: cycles + ops", [energy_of] { return energy_of().core_pj(); });
  stats.add("energy.core.cycles_pj", "pJ", "awake cycles (core.cycles - core.sleep_cycles) x the table's per-cycle entry",
            [energy_of] { return energy_of().core_cycles_pj; });
  stats.add("energy.core.ops_pj", "pJ",
            now.ops ? "the sum of energy.ops.*" : "0: this build does not count operations by class",
            [energy_of] { return energy_of().core_ops_pj; });
  if (now.ops) register_ops(stats, activity, energy_of);
  register_regions(stats, now, energy_of);
  if (now.l1i)
    stats.add("energy.cache.l1i_pj", "pJ", "L1 I-cache lookups: hits and misses x their entries",
              [energy_of] { return energy_of().l1i_pj; });
  if (now.l1d)
    stats.add("energy.cache.l1d_pj", "pJ", "L1 D-cache lookups: hits and misses x their entries",
              [energy_of] { return energy_of().l1d_pj; });
  if (now.accel) register_accel(stats, energy_of);
  stats.add("energy.static_pj", "pJ", "static power (core, accelerator, memories by size) x time.simulated_s",
            [energy_of] { return energy_of().static_pj; });
}

}  // namespace sim
