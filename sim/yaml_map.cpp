#include "sim/yaml_map.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "sim/config_error.hpp"

namespace sim {

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest(const std::string& word, const std::set<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates)
    if (const size_t d = edit_distance(word, c); d < best_distance) {
      best = c;
      best_distance = d;
    }
  return best;
}

bool is_identifier(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// YAML 1.2 core-schema integers (decimal, 0x, 0o, 0b), with '_' allowed as a
// digit separator for readability (0x2000_0000).
std::optional<uint64_t> parse_uint(std::string text) {
  std::erase(text, '_');
  int base = 10;
  std::string_view digits = text;
  if (digits.size() > 2 && digits[0] == '0') {
    const char p = digits[1];
    base = p == 'x' || p == 'X' ? 16 : p == 'o' || p == 'O' ? 8 : p == 'b' || p == 'B' ? 2 : 10;
    if (base != 10) digits.remove_prefix(2);
  }
  if (digits.empty()) return std::nullopt;
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return v;
}

// A finite number as YAML 1.2's core schema writes floats (no .inf/.nan).
std::optional<double> parse_double(const std::string& text) {
  double v = 0;
  const char* end = text.data() + text.size();
  const auto [stop, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || stop != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

YamlMap::YamlMap(const YAML::Node& node, std::string path, const ConfigSource& source)
    : node_(node), path_(std::move(path)), source_(&source) {
  if (node_.IsDefined() && !node_.IsNull() && !node_.IsMap()) fail_at(node_, path_, "expected a map of keys to values");
  if (!node_.IsMap()) return;
  std::set<std::string> seen;
  for (const auto& kv : node_) {
    if (!kv.first.IsScalar()) fail_at(kv.first, path_, "keys must be plain names");
    const auto key = kv.first.Scalar();
    if (!seen.insert(key).second) fail_at(kv.first, key_path(key), "duplicate key");
  }
}

bool YamlMap::has(const std::string& key) const {
  return node_.IsMap() && node_[key].IsDefined() && !node_[key].IsNull();
}

YAML::Node YamlMap::value(const std::string& key) {
  known_.insert(key);
  if (!node_.IsMap()) return YAML::Node();
  const YAML::Node& const_node = node_;  // const lookup: does not insert the key
  const YAML::Node v = const_node[key];
  // A missing key yields an invalid node that throws on use: hand out a
  // valid, undefined one instead.
  return v.IsDefined() ? v : YAML::Node(YAML::NodeType::Undefined);
}

std::string YamlMap::scalar(const std::string& key, const YAML::Node& v) const {
  if (!v.IsScalar()) fail_at(v, key_path(key), "expected a single value, not a map or list");
  return v.Scalar();
}

uint64_t YamlMap::to_uint(const std::string& key, const YAML::Node& v, uint64_t min, uint64_t max) const {
  const std::string text = scalar(key, v);
  const auto parsed = parse_uint(text);
  if (!parsed) fail_at(v, key_path(key), fmt::format("expected a non-negative integer, got '{}'", text));
  if (*parsed < min || *parsed > max)
    fail_at(v, key_path(key), fmt::format("{} is out of range [{}, {}]", text, min, max));
  return *parsed;
}

uint64_t YamlMap::required_uint(const std::string& key, uint64_t min, uint64_t max) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) fail(key, "missing (required)");
  return to_uint(key, v, min, max);
}

uint64_t YamlMap::optional_uint(const std::string& key, uint64_t fallback, uint64_t min, uint64_t max) {
  return maybe_uint(key, min, max).value_or(fallback);
}

std::optional<uint64_t> YamlMap::maybe_uint(const std::string& key, uint64_t min, uint64_t max) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) return std::nullopt;
  return to_uint(key, v, min, max);
}

std::vector<uint64_t> YamlMap::uint_list(const std::string& key, uint64_t min, uint64_t max) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) return {};
  if (!v.IsSequence()) fail_at(v, key_path(key), "expected a list of integers, e.g. [1, 2]");
  std::vector<uint64_t> out;
  for (const auto& entry : v) out.push_back(to_uint(key, entry, min, max));
  return out;
}

std::vector<std::string> YamlMap::string_list(const std::string& key) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) return {};
  if (!v.IsSequence()) fail_at(v, key_path(key), "expected a list, e.g. [a, b]");
  std::vector<std::string> out;
  for (const auto& entry : v) out.push_back(scalar(key, entry));
  return out;
}

double YamlMap::to_double(const std::string& key, const YAML::Node& v, double min) const {
  const std::string text = scalar(key, v);
  const auto parsed = parse_double(text);
  if (!parsed) fail_at(v, key_path(key), fmt::format("expected a number, got '{}'", text));
  if (*parsed < min)
    fail_at(v, key_path(key), min == 0 ? fmt::format("{} is negative", text) : fmt::format("{} is below {}", text, min));
  return *parsed;
}

