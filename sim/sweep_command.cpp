#include "sim/sweep_command.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/network/splitmix.hpp"
#include "compiler/toolchain/firmware_build.hpp"
#include "sim/compile_target.hpp"
#include "sim/config_error.hpp"
#include "sim/platform_catalog.hpp"
#include "sim/process_pool.hpp"
#include "sim/sweep_plan.hpp"
#include "sim/sweep_point_run.hpp"
#include "sim/sweep_points.hpp"
#include "sim/sweep_progress.hpp"
#include "sim/sweep_results.hpp"
#include "sim/sweep_slurm.hpp"
#include "sim/sweep_spec.hpp"
#include "sim/sweep_summary.hpp"

namespace sim {

namespace fs = std::filesystem;
using compiler::toolchain::ProcessResult;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitError = 2;
constexpr int kExitInterrupted = 130;

// "1 point", "56 points".
std::string count(std::size_t n, std::string_view noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); }

// Everything about a platform that the compiled firmware depends on (see
// sim/compile_target): points that agree on it share one ELF.
std::string firmware_key(const SweepWorkload& w, const compiler::toolchain::Target& t) {
  std::string text = fmt::format("{}\n{}\n{}\n{}\n{}\n{}\n{}\n", w.file.string(), w.backend, t.platform, t.board,
                                 fmt::join(t.cpu_flags, " "), t.dsp, compiler::toolchain::linker_script(t));
  if (t.accel)
    text += fmt::format("accel {:#x} {} {}x{} {} {} {}\n", t.accel->base, t.accel->irq ? static_cast<long>(*t.accel->irq) : -1L,
                        t.accel->rows, t.accel->cols, t.accel->input_buffer_bytes, t.accel->weight_buffer_bytes,
                        t.accel->output_buffer_bytes);
  return fmt::format("{:016x}", compiler::network::fnv1a64(text));
}

// One point on its way: where its firmware is, and the build it waits for.
struct Job {
  const SweepPoint* point;
  fs::path elf;
  std::string firmware;  // model workloads: the key of the build
};

class SweepRunner {
 public:
  SweepRunner(const SweepCommand& cmd, SweepSpec spec, PointSet points, fs::path dir, std::ostream& out, std::ostream& err)
      : cmd_(cmd), spec_(std::move(spec)), points_(std::move(points)), dir_(std::move(dir)), out_(out), err_(err),
        log_(dir_, spec_.parameter_keys(), spec_.metrics, cmd.retry_failed) {}

  // workload_files[platform][workload]: the ELF or model.
  int run(const std::vector<std::vector<fs::path>>& workload_files) {
    take_point_records();
    std::vector<const SweepPoint*> todo;
    for (const auto& p : points_.points)
      if (!log_.results().contains(p.id)) todo.push_back(&p);
    const std::size_t total = points_.points.size(), done = total - todo.size();
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned jobs = cmd_.jobs && cmd_.backend == SweepBackend::Local ? cmd_.jobs : cores;
    print_plan(done, todo.size(), jobs);
    progress_.emplace(err_, cmd_.progress_bar, total, done, count_failed());

    std::vector<Job> runnable;
    for (const SweepPoint* p : todo)
      if (auto job = prepare(*p, workload_files[p->platform][p->workload])) runnable.push_back(std::move(*job));
    compile(runnable, jobs);
    if (cmd_.backend == SweepBackend::Slurm) {
      progress_->close();
      return submit(runnable);
    }
    progress_->start_runs();
    run_points(runnable, jobs);
    progress_->close();
    return summary();
  }

 private:
  // Records that Slurm array tasks left in DIR/points/ and no --collect
  // merged yet: the points are done (with --retry-failed, only those ok).
  void take_point_records() {
    for (const auto& p : points_.points) {
      if (log_.results().contains(p.id)) continue;
      const auto record = read_point_record(dir_, p.id);
      if (record && (!cmd_.retry_failed || record->status == PointStatus::Ok)) log_.append(*record);
    }
  }

  bool interrupted() const { return cmd_.interrupt && cmd_.interrupt->load(); }

  std::size_t count_failed() const {
    std::size_t failed = 0;
    for (const auto& p : points_.points)
      if (const auto it = log_.results().find(p.id); it != log_.results().end() && it->second.status != PointStatus::Ok)
        ++failed;
    return failed;
  }

