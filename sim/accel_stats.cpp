#include "sim/accel_stats.hpp"

#include "memory/traffic.hpp"

namespace sim {

namespace {
double percent(uint64_t part, uint64_t whole) {
  return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

// The PMU's counters (accel/device/control.hpp) over the whole run: the
// firmware's PMU resets do not clear them.
void register_pmu(StatsRegistry& stats, const accel::device::Accelerator& a) {
  const auto p = [&a] { return a.totals(); };
  const uint64_t macs_per_cycle = uint64_t{a.shape().rows} * a.shape().cols;
  stats.add("accel.cycles", "accel_cycle", "accelerator cycles busy running command streams", [p] { return p().cycles; });
  stats.add("accel.mac_active_cycles", "accel_cycle", "accelerator cycles in which the MAC array accumulated",
            [p] { return p().mac_active; });
  stats.add("accel.stall_cycles", "accel_cycle", "accelerator cycles within layer commands spent waiting for DMA",
            [p] { return p().stall; });
  stats.add("accel.macs", "MAC", "useful int8 multiply-accumulates (zero padding not counted)", [p] { return p().macs; });
  stats.add("accel.layers", "command", "layer commands completed", [p] { return p().layers; });
  stats.add("accel.dma_read_bytes", "byte", "bytes the DMA read from system memory (command streams included)",
            [p] { return p().dma_read_bytes; });
  stats.add("accel.dma_write_bytes", "byte", "bytes the DMA wrote to system memory", [p] { return p().dma_write_bytes; });
  stats.add("accel.utilization_pct", "%", "MAC utilization: macs / (rows x cols x cycles)",
            [p, macs_per_cycle] { return percent(p().macs, macs_per_cycle * p().cycles); });
  stats.add("accel.mac_active_pct", "%", "share of busy cycles in which the array accumulated",
            [p] { return percent(p().mac_active, p().cycles); });
}

// memory.<name>.dma.* per memory, traffic.dma.* over all of them.
void register_dma_traffic(StatsRegistry& stats, const Platform& platform) {
  struct Counter {
    const char* name;
    const char* unit;
    const char* what;
    uint64_t memory::Traffic::*field;
  };
  static constexpr Counter kCounters[] = {
      {"reads", "access", "DMA reads", &memory::Traffic::reads},
      {"writes", "access", "DMA writes", &memory::Traffic::writes},
      {"bytes_read", "byte", "bytes the DMA read", &memory::Traffic::bytes_read},
      {"bytes_written", "byte", "bytes the DMA wrote", &memory::Traffic::bytes_written},
  };
  for (const Counter& c : kCounters) {
    for (const auto& mem : platform.memories()) {
      const memory::Memory* m = mem.get();
      stats.add("memory." + std::string(m->basename()) + ".dma." + c.name, c.unit,
                std::string(c.what) + " (part of this memory's totals)", [m, f = c.field] { return m->dma_traffic().*f; });
    }
    stats.add(std::string("traffic.dma.") + c.name, c.unit, std::string(c.what) + ", all memories",
              [&platform, f = c.field] {
                uint64_t n = 0;
                for (const auto& mem : platform.memories()) n += mem->dma_traffic().*f;
                return n;
              });
  }
}
}  // namespace

void register_accel_stats(StatsRegistry& stats, const Platform& platform) {
  const accel::device::Accelerator* a = platform.accelerator();
  if (!a) return;
  const AccelConfig& c = *platform.config().accel;
  stats.add_constant("accel.impl", "", "the accelerator's datapath: tlm (the C++ model) or rtl (Verilated SystemVerilog)",
                     std::string(c.impl == AccelImpl::Rtl ? "rtl" : "tlm"));
  stats.add_constant("accel.rows", "", "MAC array rows (output pixels per pass)", uint64_t{c.rows});
  stats.add_constant("accel.cols", "", "MAC array columns (output channels per pass)", uint64_t{c.cols});
  stats.add_constant("accel.clock_hz", "Hz", "accelerator clock (core clock / accel.clock_ratio)",
                     platform.config().core.clock_hz / c.clock_ratio);
  register_pmu(stats, *a);
  register_dma_traffic(stats, platform);
}

}  // namespace sim
