#include "sim/sweep_slurm.hpp"

#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace sim {

namespace {

// 'text' for a POSIX shell (a ' inside becomes '\'').
std::string quoted(const std::string& text) {
  std::string q = "'";
  for (const char c : text) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

std::string array_range(std::size_t tasks, unsigned limit) {
  std::string range = fmt::format("0-{}", tasks - 1);
  if (limit) range += fmt::format("%{}", limit);
  return range;
}

std::string job_script(const SlurmArrayJob& job) {
  // #SBATCH lines are read up to the first command; the values are not
  // shell-expanded, so they are written plain.
  return fmt::format(
      "#!/bin/sh\n"
      "# Written by `edgesim sweep --backend slurm`: array task i runs point i of the plan\n"
      "# and writes its record to the results' folder (collect with `edgesim sweep --collect`).\n"
      "#SBATCH --job-name={}\n"
      "#SBATCH --array={}\n"
      "#SBATCH --ntasks=1\n"
      "#SBATCH --cpus-per-task=1\n"
      "#SBATCH --output={}/%A_%a.out\n"
      "cd {} || exit 1\n"
      "exec {} sweep --run-point \"$SLURM_ARRAY_TASK_ID\" {}\n",
      job.name, array_range(job.tasks, job.limit), job.log_dir.string(), quoted(job.working_dir.string()),
      quoted(job.edgesim.string()), quoted(job.plan.string()));
}

std::vector<std::string> sbatch_command(const std::filesystem::path& script, const std::vector<std::string>& options) {
  std::vector<std::string> command = {"sbatch", "--parsable"};
  command.insert(command.end(), options.begin(), options.end());
  command.push_back(script.string());
  return command;
}

std::string job_id_from(const std::string& sbatch_output) {
  // --parsable: "JOBID" or "JOBID;CLUSTER", after any warnings sbatch printed.
  std::istringstream lines(sbatch_output);
  std::string id;
  for (std::string line; std::getline(lines, line);) {
    const std::string first = line.substr(0, line.find(';'));
    if (!first.empty() && first.find_first_not_of("0123456789") == std::string::npos) id = first;
  }
  if (id.empty()) throw std::runtime_error("sbatch printed no job id");
  return id;
}

std::vector<std::string> split_options(const std::string& text) {
  std::istringstream words(text);
  std::vector<std::string> options;
  for (std::string word; words >> word;) options.push_back(word);
  return options;
}

}  // namespace sim
