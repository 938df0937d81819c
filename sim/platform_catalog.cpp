#include "sim/platform_catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <system_error>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "sim/config_error.hpp"
#include "sim/config_overrides.hpp"

namespace sim {

namespace fs = std::filesystem;

PlatformCatalog::PlatformCatalog(std::vector<fs::path> dirs, std::string noun)
    : dirs_(std::move(dirs)), noun_(std::move(noun)) {}

PlatformCatalog PlatformCatalog::energy_tables() const {
  std::vector<fs::path> energy_dirs;
  std::error_code ec;
  for (const auto& d : dirs_)
    if (fs::is_directory(d / "energy", ec)) energy_dirs.push_back(d / "energy");
  return PlatformCatalog(std::move(energy_dirs), "energy table");
}

PlatformCatalog PlatformCatalog::from_environment() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("EDGESIM_PLATFORM_DIR"); env && *env) candidates.emplace_back(env);
  std::error_code ec;
  if (const auto exe = fs::read_symlink("/proc/self/exe", ec); !ec)
    candidates.push_back(exe.parent_path().parent_path() / "share" / "edgesim" / "platforms");
#ifdef EDGESIM_SOURCE_PLATFORM_DIR
  candidates.emplace_back(EDGESIM_SOURCE_PLATFORM_DIR);
#endif
  std::vector<fs::path> dirs;
  for (const auto& d : candidates)
    if (fs::is_directory(d, ec)) dirs.push_back(d);
  return PlatformCatalog(std::move(dirs));
}

std::vector<PlatformEntry> PlatformCatalog::list() const {
  std::map<std::string, PlatformEntry> by_name;
  for (const auto& dir : dirs_) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const auto& file = entry.path();
      if (file.extension() != ".yaml" || by_name.contains(file.stem().string())) continue;
      PlatformEntry e{file.stem().string(), file, ""};
      try {
        const auto root = YAML::LoadFile(file.string());
        if (root.IsMap() && root["description"].IsScalar()) e.description = root["description"].Scalar();
      } catch (const YAML::Exception& ex) {
        e.description = fmt::format("(unreadable: {})", ex.msg);
      }
      by_name.emplace(e.name, std::move(e));
    }
  }
  std::vector<PlatformEntry> out;
  for (auto& [name, e] : by_name) out.push_back(std::move(e));
  return out;
}

fs::path PlatformCatalog::resolve(const std::string& name_or_file) const {
  const fs::path given(name_or_file);
  if (name_or_file.find('/') != std::string::npos || given.extension() == ".yaml" || given.extension() == ".yml") {
    if (!fs::is_regular_file(given)) throw ConfigError(fmt::format("{}: no such {} file", name_or_file, noun_));
    return given;
  }
  for (const auto& dir : dirs_)
    if (const auto file = dir / (name_or_file + ".yaml"); fs::is_regular_file(file)) return file;
  std::vector<std::string> known;
  for (const auto& e : list()) known.push_back(e.name);
  if (dirs_.empty())
    throw ConfigError(fmt::format("unknown {} '{}': no {} directory found (set EDGESIM_PLATFORM_DIR)", noun_,
                                  name_or_file, noun_));
  throw ConfigError(fmt::format("unknown {} '{}' (built-in: {}; or give a .yaml file)", noun_, name_or_file,
                                fmt::join(known, ", ")));
}

PlatformConfig load_platform(const std::string& name_or_file, const std::vector<std::string>& override_specs) {
  std::vector<Override> overrides;
  for (const auto& spec : override_specs) overrides.push_back(parse_override(spec));
  return load_platform_config(PlatformCatalog::from_environment().resolve(name_or_file), overrides);
}

}  // namespace sim