  void print_plan(std::size_t done, std::size_t todo, unsigned jobs) {
    out_ << fmt::format("sweep {}: {} ({} x {} x {}", spec_.name, count(points_.points.size(), "point"),
                        count(spec_.platforms.size(), "platform"), count(spec_.workloads.size(), "workload"),
                        count(points_.combinations - points_.excluded, "parameter combination"));
    if (points_.excluded) out_ << fmt::format("; the constraints left out {}", points_.excluded);
    if (points_.duplicates) out_ << fmt::format("; {} random samples drawn twice", points_.duplicates);
    out_ << ")\n";
    if (log_.dropped_lines())
      out_ << fmt::format("dropped {} of {} (cut short, not records)\n", count(log_.dropped_lines(), "line"), log_.jsonl_path().string());
    if (done) out_ << fmt::format("skipping {} already in {}\n", count(done, "point"), log_.jsonl_path().string());
    if (cmd_.backend == SweepBackend::Slurm)
      out_ << fmt::format("submitting {} to Slurm; results in {}\n", count(todo, "point"), dir_.string()) << std::flush;
    else
      out_ << fmt::format("running {}, {} at a time; results in {}\n", count(todo, "point"), jobs, dir_.string()) << std::flush;
  }

  PointResult result_of(const SweepPoint& p) const {
    PointResult r;
    r.id = p.id;
    r.platform = platform_label(spec_.platforms[p.platform]);
    r.workload = spec_.workloads[p.workload].name;
    r.parameters = p.parameters;
    for (const auto& m : spec_.metrics) r.metrics[m] = nullptr;
    return r;
  }

  void record(PointResult r) {
    r.finished = utc_now();
    log_.append(r);
    progress_->finished(r);
  }

  void record_failure(const SweepPoint& p, int exit_code, std::string message) {
    PointResult r = result_of(p);
    r.status = PointStatus::Failed;
    r.exit_code = exit_code;
    r.message = std::move(message);
    record(std::move(r));
  }

  // Checks the point's platform here (a value the platform rejects fails the
  // point at once, with the error `edgesim run` would give) and finds its
  // firmware; nullopt when the point has already failed.
  std::optional<Job> prepare(const SweepPoint& p, const fs::path& workload_file) {
    const SweepWorkload& w = spec_.workloads[p.workload];
    std::vector<std::string> overrides;
    for (const auto& [key, value] : p.parameters) overrides.push_back(key + "=" + value);
    try {
      const PlatformConfig platform = load_platform(spec_.platforms[p.platform], overrides);
      if (w.kind != SweepWorkload::Kind::Model) return Job{&p, workload_file, ""};
      const std::string key = firmware_key(w, compile_target(platform));
      builds_.try_emplace(key, &p);
      return Job{&p, firmware_path(w, key), key};
    } catch (const std::exception& e) {
      record_failure(p, kExitError, e.what());
      return std::nullopt;
    }
  }

  // Builds each firmware the jobs need that DIR does not have yet; the
  // points of a build that fails are recorded as failed.
  void compile(std::vector<Job>& jobs_list, unsigned jobs) {
    std::vector<std::vector<std::string>> commands;
    std::vector<std::string> keys;
    fs::create_directories(dir_ / "firmware");
    for (const auto& [key, point] : builds_) {
      const SweepWorkload& w = spec_.workloads[point->workload];
      const fs::path elf = firmware_path(w, key);
      if (fs::exists(elf)) continue;
      std::vector<std::string> command = {cmd_.edgesim, "compile", w.file.string(), "--platform", spec_.platforms[point->platform],
                                          "--backend", w.backend, "--quiet", "-o", partial(elf).string()};
      const auto sets = set_arguments(point->parameters);
      command.insert(command.end(), sets.begin(), sets.end());
      commands.push_back(std::move(command));
      keys.push_back(key);
    }
    if (commands.empty()) return;
    if (!cmd_.progress_bar) err_ << fmt::format("compiling {}\n", count(commands.size(), "firmware image")) << std::flush;
    std::map<std::string, ProcessResult> failed;  // by key
    run_processes(commands, jobs, [&](std::size_t i, const ProcessResult& r) {
      const fs::path elf = firmware_path(spec_.workloads[builds_.at(keys[i])->workload], keys[i]);
      if (r.exit_code == 0) fs::rename(partial(elf), elf);  // whole ELFs only under their final name
      else if (!interrupted()) failed[keys[i]] = r;
    }, cmd_.interrupt);
    std::erase_if(jobs_list, [&](const Job& job) {
      const auto it = failed.find(job.firmware);
      if (it == failed.end()) return false;
      record_failure(*job.point, it->second.exit_code, "compile failed: " + error_line(it->second));
      return true;
    });
  }

