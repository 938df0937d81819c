// edgesim compare on hand-made stats JSON: flattening, the default and glob
// selections, the ratios (worked out by hand in the comments), the three
// formats, and what is not a stats file.
#include <catch2/catch.hpp>

#include <sstream>

#include "sim/compare_command.hpp"
#include "sim/compare_input.hpp"
#include "sim/compare_selection.hpp"
#include "sim/compare_table.hpp"

namespace {
// Two runs of a 2-layer network: "fp32" and "int8" (int8 lacks core.cpi and
// has an accelerator's stats that fp32 lacks). Both share kMeta, which lists
// every stat of either: a name listed but absent from a run is not one of
// its stats.
const char* const kFp32 = R"({
  "sim": {"platform": "board-x"},
  "model": {"backend": "portable"},
  "time": {"simulated_s": 0.002},
  "core": {"cycles": 2000, "instructions": 1600, "cpi": 1.25},
  "memory": {"flash": {"bytes_read": 8000, "bytes_written": 0, "size_bytes": 1048576},
             "sram": {"bytes_read": 3000, "bytes_written": 1000, "l1": {"bytes_read": 5}}},
  "energy": {"total_pj": 4000000.0, "static_pj": 0.0, "core": {"total_pj": 1000000.0},
             "memory": {"flash_pj": 2500000.0, "sram_pj": 500000.0},
             "ops": {"mac": {"fp32_pj": 600000.0, "int8_pj": 0.0}, "load": {"int32_pj": 300000.0},
                     "add": {"int32_pj": 50000.0, "fp32_pj": 40000.0}, "other": {"int32_pj": 10000.0}}},
  "layers": {"0": {"op": "CONV_2D", "cycles": 1200}, "1": {"op": "SOFTMAX", "cycles": 700},
             "outside": {"cycles": 100}}
})";

const char* const kInt8 = R"({
  "sim": {"platform": "board-x"},
  "model": {"backend": "accel"},
  "time": {"simulated_s": 0.00038},
  "core": {"cycles": 380, "instructions": 95},
  "memory": {"flash": {"bytes_read": 2000, "bytes_written": 0}, "sram": {"bytes_read": 3000, "bytes_written": 1500}},
  "energy": {"total_pj": 900000.0, "static_pj": 0.0, "core": {"total_pj": 150000.0},
             "memory": {"flash_pj": 625000.0, "sram_pj": 25000.0},
             "ops": {"mac": {"fp32_pj": 0.0, "int8_pj": 1000.0}, "load": {"int32_pj": 90000.0},
                     "add": {"int32_pj": 30000.0, "fp32_pj": 0.0}, "other": {"int32_pj": 2000.0}},
             "accel": {"total_pj": 100000.0}},
  "accel": {"cycles": 300, "utilization_pct": 62.5},
  "layers": {"0": {"op": "CONV_2D", "cycles": 240}, "1": {"op": "SOFTMAX", "cycles": 100},
             "outside": {"cycles": 40}}
})";

