#include "sim/compare_table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sim/csv.hpp"

namespace sim {

namespace {
struct Scale {
  const char* unit;
  double factor;  // values in the stat's unit / factor
};

// For a row in pJ or s: the largest unit that keeps its largest value >= 1.
// Other units are shown as they are.
Scale row_scale(const std::string& unit, double largest) {
  static constexpr Scale kEnergy[] = {{"J", 1e12}, {"mJ", 1e9}, {"uJ", 1e6}, {"nJ", 1e3}, {"pJ", 1}};
  static constexpr Scale kTime[] = {{"s", 1}, {"ms", 1e-3}, {"us", 1e-6}, {"ns", 1e-9}};
  const auto pick = [largest](const auto& scales) {
    for (const Scale& s : scales)
      if (largest >= s.factor) return s;
    return scales[std::size(scales) - 1];
  };
  if (unit == "pJ") return pick(kEnergy);
  if (unit == "s") return pick(kTime);
  return {nullptr, 1};
}

const nlohmann::json* value_of(const RunStats& run, const std::string& stat) {
  const RunStat* s = run.find(stat);
  return s && !s->value.is_null() ? &s->value : nullptr;
}

std::string unit_of(const std::vector<RunStats>& runs, const std::string& stat) {
  for (const auto& r : runs)
    if (const RunStat* s = r.find(stat)) return s->unit;
  return "";
}

// The cells of one table, headings first: stat, unit, then per run its value
// and (after the first) its ratio.
using Table = std::vector<std::vector<std::string>>;

std::string exact_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float()) return fmt::format("{}", v.get<double>());
  return v.dump();
}

std::string readable_text(const nlohmann::json& v, const Scale& scale) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() && !scale.unit) return v.dump();
  return fmt::format("{:.3f}", v.get<double>() / scale.factor);
}

Table build_table(const std::vector<RunStats>& runs, const std::vector<std::string>& stats, bool exact) {
  const std::string& first = runs.front().name;
  std::vector<std::string> heading = {"stat", "unit"};
  for (size_t i = 0; i < runs.size(); ++i) {
    heading.push_back(runs[i].name);
    if (i > 0) heading.push_back(exact ? runs[i].name + "/" + first : "vs " + first);
  }
  Table table = {heading};
  for (const auto& stat : stats) {
    double largest = 0;
    for (const auto& r : runs)
      if (const auto* v = value_of(r, stat); v && v->is_number()) largest = std::max(largest, std::abs(v->get<double>()));
    const std::string unit = unit_of(runs, stat);
    const Scale scale = exact ? Scale{nullptr, 1} : row_scale(unit, largest);
    std::vector<std::string> row = {stat, scale.unit ? scale.unit : unit};
    const nlohmann::json* base = value_of(runs.front(), stat);
    for (size_t i = 0; i < runs.size(); ++i) {
      const nlohmann::json* v = value_of(runs[i], stat);
      row.push_back(v ? (exact ? exact_text(*v) : readable_text(*v, scale)) : (exact ? "" : "-"));
      if (i == 0) continue;
      const bool numbers = base && v && base->is_number() && v->is_number();
      if (!numbers) {
        row.push_back(exact || (v && v->is_string()) ? "" : "-");
        continue;
      }
      const double a = base->get<double>(), b = v->get<double>();
      row.push_back(exact ? (a != 0 ? fmt::format("{}", b / a) : "") : ratio_text(a, b));
    }
    table.push_back(std::move(row));
  }
  return table;
}

std::string as_text(const Table& table) {
  std::vector<size_t> widths(table.front().size(), 0);
  for (const auto& row : table)
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  std::string out;
  for (const auto& row : table) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c)
      line += c < 2 ? fmt::format("{:<{}}  ", row[c], widths[c]) : fmt::format("  {:>{}}", row[c], widths[c]);
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + '\n';
  }
  return out;
}

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string as_markdown(const Table& table) {
  std::string out;
  for (size_t r = 0; r < table.size(); ++r) {
    out += "|";
    for (const auto& cell : table[r]) out += " " + markdown_cell(cell) + " |";
    out += '\n';
    if (r == 0) {
      out += "|";
      for (size_t c = 0; c < table[r].size(); ++c) out += c < 2 ? "---|" : "--:|";
      out += '\n';
    }
  }
  return out;
}

std::string as_csv(const Table& table) {
  std::string out;
  for (const auto& row : table) out += csv_row(row);
  return out;
}
}  // namespace

std::string ratio_text(double a, double b) {
  if (a == 0 || !std::isfinite(a) || !std::isfinite(b)) return "-";
  const double r = b / a;
  const double size = std::abs(r);
  if (size >= 100) return fmt::format("{:.0f}x", r);
  if (size >= 10) return fmt::format("{:.1f}x", r);
  if (size >= 0.01 || r == 0) return fmt::format("{:.2f}x", r);
  return fmt::format("{:.2g}x", r);
}

std::string format_comparison(const std::vector<RunStats>& runs, const std::vector<std::string>& stats, CompareFormat format) {
  switch (format) {
    case CompareFormat::Markdown: return as_markdown(build_table(runs, stats, false));
    case CompareFormat::Csv: return as_csv(build_table(runs, stats, true));
    case CompareFormat::Text: break;
  }
  return as_text(build_table(runs, stats, false));
}

}  // namespace sim
