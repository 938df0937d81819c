#include "sim/exit_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace sim {

namespace {

double mean(double sum, int count) { return count ? sum / count : 0.0; }

// Means of cycles are printed as whole cycles.
std::string cycles(double value) { return fmt::format("{:.0f}", std::round(value)); }

}  // namespace

ExitStatistics exit_statistics(std::span<const ExitSample> samples, int exit_count) {
  ExitStatistics s;
  s.exits.resize(static_cast<std::size_t>(std::max(exit_count, 0)));
  std::vector<double> per_exit_sum(s.exits.size(), 0.0);
  std::vector<std::uint64_t> all;
  double sum = 0, with_paired = 0, without_paired = 0;
  for (const ExitSample& x : samples) {
    if (x.exit < 1 || x.exit > exit_count)
      throw std::invalid_argument(fmt::format("exit {} taken, the network has exits 1 to {}", x.exit, exit_count));
    ++s.exits[x.exit - 1].taken;
    per_exit_sum[x.exit - 1] += static_cast<double>(x.cycles);
    sum += static_cast<double>(x.cycles);
    all.push_back(x.cycles);
    if (x.cycles_without_exits) {
      ++s.paired;
      with_paired += static_cast<double>(x.cycles);
      without_paired += static_cast<double>(*x.cycles_without_exits);
    }
  }
  for (std::size_t k = 0; k < s.exits.size(); ++k) s.exits[k].mean_cycles = mean(per_exit_sum[k], s.exits[k].taken);
  s.inputs = static_cast<int>(all.size());
  s.mean_cycles = mean(sum, s.inputs);
  if (!all.empty()) {
    std::sort(all.begin(), all.end());
    s.median_cycles = all[(all.size() - 1) / 2];
  }
  s.mean_cycles_without = mean(without_paired, s.paired);
  s.mean_saved = mean(without_paired - with_paired, s.paired);
  s.saved_fraction = without_paired > 0 ? (without_paired - with_paired) / without_paired : 0.0;
  return s;
}

std::string exit_report(const ExitStatistics& s, std::span<const std::string> descriptions, bool baseline) {
  std::string out = fmt::format("  exits taken ({} exits, the last is the final output):\n", s.exits.size());
  out += fmt::format("    {:>4} {:>6} {:>8} {:>12}  {}\n", "exit", "inputs", "%", "mean cycles", "decides");
  for (std::size_t k = 0; k < s.exits.size(); ++k) {
    const auto& e = s.exits[k];
    const double share = s.inputs ? 100.0 * e.taken / s.inputs : 0.0;
    out += fmt::format("    {:>4} {:>6} {:>7.2f}% {:>12}  {}\n", k + 1, e.taken, share,
                       e.taken ? cycles(e.mean_cycles) : "-", k < descriptions.size() ? descriptions[k] : "");
  }
  out += fmt::format("  cycles per inference with exits: mean {}, median {} ({} runs)", cycles(s.mean_cycles),
                     s.median_cycles, s.inputs);
  if (!baseline) return out + "; without exits: not measured (--no-baseline)\n";
  if (s.paired == 0) return out + "; without exits: no run finished\n";
  out += fmt::format("; without exits: mean {} ({} runs)\n", cycles(s.mean_cycles_without), s.paired);
  out += fmt::format("  cycles saved by the exits: mean {} per inference ({:.2f}%)\n", cycles(s.mean_saved),
                     100.0 * s.saved_fraction);
  return out;
}

}  // namespace sim
