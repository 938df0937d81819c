// `--set key.path=value` overrides, applied to the YAML tree before it is
// read into typed structs, so an override passes the same validation as the
// file (and an unknown key in an override is reported as such).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace sim {

struct Override {
  std::string path;   // dotted key path, e.g. "memories.flash.wait_states"
  std::string value;  // YAML text: a scalar, or a flow map/sequence
  std::string text() const { return "--set " + path + "=" + value; }
};

// Splits "key.path=value". Throws ConfigError when malformed.
Override parse_override(const std::string& arg);

// Sets the node at o.path, creating missing maps on the way. Throws
// ConfigError when the value is not valid YAML or the path runs through a
// value that is not a map.
void apply_override(YAML::Node& root, const Override& o);

// The override that produced the node at `path` (the longest one that is
// `path` or a prefix of it), if any.
const Override* override_for(const std::vector<Override>& overrides, const std::string& path);

}  // namespace sim
