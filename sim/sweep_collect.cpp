#include "sim/sweep_collect.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "sim/sweep_plan.hpp"
#include "sim/sweep_point_run.hpp"
#include "sim/sweep_results.hpp"
#include "sim/sweep_summary.hpp"

namespace sim {

namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitIncomplete = 1;
constexpr int kExitError = 2;
constexpr std::size_t kMissingListed = 10;

// The Slurm log of a task, from its "job JOB_TASK on HOST at TIME" line, if
// one of the submissions has it.
std::string task_log(const fs::path& dir, const std::string& started) {
  const auto job = started.find("job ");
  if (job == std::string::npos) return "";
  const std::string task = started.substr(job + 4, started.find(' ', job + 4) - job - 4);
  if (!fs::is_directory(dir / "slurm")) return "";
  for (const auto& submission : fs::directory_iterator(dir / "slurm"))
    if (const fs::path log = submission.path() / "logs" / (task + ".out"); fs::exists(log)) return log.string();
  return "";
}

// Why a point has no record: its task never started, or started and died.
std::string why_missing(const fs::path& dir, const std::string& id) {
  std::ifstream in(point_folder(dir, id) / "started");
  std::string started;
  if (!in || !std::getline(in, started)) return "not started (still queued, or not submitted: submit again)";
  const std::string log = task_log(dir, started);
  return fmt::format("started ({}) but left no record: the task was killed{}", started,
                     log.empty() ? "" : "; its log: " + log);
}

}  // namespace

int collect_command(const fs::path& dir, std::ostream& out, std::ostream& err) {
  try {
    const SweepManifest manifest = read_manifest(dir);
    RecordedResults recorded = read_results(dir / "results.jsonl", false);
    std::map<std::string, PointResult> merged;
    std::vector<PointResult> ordered;
    std::vector<std::string> missing;
    std::size_t from_tasks = 0;
    for (const auto& id : manifest.ids) {
      if (auto record = read_point_record(dir, id)) {
        ++from_tasks;
        merged[id] = std::move(*record);
      } else if (const auto it = recorded.results.find(id); it != recorded.results.end()) {
        merged[id] = it->second;
      } else {
        missing.push_back(id);
        continue;
      }
      ordered.push_back(merged.at(id));
    }
    // Records of points the sweep no longer has are kept, after its own.
    for (const auto& id : recorded.order)
      if (!merged.contains(id)) ordered.push_back(recorded.results.at(id));
    write_results(dir, manifest.parameter_keys, manifest.metrics, ordered);

    out << fmt::format("collected {} point records from {}\n", from_tasks, (dir / "points").string());
    const SweepTally tally = print_summary(out, manifest.name, manifest.ids, merged);
    out << fmt::format("results: {}, {}\n", (dir / "results.jsonl").string(), (dir / "results.csv").string());
    if (!missing.empty()) {
      out << fmt::format("missing {} point{}:\n", missing.size(), missing.size() == 1 ? "" : "s");
      for (std::size_t i = 0; i < std::min(missing.size(), kMissingListed); ++i)
        out << fmt::format("  {}: {}\n", missing[i], why_missing(dir, missing[i]));
      if (missing.size() > kMissingListed) out << fmt::format("  ... and {} more\n", missing.size() - kMissingListed);
    }
    return tally.missing || tally.failed || tally.limit ? kExitIncomplete : kExitOk;
  } catch (const std::exception& e) {
    err << "edgesim: error: " << e.what() << '\n';
    return kExitError;
  }
}

}  // namespace sim
