// The Slurm backend of `edgesim sweep` without Slurm: the array range, the
// job script and the sbatch command, sbatch's job id, the plan read back, and
// --collect on hand-made records (which record wins, the order, the reasons
// given for points without one, the exit status).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "sim/config_error.hpp"
#include "sim/sweep_collect.hpp"
#include "sim/sweep_plan.hpp"
#include "sim/sweep_results.hpp"
#include "sim/sweep_slurm.hpp"
#include "tests/support/scratch_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using sim::PointResult;
using sim::PointStatus;
using test_support::read_text;

namespace {

PointResult record(const std::string& id, PointStatus status, int cycles) {
  PointResult r;
  r.id = id;
  r.platform = "stm32f407";
  r.workload = "kws";
  r.parameters = {{"memories.flash.wait_states", "5"}};
  r.status = status;
  r.exit_code = status == PointStatus::Ok ? 0 : 1;
  r.message = status == PointStatus::Ok ? "" : "it failed";
  r.metrics["core.cycles"] = cycles;
  r.finished = "2025-01-31T12:00:00Z";
  return r;
}

std::vector<std::string> ids_in(const fs::path& jsonl) {
  std::vector<std::string> ids;
  std::ifstream in(jsonl);
  for (std::string line; std::getline(in, line);) ids.push_back(sim::result_from_json(nlohmann::ordered_json::parse(line)).id);
  return ids;
}

}  // namespace

TEST_CASE("the array range, throttled or not") {
  CHECK(sim::array_range(8, 2) == "0-7%2");
  CHECK(sim::array_range(1, 0) == "0-0");
}

TEST_CASE("the job script runs this edgesim on its plan, paths quoted for the shell") {
  const sim::SlurmArrayJob job{"edgesim-sweep-kws", "/opt/edge sim/edgesim", "/d/slurm/1/plan.json", "/home/it's",
                               "/d/slurm/1/logs", 8, 2};
  const std::string script = sim::job_script(job);
  CHECK_THAT(script, Contains("#!/bin/sh\n"));
  CHECK_THAT(script, Contains("#SBATCH --job-name=edgesim-sweep-kws\n"));
  CHECK_THAT(script, Contains("#SBATCH --array=0-7%2\n"));
  CHECK_THAT(script, Contains("#SBATCH --output=/d/slurm/1/logs/%A_%a.out\n"));
  CHECK_THAT(script, Contains("cd '/home/it'\\''s' || exit 1\n"));
  CHECK_THAT(script, Contains("exec '/opt/edge sim/edgesim' sweep --run-point \"$SLURM_ARRAY_TASK_ID\" '/d/slurm/1/plan.json'\n"));
  CHECK(sim::sbatch_command("/d/job.sh", {"--partition=x"}) ==
        std::vector<std::string>{"sbatch", "--parsable", "--partition=x", "/d/job.sh"});
}

TEST_CASE("the job id from sbatch --parsable, after any warnings") {
  CHECK(sim::job_id_from("4242\n") == "4242");
  CHECK(sim::job_id_from("sbatch: warning: can't honor --ntasks-per-node\n17;cluster2\n") == "17");
  CHECK_THROWS(sim::job_id_from("sbatch: error: Batch job submission failed: Invalid partition name specified\n"));
}

TEST_CASE("the sbatch options of --slurm-opt are split at whitespace") {
  CHECK(sim::split_options("  --partition=short\t--time=0:10:00 ") ==
        std::vector<std::string>{"--partition=short", "--time=0:10:00"});
  CHECK(sim::split_options("").empty());
}

TEST_CASE("a plan reads back as written, anything else is a configuration error") {
  const test_support::ScratchDir dir("edgesim-sweep-slurm");
  const sim::SweepPlan plan{dir.path, {"core.cycles"}, {{record("00000000000000aa", PointStatus::Ok, 0), {"run", "a.elf", "--quiet"}}}};
  sim::write_plan(dir.path / "plan.json", plan);
  const sim::SweepPlan back = sim::read_plan(dir.path / "plan.json");
  CHECK(back.dir == dir.path);
  CHECK(back.metrics == plan.metrics);
  REQUIRE(back.points.size() == 1);
  CHECK(sim::to_json(back.points[0].record) == sim::to_json(plan.points[0].record));
  CHECK(back.points[0].run_arguments == plan.points[0].run_arguments);
  std::ofstream(dir.path / "bad.json") << "{\"dir\": \"/x\"}";
  CHECK_THROWS_AS(sim::read_plan(dir.path / "bad.json"), sim::ConfigError);
  CHECK_THROWS_AS(sim::read_plan(dir.path / "none.json"), sim::ConfigError);
}

