#include <catch2/catch.hpp>

#include "hand_made.hpp"
#include "sim/energy_stats.hpp"

using energy::test::hand_activity;
using energy::test::hand_table;

namespace {
double f64(const sim::StatsRegistry& s, const std::string& name) { return std::get<double>(s.value(name)); }
uint64_t u64(const sim::StatsRegistry& s, const std::string& name) { return std::get<uint64_t>(s.value(name)); }
}  // namespace

TEST_CASE("energy stats give each component, each operation class and the counts behind them") {
  sim::StatsRegistry stats;
  sim::register_energy_stats(stats, hand_table(), [] { return hand_activity(); });
  // The figures worked out in accounting_test.cpp.
  CHECK(f64(stats, "energy.total_pj") == Approx(45554));
  CHECK(f64(stats, "energy.core.total_pj") == Approx(1617));
  CHECK(f64(stats, "energy.core.cycles_pj") == Approx(1600));
  CHECK(f64(stats, "energy.core.ops_pj") == Approx(17));
  CHECK(f64(stats, "energy.ops.mac.int16_pj") == Approx(12));
  CHECK(f64(stats, "energy.ops.add.int8_pj") == Approx(5));
  CHECK(f64(stats, "energy.ops.divide.fp64_pj") == 0);
  CHECK(u64(stats, "core.ops.mac.int16") == 4);
  CHECK(u64(stats, "core.ops.add.int8") == 10);
  CHECK(f64(stats, "energy.memory.sram_pj") == Approx(3740));
  CHECK(f64(stats, "energy.memory.flash_pj") == Approx(6805));
  CHECK(f64(stats, "energy.memory.dram_pj") == Approx(3000));
  CHECK(f64(stats, "energy.cache.l1i_pj") == Approx(20));
  CHECK(f64(stats, "energy.cache.l1d_pj") == Approx(9));
  CHECK(f64(stats, "energy.accel.total_pj") == Approx(99));
  CHECK(f64(stats, "energy.accel.buffer_pj") == Approx(34));
  CHECK(f64(stats, "energy.static_pj") == Approx(30264));
  CHECK(std::get<std::string>(stats.value("memory.flash.kind")) == "flash");
  CHECK(std::get<std::string>(stats.value("memory.dram.kind")) == "external");
  CHECK(u64(stats, "memory.sram.size_bytes") == 32 * 1024);
  CHECK(u64(stats, "memory.flash.flash.line_bytes") == 16);
  CHECK(!stats.find("memory.sram.flash.line_bytes"));
  CHECK(std::get<std::string>(stats.value("energy.table")) == "hand");
  // Units in the names, and every energy stat in pJ.
  for (const auto& s : stats.stats())
    if (s.name.starts_with("energy.") && s.name.ends_with("_pj")) CHECK(s.unit == "pJ");
}

TEST_CASE("what a run lacks has no energy stats: operation counts, caches, an accelerator") {
  energy::Activity a = hand_activity();
  a.ops.reset();
  a.l1i.reset();
  a.l1d.reset();
  a.accel.reset();
  sim::StatsRegistry stats;
  sim::register_energy_stats(stats, hand_table(), [a] { return a; });
  CHECK(!stats.find("core.ops.add.int8"));
  CHECK(!stats.find("energy.ops.add.int8_pj"));
  CHECK(!stats.find("energy.cache.l1i_pj"));
  CHECK(!stats.find("energy.accel.total_pj"));
  CHECK(f64(stats, "energy.core.ops_pj") == 0);
  CHECK(f64(stats, "energy.total_pj") == Approx(1600 + 3740 + 6805 + 3000 + 28264));
}

TEST_CASE("energy stats read the counts when asked, not when registered") {
  energy::Activity a = hand_activity();
  sim::StatsRegistry stats;
  sim::register_energy_stats(stats, hand_table(), [&a] { return a; });
  a.sleep_cycles = 1000;  // the whole run asleep: no cycle energy
  CHECK(f64(stats, "energy.core.cycles_pj") == 0);
}