const char* const kMeta = R"({
  "sim.platform": {"unit": "", "description": "platform name"},
  "model.backend": {"unit": "", "description": "b"},
  "time.simulated_s": {"unit": "s", "description": "t"},
  "core.cycles": {"unit": "cycle", "description": "c"},
  "core.instructions": {"unit": "instruction", "description": "i"},
  "core.cpi": {"unit": "cycle/instruction", "description": "cpi"},
  "memory.flash.bytes_read": {"unit": "byte", "description": ""},
  "memory.flash.bytes_written": {"unit": "byte", "description": ""},
  "memory.flash.size_bytes": {"unit": "byte", "description": ""},
  "memory.sram.bytes_read": {"unit": "byte", "description": ""},
  "memory.sram.bytes_written": {"unit": "byte", "description": ""},
  "memory.sram.l1.bytes_read": {"unit": "byte", "description": ""},
  "energy.total_pj": {"unit": "pJ", "description": ""},
  "energy.static_pj": {"unit": "pJ", "description": ""},
  "energy.core.total_pj": {"unit": "pJ", "description": ""},
  "energy.memory.flash_pj": {"unit": "pJ", "description": ""},
  "energy.memory.sram_pj": {"unit": "pJ", "description": ""},
  "energy.ops.mac.fp32_pj": {"unit": "pJ", "description": ""},
  "energy.ops.mac.int8_pj": {"unit": "pJ", "description": ""},
  "energy.ops.load.int32_pj": {"unit": "pJ", "description": ""},
  "energy.ops.add.int32_pj": {"unit": "pJ", "description": ""},
  "energy.ops.add.fp32_pj": {"unit": "pJ", "description": ""},
  "energy.ops.other.int32_pj": {"unit": "pJ", "description": ""},
  "energy.accel.total_pj": {"unit": "pJ", "description": ""},
  "accel.cycles": {"unit": "accel_cycle", "description": ""},
  "accel.utilization_pct": {"unit": "%", "description": ""},
  "layers.0.op": {"unit": "", "description": ""},
  "layers.0.cycles": {"unit": "cycle", "description": ""},
  "layers.1.op": {"unit": "", "description": ""},
  "layers.1.cycles": {"unit": "cycle", "description": ""},
  "layers.outside.cycles": {"unit": "cycle", "description": ""}
})";

sim::RunStats run_of(const char* stats, const std::string& name) {
  nlohmann::json json = nlohmann::json::parse(stats);
  json["meta"] = nlohmann::json::parse(kMeta);
  return sim::run_stats_from_json(json, name, name + ".json");
}

std::vector<sim::RunStats> both() { return {run_of(kFp32, "fp32"), run_of(kInt8, "int8")}; }

// The row of `table` (text or markdown) whose first cell is `stat`, split into cells.
std::vector<std::string> row_of(const std::string& table, const std::string& stat, bool markdown) {
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> cells;
    std::istringstream words(line);
    if (markdown) {
      for (std::string cell; std::getline(words, cell, '|');) {
        const size_t b = cell.find_first_not_of(' '), e = cell.find_last_not_of(' ');
        if (b != std::string::npos) cells.push_back(cell.substr(b, e - b + 1));
        else if (!cells.empty() || !cell.empty()) cells.push_back("");
      }
      if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
    } else {
      for (std::string w; words >> w;) cells.push_back(w);
    }
    if (!cells.empty() && cells.front() == stat) return cells;
  }
  return {};
}
}  // namespace

TEST_CASE("compare: a stats JSON is flattened to the names meta lists, with units") {
  const auto runs = both();
  REQUIRE(runs[0].name == "fp32");
  REQUIRE(runs[0].find("core.cycles")->value == 2000);
  REQUIRE(runs[0].find("core.cycles")->unit == "cycle");
  REQUIRE(runs[0].find("layers.0.op")->value == "CONV_2D");
  REQUIRE(runs[0].find("memory.sram.l1.bytes_read")->value == 5);
  REQUIRE(runs[1].find("core.cpi") == nullptr);
  REQUIRE(runs[0].stats.size() == 28);  // every name of kMeta that fp32 has (31 less int8's 3)
  REQUIRE(runs[1].stats.size() == 28);  // int8: 31 less core.cpi, memory.flash.size_bytes, memory.sram.l1.bytes_read
}

