// Strict, typed reading of a YAML map: every key must be read (an unread key
// is an unknown key), values must have the right type and range, and every
// error names where it came from: "file:line:column: key.path: message", or
// the --set override that produced the value.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/config_overrides.hpp"

namespace sim {

struct ConfigSource {
  std::string file;
  std::vector<Override> overrides;
};

class YamlMap {
 public:
  // A null node reads as an empty map; any other non-map is an error.
  YamlMap(const YAML::Node& node, std::string path, const ConfigSource& source);

  bool has(const std::string& key) const;

  uint64_t required_uint(const std::string& key, uint64_t min, uint64_t max);
  uint64_t optional_uint(const std::string& key, uint64_t fallback, uint64_t min, uint64_t max);
  // Absent or null: nullopt (e.g. an IRQ output left unconnected).
  std::optional<uint64_t> maybe_uint(const std::string& key, uint64_t min, uint64_t max);

  // Absent or null: empty. Each entry in [min, max].
  std::vector<uint64_t> uint_list(const std::string& key, uint64_t min, uint64_t max);
  // A finite decimal number (0.03, 1e-3, 7) at least `min`.
  double required_double(const std::string& key, double min);
  // Absent or null: empty. Each entry a finite number at least `min`.
  std::vector<double> double_list(const std::string& key, double min);
  // Absent or null: empty.
  std::vector<std::string> string_list(const std::string& key);
  // true or false (also True/TRUE, False/FALSE, as YAML 1.2's core schema).
  bool optional_bool(const std::string& key, bool fallback);
  // Whether the value is the plain word `word` (e.g. "auto" where a number
  // may also stand).
  bool is_word(const std::string& key, const std::string& word);

  std::string required_string(const std::string& key);
  std::string optional_string(const std::string& key, const std::string& fallback);
  // One of `choices`; the error lists them.
  std::string required_choice(const std::string& key, std::span<const std::string_view> choices);
  std::string optional_choice(const std::string& key, std::span<const std::string_view> choices,
                              const std::string& fallback);

  // The value as it is (scalar, list or map), for readers with rules of
  // their own; undefined when absent. The key counts as known.
  YAML::Node raw(const std::string& key) { return value(key); }

  YamlMap map(const std::string& key);           // required
  YamlMap optional_map(const std::string& key);  // absent reads as empty
  // A map keyed by names (memories, devices): each name must be a
  // lower-case identifier, because it becomes part of stat and key paths.
  std::vector<std::pair<std::string, YamlMap>> named_maps(const std::string& key);

  // Reports the first key that was never read, suggesting a close match.
  void finish() const;

  [[noreturn]] void fail(const std::string& key, const std::string& message) const;
  [[noreturn]] void fail_here(const std::string& message) const;
  // An error at node `at` (e.g. an entry of a raw() list), named `path`.
  [[noreturn]] void fail_at(const YAML::Node& at, const std::string& path, const std::string& message) const;
  const std::string& path() const { return path_; }

 private:
  YAML::Node value(const std::string& key);
  std::string key_path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  std::string scalar(const std::string& key, const YAML::Node& v) const;
  uint64_t to_uint(const std::string& key, const YAML::Node& v, uint64_t min, uint64_t max) const;
  double to_double(const std::string& key, const YAML::Node& v, double min) const;

  YAML::Node node_;
  std::string path_;
  const ConfigSource* source_;
  std::set<std::string> known_;  // keys the schema asked for
};

}  // namespace sim
