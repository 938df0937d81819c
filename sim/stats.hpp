// Named statistics, gem5 style: each has a dotted name, a unit and a
// description, and a getter evaluated when the stats are dumped, so models
// keep plain counters and register them once. Dumped as nested JSON by name
// ("core.cycles" -> {"core": {"cycles": ...}}), with units and descriptions
// under "meta".
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace sim {

using StatValue = std::variant<uint64_t, int64_t, double, std::string>;

struct Stat {
  std::string name;  // dotted path
  std::string unit;  // "cycle", "byte", "s", "count", "pJ", ...
  std::string description;
  std::function<StatValue()> value;
};

class StatsRegistry {
 public:
  // Throws std::invalid_argument for an empty or malformed name, a
  // duplicate, or a name that is also a group of another ("core" vs
  // "core.cycles").
  void add(std::string name, std::string unit, std::string description, std::function<StatValue()> value);
  void add_constant(std::string name, std::string unit, std::string description, StatValue value);

  const std::vector<Stat>& stats() const { return stats_; }
  const Stat* find(const std::string& name) const;
  StatValue value(const std::string& name) const;  // throws std::out_of_range
  // value() as the type the stat was registered with, for the reports that
  // read stats back; another type throws std::bad_variant_access.
  uint64_t u64(const std::string& name) const { return std::get<uint64_t>(value(name)); }
  double f64(const std::string& name) const { return std::get<double>(value(name)); }
  std::string text(const std::string& name) const { return std::get<std::string>(value(name)); }
  // The part of each stat's name between `prefix` and `suffix` (never
  // empty), in registration order: "layers." and ".cycles" give the indices.
  std::vector<std::string> names_between(const std::string& prefix, const std::string& suffix) const;

  // {"core": {"cycles": 123, ...}, ..., "meta": {"core.cycles": {"unit": ..., "description": ...}}}
  nlohmann::json to_json() const;

 private:
  std::vector<Stat> stats_;
};

}  // namespace sim
