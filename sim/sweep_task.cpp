#include "sim/sweep_task.hpp"

#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

#include "sim/config_error.hpp"
#include "sim/sweep_plan.hpp"
#include "sim/sweep_points.hpp"
#include "sim/sweep_point_run.hpp"

namespace sim {

namespace fs = std::filesystem;

namespace {

constexpr int kExitRecorded = 0;
constexpr int kExitError = 2;
constexpr int kExitInterrupted = 130;

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "?";
}

std::string host_name() {
  char name[256] = {};
  return gethostname(name, sizeof name - 1) == 0 ? name : "?";
}

}  // namespace

int run_planned_point(const fs::path& plan_file, std::size_t index, const std::string& edgesim,
                      const std::atomic<bool>* interrupt, std::ostream& out, std::ostream& err) {
  try {
    const SweepPlan plan = read_plan(plan_file);
    if (index >= plan.points.size())
      throw ConfigError(fmt::format("{}: no point {} (the plan has {})", plan_file.string(), index, plan.points.size()));
    const PlannedPoint& point = plan.points[index];
    const std::string& id = point.record.id;
    prepare_point_folder(plan.dir, id);
    const fs::path folder = point_folder(plan.dir, id);
    std::ofstream(folder / "started") << fmt::format("job {}_{} on {} at {}\n", environment("SLURM_ARRAY_JOB_ID"),
                                                     environment("SLURM_ARRAY_TASK_ID"), host_name(), utc_now());
    out << fmt::format("point {} ({} {} {})\n", id, point.record.platform, point.record.workload,
                       describe(point.record.parameters))
        << std::flush;

    std::vector<std::string> command = {edgesim};
    command.insert(command.end(), point.run_arguments.begin(), point.run_arguments.end());
    const auto run = compiler::toolchain::run_process(command);
    if (interrupt && interrupt->load() && stopped_by_interrupt(run)) {
      err << fmt::format("edgesim: point {} interrupted: not recorded\n", id);
      return kExitInterrupted;
    }
    const PointResult record = finish_point(point.record, run, folder, plan.metrics);
    write_point_record(plan.dir, record);
    out << fmt::format("{}: {} (exit {}){}\n", point_record_path(plan.dir, id).string(), name_of(record.status),
                       record.exit_code, record.message.empty() ? "" : ": " + record.message);
    return kExitRecorded;
  } catch (const std::exception& e) {
    err << "edgesim: error: " << e.what() << '\n';
    return kExitError;
  }
}

}  // namespace sim
