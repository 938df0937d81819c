#include "sim/layer_summary.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sim/report_format.hpp"

namespace sim {

namespace {
// A name the metadata may not give: "?" without it.
std::string text_or_unknown(const StatsRegistry& s, const std::string& name) {
  return s.find(name) ? s.text(name) : std::string("?");
}

// The <index> of every layers.<index>.cycles, in registration (operator) order.
std::vector<std::string> layer_indices(const StatsRegistry& stats) {
  std::vector<std::string> indices = stats.names_between("layers.", ".cycles");
  std::erase(indices, "outside");
  return indices;
}

// "exit 1 of 4 taken after layer 6; layers 7..12 skipped": "of 4" when the
// metadata lists the exits, the skipped layers (those after the exit that
// never ran) when there are any.
std::string exit_line(const StatsRegistry& stats, const std::vector<std::string>& indices) {
  std::string line = fmt::format("  exit {}", stats.u64("model.exit"));
  if (stats.find("model.exits")) line += fmt::format(" of {}", stats.u64("model.exits"));
  line += " taken";
  if (!stats.find("model.exit_after_layer")) return line;
  const uint64_t after = stats.u64("model.exit_after_layer");
  line += fmt::format(" after layer {}", after);
  std::vector<uint64_t> later;  // the layers after it, in operator order
  for (const auto& i : indices)
    if (const uint64_t index = std::stoull(i); index > after) later.push_back(index);
  const bool all_skipped = std::all_of(later.begin(), later.end(), [&](uint64_t i) {
    return stats.u64(fmt::format("layers.{}.runs", i)) == 0;
  });
  if (later.empty() || !all_skipped) return line;
  if (later.size() == 1) return line + fmt::format("; layer {} skipped", later.front());
  if (later.back() - later.front() + 1 == later.size())
    return line + fmt::format("; layers {}..{} skipped", later.front(), later.back());
  return line + fmt::format("; the {} layers after it skipped", later.size());
}

}  // namespace

std::string layer_table(const StatsRegistry& stats) {
  const std::vector<std::string> indices = layer_indices(stats);
  if (indices.empty()) return {};
  const uint64_t inferences = stats.u64("model.inferences");
  bool repeated = inferences > 1;  // a runs column only where it says something
  for (const auto& i : indices) repeated = repeated || stats.u64("layers." + i + ".runs") != 1;

  std::string out = fmt::format("  layers         {}{}, {} inference{}\n", indices.size(),
                                stats.find("model.name") ? fmt::format(" of {} ({})", text_or_unknown(stats, "model.name"),
                                                                       text_or_unknown(stats, "model.backend"))
                                                         : std::string(),
                                inferences, inferences == 1 ? "" : "s");
  out += fmt::format("  {:>4} {:<17}{} {:>11} {:>5} {:>11} {:>5} {:>10} {:>6} {:>10} {:>10} {:>9}  {}\n", "#",
                     "operator", repeated ? fmt::format(" {:>4}", "runs") : "", "cycles", "%", "instrs", "CPI", "MACs",
                     "MAC/c", "read B", "flash rd B", "written B", "output");
  const auto line = [&](const std::string& label, const std::string& op, const std::string& p) {
    // MACs and the output name come from the firmware's metadata: blank without.
    const bool named = stats.find(p + "macs") != nullptr;
    const std::string runs =
        !repeated ? "" : fmt::format(" {:>4}", stats.find(p + "runs") ? fmt::format("{}", stats.u64(p + "runs")) : "");
    const std::string macs = named ? fmt::format("{}", stats.u64(p + "macs")) : "";
    const std::string macs_per_cycle = named ? fmt::format("{:.2f}", stats.f64(p + "macs_per_cycle")) : "";
    const std::string output = named ? cut(text_or_unknown(stats, p + "output"), 32) : "";
    std::string row = fmt::format("  {:>4} {:<17}{} {:>11} {:>5.1f} {:>11} {:>5.2f} {:>10} {:>6} {:>10} {:>10} {:>9}  {}",
                                  label, cut(op, 17), runs, stats.u64(p + "cycles"), stats.f64(p + "cycles_pct"),
                                  stats.u64(p + "instructions"), stats.f64(p + "cpi"), macs, macs_per_cycle,
                                  stats.u64(p + "bytes_read"), stats.u64(p + "flash_bytes_read"),
                                  stats.u64(p + "bytes_written"), output);
    row.erase(row.find_last_not_of(' ') + 1);  // no trailing blanks where there is no output name
    out += row + '\n';
  };
  for (const auto& i : indices) line(i, text_or_unknown(stats, "layers." + i + ".op"), "layers." + i + ".");
  line("", "(outside layers)", "layers.outside.");
  if (stats.find("model.exit")) out += exit_line(stats, indices) + '\n';
  return out;
}

}  // namespace sim