double YamlMap::required_double(const std::string& key, double min) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) fail(key, "missing (required)");
  return to_double(key, v, min);
}

std::vector<double> YamlMap::double_list(const std::string& key, double min) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) return {};
  if (!v.IsSequence()) fail_at(v, key_path(key), "expected a list of numbers, e.g. [0.5, 2]");
  std::vector<double> out;
  for (const auto& entry : v) out.push_back(to_double(key, entry, min));
  return out;
}

bool YamlMap::optional_bool(const std::string& key, bool fallback) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) return fallback;
  const auto text = scalar(key, v);
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  fail_at(v, key_path(key), fmt::format("expected true or false, got '{}'", text));
}

bool YamlMap::is_word(const std::string& key, const std::string& word) {
  const auto v = value(key);
  return v.IsDefined() && v.IsScalar() && v.Scalar() == word;
}

std::string YamlMap::required_string(const std::string& key) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) fail(key, "missing (required)");
  return scalar(key, v);
}

std::string YamlMap::optional_string(const std::string& key, const std::string& fallback) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) return fallback;
  return scalar(key, v);
}

std::string YamlMap::required_choice(const std::string& key, std::span<const std::string_view> choices) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) fail(key, fmt::format("missing (required; one of {})", fmt::join(choices, ", ")));
  const auto text = scalar(key, v);
  if (std::find(choices.begin(), choices.end(), text) == choices.end())
    fail_at(v, key_path(key), fmt::format("'{}' is not one of {}", text, fmt::join(choices, ", ")));
  return text;
}

std::string YamlMap::optional_choice(const std::string& key, std::span<const std::string_view> choices,
                                     const std::string& fallback) {
  return has(key) ? required_choice(key, choices) : (known_.insert(key), fallback);
}

YamlMap YamlMap::map(const std::string& key) {
  const auto v = value(key);
  if (!v.IsDefined() || v.IsNull()) fail(key, "missing (required)");
  return YamlMap(v, key_path(key), *source_);
}

YamlMap YamlMap::optional_map(const std::string& key) { return YamlMap(value(key), key_path(key), *source_); }

std::vector<std::pair<std::string, YamlMap>> YamlMap::named_maps(const std::string& key) {
  const auto v = value(key);
  YamlMap outer(v, key_path(key), *source_);  // checks it is a map without duplicates
  std::vector<std::pair<std::string, YamlMap>> out;
  if (!v.IsMap()) return out;
  for (const auto& kv : v) {
    const auto name = kv.first.Scalar();
    if (!is_identifier(name))
      fail_at(kv.first, key_path(key) + "." + name, "names may use only a-z, 0-9, '_' and '-'");
    out.emplace_back(name, YamlMap(kv.second, key_path(key) + "." + name, *source_));
  }
  return out;
}

void YamlMap::finish() const {
  if (!node_.IsMap()) return;
  for (const auto& kv : node_) {
    const auto key = kv.first.Scalar();
    if (known_.contains(key)) continue;
    const auto hint = closest(key, known_);
    const auto message = hint.empty() ? fmt::format("unknown key (expected one of: {})", fmt::join(known_, ", "))
                                      : fmt::format("unknown key; did you mean '{}'?", hint);
    fail_at(kv.first, key_path(key), message);
  }
}

void YamlMap::fail(const std::string& key, const std::string& message) const {
  const YAML::Node& const_node = node_;
  const YAML::Node at = node_.IsMap() && const_node[key].IsDefined() ? const_node[key] : node_;
  fail_at(at, key_path(key), message);
}

void YamlMap::fail_here(const std::string& message) const { fail_at(node_, path_, message); }

void YamlMap::fail_at(const YAML::Node& at, const std::string& path, const std::string& message) const {
  const std::string shown = path.empty() ? "" : path + ": ";
  if (const Override* o = override_for(source_->overrides, path))
    throw ConfigError(fmt::format("{}: {}{}", o->text(), shown, message));
  const YAML::Mark mark = at.IsDefined() ? at.Mark() : YAML::Mark::null_mark();
  if (mark.is_null()) {
    // A key or map an override created on its way to its value: blame it.
    for (const auto& o : source_->overrides)
      if (o.path.starts_with(path + ".") || (!path_.empty() && o.path.starts_with(path_ + ".")))
        throw ConfigError(fmt::format("{}: {}{}", o.text(), shown, message));
    throw ConfigError(fmt::format("{}: {}{}", source_->file, shown, message));
  }
  throw ConfigError(fmt::format("{}:{}:{}: {}{}", source_->file, mark.line + 1, mark.column + 1, shown, message));
}

}  // namespace sim
