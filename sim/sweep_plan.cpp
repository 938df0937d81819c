#include "sim/sweep_plan.hpp"

#include <fstream>

#include <fmt/format.h>

#include "sim/config_error.hpp"

namespace sim {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

Json read_json(const fs::path& file, const char* what) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}: cannot read the {}", file.string(), what));
  try {
    return Json::parse(in);
  } catch (const Json::exception& e) {
    throw ConfigError(fmt::format("{}: not a sweep's {}: {}", file.string(), what, e.what()));
  }
}

}  // namespace

fs::path manifest_path(const fs::path& dir) { return dir / "sweep.json"; }

void write_manifest(const fs::path& dir, const SweepManifest& m) {
  const Json json{{"name", m.name}, {"parameter_keys", m.parameter_keys}, {"metrics", m.metrics}, {"ids", m.ids}};
  replace_file(manifest_path(dir), json.dump(1) + '\n');
}

SweepManifest read_manifest(const fs::path& dir) {
  const fs::path file = manifest_path(dir);
  if (!fs::exists(file))
    throw ConfigError(fmt::format("{}: no sweep here: {} is written by `edgesim sweep SWEEP.yaml --backend slurm --out {}`",
                                  dir.string(), file.string(), dir.string()));
  const Json json = read_json(file, "manifest");
  try {
    return SweepManifest{json.at("name").get<std::string>(), json.at("parameter_keys").get<std::vector<std::string>>(),
                         json.at("metrics").get<std::vector<std::string>>(), json.at("ids").get<std::vector<std::string>>()};
  } catch (const Json::exception& e) {
    throw ConfigError(fmt::format("{}: not a sweep's manifest: {}", file.string(), e.what()));
  }
}

void write_plan(const fs::path& file, const SweepPlan& plan) {
  Json points = Json::array();
  for (const auto& p : plan.points) points.push_back(Json{{"record", to_json(p.record)}, {"run", p.run_arguments}});
  const Json json{{"dir", plan.dir.string()}, {"metrics", plan.metrics}, {"points", points}};
  replace_file(file, json.dump(1) + '\n');
}

SweepPlan read_plan(const fs::path& file) {
  const Json json = read_json(file, "plan");
  try {
    SweepPlan plan{json.at("dir").get<std::string>(), json.at("metrics").get<std::vector<std::string>>(), {}};
    for (const auto& p : json.at("points"))
      plan.points.push_back(PlannedPoint{result_from_json(p.at("record")), p.at("run").get<std::vector<std::string>>()});
    return plan;
  } catch (const std::exception& e) {
    throw ConfigError(fmt::format("{}: not a sweep's plan: {}", file.string(), e.what()));
  }
}

}  // namespace sim