  // Named by what it is built from (the key covers the model's path and the
  // backend, so workloads that share both share the file).
  fs::path firmware_path(const SweepWorkload& w, const std::string& key) const {
    return dir_ / "firmware" / fmt::format("{}.{}-{}.elf", w.file.stem().string(), w.backend, key);
  }

  static fs::path partial(const fs::path& elf) { return fs::path(elf).replace_extension(".partial.elf"); }

  // Points whose firmware is there; the others are recorded as failed.
  std::vector<const Job*> with_firmware(const std::vector<Job>& jobs_list) {
    std::vector<const Job*> ready;
    for (const Job& job : jobs_list) {
      if (fs::exists(job.elf)) ready.push_back(&job);
      // Its build was interrupted (run it next time), or the ELF went away.
      else if (!interrupted()) record_failure(*job.point, kExitError, job.elf.string() + ": the firmware is missing");
    }
    return ready;
  }

  std::vector<std::string> run_arguments(const Job& job) const {
    return point_run_arguments(job.elf, spec_.platforms[job.point->platform], job.point->parameters, spec_.max_instructions,
                               point_folder(dir_, job.point->id));
  }

  void run_points(const std::vector<Job>& jobs_list, unsigned jobs) {
    std::vector<std::vector<std::string>> commands;
    const std::vector<const Job*> started = with_firmware(jobs_list);
    for (const Job* job : started) {
      prepare_point_folder(dir_, job->point->id);
      std::vector<std::string> command = {cmd_.edgesim};
      const auto args = run_arguments(*job);
      command.insert(command.end(), args.begin(), args.end());
      commands.push_back(std::move(command));
    }
    run_processes(commands, jobs, [&](std::size_t i, const ProcessResult& run) {
      const SweepPoint& p = *started[i]->point;
      // Stopped by the same Ctrl-C as the sweep: not a result, run it again next time.
      if (interrupted() && stopped_by_interrupt(run)) return;
      record(finish_point(result_of(p), run, point_folder(dir_, p.id), spec_.metrics));
    }, cmd_.interrupt);
  }

  // Writes the manifest and this submission's plan and job script to
  // DIR/slurm/<n>/, and submits one job array of the points left.
  int submit(const std::vector<Job>& jobs_list) {
    write_manifest(dir_, SweepManifest{spec_.name, spec_.parameter_keys(), spec_.metrics, point_ids()});
    SweepPlan plan{dir_, spec_.metrics, {}};
    for (const Job* job : with_firmware(jobs_list)) {
      prepare_point_folder(dir_, job->point->id);
      plan.points.push_back(PlannedPoint{result_of(*job->point), run_arguments(*job)});
    }
    if (plan.points.empty() || interrupted()) {
      out_ << "nothing to submit\n";
      return summary();
    }
    const fs::path submission = next_submission();
    // The tasks run the edgesim that compiles and runs the points here, by its real path.
    SlurmArrayJob job{"edgesim-sweep-" + spec_.name, fs::canonical(cmd_.edgesim), submission / "plan.json",
                      fs::current_path(), submission / "logs", plan.points.size(), cmd_.jobs};
    fs::create_directories(job.log_dir);
    write_plan(job.plan, plan);
    const fs::path script = submission / "job.sh";
    replace_file(script, job_script(job));
    const auto command = sbatch_command(script, cmd_.slurm_options);
    const ProcessResult sbatch = compiler::toolchain::run_process(command);
    if (sbatch.exit_code != 0)
      throw ConfigError(fmt::format("`{}` failed (exit {}): {}", fmt::join(command, " "), sbatch.exit_code, error_line(sbatch)));
    const std::string id = job_id_from(sbatch.output);
    out_ << fmt::format("submitted job array {} ({}, array {}): {}\n", id, count(plan.points.size(), "task"),
                        array_range(job.tasks, job.limit), script.string())
         << fmt::format("each task writes {}/points/<id>.json; task logs in {}\n", dir_.string(), job.log_dir.string())
         << fmt::format("when `squeue -j {}` lists no task: edgesim sweep --collect {}\n", id, dir_.string());
    return kExitOk;
  }

