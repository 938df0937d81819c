// The per-function profile, the per-layer energy side and the timeline's
// plain parts (sim/profile_*, sim/timeline_*), driven by hand: a sampler
// whose counters the test sets, control-flow events the test sends. Every
// expected value is a difference of numbers written here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "energy/activity_difference.hpp"
#include "isa/decoder.hpp"
#include "sim/profile_counts.hpp"
#include "sim/profile_function_map.hpp"
#include "sim/profile_functions.hpp"
#include "sim/profile_layers.hpp"
#include "sim/profile_report.hpp"
#include "sim/profile_stats.hpp"
#include "sim/timeline_spans.hpp"
#include "sim/timeline_trace.hpp"

namespace {

sim::ElfSymbol function(std::string name, uint32_t value, uint32_t size) {
  return {.name = std::move(name), .value = value, .size = size, .type = sim::SymbolType::Function, .global = true};
}

// main [0x100, 0x140), helper [0x140, 0x150), a gap, handler [0x200, 0x210),
// and tail: unsized, reaching to the end of the segment (0x1000 + 0x400).
sim::ElfImage image() {
  std::vector<sim::ElfSegment> segments = {{.paddr = 0x0, .vaddr = 0x0, .memsz = 0x400, .flags = 5, .data = {}}};
  return sim::ElfImage("test.elf", 0x101, std::move(segments),
                       {function("main", 0x100, 0x40), function("helper", 0x140, 0x10), function("handler", 0x200, 0x10),
                        function("tail", 0x300, 0)});
}

// Counters the test moves: cycles, instructions, and SRAM traffic.
struct FakeCore {
  sim::ProfileCounts now;
  FakeCore() {
    now.activity.regions.resize(1);
    now.activity.regions[0].name = "sram";
  }
  void at(uint64_t cycles, uint64_t instructions, uint64_t bytes_read = 0, uint64_t bytes_written = 0) {
    now.activity.cycles = cycles;
    now.instructions = instructions;
    now.activity.regions[0].core_reads = {bytes_read / 4, bytes_read};
    now.activity.regions[0].core_writes = {bytes_written / 4, bytes_written};
  }
};

const sim::FunctionRow& row(const std::vector<sim::FunctionRow>& rows, const std::string& name) {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const sim::FunctionRow& r) { return r.name == name; });
  REQUIRE(it != rows.end());
  return *it;
}

uint16_t row_named(std::string_view name) {
  const auto& rows = isa::Decoder::rows();
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].name.starts_with(name)) return static_cast<uint16_t>(i);
  FAIL("no encoding row " << name);
  return 0;
}

}  // namespace

TEST_CASE("the function map finds functions and charges gaps to (unknown)", "[profile]") {
  const sim::FunctionMap map(image());
  const auto& names = map.names();
  REQUIRE(names.size() == 5);
  CHECK(names[map.unknown()] == "(unknown)");

  const auto main_range = map.range_of(0x101);  // Thumb bit ignored
  CHECK(names[main_range.function] == "main");
  CHECK(main_range.start == 0x100);
  CHECK(main_range.end == 0x140);
  CHECK(map.entry(main_range.function) == 0x100);
  CHECK(names[map.range_of(0x14e).function] == "helper");

  const auto gap = map.range_of(0x180);  // between helper's end and handler
  CHECK(gap.function == map.unknown());
  CHECK(gap.start == 0x150);
  CHECK(gap.end == 0x200);
  const auto before = map.range_of(0x10);
  CHECK(before.function == map.unknown());
  CHECK(before.end == 0x100);

  const auto tail = map.range_of(0x3f0);  // unsized: up to the segment's end
  CHECK(names[tail.function] == "tail");
  CHECK(tail.end == 0x400);
}

