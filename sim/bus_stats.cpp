#include "sim/bus_stats.hpp"

#include <fmt/format.h>

namespace sim {

void register_bus_stats(StatsRegistry& stats, const Platform& platform) {
  const bus::BusMatrix& matrix = platform.bus_matrix();
  stats.add_constant("bus.arbitration", "", "how the bus matrix orders simultaneous requests for one memory",
                     std::string(bus::policy_name(matrix.policy())));
  stats.add_constant("bus.priority", "", "fixed-priority order of the bus masters, first wins",
                     fmt::format("{}", fmt::join(matrix.priority_order(), ", ")));
  for (const auto& port : matrix.ports()) {
    const bus::SlavePort* p = port.get();
    const std::string prefix = "bus." + p->name() + ".";
    stats.add(prefix + "busy_cycles", "cycle", "cycles the core held this memory's port (streams not included)",
              [p] { return p->busy_cycles(); });
    for (bus::MasterId m = 0; m < matrix.masters().size(); ++m) {
      const std::string& name = matrix.masters()[m];
      const bool requests = name == bus::kCoreFetch || name == bus::kCoreData || name == AccelConfig::kDmaMaster;
      bool streams_here = false;
      for (const bus::Stream& s : p->streams()) streams_here |= s.master == m;
      if (!requests && !streams_here) continue;
      const std::string mp = prefix + name + ".";
      stats.add(mp + "accesses", "access", "accesses this master made to the memory's port",
                [p, m] { return p->counters(m).accesses; });
      stats.add(mp + "contention_cycles", "cycle",
                "cycles this master waited for the port while another master held it (core: part of "
                "core.stall.contention)",
                [p, m] { return p->counters(m).contention_cycles; });
      stats.add(mp + "conflicts", "access", "accesses that had to wait for another master",
                [p, m] { return p->counters(m).conflicts; });
    }
  }
}

}  // namespace sim
