// Strict reading of one YAML map of the network description: every key must
// be asked for (a key nobody asked for is an unknown key), values must have
// the right type and range, and every error names the file, line, column and
// key path where it came from.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace compiler::network {

// Where a value came from, for messages: "file:line:column: path".
struct Where {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;
  std::string path;  // "layers[3].kernel"
};

[[noreturn]] void fail_at(const Where& where, const std::string& message);

// Two spatial values (kernel, stride, dilation, pool): written as one
// integer for both or as [h, w].
struct HeightWidth {
  int h = 1;
  int w = 1;
};

class Fields {
 public:
  // A node that is not a map is an error.
  Fields(const YAML::Node& node, std::string file, std::string path);

  bool has(const std::string& key) const;

  std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max);
  std::int64_t optional_integer(const std::string& key, std::int64_t fallback, std::int64_t min,
                                std::int64_t max);
  std::uint64_t optional_unsigned(const std::string& key, std::uint64_t fallback);
  // A finite real number in [min, max].
  double number(const std::string& key, double min, double max);
  double optional_number(const std::string& key, double fallback, double min, double max);
  std::string text(const std::string& key);
  std::string optional_text(const std::string& key, const std::string& fallback);
  // One of `choices`; absent gives `fallback`.
  std::string optional_choice(const std::string& key, std::span<const std::string_view> choices,
                              const std::string& fallback);
  bool optional_bool(const std::string& key, bool fallback);
  // [a, b, ...], each in [min, max].
  std::vector<std::int64_t> integers(const std::string& key, std::int64_t min, std::int64_t max);
  // Absent: empty.
  std::vector<double> optional_numbers(const std::string& key, double min, double max);
  // One name or a list of names.
  std::vector<std::string> names(const std::string& key);
  // `n` or [h, w], each in [min, max]; absent gives `fallback`.
  HeightWidth optional_height_width(const std::string& key, HeightWidth fallback, int min, int max);
  HeightWidth height_width(const std::string& key, int min, int max);
  Fields map(const std::string& key);
  std::optional<Fields> optional_map(const std::string& key);
  // A list of maps ("layers"); each entry's path is key[i].
  std::vector<Fields> maps(const std::string& key);

  // The first key no one asked for is an error, suggesting a close match.
  void finish() const;

  // Where a key's value is (or the map itself when the key is absent).
  Where where(const std::string& key) const;
  Where here() const;
  // Where each key present in the map is (for checks made after reading).
  std::map<std::string, Where> locations() const;
  [[noreturn]] void fail(const std::string& key, const std::string& message) const;
  // A required key is absent: blames a present, misspelt key if there is
  // one ("kernal": did you mean 'kernel'?), else the map.
  [[noreturn]] void missing(const std::string& key, const std::string& hint = "") const;

 private:
  YAML::Node value(const std::string& key);
  std::string scalar(const std::string& key, const YAML::Node& v) const;
  std::int64_t to_integer(const std::string& key, const YAML::Node& v, std::int64_t min,
                          std::int64_t max) const;
  double to_number(const std::string& key, const YAML::Node& v, double min, double max) const;
  Where where_node(const YAML::Node& node, const std::string& path) const;
  std::string key_path(const std::string& key) const;

  YAML::Node node_;
  std::string file_;
  std::string path_;
  std::set<std::string> asked_;
};

}  // namespace compiler::network
