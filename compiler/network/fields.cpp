#include "compiler/network/fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/network/network_error.hpp"

namespace compiler::network {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The asked-for key closest to a misspelt one, or "" when none is close.
std::string closest(const std::string& word, const std::set<std::string>& candidates)
{
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

// Whole-string parse: "12abc" or "" is no number.
template <typename T>
bool parse_whole(const std::string& text, T& value)
{
  const char* begin = text.data();
  const char* end = begin + text.size();
  if (!text.empty() && *begin == '+')
    ++begin;
  const auto [stop, error] = std::from_chars(begin, end, value);
  return error == std::errc() && stop == end && begin != end;
}

}  // namespace

void fail_at(const Where& where, const std::string& message)
{
  const std::string path = where.path.empty() ? "" : where.path + ": ";
  if (where.line == 0)
    throw NetworkError(fmt::format("{}: {}{}", where.file, path, message));
  throw NetworkError(fmt::format("{}:{}:{}: {}{}", where.file, where.line, where.column, path, message));
}

Fields::Fields(const YAML::Node& node, std::string file, std::string path)
    : node_(node), file_(std::move(file)), path_(std::move(path))
{
  if (!node_.IsMap())
    fail_at(here(), "expected a map of keys to values");
  std::set<std::string> seen;
  for (const auto& entry : node_) {
    if (!entry.first.IsScalar())
      fail_at(where_node(entry.first, path_), "keys must be plain names");
    const std::string key = entry.first.Scalar();
    if (!seen.insert(key).second)
      fail_at(where_node(entry.first, key_path(key)), "duplicate key");
  }
}

std::string Fields::key_path(const std::string& key) const
{
  return path_.empty() ? key : path_ + "." + key;
}

Where Fields::where_node(const YAML::Node& node, const std::string& path) const
{
  const YAML::Mark mark = node.Mark();
  if (mark.is_null())
    return Where{file_, 0, 0, path};
  return Where{file_, mark.line + 1, mark.column + 1, path};
}

Where Fields::here() const { return where_node(node_, path_); }

Where Fields::where(const std::string& key) const
{
  const YAML::Node& const_node = node_;  // a const lookup does not insert the key
  const YAML::Node v = const_node[key];
  return v.IsDefined() ? where_node(v, key_path(key)) : Where{here().file, here().line, here().column, key_path(key)};
}

std::map<std::string, Where> Fields::locations() const
{
  std::map<std::string, Where> out;
  for (const auto& entry : node_)
    out.emplace(entry.first.Scalar(), where_node(entry.second, key_path(entry.first.Scalar())));
  return out;
}

void Fields::fail(const std::string& key, const std::string& message) const { fail_at(where(key), message); }

void Fields::missing(const std::string& key, const std::string& hint) const
{
  for (const auto& entry : node_) {
    const std::string present = entry.first.Scalar();
    if (!asked_.contains(present) && closest(present, {key}) == key)
      fail_at(where_node(entry.first, key_path(present)), fmt::format("unknown key; did you mean '{}'?", key));
  }
  fail(key, hint.empty() ? "missing (required)" : fmt::format("missing (required; {})", hint));
}

bool Fields::has(const std::string& key) const
{
  const YAML::Node& const_node = node_;
  const YAML::Node v = const_node[key];
  return v.IsDefined() && !v.IsNull();
}

YAML::Node Fields::value(const std::string& key)
{
  asked_.insert(key);
  const YAML::Node& const_node = node_;
  const YAML::Node v = const_node[key];
  // A missing key yields a node that throws on use: hand out an undefined one.
  return v.IsDefined() ? v : YAML::Node(YAML::NodeType::Undefined);
}

std::string Fields::scalar(const std::string& key, const YAML::Node& v) const
{
  if (!v.IsScalar())
    fail_at(where_node(v, key_path(key)), "expected a single value, not a map or list");
  return v.Scalar();
}

std::int64_t Fields::to_integer(const std::string& key, const YAML::Node& v, std::int64_t min,
                                std::int64_t max) const
{
  const std::string text = scalar(key, v);
  std::int64_t parsed = 0;
  if (!parse_whole(text, parsed))
    fail_at(where_node(v, key_path(key)), fmt::format("expected an integer, got '{}'", text));
  if (parsed < min || parsed > max)
    fail_at(where_node(v, key_path(key)), fmt::format("{} is out of range [{}, {}]", parsed, min, max));
  return parsed;
}

double Fields::to_number(const std::string& key, const YAML::Node& v, double min, double max) const
{
  const std::string text = scalar(key, v);
  double parsed = 0;
  if (!parse_whole(text, parsed) || !std::isfinite(parsed))
    fail_at(where_node(v, key_path(key)), fmt::format("expected a number, got '{}'", text));
  if (parsed < min || parsed > max)
    fail_at(where_node(v, key_path(key)), fmt::format("{} is out of range [{}, {}]", text, min, max));
  return parsed;
}

std::int64_t Fields::integer(const std::string& key, std::int64_t min, std::int64_t max)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    missing(key);
  return to_integer(key, v, min, max);
}

