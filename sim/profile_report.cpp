#include "sim/profile_report.hpp"

#include <vector>

#include <fmt/format.h>

#include "sim/report_format.hpp"

namespace sim {

namespace {

std::string function_table(const StatsRegistry& stats, size_t top) {
  const std::vector<std::string> keys = stats.names_between("profile.functions.", ".cycles");
  std::string out = fmt::format("profile: {} functions ran; top {} by cycles (self: callees not included)\n", keys.size(),
                                std::min(top, keys.size()));
  out += fmt::format("  {:<32} {:>8} {:>12} {:>5} {:>12} {:>5} {:>11} {:>11} {:>13}\n", "function", "calls", "cycles", "%",
                     "instrs", "CPI", "read B", "written B", "energy pJ");
  double shown_pj = 0, all_pj = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::string p = "profile.functions." + keys[i] + ".";
    all_pj += stats.f64(p + "energy_pj");
    if (i >= top) continue;
    shown_pj += stats.f64(p + "energy_pj");
    out += fmt::format("  {:<32} {:>8} {:>12} {:>5.1f} {:>12} {:>5.2f} {:>11} {:>11} {:>13.1f}\n", cut(stats.text(p + "name"), 32),
                       stats.u64(p + "calls"), stats.u64(p + "cycles"), stats.f64(p + "cycles_pct"),
                       stats.u64(p + "instructions"), stats.f64(p + "cpi"), stats.u64(p + "bytes_read"),
                       stats.u64(p + "bytes_written"), stats.f64(p + "energy_pj"));
  }
  if (keys.size() > top) out += fmt::format("  ({} more functions: {:.1f} pJ)\n", keys.size() - top, all_pj - shown_pj);
  out += "  energy: core cycles and lane operations, memory and cache accesses; not the accelerator or static power\n";
  return out;
}

std::string layer_energy_table(const StatsRegistry& stats) {
  std::vector<std::string> keys = stats.names_between("layers.", ".energy_pj");
  if (keys.empty()) return {};
  std::string out = "profile: layers (energy: core, memory, cache and accelerator; not static power)\n";
  out += fmt::format("  {:>4} {:<17} {:>12} {:>5} {:>12} {:>5} {:>11} {:>11} {:>13}\n", "#", "operator", "cycles", "%",
                     "instrs", "CPI", "read B", "written B", "energy pJ");
  for (const std::string& key : keys) {
    const std::string p = "layers." + key + ".";
    const bool outside = key == "outside";
    const std::string op = outside ? "(outside layers)" : stats.find(p + "op") ? stats.text(p + "op") : "?";
    out += fmt::format("  {:>4} {:<17} {:>12} {:>5.1f} {:>12} {:>5.2f} {:>11} {:>11} {:>13.1f}\n", outside ? "" : key,
                       cut(op, 17), stats.u64(p + "cycles"), stats.f64(p + "cycles_pct"), stats.u64(p + "instructions"),
                       stats.f64(p + "cpi"), stats.u64(p + "bytes_read"), stats.u64(p + "bytes_written"),
                       stats.f64(p + "energy_pj"));
  }
  return out;
}
}  // namespace

std::string profile_report(const StatsRegistry& stats, size_t top) { return function_table(stats, top) + layer_energy_table(stats); }

}  // namespace sim