TEST_CASE("each function gets the counters' growth while it ran", "[profile]") {
  FakeCore core;
  std::vector<std::tuple<std::string, uint64_t, uint64_t>> spans;
  const sim::FunctionMap map(image());
  sim::FunctionProfile profile(
      map, [&core](sim::ProfileCounts& into) { into = core.now; },
      [&](uint32_t f, uint64_t begin, uint64_t end) { spans.emplace_back(map.names()[f], begin, end); });
  profile.start(0x100);

  core.at(10, 8);
  profile.control_flow(0x120, 0x104);  // a loop inside main: nothing charged
  core.at(20, 15, 40, 0);
  profile.control_flow(0x124, 0x141);  // main calls helper (BL to its entry)
  core.at(50, 30, 60, 8);
  profile.control_flow(0x148, 0x200);  // an interrupt in helper: handler entered
  core.at(65, 36, 60, 12);
  profile.control_flow(0x20e, 0x146);  // the handler returns into helper: not a call
  core.at(70, 40, 64, 12);
  profile.control_flow(0x14e, 0x128);  // helper returns into main
  core.at(75, 42, 64, 12);
  profile.control_flow(0x12a, 0x141);  // main calls helper again
  core.at(80, 45, 64, 12);
  profile.control_flow(0x14c, 0x180);  // into code no symbol covers
  core.at(90, 50, 64, 12);
  profile.control_flow(0x182, 0x12c);  // back to main
  core.at(100, 53, 64, 12);
  profile.finish();

  const auto rows = profile.rows();
  REQUIRE(rows.size() == 4);
  // Most cycles first: helper 30 + 5 + 5 = 40, main 20 + 5 + 10 = 35, handler 15, unknown 10.
  CHECK(rows[0].name == "helper");
  CHECK(rows[1].name == "main");
  CHECK(rows[2].name == "handler");
  CHECK(rows[3].name == "(unknown)");

  const auto& helper = row(rows, "helper");
  CHECK(helper.calls == 2);  // two BLs to 0x140; the return from the handler is not one
  CHECK(helper.counts.activity.cycles == 40);
  CHECK(helper.counts.instructions == (30 - 15) + (40 - 36) + (45 - 42));
  CHECK(helper.counts.bytes_read() == (60 - 40) + (64 - 60));
  CHECK(helper.counts.bytes_written() == 8);

  const auto& main = row(rows, "main");
  CHECK(main.calls == 1);  // where the core started
  CHECK(main.counts.activity.cycles == 20 + 5 + 10);
  CHECK(main.counts.instructions == 15 + 2 + 3);
  CHECK(main.counts.bytes_read() == 40);

  const auto& handler = row(rows, "handler");
  CHECK(handler.calls == 1);
  CHECK(handler.counts.activity.cycles == 15);
  CHECK(handler.counts.instructions == 6);
  CHECK(handler.counts.bytes_written() == 4);

  const auto& unknown = row(rows, "(unknown)");
  CHECK(unknown.calls == 0);  // not a function: never "called"
  CHECK(unknown.counts.activity.cycles == 10);

  uint64_t cycles = 0, instructions = 0;
  for (const auto& r : rows) {
    cycles += r.counts.activity.cycles;
    instructions += r.counts.instructions;
  }
  CHECK(cycles == 100);
  CHECK(instructions == 53);

  // The spans tile the run: one per stay in a function.
  using Span = std::tuple<std::string, uint64_t, uint64_t>;
  CHECK(spans == std::vector<Span>{{"main", 0, 20}, {"helper", 20, 50}, {"handler", 50, 65}, {"helper", 65, 70},
                                   {"main", 70, 75}, {"helper", 75, 80}, {"(unknown)", 80, 90}, {"main", 90, 100}});
}

