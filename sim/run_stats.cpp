#include "sim/run_stats.hpp"

#include "memory/traffic.hpp"

namespace sim {

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
