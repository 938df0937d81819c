#include "sim/config_overrides.hpp"

#include <fmt/format.h>

#include "sim/config_error.hpp"

namespace sim {

namespace {
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}
}  // namespace

Override parse_override(const std::string& arg) {
  const size_t eq = arg.find('=');
  if (eq == std::string::npos) throw ConfigError(fmt::format("--set {}: expected KEY.PATH=VALUE", arg));
  Override o{arg.substr(0, eq), arg.substr(eq + 1)};
  for (const auto& part : split_path(o.path))
    if (part.empty()) throw ConfigError(fmt::format("--set {}: empty key in '{}'", arg, o.path));
  return o;
}

void apply_override(YAML::Node& root, const Override& o) {
  YAML::Node value;
  try {
    value = YAML::Load(o.value);
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}: the value is not valid YAML: {}", o.text(), e.msg));
  }
  const auto parts = split_path(o.path);
  YAML::Node cur = root;
  std::string walked;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!cur.IsMap() && !cur.IsNull())
      throw ConfigError(fmt::format("{}: '{}' is not a map, so it has no key '{}'", o.text(), walked, parts[i]));
    if (i + 1 == parts.size()) {
      cur[parts[i]] = value;
      return;
    }
    walked += (walked.empty() ? "" : ".") + parts[i];
    // Node::operator= writes through to the tree; reset() rebinds the handle.
    YAML::Node next = cur[parts[i]];
    if (!next.IsDefined() || next.IsNull()) {
      cur[parts[i]] = YAML::Node(YAML::NodeType::Map);
      next.reset(cur[parts[i]]);
    }
    cur.reset(next);
  }
}

const Override* override_for(const std::vector<Override>& overrides, const std::string& path) {
  const Override* best = nullptr;
  for (const auto& o : overrides) {
    const bool covers = path == o.path || (path.size() > o.path.size() && path.starts_with(o.path) && path[o.path.size()] == '.');
    if (covers && (!best || o.path.size() >= best->path.size())) best = &o;
  }
  return best;
}

}  // namespace sim