TEST_CASE("an exception return to a function's first address is not a call", "[profile]") {
  FakeCore core;
  uint32_t ipsr = 0;
  sim::FunctionProfile profile(
      sim::FunctionMap(image()), [&core](sim::ProfileCounts& into) { into = core.now; }, {}, [&ipsr] { return ipsr; });
  profile.start(0x100);
  core.at(10, 10);
  profile.control_flow(0x110, 0x140);  // main calls helper, whose loop head is its entry
  core.at(20, 20);
  ipsr = 15;
  profile.control_flow(0x140, 0x200);  // SysTick taken at that loop head
  core.at(30, 25);
  ipsr = 0;
  profile.control_flow(0x20e, 0x140);  // its return: to helper's first address
  core.at(40, 30);
  ipsr = 15;
  profile.control_flow(0x144, 0x200);  // again
  core.at(50, 35);
  ipsr = 0;
  profile.control_flow(0x20e, 0x146);
  core.at(60, 40);
  profile.control_flow(0x14e, 0x112);  // helper returns
  core.at(70, 45);
  profile.finish();
  const auto rows = profile.rows();
  CHECK(row(rows, "helper").calls == 1);
  CHECK(row(rows, "handler").calls == 2);
  CHECK(row(rows, "handler").counts.activity.cycles == 20);
  CHECK(row(rows, "helper").counts.activity.cycles == 30);
  CHECK(row(rows, "main").counts.activity.cycles == 20);
}

TEST_CASE("lane operations are charged to the function of each instruction's address", "[profile]") {
  FakeCore core;
  sim::FunctionProfile profile(sim::FunctionMap(image()), [&core](sim::ProfileCounts& into) { into = core.now; });
  profile.start(0x100);
  core.at(10, 10);
  profile.finish();
  const uint16_t smlad = row_named("SMLAD");
  const uint16_t sadd8 = row_named("SADD8");
  profile.add_executions({{0x110, smlad, 7}, {0x142, sadd8, 3}, {0x112, smlad, 1}, {0x180, sadd8, 2}});
  const auto rows = profile.rows();
  const auto mac16 = [](const sim::FunctionRow& r) {
    return (*r.counts.activity.ops)[static_cast<size_t>(isa::WorkOp::Mac)][static_cast<size_t>(isa::WorkWidth::Int16)];
  };
  const auto add8 = [](const sim::FunctionRow& r) {
    return (*r.counts.activity.ops)[static_cast<size_t>(isa::WorkOp::Add)][static_cast<size_t>(isa::WorkWidth::Int8)];
  };
  // SMLAD: two 16-bit MACs; SADD8: four 8-bit adds (the lane rule).
  REQUIRE(rows.size() == 1);  // only main ran; the others' ops are kept but have no row
  CHECK(mac16(rows[0]) == 2 * (7 + 1));
  CHECK(add8(rows[0]) == 0);
}

TEST_CASE("a function's energy is its counts priced by the table", "[profile]") {
  energy::CostTable table;
  table.core_cycle_pj = 2.0;
  table.core_op_pj[static_cast<size_t>(isa::WorkOp::Mac)][static_cast<size_t>(isa::WorkWidth::Int16)] = 0.5;
  table.sram = {{.size_bytes = 65536, .access_pj = 10.0}};
  table.sram_access_bytes = 8;
  table.static_core_mw = 1000;  // not charged to a part of the run
  sim::ProfileCounts c;
  c.activity.cycles = 100;
  c.activity.sleep_cycles = 30;
  c.activity.simulated_s = 1;
  c.activity.ops.emplace();
  (*c.activity.ops)[static_cast<size_t>(isa::WorkOp::Mac)][static_cast<size_t>(isa::WorkWidth::Int16)] = 8;
  energy::RegionActivity& sram = c.activity.regions.emplace_back();
  sram.name = "sram";
  sram.size_bytes = 65536;
  sram.core_reads = {.count = 5, .bytes = 20};
  sram.core_writes = {.count = 2, .bytes = 8};
  // (100 - 30) awake cycles x 2 + 8 MACs x 0.5 + (5 + 2) accesses x 10 = 140 + 4 + 70.
  CHECK(c.energy_pj(table) == Approx(214.0));
}

