// What `edgesim sweep --backend slurm` leaves in the results' folder DIR for
// the array tasks and for `edgesim sweep --collect DIR`, so that neither
// needs the sweep file again (it may have changed since the submission):
//
// DIR/sweep.json, the manifest: the sweep's name, parameter keys, metrics,
//   and every point's id in the points' order: what --collect needs to write
//   results.jsonl and results.csv as a local run does.
// DIR/slurm/<n>/plan.json, one per submission: the points it submitted;
//   array task i runs points[i], each with its record so far (id, platform,
//   workload, parameters) and its `edgesim run` arguments.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sim/sweep_results.hpp"

namespace sim {

struct SweepManifest {
  std::string name;
  std::vector<std::string> parameter_keys;
  std::vector<std::string> metrics;
  std::vector<std::string> ids;
};

std::filesystem::path manifest_path(const std::filesystem::path& dir);
void write_manifest(const std::filesystem::path& dir, const SweepManifest& manifest);
// Throws ConfigError (missing, or not a manifest).
SweepManifest read_manifest(const std::filesystem::path& dir);

struct PlannedPoint {
  PointResult record;                      // what the task completes
  std::vector<std::string> run_arguments;  // `edgesim run ...` without the program
};

struct SweepPlan {
  std::filesystem::path dir;  // the results' folder, absolute
  std::vector<std::string> metrics;
  std::vector<PlannedPoint> points;
};

void write_plan(const std::filesystem::path& file, const SweepPlan& plan);
// Throws ConfigError (missing, or not a plan).
SweepPlan read_plan(const std::filesystem::path& file);

}  // namespace sim