std::int64_t Fields::optional_integer(const std::string& key, std::int64_t fallback, std::int64_t min,
                                      std::int64_t max)
{
  const YAML::Node v = value(key);
  return !v.IsDefined() || v.IsNull() ? fallback : to_integer(key, v, min, max);
}

std::uint64_t Fields::optional_unsigned(const std::string& key, std::uint64_t fallback)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    return fallback;
  const std::string text = scalar(key, v);
  std::uint64_t parsed = 0;
  if (!parse_whole(text, parsed))
    fail_at(where_node(v, key_path(key)), fmt::format("expected a non-negative integer, got '{}'", text));
  return parsed;
}

double Fields::number(const std::string& key, double min, double max)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    missing(key);
  return to_number(key, v, min, max);
}

double Fields::optional_number(const std::string& key, double fallback, double min, double max)
{
  const YAML::Node v = value(key);
  return !v.IsDefined() || v.IsNull() ? fallback : to_number(key, v, min, max);
}

std::string Fields::text(const std::string& key)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    missing(key);
  return scalar(key, v);
}

std::string Fields::optional_text(const std::string& key, const std::string& fallback)
{
  const YAML::Node v = value(key);
  return !v.IsDefined() || v.IsNull() ? fallback : scalar(key, v);
}

std::string Fields::optional_choice(const std::string& key, std::span<const std::string_view> choices,
                                    const std::string& fallback)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    return fallback;
  const std::string chosen = scalar(key, v);
  if (std::find(choices.begin(), choices.end(), chosen) == choices.end())
    fail_at(where_node(v, key_path(key)), fmt::format("'{}' is not one of {}", chosen, fmt::join(choices, ", ")));
  return chosen;
}

bool Fields::optional_bool(const std::string& key, bool fallback)
{
  static constexpr std::string_view kBools[] = {"true", "false"};
  const std::string chosen = optional_choice(key, kBools, fallback ? "true" : "false");
  return chosen == "true";
}

std::vector<std::int64_t> Fields::integers(const std::string& key, std::int64_t min, std::int64_t max)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    missing(key);
  if (!v.IsSequence())
    fail_at(where_node(v, key_path(key)), "expected a list of integers, e.g. [1, 2]");
  std::vector<std::int64_t> out;
  for (const auto& entry : v)
    out.push_back(to_integer(key, entry, min, max));
  return out;
}

std::vector<double> Fields::optional_numbers(const std::string& key, double min, double max)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    return {};
  if (!v.IsSequence())
    fail_at(where_node(v, key_path(key)), "expected a list of numbers, e.g. [-1, 1]");
  std::vector<double> out;
  for (const auto& entry : v)
    out.push_back(to_number(key, entry, min, max));
  return out;
}

std::vector<std::string> Fields::names(const std::string& key)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    return {};
  if (v.IsScalar())
    return {v.Scalar()};
  if (!v.IsSequence())
    fail_at(where_node(v, key_path(key)), "expected a name or a list of names, e.g. [a, b]");
  std::vector<std::string> out;
  for (const auto& entry : v)
    out.push_back(scalar(key, entry));
  return out;
}

HeightWidth Fields::optional_height_width(const std::string& key, HeightWidth fallback, int min, int max)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    return fallback;
  if (v.IsScalar()) {
    const int both = static_cast<int>(to_integer(key, v, min, max));
    return HeightWidth{both, both};
  }
  if (!v.IsSequence() || v.size() != 2)
    fail_at(where_node(v, key_path(key)), "expected one integer or [height, width]");
  return HeightWidth{static_cast<int>(to_integer(key, v[0], min, max)),
                     static_cast<int>(to_integer(key, v[1], min, max))};
}

HeightWidth Fields::height_width(const std::string& key, int min, int max)
{
  if (!has(key)) {
    asked_.insert(key);
    missing(key);
  }
  return optional_height_width(key, HeightWidth{}, min, max);
}

Fields Fields::map(const std::string& key)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    missing(key);
  return Fields(v, file_, key_path(key));
}

std::optional<Fields> Fields::optional_map(const std::string& key)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    return std::nullopt;
  return Fields(v, file_, key_path(key));
}

std::vector<Fields> Fields::maps(const std::string& key)
{
  const YAML::Node v = value(key);
  if (!v.IsDefined() || v.IsNull())
    missing(key);
  if (!v.IsSequence())
    fail_at(where_node(v, key_path(key)), "expected a list");
  std::vector<Fields> out;
  for (std::size_t i = 0; i < v.size(); ++i)
    out.emplace_back(v[i], file_, fmt::format("{}[{}]", key_path(key), i));
  return out;
}

void Fields::finish() const
{
  for (const auto& entry : node_) {
    const std::string key = entry.first.Scalar();
    if (asked_.contains(key))
      continue;
    const std::string hint = closest(key, asked_);
    fail_at(where_node(entry.first, key_path(key)),
            hint.empty() ? fmt::format("unknown key (expected one of: {})", fmt::join(asked_, ", "))
                         : fmt::format("unknown key; did you mean '{}'?", hint));
  }
}

}  // namespace compiler::network
