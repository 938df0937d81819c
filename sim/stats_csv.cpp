#include "sim/stats_csv.hpp"

#include <cmath>
#include <type_traits>

#include <fmt/format.h>

#include "sim/csv.hpp"

namespace sim {

namespace {
// Integers in full; doubles as the shortest text that reads back as the same
// double (what the JSON holds too), so the two files agree exactly.
std::string value_text(const StatValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) return v;
        else if constexpr (std::is_same_v<T, double>) return std::isfinite(v) ? fmt::format("{}", v) : "";
        else return fmt::format("{}", v);
      },
      value);
}
}  // namespace

std::string stats_csv(const StatsRegistry& stats) {
  std::string out = csv_row({"name", "value", "unit", "description"});
  for (const auto& s : stats.stats()) out += csv_row({s.name, value_text(s.value()), s.unit, s.description});
  return out;
}

}  // namespace sim