TEST_CASE("activity differences add up count by count", "[profile][energy]") {
  energy::Activity earlier, later, sum;
  earlier.cycles = 10;
  later.cycles = 25;
  later.sleep_cycles = 5;
  energy::RegionActivity flash;
  flash.name = "flash";
  flash.kind = energy::MemoryKind::Flash;
  flash.flash_core_line_reads = 3;
  flash.flash_art_hits = 1;
  earlier.regions = {flash};
  flash.flash_line_bytes = 32;
  flash.flash_core_line_reads = 10;
  flash.flash_art_hits = 4;
  energy::RegionActivity sram;
  sram.name = "sram";
  sram.dma_reads = {.count = 2, .bytes = 64};
  later.regions = {flash, sram};
  later.l1d = energy::CacheActivity{.hits = 9, .misses = 1};
  later.accel = energy::AccelActivity{.rows = 8, .cols = 8, .macs = 640};
  energy::add_difference(sum, later, earlier);
  energy::add_difference(sum, later, earlier);  // twice: sums, not copies
  CHECK(sum.cycles == 30);
  CHECK(sum.sleep_cycles == 10);
  REQUIRE(sum.regions.size() == 2);
  CHECK(sum.regions[0].flash_line_bytes == 32);
  CHECK(sum.regions[0].flash_core_line_reads == 14);
  CHECK(sum.regions[0].flash_art_hits == 6);
  CHECK(sum.regions[1].name == "sram");
  CHECK(sum.regions[1].dma_reads.bytes == 128);
  CHECK(sum.l1d->hits == 18);
  CHECK(!sum.l1i);
  CHECK(sum.accel->macs == 1280);
  CHECK(sum.accel->rows == 8);
}

TEST_CASE("layer activity: spans per layer and inference, and outside", "[profile]") {
  FakeCore core;
  sim::LayerActivity layers([&core](sim::ProfileCounts& into) { into = core.now; });
  layers.start();
  core.at(100, 80);
  layers.marker(0);
  core.at(300, 200);
  layers.marker(1);
  core.at(350, 230);
  layers.marker(0xEE000001);  // an early exit: no new span
  core.at(400, 260);
  layers.marker(0xFFFFFFFF);
  core.at(450, 290);
  layers.marker(0);
  core.at(500, 330);
  layers.finish();  // the run ends inside layer 0

  CHECK(layers.outside().activity.cycles == 100 + 50);
  REQUIRE(layers.layers().size() == 2);
  CHECK(layers.layers().at(0).activity.cycles == 200 + 50);
  CHECK(layers.layers().at(0).instructions == 120 + 40);
  CHECK(layers.layers().at(1).activity.cycles == 100);
  const auto& spans = layers.layer_spans();
  REQUIRE(spans.size() == 3);
  CHECK((spans[0].layer == 0 && spans[0].begin == 100 && spans[0].end == 300));
  CHECK((spans[1].layer == 1 && spans[1].begin == 300 && spans[1].end == 400));
  CHECK((spans[2].layer == 0 && spans[2].begin == 450 && spans[2].end == 500));
  const auto& inferences = layers.inference_spans();
  REQUIRE(inferences.size() == 2);
  CHECK((inferences[0].begin == 100 && inferences[0].end == 400));
  CHECK((inferences[1].begin == 450 && inferences[1].end == 500));
}

TEST_CASE("function spans beyond the cap are merged, shortest first", "[timeline]") {
  SECTION("under the cap every span is kept") {
    sim::SpanMerger m(4);
    m.add(1, 0, 10);
    m.add(2, 10, 12);
    m.add(1, 12, 30);
    CHECK(m.spans().size() == 3);
    CHECK(m.threshold() == 0);
  }
  SECTION("over it, runs of short spans become one, named after the longest part") {
    sim::SpanMerger m(3);
    m.add(1, 0, 100);   // long
    m.add(2, 100, 101); // short
    m.add(3, 101, 103); // short, longer
    m.add(2, 103, 104); // short
    m.add(1, 104, 200); // long
    // 5 > 3: threshold 4 merges [100, 104) (three parts, the longest id 3's 2 cycles).
    CHECK(m.threshold() == 4);
    CHECK(m.added() == 5);
    REQUIRE(m.spans().size() == 3);
    const auto& merged = m.spans()[1];
    CHECK(merged.id == 3);
    CHECK(merged.begin == 100);
    CHECK(merged.end == 104);
    CHECK(merged.parts == 3);
    CHECK(merged.longest == 2);
    CHECK(m.spans()[0].parts == 1);
    CHECK(m.spans()[2].begin == 104);
  }
  SECTION("the threshold grows until the spans fit") {
    sim::SpanMerger m(2);
    for (uint32_t i = 0; i < 10; ++i) m.add(i, 10 * i, 10 * i + 10);  // ten spans of 10 cycles
    CHECK(m.spans().size() <= 2);
    CHECK(m.threshold() > 10);
    CHECK(m.spans().front().begin == 0);
    CHECK(m.spans().back().end == 100);
    uint64_t parts = 0;
    for (const auto& s : m.spans()) parts += s.parts;
    CHECK(parts == 10);
  }
}

