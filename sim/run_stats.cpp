#include "sim/run_stats.hpp"

#include "memory/flash_timing.hpp"
#include "memory/traffic.hpp"

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
  stats.add(p + "stall_cycles", "cycle", "core cycles stalled waiting for flash (wait states not hidden)",
            [c] { return c->stall_cycles; });
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

  stats.add("time.simulated_s", "s", "simulated time (core cycles / clock)",
            [&cpu, clock_hz] { return static_cast<double>(cpu.cycles()) / clock_hz; });
  stats.add("host.seconds", "s", "host wall-clock time of the simulation", [&result] { return result.host_seconds; });
  stats.add("host.mips", "MIPS", "simulated instructions per host second, in millions", [&cpu, &result]() -> StatValue {
    return result.host_seconds > 0 ? static_cast<double>(cpu.instructions()) / result.host_seconds / 1e6 : 0.0;
  });

  for (const auto& mem : platform.memories()) {
    const memory::Memory* m = mem.get();
    const std::string prefix = "memory." + std::string(m->basename()) + ".";
    stats.add(prefix + "reads", "access", "reads, instruction fetches included",
              [m] { return memory::all_reads(m->traffic()); });
    stats.add(prefix + "writes", "access", "writes", [m] { return m->traffic().writes; });
    stats.add(prefix + "bytes_read", "byte", "bytes read, instruction fetches included",
              [m] { return memory::all_bytes_read(m->traffic()); });
    stats.add(prefix + "bytes_written", "byte", "bytes written", [m] { return m->traffic().bytes_written; });
    stats.add(prefix + "fetches", "access", "instruction fetches (part of reads)", [m] { return m->traffic().fetches; });
    stats.add(prefix + "fetch_bytes", "byte", "bytes fetched as instructions (part of bytes_read)",
              [m] { return m->traffic().fetch_bytes; });
    if (const memory::FlashTiming* flash = m->flash_timing()) register_flash_stats(stats, prefix, *flash);
  }

  stats.add_constant("energy.total_pj", "pJ", "total energy: not modelled yet, always 0 (energy model comes later)",
                     0.0);

  stats.add_constant("sim.platform", "", "platform name", platform.config().name);
  stats.add("sim.stop_reason", "", "why the simulation stopped: exit, lockup, instruction_limit, hang, error",
            [&result] { return stop_reason(result); });
  stats.add("sim.exit_code", "", "process exit status: the firmware's exit code, 124 run limit, 125 lockup/failure",
            [&result] { return static_cast<int64_t>(exit_status(result)); });
}

}  // namespace sim