  std::vector<std::string> point_ids() const {
    std::vector<std::string> ids;
    for (const auto& p : points_.points) ids.push_back(p.id);
    return ids;
  }

  // DIR/slurm/<n>: the first n not used, so that an earlier submission's
  // tasks still queued keep their plan.
  fs::path next_submission() const {
    for (unsigned n = 1;; ++n)
      if (const fs::path path = dir_ / "slurm" / std::to_string(n); !fs::exists(path)) return path;
  }

  int summary() {
    const SweepTally tally = print_summary(out_, spec_.name, point_ids(), log_.results());
    out_ << fmt::format("results: {}, {}\n", log_.jsonl_path().string(), log_.csv_path().string());
    if (tally.missing) {
      out_ << fmt::format("{} not run; run the same command again to go on\n", count(tally.missing, "point"));
      return interrupted() ? kExitInterrupted : kExitFailed;
    }
    return tally.failed || tally.limit ? kExitFailed : kExitOk;
  }

  const SweepCommand& cmd_;
  SweepSpec spec_;
  PointSet points_;
  fs::path dir_;
  std::ostream& out_;
  std::ostream& err_;
  ResultsLog log_;
  std::optional<SweepProgress> progress_;
  std::map<std::string, const SweepPoint*> builds_;  // firmware key -> the first point that needs it
};

// Each workload's file (ELF or model) on platform `base`; throws ConfigError
// when one is missing.
std::vector<fs::path> workload_files(const SweepSpec& spec, const PlatformConfig& base, const SweepCommand& cmd) {
  std::vector<fs::path> files;
  for (const auto& w : spec.workloads) {
    fs::path file = w.file;
    if (w.kind == SweepWorkload::Kind::Firmware) {
      const char* env = std::getenv("EDGESIM_FIRMWARE_DIR");
      const std::string dir = cmd.firmware_dir ? *cmd.firmware_dir : env ? env : "";
      if (dir.empty())
        throw ConfigError(fmt::format("{}: workload '{}' (firmware: {}) needs the firmware folder: --firmware-dir DIR or "
                                      "EDGESIM_FIRMWARE_DIR (a build's workloads/firmware)",
                                      spec.file.string(), w.name, w.source));
      file = fs::path(dir) / fmt::format("{}.{}.elf", w.source, base.name);
    }
    if (!fs::is_regular_file(file))
      throw ConfigError(fmt::format("{}: workload '{}': {} not found", spec.file.string(), w.name, file.string()));
    files.push_back(fs::absolute(file));
  }
  return files;
}

}  // namespace

int sweep_command(const SweepCommand& cmd, std::ostream& out, std::ostream& err) {
  try {
    SweepSpec spec = read_sweep(cmd.sweep_file);
    std::vector<std::vector<fs::path>> files;
    for (const auto& platform : spec.platforms) files.push_back(workload_files(spec, load_platform(platform, {}), cmd));
    PointSet points = expand_points(spec);
    if (points.points.empty())
      throw ConfigError(fmt::format("{}: no points: the constraints leave out all {} combinations", spec.file.string(),
                                    points.combinations));
    fs::path dir = cmd.out_dir ? fs::path(*cmd.out_dir) : fs::path("sweep-" + spec.name);
    // The array tasks may start elsewhere: every path they are given is absolute.
    if (cmd.backend == SweepBackend::Slurm) dir = fs::absolute(dir).lexically_normal();
    SweepRunner runner(cmd, std::move(spec), std::move(points), dir, out, err);
    return runner.run(files);
  } catch (const std::exception& e) {
    err << "edgesim: error: " << e.what() << '\n';
    return kExitError;
  }
}

}  // namespace sim
