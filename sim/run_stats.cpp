#include "sim/run_stats.hpp"

#include "memory/flash_timing.hpp"
#include "memory/traffic.hpp"
#include "sim/accel_stats.hpp"
#include "sim/bus_stats.hpp"
#include "sim/cache_stats.hpp"

namespace sim {

namespace {
// memory.<name>.flash.*: what the flash's line buffer, prefetch and ART did.
void register_flash_stats(StatsRegistry& stats, const std::string& prefix, const memory::FlashTiming& flash) {
  const memory::FlashTimingCounters* c = &flash.counters();
  const std::string p = prefix + "flash.";
  stats.add(p + "line_fetches", "line", "instruction lines read from flash, on demand and by the prefetcher",
            [c] { return c->line_fetches; });
  stats.add(p + "icache_hits", "fetch", "instruction line fetches that hit the ART I-cache",
            [c] { return c->icache_hits; });
  stats.add(p + "icache_misses", "fetch", "instruction line fetches that missed the ART I-cache (0 without one)",
            [c] { return c->icache_misses; });
  stats.add(p + "prefetch_hits", "fetch", "instruction line fetches served by the prefetcher (ready or still reading)",
            [c] { return c->prefetch_hits; });
  stats.add(p + "dcache_hits", "access", "data reads that hit the ART D-cache", [c] { return c->dcache_hits; });
  stats.add(p + "dcache_misses", "access", "data reads that went to flash (all of them without a D-cache)",
            [c] { return c->dcache_misses; });
  stats.add(p + "stall_cycles", "cycle", "core cycles stalled waiting for flash (wait states not hidden, contention included)",
            [c] { return c->stall_cycles; });
  stats.add(p + "contention_cycles", "cycle",
            "of stall_cycles, waiting for the flash array busy with another read (a data read behind a prefetch)",
            [c] { return c->contention_cycles; });
}

// core.stall.<cause>: where the cycles beyond one issue cycle per
// instruction went. cycles = base_cycles + sleep_cycles + stall.total.
void register_stall_stats(StatsRegistry& stats, const isa::Cpu& cpu) {
  using isa::timing::Stall;
  stats.add("core.base_cycles", "cycle", "one issue cycle per instruction (cycles = base + sleep + stall.total)",
            [&cpu] { return cpu.instructions(); });
  for (size_t i = 1; i < isa::timing::kStallKinds; ++i) {
    const auto s = static_cast<Stall>(i);
    stats.add("core.stall." + std::string(isa::timing::stall_name(s)), "cycle",
              std::string(isa::timing::stall_description(s)), [&cpu, s] { return cpu.stall_cycles(s); });
  }
  stats.add("core.stall.total", "cycle", "all stall cycles: cycles - base_cycles - sleep_cycles", [&cpu] {
    int64_t total = 0;
    for (int64_t n : cpu.stalls()) total += n;
    return total;
  });
  stats.add_constant("core.timing_model", "", "the core's timing model and the manual it follows",
                     std::string(cpu.timing_model().source()));
}

// traffic.<master>.*: every access the core's masters made, over all
// memories (the DMA's: traffic.dma.*, accel_stats.cpp).
void register_master_traffic(StatsRegistry& stats, const Platform& platform) {
  struct Master {
    const char* name;
    const char* what;
    uint64_t memory::Traffic::*accesses;
    uint64_t memory::Traffic::*bytes;
  };
  static constexpr Master kMasters[] = {
      {"fetch", "instruction fetches", &memory::Traffic::fetches, &memory::Traffic::fetch_bytes},
      {"load", "data reads", &memory::Traffic::reads, &memory::Traffic::bytes_read},
      {"store", "data writes", &memory::Traffic::writes, &memory::Traffic::bytes_written},
  };
  for (const Master& m : kMasters) {
    const auto sum = [&platform](uint64_t memory::Traffic::*field) {
      uint64_t n = 0;
      for (const auto& mem : platform.memories()) n += mem->traffic().*field;
      return n;
    };
    stats.add(std::string("traffic.") + m.name + ".accesses", "access",
              std::string("core ") + m.what + " that reached a memory, all memories", [sum, f = m.accesses] { return sum(f); });
    stats.add(std::string("traffic.") + m.name + ".bytes", "byte", std::string("bytes of core ") + m.what + ", all memories",
              [sum, f = m.bytes] { return sum(f); });
  }
}
}  // namespace

void register_run_stats(StatsRegistry& stats, const Platform& platform, const RunResult& result) {
  const isa::Cpu& cpu = platform.core().cpu();
  const double clock_hz = static_cast<double>(platform.config().core.clock_hz);

  stats.add("core.cycles", "cycle", "core clock cycles, sleep included", [&cpu] { return cpu.cycles(); });
  stats.add("core.instructions", "instruction", "instructions executed", [&cpu] { return cpu.instructions(); });
  stats.add("core.cpi", "cycle/instruction", "cycles per instruction, sleep included", [&cpu]() -> StatValue {
    return cpu.instructions() ? static_cast<double>(cpu.cycles()) / static_cast<double>(cpu.instructions()) : 0.0;
  });
  stats.add("core.sleep_cycles", "cycle", "cycles spent asleep in WFI/WFE", [&cpu] { return cpu.sleep_cycles(); });
  stats.add_constant("core.clock_hz", "Hz", "core clock frequency", platform.config().core.clock_hz);
  register_stall_stats(stats, cpu);

  stats.add("time.simulated_s", "s", "simulated time (core cycles / clock)",
            [&cpu, clock_hz] { return static_cast<double>(cpu.cycles()) / clock_hz; });
  stats.add("host.seconds", "s", "host wall-clock time of the simulation", [&result] { return result.host_seconds; });
  stats.add("host.mips", "MIPS", "simulated instructions per host second, in millions", [&cpu, &result]() -> StatValue {
    return result.host_seconds > 0 ? static_cast<double>(cpu.instructions()) / result.host_seconds / 1e6 : 0.0;
  });

  for (const auto& mem : platform.memories()) {
    const memory::Memory* m = mem.get();
    const std::string prefix = "memory." + std::string(m->basename()) + ".";
    // Every master's accesses: the core's, and a DMA's (memory.<name>.dma.*).
    const auto all = [m] { return m->all_traffic(); };
    stats.add(prefix + "reads", "access", "reads, instruction fetches and DMA included",
              [all] { return memory::all_reads(all()); });
    stats.add(prefix + "writes", "access", "writes, DMA included", [all] { return all().writes; });
    stats.add(prefix + "bytes_read", "byte", "bytes read, instruction fetches and DMA included",
              [all] { return memory::all_bytes_read(all()); });
    stats.add(prefix + "bytes_written", "byte", "bytes written, DMA included", [all] { return all().bytes_written; });
    stats.add(prefix + "fetches", "access", "instruction fetches (part of reads)", [m] { return m->traffic().fetches; });
    stats.add(prefix + "fetch_bytes", "byte", "bytes fetched as instructions (part of bytes_read)",
              [m] { return m->traffic().fetch_bytes; });
    if (const memory::FlashTiming* flash = m->flash_timing()) register_flash_stats(stats, prefix, *flash);
  }

  register_master_traffic(stats, platform);
  register_cache_stats(stats, platform);  // core.l1i/l1d.*, memory.<name>.l1.* (Cortex-M7 L1 caches)
  register_bus_stats(stats, platform);    // bus.* (shared memories' ports)
  register_accel_stats(stats, platform);  // accel.*, memory.<name>.dma.*, traffic.dma.* (with an accelerator)

  // energy.*: register_energy_stats (sim/energy_stats.hpp), with the run's cost table.

  stats.add_constant("sim.platform", "", "platform name", platform.config().name);
  stats.add("sim.stop_reason", "", "why the simulation stopped: exit, lockup, instruction_limit, hang, error",
            [&result] { return stop_reason(result); });
  stats.add("sim.exit_code", "", "process exit status: the firmware's exit code, 124 run limit, 125 lockup/failure",
            [&result] { return static_cast<int64_t>(exit_status(result)); });
}

}  // namespace sim
