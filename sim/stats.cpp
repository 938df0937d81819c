#include "sim/stats.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace sim {

namespace {
// Segments of letters, digits, '_' and '-', joined by single dots.
bool valid_name(const std::string& name) {
  if (name.empty() || name.front() == '.' || name.back() == '.' || name.find("..") != std::string::npos) return false;
  for (const char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') return false;
  return name != "meta" && !name.starts_with("meta.");  // reserved for units and descriptions
}

// The node at a dotted name, created as nested objects. (A JSON pointer
// would make a numeric segment such as layers.0 an array index.)
nlohmann::json& node_at(nlohmann::json& root, const std::string& name) {
  nlohmann::json* node = &root;
  for (size_t begin = 0; begin <= name.size();) {
    const size_t dot = std::min(name.find('.', begin), name.size());
    node = &(*node)[name.substr(begin, dot - begin)];
    begin = dot + 1;
  }
  return *node;
}

bool is_group_of(const std::string& group, const std::string& name) {
  return name.size() > group.size() && name.starts_with(group) && name[group.size()] == '.';
}
}  // namespace

void StatsRegistry::add(std::string name, std::string unit, std::string description,
                        std::function<StatValue()> value) {
  if (!valid_name(name)) throw std::invalid_argument("stats: invalid stat name '" + name + "'");
  for (const auto& s : stats_) {
    if (s.name == name) throw std::invalid_argument("stats: '" + name + "' registered twice");
    if (is_group_of(s.name, name) || is_group_of(name, s.name))
      throw std::invalid_argument("stats: '" + name + "' and '" + s.name + "' cannot both be values");
  }
  stats_.push_back({std::move(name), std::move(unit), std::move(description), std::move(value)});
}

void StatsRegistry::add_constant(std::string name, std::string unit, std::string description, StatValue value) {
  add(std::move(name), std::move(unit), std::move(description), [value] { return value; });
}

const Stat* StatsRegistry::find(const std::string& name) const {
  for (const auto& s : stats_)
    if (s.name == name) return &s;
  return nullptr;
}

StatValue StatsRegistry::value(const std::string& name) const {
  const Stat* s = find(name);
  if (!s) throw std::out_of_range("stats: no stat '" + name + "'");
  return s->value();
}

std::vector<std::string> StatsRegistry::names_between(const std::string& prefix, const std::string& suffix) const {
  std::vector<std::string> names;
  for (const auto& s : stats_)
    if (s.name.size() > prefix.size() + suffix.size() && s.name.starts_with(prefix) && s.name.ends_with(suffix))
      names.push_back(s.name.substr(prefix.size(), s.name.size() - prefix.size() - suffix.size()));
  return names;
}

nlohmann::json StatsRegistry::to_json() const {
  nlohmann::json out = nlohmann::json::object();
  nlohmann::json meta = nlohmann::json::object();
  for (const auto& s : stats_) {
    nlohmann::json v;
    std::visit([&](const auto& x) { v = x; }, s.value());
    node_at(out, s.name) = std::move(v);
    meta[s.name] = {{"unit", s.unit}, {"description", s.description}};
  }
  out["meta"] = std::move(meta);
  return out;
}

}  // namespace sim
