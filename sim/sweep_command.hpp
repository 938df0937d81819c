// `edgesim sweep SWEEP.yaml [-j N] [--out DIR]`: runs every point of a sweep
// (sim/sweep_spec.hpp) as its own `edgesim run` child process, N at a time
// (SystemC elaborates once per process), and records each point as it
// finishes (sim/sweep_results.hpp).
//
// A model workload is compiled by an `edgesim compile` child once per
// distinct firmware target (core flags, memory layout, accelerator: what
// sim/compile_target takes from the platform), into DIR/firmware/, so a sweep
// over flash wait states builds one ELF and one over accel.rows one per row
// count. A point whose parameters the platform rejects, whose model does not
// compile, or whose run faults, hits the limit or exits non-zero is recorded
// with its exit code and message; the others go on.
//
// DIR (default ./sweep-<name>): results.jsonl, results.csv, firmware/,
// points/<id>/{stats.json, output.txt} (the run's --stats and console).
// Re-running skips the points DIR's results already have (--retry-failed: only
// those that finished ok).
//
// Ctrl-C (SIGINT/SIGTERM): no further point starts. A Ctrl-C at the terminal
// reaches the running `edgesim run` children too (same process group): they
// stop at once and are not recorded (a re-run does them again); a signal to
// the sweep alone lets them finish, and they are recorded.
//
// With the Slurm backend the points left are not run here: after the same
// checks and firmware builds, they go to Slurm as one job array (see
// sim/sweep_slurm.hpp, sim/sweep_plan.hpp, sim/sweep_task.hpp), each task
// writing DIR/points/<id>.json; `edgesim sweep --collect DIR`
// (sim/sweep_collect.hpp) merges them. Records tasks left are taken as done
// by either backend. -j N throttles the array to N tasks at a time.
//
// Exit status: 0 every point ok (Slurm: the array is submitted), 1 some point failed or hit the limit, 2 a
// usage or configuration error (bad sweep file, unknown platform, missing
// workload file), 130 interrupted.
#pragma once

#include <atomic>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace sim {

enum class SweepBackend { Local, Slurm };

struct SweepCommand {
  std::string sweep_file;
  unsigned jobs = 0;                        // points at a time; 0: the host's cores (Slurm: no limit)
  SweepBackend backend = SweepBackend::Local;
  std::vector<std::string> slurm_options;   // for sbatch, e.g. --partition=x
  std::optional<std::string> out_dir;       // default ./sweep-<name>
  std::optional<std::string> firmware_dir;  // for `firmware:` workloads; default $EDGESIM_FIRMWARE_DIR
  bool retry_failed = false;
  bool progress_bar = false;  // redraw one line (stderr is a terminal), else a line per point
  const std::atomic<bool>* interrupt = nullptr;
  std::string edgesim = "/proc/self/exe";  // what runs `compile` and `run`
};

// The plan and the summary go to `out`; progress and errors to `err`.
int sweep_command(const SweepCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace sim
