#include "sim/profile_stats.hpp"

#include <cctype>
#include <set>

#include <fmt/format.h>

#include "sim/report_format.hpp"

namespace sim {

namespace {
std::string stat_key(const std::string& name) {
  std::string key = name;
  for (char& c : key)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') c = '_';
  return key;
}
}  // namespace

void register_function_stats(StatsRegistry& stats, const std::vector<FunctionRow>& rows, const energy::CostTable& table) {
  uint64_t total_cycles = 0;
  for (const FunctionRow& r : rows) total_cycles += r.counts.activity.cycles;
  std::set<std::string> keys;
  for (const FunctionRow& r : rows) {
    std::string key = stat_key(r.name);
    for (int n = 2; keys.contains(key); ++n) key = fmt::format("{}-{}", stat_key(r.name), n);
    keys.insert(key);
    const std::string p = "profile.functions." + key + ".";
    const ProfileCounts& c = r.counts;
    stats.add_constant(p + "name", "", "the function's symbol", r.name);
    stats.add_constant(p + "calls", "count", "entries at its first address from another function (calls, tail calls, exceptions)",
                       r.calls);
    stats.add_constant(p + "cycles", "cycle", "core cycles spent in it, callees excluded, sleep included", c.activity.cycles);
    stats.add_constant(p + "cycles_pct", "%", "share of core.cycles", 100.0 * ratio(c.activity.cycles, total_cycles));
    stats.add_constant(p + "instructions", "instruction", "instructions it executed", c.instructions);
    stats.add_constant(p + "cpi", "cycle/instruction", "cycles per instruction, sleep included",
                       ratio(c.activity.cycles, c.instructions));
    stats.add_constant(p + "bytes_read", "byte", "bytes read from all memories while it ran (fetches, every master)",
                       c.bytes_read());
    stats.add_constant(p + "bytes_written", "byte", "bytes written to all memories while it ran (every master)",
                       c.bytes_written());
    stats.add_constant(p + "energy_pj", "pJ", "its core cycles, lane operations, memory and cache accesses x the cost table",
                       c.energy_pj(table));
  }
}

void register_layer_energy_stats(StatsRegistry& stats, const LayerProfile& layers, const LayerActivity& activity,
                                 const energy::CostTable& table) {
  if (!layers.has_layers()) return;
  const char* what = "its core cycles, lane operations, memory, cache and accelerator activity x the cost table";
  for (const LayerRow& r : layers.rows()) {
    const auto it = activity.layers().find(r.index);
    const double pj = it == activity.layers().end() ? 0.0 : it->second.energy_pj(table);
    stats.add_constant(fmt::format("layers.{}.energy_pj", r.index), "pJ", what, pj);
  }
  stats.add_constant("layers.outside.energy_pj", "pJ", what, activity.outside().energy_pj(table));
}

}  // namespace sim
