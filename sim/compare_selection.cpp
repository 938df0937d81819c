#include "sim/compare_selection.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <set>

namespace sim {

namespace {
constexpr size_t kTopOpsPerRun = 3;

bool is_number(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> segments(const std::string& name) {
  std::vector<std::string> out;
  for (size_t begin = 0; begin <= name.size();) {
    const size_t dot = std::min(name.find('.', begin), name.size());
    out.push_back(name.substr(begin, dot - begin));
    begin = dot + 1;
  }
  return out;
}

bool segment_before(const std::string& a, const std::string& b) {
  const bool an = is_number(a), bn = is_number(b);
  if (an != bn) return an;
  if (an && a.size() != b.size()) return a.size() < b.size();  // no leading zeros in stat names
  return a < b;
}

// All stat names any run has, in stat_name_before order.
std::vector<std::string> all_names(const std::vector<RunStats>& runs) {
  std::set<std::string> names;
  for (const auto& r : runs)
    for (const auto& [name, stat] : r.stats) names.insert(name);
  std::vector<std::string> sorted(names.begin(), names.end());
  std::sort(sorted.begin(), sorted.end(), stat_name_before);
  return sorted;
}

bool present_anywhere(const std::vector<RunStats>& runs, const std::string& name) {
  return std::any_of(runs.begin(), runs.end(), [&](const RunStats& r) { return r.find(name) != nullptr; });
}

// Numbers that are zero, missing values and strings do not make a row worth showing.
bool nonzero_somewhere(const std::vector<RunStats>& runs, const std::string& name) {
  return std::any_of(runs.begin(), runs.end(), [&](const RunStats& r) {
    const RunStat* s = r.find(name);
    return s && (s->value.is_string() || (s->value.is_number() && s->value.get<double>() != 0));
  });
}

bool starts_ends(const std::string& name, const std::string& prefix, const std::string& suffix) {
  return name.size() > prefix.size() + suffix.size() && name.starts_with(prefix) && name.ends_with(suffix);
}

// The part of `name` between prefix and suffix, when it has no dot.
bool single_segment_between(const std::string& name, const std::string& prefix, const std::string& suffix) {
  return starts_ends(name, prefix, suffix) &&
         name.find('.', prefix.size()) >= name.size() - suffix.size();
}

double number_or_zero(const RunStats& run, const std::string& name) {
  const RunStat* s = run.find(name);
  return s && s->value.is_number() ? s->value.get<double>() : 0;
}

// Each run's top operation classes by energy; the union, largest first (by
// the largest value any run has).
std::vector<std::string> top_operation_classes(const std::vector<RunStats>& runs, const std::vector<std::string>& names) {
  std::vector<std::string> ops;
  for (const auto& n : names)
    if (starts_ends(n, "energy.ops.", "_pj")) ops.push_back(n);
  std::set<std::string> chosen;
  for (const auto& run : runs) {
    std::vector<std::string> by_energy = ops;
    std::stable_sort(by_energy.begin(), by_energy.end(), [&](const auto& a, const auto& b) {
      return number_or_zero(run, a) > number_or_zero(run, b);
    });
    for (size_t i = 0; i < by_energy.size() && i < kTopOpsPerRun; ++i)
      if (number_or_zero(run, by_energy[i]) > 0) chosen.insert(by_energy[i]);
  }
  std::vector<std::string> out(chosen.begin(), chosen.end());
  const auto largest = [&](const std::string& name) {
    double most = 0;
    for (const auto& run : runs) most = std::max(most, number_or_zero(run, name));
    return most;
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return largest(a) > largest(b); });
  return out;
}

// layers.<i>.op of a run, by index; empty without layers.
std::vector<std::pair<std::string, std::string>> layer_ops(const RunStats& run, const std::vector<std::string>& names) {
  std::vector<std::pair<std::string, std::string>> ops;
  for (const auto& n : names)
    if (single_segment_between(n, "layers.", ".op"))
      if (const RunStat* s = run.find(n); s && s->value.is_string()) ops.emplace_back(n, s->value.get<std::string>());
  return ops;
}

std::vector<std::string> layer_cycles(const std::vector<RunStats>& runs, const std::vector<std::string>& names) {
  const auto first = layer_ops(runs.front(), names);
  if (first.empty()) return {};
  for (const auto& r : runs)
    if (layer_ops(r, names) != first) return {};
  std::vector<std::string> out;
  for (const auto& [op_name, op] : first) out.push_back(op_name.substr(0, op_name.size() - 2) + "cycles");
  out.push_back("layers.outside.cycles");
  return out;
}
}  // namespace

bool stat_name_before(const std::string& a, const std::string& b) {
  const auto sa = segments(a), sb = segments(b);
  return std::lexicographical_compare(sa.begin(), sa.end(), sb.begin(), sb.end(), segment_before);
}

std::vector<std::string> default_comparison(const std::vector<RunStats>& runs) {
  const std::vector<std::string> names = all_names(runs);
  std::vector<std::string> wanted = {"sim.platform", "model.backend", "time.simulated_s", "core.cycles",
                                     "core.instructions", "core.cpi"};
  const auto add_matching = [&](const std::string& prefix, const std::string& suffix) {
    for (const auto& n : names)
      if (single_segment_between(n, prefix, suffix)) wanted.push_back(n);
  };
  for (const auto& n : names)  // per region: memory.<region>.bytes_read, then bytes_written
    if (single_segment_between(n, "memory.", ".bytes_read")) {
      wanted.push_back(n);
      wanted.push_back(n.substr(0, n.size() - 4) + "written");
    }
  wanted.insert(wanted.end(), {"energy.total_pj", "energy.core.total_pj"});
  add_matching("energy.memory.", "_pj");
  add_matching("energy.cache.", "_pj");
  wanted.insert(wanted.end(), {"energy.accel.total_pj", "energy.static_pj"});
  for (auto& op : top_operation_classes(runs, names)) wanted.push_back(std::move(op));
  wanted.insert(wanted.end(), {"accel.cycles", "accel.macs", "accel.utilization_pct"});
  for (auto& layer : layer_cycles(runs, names)) wanted.push_back(std::move(layer));

  std::vector<std::string> present;
  for (const auto& n : wanted)
    if (present_anywhere(runs, n)) present.push_back(n);
  return without_zero_rows(runs, present);
}

std::vector<std::string> without_zero_rows(const std::vector<RunStats>& runs, const std::vector<std::string>& stats) {
  std::vector<std::string> out;
  for (const auto& n : stats)
    if (nonzero_somewhere(runs, n)) out.push_back(n);
  return out;
}

std::vector<std::string> matching_comparison(const std::vector<RunStats>& runs, const std::vector<std::string>& patterns) {
  const std::vector<std::string> names = all_names(runs);
  std::vector<std::string> out;
  for (const auto& p : patterns)
    if (std::none_of(names.begin(), names.end(), [&](const auto& n) { return fnmatch(p.c_str(), n.c_str(), 0) == 0; }))
      throw std::invalid_argument("no stat matches '" + p + "'");
  for (const auto& n : names)
    if (std::any_of(patterns.begin(), patterns.end(), [&](const auto& p) { return fnmatch(p.c_str(), n.c_str(), 0) == 0; }))
      out.push_back(n);
  return out;
}

}  // namespace sim
