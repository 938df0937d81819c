#include "sim/run_summary.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "sim/layer_summary.hpp"

namespace sim {

namespace {

// Lines are broken before this column (the layer table is wider: it is a table).
constexpr size_t kLineWidth = 112;
// Where a labelled line's items start: "  label          " + 14-wide value + 3 blanks.
constexpr size_t kItemsColumn = 2 + 15 + 14 + 3;

// Items joined by ", ", starting at column `column`; an item that would pass
// kLineWidth starts a new line at the same column. Ends in a newline.
std::string wrapped(const std::vector<std::string>& items, size_t column) {
  std::string out;
  size_t at = column;
  for (size_t i = 0; i < items.size(); ++i) {
    const bool last = i + 1 == items.size();
    const std::string item = items[i] + (last ? "" : ",");
    if (i > 0 && at + 1 + item.size() > kLineWidth) {
      out += '\n' + std::string(column, ' ');
      at = column;
    } else if (i > 0) {
      out += ' ';
      ++at;
    }
    out += item;
    at += item.size();
  }
  return out + '\n';
}

std::string si_time(double seconds) {
  if (seconds >= 1) return fmt::format("{:.6f} s", seconds);
  if (seconds >= 1e-3) return fmt::format("{:.3f} ms", seconds * 1e3);
  return fmt::format("{:.3f} us", seconds * 1e6);
}

// "stall cycles  1234   memory 800, branch_refill 400, ...": the non-zero causes, largest first.
std::string stall_lines(const StatsRegistry& stats) {
  std::vector<std::pair<std::string, int64_t>> causes;
  for (const auto& s : stats.stats())
    if (s.name.starts_with("core.stall.") && s.name != "core.stall.total")
      if (const int64_t n = std::get<int64_t>(s.value()); n != 0) causes.emplace_back(s.name.substr(11), n);
  std::stable_sort(causes.begin(), causes.end(), [](const auto& a, const auto& b) { return std::abs(a.second) > std::abs(b.second); });
  std::vector<std::string> items;
  for (const auto& [name, n] : causes) items.push_back(fmt::format("{} {}", name, n));
  if (items.empty()) items.push_back("none");
  return fmt::format("  stall cycles   {:>14}   ", std::get<int64_t>(stats.value("core.stall.total"))) +
         wrapped(items, kItemsColumn);
}
// "bus sram (round_robin): core.data waited 120 cycles in 80 of 5000 accesses, ...",
// per shared memory.
std::string bus_lines(const StatsRegistry& stats) {
  std::string out;
  for (const auto& s : stats.stats()) {
    if (!s.name.starts_with("bus.") || !s.name.ends_with(".busy_cycles")) continue;
    const std::string port = s.name.substr(4, s.name.size() - 4 - 12);
    const std::string prefix = "bus." + port + ".";
    std::vector<std::string> masters;
    for (const auto& m : stats.stats()) {
      if (!m.name.starts_with(prefix) || !m.name.ends_with(".contention_cycles")) continue;
      const std::string master = m.name.substr(prefix.size(), m.name.size() - prefix.size() - 18);
      if (stats.u64(prefix + master + ".accesses") == 0) continue;
      masters.push_back(fmt::format("{} waited {} cycles in {} of {} accesses", master, stats.u64(m.name),
                                    stats.u64(prefix + master + ".conflicts"), stats.u64(prefix + master + ".accesses")));
    }
    const std::string head = fmt::format("  bus {} ({}): ", port, stats.text("bus.arbitration"));
    out += head + wrapped(masters, head.size());
  }
  return out;
}

// "accelerator 8x8 tlm: ..." and its DMA's traffic per memory (with one).
std::string accel_lines(const StatsRegistry& stats) {
  if (!stats.find("accel.cycles")) return {};
  const uint64_t cycles = stats.u64("accel.cycles");
  const double seconds = static_cast<double>(cycles) / static_cast<double>(stats.u64("accel.clock_hz"));
  std::string out = fmt::format(
      "  accelerator    {}x{} {}: {} cycles ({}), {} layers, {} MACs\n"
      "                 utilization {:.1f}%, MAC-active {:.1f}%, DMA stall {} cycles\n",
      stats.u64("accel.rows"), stats.u64("accel.cols"), stats.text("accel.impl"), cycles,
      si_time(seconds), stats.u64("accel.layers"), stats.u64("accel.macs"), stats.f64("accel.utilization_pct"),
      stats.f64("accel.mac_active_pct"), stats.u64("accel.stall_cycles"));
  std::string per_memory;
  for (const auto& s : stats.stats()) {
    if (!s.name.starts_with("memory.") || !s.name.ends_with(".dma.bytes_read")) continue;
    const std::string p = s.name.substr(0, s.name.size() - 10);  // memory.<name>.dma.
    const uint64_t read = stats.u64(p + "bytes_read"), written = stats.u64(p + "bytes_written");
    if (read + written == 0) continue;
    per_memory += fmt::format("{}{} read {} B, wrote {} B", per_memory.empty() ? "" : "; ",
                              p.substr(7, p.size() - 7 - 5), read, written);
  }
  out += fmt::format("  accel DMA      {}\n", per_memory.empty() ? "no traffic" : per_memory);
  return out;
}
// "1.234 uJ": pJ scaled to the largest unit below it.
std::string si_energy(double pj) {
  if (pj >= 1e9) return fmt::format("{:.3f} mJ", pj / 1e9);
  if (pj >= 1e6) return fmt::format("{:.3f} uJ", pj / 1e6);
  if (pj >= 1e3) return fmt::format("{:.3f} nJ", pj / 1e3);
  return fmt::format("{:.3f} pJ", pj);
}

// The energy stats between `prefix` and `suffix` with a value, as (the name
// between them, pJ) pairs, largest first.
std::vector<std::pair<std::string, double>> energy_items(const StatsRegistry& stats, const std::string& prefix,
                                                         const std::string& suffix) {
  std::vector<std::pair<std::string, double>> items;
  for (const auto& name : stats.names_between(prefix, suffix))
    if (const double pj = stats.f64(prefix + name + suffix); pj > 0) items.emplace_back(name, pj);
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return items;
}

double share_pct(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

// "flash 589.600 nJ" items, at most `most`, each with its share of `whole`
// when one is given.
std::vector<std::string> energy_list(const std::vector<std::pair<std::string, double>>& items, size_t most,
                                     double whole = 0) {
  std::vector<std::string> out;
  for (size_t i = 0; i < items.size() && i < most; ++i)
    out.push_back(whole > 0 ? fmt::format("{} {} ({:.1f}%)", items[i].first, si_energy(items[i].second),
                                          share_pct(items[i].second, whole))
                            : fmt::format("{} {}", items[i].first, si_energy(items[i].second)));
  return out;
}

// The energy block: the total and table, then one row per component (core,
// memory, caches, accelerator, static) with its share of the total and its
// parts, largest first; then the top operation classes (when the core counts
// them) with their share of the core's operation energy.
std::string energy_lines(const StatsRegistry& stats) {
  if (!stats.find("energy.total_pj")) return {};
  const double total = stats.f64("energy.total_pj");
  struct Component {
    std::string name;
    double pj;
    std::vector<std::string> parts;
  };
  std::vector<Component> components;
  const double core_ops = stats.find("energy.core.ops_pj") ? stats.f64("energy.core.ops_pj") : 0;
  const double core_cycles = stats.find("energy.core.cycles_pj") ? stats.f64("energy.core.cycles_pj") : 0;
  components.push_back({"core", stats.f64("energy.core.total_pj"),
                        {fmt::format("operations {}", si_energy(core_ops)), fmt::format("cycles {}", si_energy(core_cycles))}});
  const auto memories = energy_items(stats, "energy.memory.", "_pj");
  double memory_pj = 0;
  for (const auto& m : memories) memory_pj += m.second;
  components.push_back({"memory", memory_pj, energy_list(memories, memories.size())});
  const auto caches = energy_items(stats, "energy.cache.", "_pj");
  double cache_pj = 0;
  for (const auto& c : caches) cache_pj += c.second;
  if (!caches.empty()) components.push_back({"cache", cache_pj, energy_list(caches, caches.size())});
  if (stats.find("energy.accel.total_pj")) {
    const auto parts = energy_items(stats, "energy.accel.", "_pj");
    std::vector<std::pair<std::string, double>> without_total;
    for (const auto& p : parts)
      if (p.first != "total") without_total.push_back(p);
    components.push_back({"accelerator", stats.f64("energy.accel.total_pj"), energy_list(without_total, without_total.size())});
  }
  components.push_back({"static", stats.f64("energy.static_pj"), {}});
  std::stable_sort(components.begin(), components.end(), [](const auto& a, const auto& b) { return a.pj > b.pj; });

  std::string out = fmt::format("  energy         {:>14}   {}\n", si_energy(total), stats.text("energy.table"));
  for (const auto& c : components) {
    const std::string head = fmt::format("    {:<12} {:>14} {:>6.1f}%", c.name, si_energy(c.pj), share_pct(c.pj, total));
    out += c.parts.empty() ? head + '\n' : head + "   " + wrapped(c.parts, head.size() + 3);
  }
  if (stats.find("core.ops.add.int32")) {
    const auto ops = energy_items(stats, "energy.ops.", "_pj");
    const std::string head = fmt::format("    {:<12} {:>14}        ", "by operation", "");
    out += head + (ops.empty() ? std::string("none\n") : wrapped(energy_list(ops, 5, core_ops), head.size()));
  }
  return out;
}
}  // namespace

std::string format_summary(const StatsRegistry& stats, const RunResult& result) {
  std::string out;
  // Other endings are reported by the "edgesim: error:" line that follows.
  const std::string ending = result.end == CoreEnd::Exit ? describe(result) : "stopped: " + stop_reason(result);
  out += fmt::format("edgesim: {}: {}\n", stats.text("sim.platform"), ending);
  out += fmt::format("  simulated time {:>14}   at {:.3f} MHz\n", si_time(stats.f64("time.simulated_s")),
                     static_cast<double>(stats.u64("core.clock_hz")) / 1e6);
  const uint64_t cycles = stats.u64("core.cycles"), asleep = stats.u64("core.sleep_cycles");
  out += fmt::format("  cycles         {:>14}   {} asleep ({:.1f}%)\n", cycles, asleep,
                     share_pct(static_cast<double>(asleep), static_cast<double>(cycles)));
  out += fmt::format("  instructions   {:>14}   CPI {:.3f}\n", stats.u64("core.instructions"), stats.f64("core.cpi"));
  out += fmt::format("  host time      {:>14}   {:.2f} MIPS\n", si_time(stats.f64("host.seconds")), stats.f64("host.mips"));
  out += stall_lines(stats);
  out += fmt::format("  traffic        fetch {} ({} B), load {} ({} B), store {} ({} B)\n",
                     stats.u64("traffic.fetch.accesses"), stats.u64("traffic.fetch.bytes"),
                     stats.u64("traffic.load.accesses"), stats.u64("traffic.load.bytes"),
                     stats.u64("traffic.store.accesses"), stats.u64("traffic.store.bytes"));

  // memory.<region>.<counter>, regions in registration order; behind L1
  // caches, memory.<region>.l1.* are the core's accesses, the rest what
  // reached the memory (fills, write-backs).
  std::vector<std::string> regions, cached;
  for (const auto& s : stats.stats())
    if (s.name.starts_with("memory.") && s.name.ends_with(".reads")) {
      const std::string r = s.name.substr(7, s.name.size() - 7 - 6);
      if (r.ends_with(".dma")) continue;  // part of the region's totals (accel_lines)
      (r.ends_with(".l1") ? cached : regions).push_back(r);
    }
  const auto table = [&](const char* title, const std::vector<std::string>& names) {
    out += fmt::format("  {:<12} {:>12} {:>12} {:>14} {:>14}\n", title, "reads", "writes", "bytes read", "bytes written");
    for (const auto& r : names) {
      const std::string p = "memory." + r + ".";
      out += fmt::format("  {:<12} {:>12} {:>12} {:>14} {:>14}\n", r.substr(0, r.find('.')), stats.u64(p + "reads"),
                         stats.u64(p + "writes"), stats.u64(p + "bytes_read"), stats.u64(p + "bytes_written"));
    }
  };
  table("memory", regions);
  if (!cached.empty()) table("core via L1", cached);
  out += accel_lines(stats);
  out += energy_lines(stats);
  out += bus_lines(stats);
  out += layer_table(stats);  // compiled networks (layer markers) only
  return out;
}

}  // namespace sim
