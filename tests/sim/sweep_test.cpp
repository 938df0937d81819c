// `edgesim sweep` without running anything: the sweep file's reader and its
// errors, the constraint language, the points and their ids, the results'
// records and files, and the progress line. Expected values are worked by
// hand, or (random samples, ids) by an independent Python implementation of
// SplitMix64 and FNV-1a, quoted beside them.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "sim/config_error.hpp"
#include "sim/sweep_constraint.hpp"
#include "sim/sweep_points.hpp"
#include "sim/sweep_progress.hpp"
#include "sim/sweep_results.hpp"
#include "sim/sweep_spec.hpp"
#include "tests/support/scratch_dir.hpp"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using sim::Constraint;
using sim::ParameterValues;
using test_support::read_text;

namespace {

std::string error_of(const std::string& yaml) {
  try {
    sim::parse_sweep(yaml, "/sweeps/s.yaml");
  } catch (const sim::ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string kMinimal =
    "platform: stm32f407\n"
    "workloads: [{name: kws, model: net.yaml, backend: simd}]\n";

std::vector<ParameterValues> parameters_of(const sim::PointSet& set) {
  std::vector<ParameterValues> out;
  for (const auto& p : set.points) out.push_back(p.parameters);
  return out;
}

}  // namespace

TEST_CASE("constraints: comparisons, and/or/not, parentheses, text and booleans") {
  const std::vector<std::string> keys = {"memories.flash.wait_states", "core.clock_hz", "memories.flash.prefetch",
                                         "bus.arbitration"};
  const auto c = Constraint::parse("memories.flash.wait_states <= 3 or core.clock_hz > 100000000", keys);
  CHECK(c.holds({{"memories.flash.wait_states", "3"}, {"core.clock_hz", "24000000"}}));
  CHECK(c.holds({{"memories.flash.wait_states", "5"}, {"core.clock_hz", "168000000"}}));
  CHECK_FALSE(c.holds({{"memories.flash.wait_states", "4"}, {"core.clock_hz", "100000000"}}));

  const auto n = Constraint::parse("not (memories.flash.prefetch and memories.flash.wait_states == 0)", keys);
  CHECK_FALSE(n.holds({{"memories.flash.prefetch", "true"}, {"memories.flash.wait_states", "0"}}));
  CHECK(n.holds({{"memories.flash.prefetch", "false"}, {"memories.flash.wait_states", "0"}}));
  CHECK(n.holds({{"memories.flash.prefetch", "true"}, {"memories.flash.wait_states", "1"}}));

  const auto t = Constraint::parse("bus.arbitration != 'round_robin'", keys);
  CHECK(t.holds({{"bus.arbitration", "fixed_priority"}}));
  CHECK_FALSE(t.holds({{"bus.arbitration", "round_robin"}}));
  // 'and' binds tighter than 'or': true or (false and false).
  CHECK(Constraint::parse("core.clock_hz >= 1 or core.clock_hz < 0 and core.clock_hz < 0", keys).holds({{"core.clock_hz", "5"}}));
  // Numbers compare as numbers, not as text ("10" < "9" as text).
  CHECK(Constraint::parse("core.clock_hz > 9", keys).holds({{"core.clock_hz", "10"}}));
  CHECK(Constraint::parse("core.clock_hz == 1.5e8", keys).holds({{"core.clock_hz", "150000000"}}));
}

TEST_CASE("constraints: errors name the character, type errors name the values") {
  const std::vector<std::string> keys = {"a.b", "c"};
  CHECK_THROWS_WITH(Constraint::parse("a.b <= 3 or x > 1", keys),
                    Contains("character 13") && Contains("'x' is not a parameter of the sweep (parameters: a.b, c"));
  CHECK_THROWS_WITH(Constraint::parse("a.b <=", keys), Contains("character 7 at the end: expected a value"));
  CHECK_THROWS_WITH(Constraint::parse("(a.b < 3", keys), Contains("expected ')'"));
  CHECK_THROWS_WITH(Constraint::parse("a.b < 3 c", keys), Contains("character 9") && Contains("expected 'and', 'or' or the end"));
  CHECK_THROWS_WITH(Constraint::parse("c == 'x", keys), Contains("text without its closing quote"));
  CHECK_THROWS_WITH(Constraint::parse("a.b < 'x'", keys).holds({{"a.b", "1"}}), Contains("a number compared with text"));
  CHECK_THROWS_WITH(Constraint::parse("c < 'x'", keys).holds({{"c", "y"}}), Contains("only numbers have an order"));
  CHECK_THROWS_WITH(Constraint::parse("a.b", keys).holds({{"a.b", "1"}}), Contains("1 where true or false is needed"));
}

TEST_CASE("sweep file: every section read, paths relative to the sweep file") {
  const auto spec = sim::parse_sweep(
      "name: flash_art\n"
      "platform: [stm32f407, ../boards/mine.yaml]\n"
      "workloads:\n"
      "  - {name: bench, elf: fw/bench.elf}\n"
      "  - {firmware: compute_bench}\n"
      "  - {model: ../networks/kws.yaml, backend: accel}\n"
      "parameters:\n"
      "  grid: {memories.flash.wait_states: [0, 5], memories.flash.art: [{icache_lines: 0, dcache_lines: 0}]}\n"
      "  zip: {core.clock_hz: [24000000, 168000000], memories.sram.size_kib: [64, 128]}\n"
      "  random: {samples: 3, seed: 9, ranges: {accel.rows: [4, 8], accel.cols: {min: 2, max: 16}}}\n"
      "constraints: ['memories.flash.wait_states <= 3 or core.clock_hz > 100000000']\n"
      "metrics: [core.cycles]\n"
      "limits: {max_instructions: 1000}\n",
      "/work/sweeps/s.yaml");
  CHECK(spec.name == "flash_art");
  CHECK(spec.platforms == std::vector<std::string>{"stm32f407", "/work/boards/mine.yaml"});
  REQUIRE(spec.workloads.size() == 3);
  CHECK(spec.workloads[0].kind == sim::SweepWorkload::Kind::Elf);
  CHECK(spec.workloads[0].file == "/work/sweeps/fw/bench.elf");
  CHECK(spec.workloads[1].kind == sim::SweepWorkload::Kind::Firmware);
  CHECK(spec.workloads[1].name == "compute_bench");  // the program's name by default
  CHECK(spec.workloads[2].name == "kws");            // the file's stem by default
  CHECK(spec.workloads[2].file == "/work/networks/kws.yaml");
  CHECK(spec.workloads[2].backend == "accel");
  REQUIRE(spec.grid.size() == 2);
  CHECK(spec.grid[0].values == std::vector<std::string>{"0", "5"});
  CHECK(spec.grid[1].values == std::vector<std::string>{"{icache_lines: 0, dcache_lines: 0}"});  // as --set takes it
  CHECK(spec.zip[1].key == "memories.sram.size_kib");
  REQUIRE(spec.random);
  CHECK(spec.random->samples == 3);
  CHECK(spec.random->ranges[0].choices == std::vector<std::string>{"4", "8"});
  CHECK((spec.random->ranges[1].min == 2 && spec.random->ranges[1].max == 16));
  CHECK(spec.constraints.size() == 1);
  CHECK(spec.metrics == std::vector<std::string>{"core.cycles"});
  CHECK(spec.max_instructions == 1000);
  CHECK(spec.parameter_keys() == std::vector<std::string>{"memories.flash.wait_states", "memories.flash.art", "core.clock_hz",
                                                         "memories.sram.size_kib", "accel.rows", "accel.cols"});

  const auto minimal = sim::parse_sweep(kMinimal, "/sweeps/demo.yaml");
  CHECK(minimal.name == "demo");  // the file's stem
  CHECK(minimal.metrics == sim::kDefaultMetrics);
  CHECK(minimal.max_instructions == 0);
}

TEST_CASE("sweep file: errors name file:line:column and the key") {
  CHECK(error_of(kMinimal + "wrokloads: []\n") == "/sweeps/s.yaml:3:1: wrokloads: unknown key; did you mean 'workloads'?");
  CHECK_THAT(error_of("workloads: [{elf: a.elf}]\n"), Contains("/sweeps/s.yaml") && Contains("platform: missing (required)"));
  CHECK(error_of(kMinimal + "parameters: {grid: {a.b: [1, 2]}, zip: {c: [1, 2], d: [1]}}\n") ==
        "/sweeps/s.yaml:3:40: parameters.zip: the lists must have the same length: c has 2 values, d has 1");
  CHECK(error_of(kMinimal + "parameters: {grid: {a.b: [1]}, zip: {a.b: [2]}}\n") ==
        "/sweeps/s.yaml:3:38: parameters.zip.a.b: this key is swept elsewhere in the sweep too");
  CHECK(error_of(kMinimal + "parameters: {grid: {a.b: []}}\n") ==
        "/sweeps/s.yaml:3:26: parameters.grid.a.b: expected a non-empty list of values, e.g. [0, 1, 2]");
  CHECK(error_of(kMinimal + "parameters: {grid: {a..b: [1]}}\n") ==
        "/sweeps/s.yaml:3:21: parameters.grid.a..b: not a platform key path (e.g. memories.flash.wait_states)");
  CHECK(error_of("platform: p\nworkloads: [{elf: a.elf, model: b.yaml}]\n") ==
        "/sweeps/s.yaml:2:13: workloads[0]: needs exactly one of elf:, firmware: or model:");
  CHECK(error_of("platform: p\nworkloads: [{model: b.yaml, backend: gpu}]\n") ==
        "/sweeps/s.yaml:2:38: workloads[0].backend: 'gpu' is not one of portable, simd, accel");
  CHECK(error_of("platform: p\nworkloads: [{elf: a.elf}, {elf: b/a.elf}]\n") ==
        "/sweeps/s.yaml:2:27: workloads[1].name: 'a' names another workload too");
  CHECK(error_of(kMinimal + "parameters: {grid: {a.b: [1]}}\nconstraints: ['a.b < 3 and x == 1']\n") ==
        "/sweeps/s.yaml:4:15: constraints[0]: character 13 at 'x == 1': 'x' is not a parameter of the sweep (parameters: "
        "a.b; quote text: 'word')");
  CHECK(error_of(kMinimal + "parameters: {random: {samples: 0, ranges: {a: [1]}}}\n") ==
        "/sweeps/s.yaml:3:32: parameters.random.samples: 0 is out of range [1, 1000000]");
  CHECK(error_of(kMinimal + "parameters: {random: {samples: 2, ranges: {a: {min: 5, max: 4}}}}\n") ==
        "/sweeps/s.yaml:3:61: parameters.random.ranges.a.max: 4 is out of range [5, 18446744073709551615]");
  CHECK(error_of(kMinimal + "limits: {max_instructions: 0}\n") ==
        "/sweeps/s.yaml:3:28: limits.max_instructions: 0 is out of range [1, 18446744073709551615]");
  CHECK(error_of(kMinimal + "name: 'a b'\n") == "/sweeps/s.yaml:3:7: name: may use only letters, digits, '_' and '-' "
                                                "(it names the output folder)");
  CHECK_THAT(error_of("platform: [\n"), Contains("/sweeps/s.yaml:") && Contains("invalid YAML"));
}

TEST_CASE("points: grid product (first key slowest), times the zip's rows, the constraints applied") {
  auto spec = sim::parse_sweep(kMinimal +
                                   "parameters:\n"
                                   "  grid: {a: [0, 1], b: [x, y, z]}\n"
                                   "  zip: {c: [10, 20], d: [true, false]}\n"
                                   "constraints: ['a == 1 or c == 10']\n",
                               "/sweeps/s.yaml");
  const auto set = sim::expand_points(spec);
  CHECK(set.combinations == 12);  // 2 x 3 x 2
  CHECK(set.excluded == 3);       // a = 0 with c = 20: three values of b
  const std::vector<ParameterValues> expected = {
      {{"a", "0"}, {"b", "x"}, {"c", "10"}, {"d", "true"}},  {{"a", "0"}, {"b", "y"}, {"c", "10"}, {"d", "true"}},
      {{"a", "0"}, {"b", "z"}, {"c", "10"}, {"d", "true"}},  {{"a", "1"}, {"b", "x"}, {"c", "10"}, {"d", "true"}},
      {{"a", "1"}, {"b", "x"}, {"c", "20"}, {"d", "false"}}, {{"a", "1"}, {"b", "y"}, {"c", "10"}, {"d", "true"}},
      {{"a", "1"}, {"b", "y"}, {"c", "20"}, {"d", "false"}}, {{"a", "1"}, {"b", "z"}, {"c", "10"}, {"d", "true"}},
      {{"a", "1"}, {"b", "z"}, {"c", "20"}, {"d", "false"}}};
  CHECK(parameters_of(set) == expected);

  // Platforms x workloads x combinations, platform slowest.
  spec.platforms.push_back("stm32f746");
  spec.workloads.push_back({"other", sim::SweepWorkload::Kind::Elf, "o.elf", "/sweeps/o.elf", "portable"});
  const auto wide = sim::expand_points(spec);
  REQUIRE(wide.points.size() == 36);
  CHECK((wide.points[9].platform == 0 && wide.points[9].workload == 1));
  CHECK((wide.points[18].platform == 1 && wide.points[18].workload == 0));

  spec.constraints = {Constraint::parse("b < 3", spec.parameter_keys())};
  CHECK_THROWS_WITH(sim::expand_points(spec), Contains("constraint \"b < 3\" at a=0, b=x, c=10, d=true: 'x' < 3: text compared with a number"));
}

TEST_CASE("points: random samples are SplitMix64 draws from the seed, duplicates once") {
  // Python, independently: seed 7, each sample draws rows (choice index =
  // next() % 3) then cols (2 + next() % 15): (4, 11), (4, 5), (8, 2), (8, 14).
  const auto spec = sim::parse_sweep(kMinimal + "parameters: {random: {samples: 4, seed: 7, ranges: "
                                                 "{accel.rows: [4, 8, 16], accel.cols: {min: 2, max: 16}}}}\n",
                                     "/sweeps/s.yaml");
  const std::vector<ParameterValues> expected = {{{"accel.rows", "4"}, {"accel.cols", "11"}},
                                                 {{"accel.rows", "4"}, {"accel.cols", "5"}},
                                                 {{"accel.rows", "8"}, {"accel.cols", "2"}},
                                                 {{"accel.rows", "8"}, {"accel.cols", "14"}}};
  CHECK(parameters_of(sim::expand_points(spec)) == expected);

  // One choice only: every sample the same, kept once.
  const auto same = sim::expand_points(
      sim::parse_sweep(kMinimal + "parameters: {random: {samples: 5, ranges: {accel.rows: [8]}}}\n", "/sweeps/s.yaml"));
  CHECK(same.points.size() == 1);
  CHECK(same.duplicates == 4);
}

TEST_CASE("points: the id is FNV-1a of the platform, workload and sorted parameters") {
  // Python: FNV-1a 64 of "stm32f407\nkws\nmodel\nnet.yaml\nsimd\naccel.rows=8\nmemories.flash.wait_states=2\n".
  const sim::SweepWorkload kws{"kws", sim::SweepWorkload::Kind::Model, "net.yaml", "/sweeps/net.yaml", "simd"};
  CHECK(sim::point_id("stm32f407", kws, {{"memories.flash.wait_states", "2"}, {"accel.rows", "8"}}) == "339938d258d40026");
  CHECK(sim::point_id("stm32f407", kws, {{"accel.rows", "8"}, {"memories.flash.wait_states", "2"}}) == "339938d258d40026");
  CHECK(sim::point_id("stm32f746", kws, {{"accel.rows", "8"}, {"memories.flash.wait_states", "2"}}) != "339938d258d40026");
  CHECK(sim::point_id("stm32f407", kws, {{"accel.rows", "8"}, {"memories.flash.wait_states", "3"}}) != "339938d258d40026");
  // The file's other keys (metrics, limits, key order) leave the ids alone.
  const auto a = sim::expand_points(sim::parse_sweep(kMinimal + "parameters: {grid: {x: [1, 2], y: [3]}}\n", "/s/a.yaml"));
  const auto b = sim::expand_points(sim::parse_sweep(
      kMinimal + "parameters: {grid: {y: [3], x: [2, 1]}}\nmetrics: [core.cycles]\nlimits: {max_instructions: 5}\n", "/t/b.yaml"));
  CHECK(a.points[0].id == b.points[1].id);
  CHECK(a.points[1].id == b.points[0].id);
  CHECK(sim::platform_label("/boards/my-board.yaml") == "my-board");
  CHECK(sim::platform_label("stm32f407") == "stm32f407");
}

TEST_CASE("results: a record as JSON and back, typed parameters, CSV quoting") {
  sim::PointResult r;
  r.id = "00000000000000aa";
  r.platform = "stm32f407";
  r.workload = "kws";
  r.parameters = {{"a", "5"}, {"b", "true"}, {"c", "0x10"}, {"d", "1e8"}, {"e", "{icache_lines: 0, dcache_lines: 0}"}};
  r.status = sim::PointStatus::Limit;
  r.exit_code = 124;
  r.message = "instruction limit reached: 10 instructions, \"x\"";
  r.metrics = {{"core.cycles", 123}, {"energy.total_pj", 4.5}, {"missing", nullptr}};
  r.finished = "2025-01-31T12:00:00Z";
  const auto json = sim::to_json(r);
  // Numbers and booleans typed when they read back as the same text.
  CHECK(json.dump() ==
        "{\"id\":\"00000000000000aa\",\"platform\":\"stm32f407\",\"workload\":\"kws\",\"parameters\":{\"a\":5,\"b\":true,"
        "\"c\":\"0x10\",\"d\":\"1e8\",\"e\":\"{icache_lines: 0, dcache_lines: 0}\"},\"status\":\"limit\",\"exit_code\":124,"
        "\"message\":\"instruction limit reached: 10 instructions, \\\"x\\\"\",\"metrics\":{\"core.cycles\":123,"
        "\"energy.total_pj\":4.5,\"missing\":null},\"finished\":\"2025-01-31T12:00:00Z\"}");
  const auto back = sim::result_from_json(json);
  CHECK(back.parameters == r.parameters);
  CHECK(back.status == sim::PointStatus::Limit);
  CHECK(back.message == r.message);
  CHECK(back.metrics == r.metrics);

  const std::vector<std::string> keys = {"a", "e", "z"};
  const std::vector<std::string> metrics = {"core.cycles", "missing"};
  CHECK(sim::csv_header(keys, metrics) == std::vector<std::string>{"id", "platform", "workload", "a", "e", "z", "status",
                                                                   "exit_code", "message", "core.cycles", "missing", "finished"});
  CHECK(sim::csv_fields(r, keys, metrics) ==
        std::vector<std::string>{"00000000000000aa", "stm32f407", "kws", "5", "{icache_lines: 0, dcache_lines: 0}", "", "limit",
                                 "124", r.message, "123", "", "2025-01-31T12:00:00Z"});
}

TEST_CASE("results: the log keeps complete records, drops a cut line, appends") {
  const test_support::ScratchDir scratch("edgesim-sweep-test-log");
  const fs::path& dir = scratch.path;
  const auto result = [](std::string id, sim::PointStatus status) {
    sim::PointResult r;
    r.id = std::move(id);
    r.platform = "p";
    r.workload = "w";
    r.parameters = {{"k", "1"}};
    r.status = status;
    r.exit_code = status == sim::PointStatus::Ok ? 0 : 125;
    r.metrics = {{"core.cycles", 7}};
    r.finished = "2025-01-31T12:00:00Z";
    return r;
  };
  {
    sim::ResultsLog log(dir, {"k"}, {"core.cycles"}, false);
    CHECK(log.results().empty());
    log.append(result("a", sim::PointStatus::Ok));
    log.append(result("b", sim::PointStatus::Failed));
  }
  const std::string two = read_text(dir / "results.jsonl");
  std::ofstream(dir / "results.jsonl", std::ios::app) << "{\"id\":\"c\",\"platfo";  // a kill mid-line
  {
    sim::ResultsLog log(dir, {"k"}, {"core.cycles"}, false);
    CHECK(log.results().size() == 2);
    CHECK(log.dropped_lines() == 1);
    CHECK(read_text(dir / "results.jsonl") == two);  // rewritten without the cut line
    CHECK(read_text(dir / "results.csv") ==
          "id,platform,workload,k,status,exit_code,message,core.cycles,finished\n"
          "a,p,w,1,ok,0,,7,2025-01-31T12:00:00Z\n"
          "b,p,w,1,failed,125,,7,2025-01-31T12:00:00Z\n");
  }
  {
    sim::ResultsLog log(dir, {"k"}, {"core.cycles"}, true);  // --retry-failed
    CHECK(log.results().size() == 1);
    CHECK(log.results().contains("a"));
    log.append(result("b", sim::PointStatus::Ok));
  }
  sim::ResultsLog log(dir, {"k"}, {"core.cycles"}, false);
  CHECK(log.results().at("b").status == sim::PointStatus::Ok);
}

TEST_CASE("progress: the bar, the time left, a plain line per point") {
  CHECK(sim::format_duration(42) == "0:42");
  CHECK(sim::format_duration(725) == "12:05");
  CHECK(sim::format_duration(3723) == "1:02:03");
  // 12 of 56 in a 20-character bar: 12 * 20 / 56 = 4.3, 4 filled.
  CHECK(sim::progress_line(12, 56, 1, 42.0, 20) == "[####................] 12/56 points, 1 failed, ETA 0:42");
  CHECK(sim::progress_line(0, 8, 0, std::nullopt, 4) == "[....] 0/8 points");
  CHECK(sim::progress_line(8, 8, 0, 0.0, 4) == "[####] 8/8 points, ETA 0:00");

  sim::PointResult r;
  r.platform = "stm32f407";
  r.workload = "kws";
  r.parameters = {{"memories.flash.wait_states", "5"}};
  r.metrics = {{"core.cycles", 1234}, {"energy.total_pj", nullptr}};
  CHECK(sim::point_line(3, 56, r) == "[3/56] stm32f407 kws memories.flash.wait_states=5: ok, core.cycles=1234");
  r.status = sim::PointStatus::Failed;
  r.exit_code = 125;
  r.message = "lockup at PC 0x08000100";
  CHECK(sim::point_line(4, 56, r) == "[4/56] stm32f407 kws memories.flash.wait_states=5: failed (exit 125): lockup at PC 0x08000100");

  std::ostringstream plain;
  sim::SweepProgress progress(plain, false, 2, 1, 0);
  progress.finished(r);
  progress.close();
  CHECK(plain.str() == "[2/2] stm32f407 kws memories.flash.wait_states=5: failed (exit 125): lockup at PC 0x08000100\n");
  std::ostringstream terminal;
  sim::SweepProgress bar(terminal, true, 2, 1, 0);
  bar.finished(r);
  bar.close();
  CHECK_THAT(terminal.str(), Contains("\r[") && Contains("2/2 points, 1 failed, ETA 0:00\x1b[K") && Contains("\n"));
}