TEST_CASE("compare: the default rows in their order, all-zero rows left out") {
  const auto rows = sim::default_comparison(both());
  // Top operation classes: fp32's top 3 (mac.fp32 600000, load 300000,
  // add.int32 50000) and int8's (load 90000, add.int32 30000, other 2000),
  // by the largest value either has: mac.fp32, load, add.int32, other.
  const std::vector<std::string> expected = {
      "sim.platform", "model.backend", "time.simulated_s", "core.cycles", "core.instructions", "core.cpi",
      "memory.flash.bytes_read", "memory.flash.bytes_written", "memory.sram.bytes_read", "memory.sram.bytes_written",
      "energy.total_pj", "energy.core.total_pj", "energy.memory.flash_pj", "energy.memory.sram_pj",
      "energy.accel.total_pj", "energy.ops.mac.fp32_pj", "energy.ops.load.int32_pj", "energy.ops.add.int32_pj",
      "energy.ops.other.int32_pj", "accel.cycles", "accel.utilization_pct", "layers.0.cycles", "layers.1.cycles",
      "layers.outside.cycles"};
  // memory.flash.bytes_written is 0 in both runs: left out.
  std::vector<std::string> without_zero = expected;
  std::erase(without_zero, "memory.flash.bytes_written");
  REQUIRE(rows == without_zero);
}

TEST_CASE("compare: per-layer rows only when every run has the same layers") {
  auto runs = both();
  runs[1].stats["layers.1.op"].value = "AVERAGE_POOL_2D";
  const auto rows = sim::default_comparison(runs);
  REQUIRE(std::none_of(rows.begin(), rows.end(), [](const auto& r) { return r.starts_with("layers."); }));
}

TEST_CASE("compare: glob patterns pick stats in name order, numbers by value") {
  auto runs = both();
  runs[0].stats["layers.10.cycles"] = {nlohmann::json(5), "cycle"};
  REQUIRE(sim::matching_comparison(runs, {"layers.*.cycles"}) ==
          std::vector<std::string>{"layers.0.cycles", "layers.1.cycles", "layers.10.cycles", "layers.outside.cycles"});
  REQUIRE(sim::matching_comparison(runs, {"core.c*", "accel.cycles"}) ==
          std::vector<std::string>{"accel.cycles", "core.cpi", "core.cycles"});
  REQUIRE_THROWS_WITH(sim::matching_comparison(runs, {"core.*", "nothing.*"}), "no stat matches 'nothing.*'");
  // add.fp32 is 40000 in fp32 and 0 in int8: kept; mac.int8 is 0 and 1000: kept;
  // static_pj is 0 in both: left out.
  REQUIRE(sim::without_zero_rows(runs, {"energy.ops.add.fp32_pj", "energy.ops.mac.int8_pj", "energy.static_pj"}) ==
          std::vector<std::string>{"energy.ops.add.fp32_pj", "energy.ops.mac.int8_pj"});
  REQUIRE(sim::stat_name_before("layers.2.cycles", "layers.10.cycles"));
  REQUIRE(sim::stat_name_before("layers.10.cycles", "layers.outside.cycles"));
  REQUIRE_FALSE(sim::stat_name_before("layers.10.cycles", "layers.2.cycles"));
}

TEST_CASE("compare: ratios against the first run") {
  REQUIRE(sim::ratio_text(2000, 380) == "0.19x");
  REQUIRE(sim::ratio_text(4, 5) == "1.25x");
  REQUIRE(sim::ratio_text(3, 38) == "12.7x");    // 12.666...
  REQUIRE(sim::ratio_text(2, 1000) == "500x");
  REQUIRE(sim::ratio_text(8000, 2) == "0.00025x");  // below 0.01x: two significant digits
  REQUIRE(sim::ratio_text(7, 0) == "0.00x");
  REQUIRE(sim::ratio_text(0, 7) == "-");
}