TEST_CASE("collect merges the tasks' records in the sweep's order and names the missing") {
  const test_support::ScratchDir dir("edgesim-sweep-slurm");
  const fs::path d = dir.path;
  sim::write_manifest(d, {"kws", {"memories.flash.wait_states"}, {"core.cycles"}, {"aa", "bb", "cc", "dd"}});
  // results.jsonl: bb failed and cc ok from an earlier run, zz a point the sweep no longer has.
  {
    std::ofstream jsonl(d / "results.jsonl");
    for (const auto& r : {record("zz", PointStatus::Ok, 9), record("cc", PointStatus::Ok, 3), record("bb", PointStatus::Failed, 0)})
      jsonl << sim::to_json(r).dump() << '\n';
  }
  // The tasks: aa, and bb run again (its record wins over results.jsonl's).
  sim::write_point_record(d, record("aa", PointStatus::Ok, 1));
  sim::write_point_record(d, record("bb", PointStatus::Ok, 2));
  // dd's task started and died; its log is in submission 1.
  fs::create_directories(d / "points" / "dd");
  std::ofstream(d / "points" / "dd" / "started") << "job 5_3 on n1 at 2025-01-31T12:00:00Z\n";
  fs::create_directories(d / "slurm" / "1" / "logs");
  std::ofstream(d / "slurm" / "1" / "logs" / "5_3.out") << "killed\n";

  std::ostringstream out, err;
  CHECK(sim::collect_command(d, out, err) == 1);
  CHECK_THAT(out.str(), Contains("collected 2 point records"));
  CHECK_THAT(out.str(), Contains("sweep kws: 3/4 points done: 3 ok, 0 failed, 0 at the instruction limit\n"));
  CHECK_THAT(out.str(), Contains("missing 1 point:\n  dd: started (job 5_3 on n1 at 2025-01-31T12:00:00Z) but left no record: "
                                 "the task was killed; its log: " + (d / "slurm" / "1" / "logs" / "5_3.out").string() + "\n"));
  CHECK(ids_in(d / "results.jsonl") == std::vector<std::string>{"aa", "bb", "cc", "zz"});
  CHECK(read_text(d / "results.csv").starts_with(
      "id,platform,workload,memories.flash.wait_states,status,exit_code,message,core.cycles,finished\n"
      "aa,stm32f407,kws,5,ok,0,,1,2025-01-31T12:00:00Z\n"
      "bb,stm32f407,kws,5,ok,0,,2,2025-01-31T12:00:00Z\n"));

  fs::remove(d / "points" / "dd" / "started");
  out.str("");
  CHECK(sim::collect_command(d, out, err) == 1);
  CHECK_THAT(out.str(), Contains("  dd: not started (still queued, or not submitted: submit again)\n"));

  sim::write_point_record(d, record("dd", PointStatus::Ok, 4));
  out.str("");
  CHECK(sim::collect_command(d, out, err) == 0);
  CHECK_THAT(out.str(), Contains("4/4 points done: 4 ok"));
  CHECK(ids_in(d / "results.jsonl") == std::vector<std::string>{"aa", "bb", "cc", "dd", "zz"});
}

TEST_CASE("collect in a folder without a submitted sweep is exit 2, one line") {
  const test_support::ScratchDir dir("edgesim-sweep-slurm");
  std::ostringstream out, err;
  CHECK(sim::collect_command(dir.path, out, err) == 2);
  const std::string error = err.str();
  CHECK_THAT(error, Contains("no sweep here"));
  CHECK(std::count(error.begin(), error.end(), '\n') == 1);
}
