#include "sim/sweep_point_run.hpp"

#include <fstream>
#include <optional>

#include "sim/compare_input.hpp"
#include "sim/process_pool.hpp"

namespace sim {

namespace fs = std::filesystem;
using compiler::toolchain::ProcessResult;

namespace {

constexpr int kExitRunLimit = 124;  // `edgesim run`: --max-instructions reached
constexpr int kExitInterrupted = 130;

// The metrics from a run's --stats (null where absent; all null without one).
nlohmann::ordered_json metrics_from(const fs::path& stats_file, const std::vector<std::string>& metrics) {
  nlohmann::ordered_json values = nlohmann::ordered_json::object();
  std::optional<RunStats> stats;
  if (fs::exists(stats_file)) {
    try {
      stats = read_run_stats(stats_file, "");
    } catch (const CompareInputError&) {
      // a run that died while writing it: no metrics
    }
  }
  for (const auto& m : metrics) {
    const RunStat* s = stats ? stats->find(m) : nullptr;
    values[m] = s ? nlohmann::ordered_json(s->value) : nlohmann::ordered_json();
  }
  return values;
}

}  // namespace

std::vector<std::string> set_arguments(const ParameterValues& parameters) {
  std::vector<std::string> args;
  for (const auto& [key, value] : parameters) args.insert(args.end(), {"--set", key + "=" + value});
  return args;
}

fs::path point_folder(const fs::path& dir, const std::string& id) { return dir / "points" / id; }

std::vector<std::string> point_run_arguments(const fs::path& elf, const std::string& platform, const ParameterValues& parameters,
                                             std::uint64_t max_instructions, const fs::path& folder) {
  std::vector<std::string> args = {"run", elf.string(), "--platform", platform, "--quiet", "--stats", (folder / "stats.json").string()};
  const auto sets = set_arguments(parameters);
  args.insert(args.end(), sets.begin(), sets.end());
  if (max_instructions) args.insert(args.end(), {"--max-instructions", std::to_string(max_instructions)});
  return args;
}

void prepare_point_folder(const fs::path& dir, const std::string& id) {
  const fs::path folder = point_folder(dir, id);
  fs::create_directories(folder);
  fs::remove(folder / "stats.json");          // left by a run that was killed
  fs::remove(point_record_path(dir, id));     // this run's record replaces it
}

bool stopped_by_interrupt(const ProcessResult& run) { return run.exit_code == kExitInterrupted || run.exit_code < 0; }

PointResult finish_point(PointResult r, const ProcessResult& run, const fs::path& folder, const std::vector<std::string>& metrics) {
  std::ofstream(folder / "output.txt", std::ios::binary) << run.output;
  r.exit_code = run.exit_code;
  r.status = run.exit_code == 0 ? PointStatus::Ok : run.exit_code == kExitRunLimit ? PointStatus::Limit : PointStatus::Failed;
  if (run.exit_code < 0) r.message = "killed by a signal: " + error_line(run);
  else if (run.exit_code != 0) r.message = error_line(run);
  r.metrics = metrics_from(folder / "stats.json", metrics);
  r.finished = utc_now();
  return r;
}

}  // namespace sim
