// Submitting a sweep's points to Slurm as one job array: the job script
// (task i runs `edgesim sweep --run-point i PLAN`, see sim/sweep_plan.hpp)
// and the sbatch command. The tasks read the plan and write their records
// under the results' folder, so on a real cluster that folder, the firmware
// in it and the edgesim binary must be on a filesystem every node sees.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace sim {

struct SlurmArrayJob {
  std::string name;                   // the job's name
  std::filesystem::path edgesim;      // absolute: the tasks run it
  std::filesystem::path plan;         // absolute
  std::filesystem::path working_dir;  // the tasks start here (the submitter's folder)
  std::filesystem::path log_dir;      // each task's output: JOBID_TASK.out
  std::size_t tasks = 0;
  unsigned limit = 0;  // tasks running at a time; 0: as many as Slurm allows
};

// "0-7" or "0-7%2".
std::string array_range(std::size_t tasks, unsigned limit);

// The job script: #SBATCH lines (name, array, one CPU per task, output), then
// the task's command with every path quoted for the shell.
std::string job_script(const SlurmArrayJob& job);

// `sbatch --parsable [options...] SCRIPT`: options given on the command line
// override the script's #SBATCH lines.
std::vector<std::string> sbatch_command(const std::filesystem::path& script, const std::vector<std::string>& options);

// The job id from `sbatch --parsable`'s output ("123" or "123;cluster");
// throws std::runtime_error when there is none.
std::string job_id_from(const std::string& sbatch_output);

// "--partition=x --time=10:00" -> {"--partition=x", "--time=10:00"} (split at
// whitespace; no quoting).
std::vector<std::string> split_options(const std::string& text);

}  // namespace sim