TEST_CASE("compare: the text table — SI units per row, ratios, '-' for a missing stat") {
  const auto runs = both();
  const std::string text = sim::format_comparison(runs, sim::default_comparison(runs), sim::CompareFormat::Text);
  INFO(text);
  REQUIRE(row_of(text, "stat", false) == std::vector<std::string>{"stat", "unit", "fp32", "int8", "vs", "fp32"});
  // 380 / 2000 = 0.19; 95 / 1600 = 0.059375
  REQUIRE(row_of(text, "core.cycles", false) == std::vector<std::string>{"core.cycles", "cycle", "2000", "380", "0.19x"});
  REQUIRE(row_of(text, "core.instructions", false) ==
          std::vector<std::string>{"core.instructions", "instruction", "1600", "95", "0.06x"});
  REQUIRE(row_of(text, "core.cpi", false) == std::vector<std::string>{"core.cpi", "cycle/instruction", "1.250", "-", "-"});
  // 2 ms and 0.38 ms: the row in ms; 0.38 / 2 = 0.19
  REQUIRE(row_of(text, "time.simulated_s", false) == std::vector<std::string>{"time.simulated_s", "ms", "2.000", "0.380", "0.19x"});
  // 4e6 pJ = 4 uJ, 9e5 pJ = 0.9 uJ; 0.9 / 4 = 0.225 -> 0.23 (the double nearest 0.225 is just above it)
  REQUIRE(row_of(text, "energy.total_pj", false) == std::vector<std::string>{"energy.total_pj", "uJ", "4.000", "0.900", "0.23x"});
  // sram 500000 -> 25000 pJ: the largest is under 1 uJ, so the row is in nJ; 25000 / 500000 = 0.05
  REQUIRE(row_of(text, "energy.memory.sram_pj", false) ==
          std::vector<std::string>{"energy.memory.sram_pj", "nJ", "500.000", "25.000", "0.05x"});
  // Only int8 has an accelerator: fp32's cell and the ratio are "-".
  REQUIRE(row_of(text, "accel.cycles", false) == std::vector<std::string>{"accel.cycles", "accel_cycle", "-", "300", "-"});
  REQUIRE(row_of(text, "model.backend", false) == std::vector<std::string>{"model.backend", "portable", "accel"});
  // 240 / 1200 = 0.2
  REQUIRE(row_of(text, "layers.0.cycles", false) == std::vector<std::string>{"layers.0.cycles", "cycle", "1200", "240", "0.20x"});
}

TEST_CASE("compare: the markdown table has the same cells") {
  const auto runs = both();
  const std::string md = sim::format_comparison(runs, {"core.cycles", "model.backend", "core.cpi"}, sim::CompareFormat::Markdown);
  const std::string expected =
      "| stat | unit | fp32 | int8 | vs fp32 |\n"
      "|---|---|--:|--:|--:|\n"
      "| core.cycles | cycle | 2000 | 380 | 0.19x |\n"
      "| model.backend |  | portable | accel |  |\n"
      "| core.cpi | cycle/instruction | 1.250 | - | - |\n";
  REQUIRE(md == expected);
}

TEST_CASE("compare: CSV holds the exact values in the stats' units and plain ratios") {
  const auto runs = both();
  const std::string csv =
      sim::format_comparison(runs, {"core.cycles", "energy.total_pj", "core.cpi", "sim.platform"}, sim::CompareFormat::Csv);
  const std::string expected =
      "stat,unit,fp32,int8,int8/fp32\n"
      "core.cycles,cycle,2000,380,0.19\n"
      "energy.total_pj,pJ,4000000,900000,0.225\n"
      "core.cpi,cycle/instruction,1.25,,\n"
      "sim.platform,,board-x,board-x,\n";
  REQUIRE(csv == expected);
}

TEST_CASE("compare: what is not a stats JSON is one error naming the file") {
  using sim::CompareInputError;
  using nlohmann::json;
  REQUIRE_THROWS_AS(sim::run_stats_from_json(json::parse("[1, 2]"), "a", "a.json"), CompareInputError);
  REQUIRE_THROWS_WITH(sim::run_stats_from_json(json::parse(R"({"core": {"cycles": 1}})"), "a", "a.json"),
                      Catch::StartsWith("a.json: not an edgesim stats JSON"));
  REQUIRE_THROWS_WITH(sim::run_stats_from_json(json::parse(R"({"meta": {"x.y": {"unit": "s"}}})"), "a", "a.json"),
                      Catch::StartsWith("a.json: not an edgesim stats JSON"));
  REQUIRE_THROWS_WITH(sim::read_run_stats("/nonexistent/b.json", "b"), "/nonexistent/b.json: cannot open");
}
