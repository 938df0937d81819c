#include "sim/compare_input.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace sim {

namespace {
// The value at a dotted name: nested objects, one per segment (numeric
// segments such as layers.0 are object keys too). Null when absent.
const nlohmann::json* value_at(const nlohmann::json& root, const std::string& name) {
  const nlohmann::json* node = &root;
  for (size_t begin = 0; begin <= name.size();) {
    const size_t dot = std::min(name.find('.', begin), name.size());
    if (!node->is_object()) return nullptr;
    const auto it = node->find(name.substr(begin, dot - begin));
    if (it == node->end()) return nullptr;
    node = &*it;
    begin = dot + 1;
  }
  return node->is_object() || node->is_array() ? nullptr : node;
}
}  // namespace

const RunStat* RunStats::find(const std::string& stat) const {
  const auto it = stats.find(stat);
  return it == stats.end() ? nullptr : &it->second;
}

RunStats run_stats_from_json(const nlohmann::json& json, std::string name, const std::string& origin) {
  const auto meta = json.is_object() ? json.find("meta") : json.end();
  if (!json.is_object() || meta == json.end() || !meta->is_object() || meta->empty())
    throw CompareInputError(fmt::format("{}: not an edgesim stats JSON (no \"meta\" with the stats' units)", origin));
  RunStats run{std::move(name), {}};
  for (const auto& [stat, about] : meta->items()) {
    const nlohmann::json* value = value_at(json, stat);
    if (!value) continue;  // listed but absent: shown as missing
    const auto unit = about.is_object() ? about.find("unit") : about.end();
    run.stats[stat] = {*value, unit != about.end() && unit->is_string() ? unit->get<std::string>() : ""};
  }
  if (run.stats.empty())
    throw CompareInputError(fmt::format("{}: not an edgesim stats JSON (none of the stats \"meta\" lists is there)", origin));
  return run;
}

RunStats read_run_stats(const std::filesystem::path& file, std::string name) {
  std::ifstream in(file);
  if (!in) throw CompareInputError(fmt::format("{}: cannot open", file.string()));
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) throw CompareInputError(fmt::format("{}: not an edgesim stats JSON (not valid JSON)", file.string()));
  return run_stats_from_json(json, std::move(name), file.string());
}

}  // namespace sim
