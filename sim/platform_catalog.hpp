// Built-in platforms: the YAML files in platforms/, found through
//   1. $EDGESIM_PLATFORM_DIR (if set),
//   2. <dir of the executable>/../share/edgesim/platforms (installed),
//   3. the source tree's platforms/ (configured at build time).
// `--platform` takes a built-in name or a path to a .yaml file. Energy cost
// tables resolve the same way, from those directories' energy/ folders
// (`--energy NAME|FILE.yaml`).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "sim/platform_config.hpp"

namespace sim {

struct PlatformEntry {
  std::string name;  // file stem
  std::filesystem::path file;
  std::string description;
};

class PlatformCatalog {
 public:
  // `noun` names what it holds in errors ("platform", "energy table").
  explicit PlatformCatalog(std::vector<std::filesystem::path> dirs, std::string noun = "platform");
  // The directories listed above, those that exist.
  static PlatformCatalog from_environment();
  // The energy/ folders of those directories (platforms/energy/).
  PlatformCatalog energy_tables() const;

  // Every built-in platform, by name; an earlier directory wins.
  std::vector<PlatformEntry> list() const;
  // A path (anything with a '/' or a .yaml/.yml suffix) or a built-in name.
  // Throws ConfigError for an unknown name, listing the known ones.
  std::filesystem::path resolve(const std::string& name_or_file) const;

  const std::vector<std::filesystem::path>& dirs() const { return dirs_; }

 private:
  std::vector<std::filesystem::path> dirs_;
  std::string noun_;
};

// What `--platform NAME|FILE.yaml --set K=V...` select: the platform found
// through the environment's catalog, with the overrides applied. Throws
// ConfigError.
PlatformConfig load_platform(const std::string& name_or_file, const std::vector<std::string>& override_specs);

}  // namespace sim