TEST_CASE("the trace is trace-event JSON with named tracks", "[timeline]") {
  sim::TimelineTrace trace("edgesim test");
  const uint32_t core = trace.add_track("core");
  const uint32_t accel = trace.add_track("accel");
  trace.add_span(core, "0 CONV_2D", 1.5, 4.0, {{"layer", 0}});
  trace.add_span(accel, "busy", 2.0, 3.0);
  trace.set_note("clock_hz", 1000000);
  const nlohmann::json j = trace.to_json();
  REQUIRE(j.contains("traceEvents"));
  const auto& events = j["traceEvents"];
  int spans = 0;
  std::vector<std::string> tracks;
  for (const auto& e : events) {
    CHECK(e.contains("ts"));
    CHECK(e.contains("pid"));
    CHECK(e.contains("tid"));
    if (e["ph"] == "M" && e["name"] == "thread_name") tracks.push_back(e["args"]["name"].get<std::string>());
    if (e["ph"] != "X") continue;
    ++spans;
    if (e["name"] == "0 CONV_2D") {
      CHECK(e["tid"] == core);
      CHECK(e["ts"].get<double>() == 1.5);
      CHECK(e["dur"].get<double>() == 2.5);
      CHECK(e["args"]["layer"] == 0);
    }
  }
  CHECK(spans == 2);
  CHECK(tracks == std::vector<std::string>{"core", "accel"});
  CHECK(j["otherData"]["clock_hz"] == 1000000);
}

TEST_CASE("profile stats and table: functions by cycles, names made stat-safe", "[profile]") {
  energy::CostTable table;
  table.core_cycle_pj = 1.0;
  std::vector<sim::FunctionRow> rows(3);
  rows[0].name = "kernel.constprop.0";
  rows[0].calls = 4;
  rows[0].counts.activity.cycles = 600;
  rows[0].counts.instructions = 400;
  rows[1].name = "main";
  rows[1].calls = 1;
  rows[1].counts.activity.cycles = 300;
  rows[1].counts.instructions = 300;
  rows[2].name = "(unknown)";
  rows[2].counts.activity.cycles = 100;
  rows[2].counts.instructions = 50;
  sim::StatsRegistry stats;
  sim::register_function_stats(stats, rows, table);
  CHECK(std::get<std::string>(stats.value("profile.functions.kernel_constprop_0.name")) == "kernel.constprop.0");
  CHECK(std::get<uint64_t>(stats.value("profile.functions.kernel_constprop_0.calls")) == 4);
  CHECK(std::get<double>(stats.value("profile.functions.kernel_constprop_0.cycles_pct")) == Approx(60.0));
  CHECK(std::get<double>(stats.value("profile.functions.kernel_constprop_0.cpi")) == Approx(1.5));
  CHECK(std::get<double>(stats.value("profile.functions.main.energy_pj")) == Approx(300.0));
  CHECK(stats.find("profile.functions._unknown_.cycles"));

  const std::string report = sim::profile_report(stats, 2);
  CHECK(report.find("3 functions ran; top 2 by cycles") != std::string::npos);
  CHECK(report.find("kernel.constprop.0") < report.find("main"));
  CHECK(report.find("(1 more functions: 100.0 pJ)") != std::string::npos);
  CHECK(report.find("(unknown)  ") == std::string::npos);  // beyond the top 2
}
