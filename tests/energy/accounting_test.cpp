#include <catch2/catch.hpp>

#include "energy/accounting.hpp"
#include "energy/sram_cost.hpp"
#include "hand_made.hpp"

using namespace energy;
using energy::test::hand_activity;
using energy::test::hand_table;

TEST_CASE("SRAM energy grows by a fixed amount per doubling between the table's sizes") {
  const std::vector<SramPoint> horowitz{{8 * 1024, 10}, {32 * 1024, 20}, {1024 * 1024, 100}};
  CHECK(sram_access_pj(horowitz, 8 * 1024) == Approx(10));
  CHECK(sram_access_pj(horowitz, 32 * 1024) == Approx(20));
  CHECK(sram_access_pj(horowitz, 1024 * 1024) == Approx(100));
  CHECK(sram_access_pj(horowitz, 16 * 1024) == Approx(15));          // one of two doublings from 8 to 32 KB
  CHECK(sram_access_pj(horowitz, 64 * 1024) == Approx(36));          // 32 KB -> 1 MB: 80 pJ over 5 doublings
  CHECK(sram_access_pj(horowitz, 4 * 1024) == Approx(10));           // below the smallest: the smallest's
  CHECK(sram_access_pj(horowitz, 4 * 1024 * 1024) == Approx(132));   // above: 16 pJ per doubling goes on
  CHECK(sram_access_pj({{1024, 7}}, 1 << 30) == Approx(7));          // one point: every size
  CHECK_THROWS_AS(sram_access_pj({}, 1024), std::invalid_argument);
}

TEST_CASE("an access costs one of the table's width, or one per width it spans") {
  CHECK(charged_accesses({10, 40}, 8) == 10);  // 4-byte accesses: one each
  CHECK(charged_accesses({2, 64}, 8) == 8);    // two 32-byte line fills: four each
  CHECK(charged_accesses({1, 9}, 8) == 2);     // a 9-byte access spans two rows
  CHECK(charged_accesses({3, 0}, 8) == 3);
  CHECK(charged_accesses({0, 0}, 8) == 0);
}

TEST_CASE("energy per component is the counts times the table's entries") {
  const Energy e = account(hand_activity(), hand_table());
  // Core: 800 awake cycles x 2 pJ; 10 int8 adds x 0.5 + 4 int16 MACs x 3.
  CHECK(e.core_cycles_pj == Approx(1600));
  CHECK(e.ops_pj[test::idx(isa::WorkOp::Add)][test::idx(isa::WorkWidth::Int8)] == Approx(5));
  CHECK(e.ops_pj[test::idx(isa::WorkOp::Mac)][test::idx(isa::WorkWidth::Int16)] == Approx(12));
  CHECK(e.ops_pj[test::idx(isa::WorkOp::Mac)][test::idx(isa::WorkWidth::Int8)] == 0);
  CHECK(e.core_ops_pj == Approx(17));
  CHECK(e.core_pj() == Approx(1617));
  REQUIRE(e.memory.size() == 3);
  // SRAM at 32 KiB: 20 pJ per 8-byte access; fetches 100 + reads 50 +
  // writes 20 + DMA reads 128/8 = 16 + DMA writes 1 = 187 accesses.
  CHECK(e.memory[0].name == "sram");
  CHECK(e.memory[0].pj == Approx(187 * 20));
  // Flash: (30 core line reads + 64/16 = 4 DMA lines) x 2 accesses per
  // 16-byte line x 100 pJ, + 5 ART hits x 1 pJ; fetches inside a line are free.
  CHECK(e.memory[1].pj == Approx(6805));
  // DRAM: 3 reads x 1000 pJ.
  CHECK(e.memory[2].pj == Approx(3000));
  CHECK(e.memory_pj() == Approx(3740 + 6805 + 3000));
  // L1: 10 hits x 1 + 2 misses x 5; 4 x 1 + 1 x 5.
  CHECK(e.l1i_pj == Approx(20));
  CHECK(e.l1d_pj == Approx(9));
  // Accelerator: 100 MACs x 0.25; buffers: 64 + 16 DMA bytes + 10 active
  // cycles x (2 + 3) = 130 bytes = 17 accesses of 8 x 2 pJ; DMA: 80 bytes x 0.5.
  CHECK(e.accel_mac_pj == Approx(25));
  CHECK(e.accel_buffer_pj == Approx(34));
  CHECK(e.accel_dma_pj == Approx(40));
  // Static: 1 + 2 + 32 KiB x 0.5 + 1024 KiB x 0.001 + 1024 KiB x 0.01 =
  // 30.264 mW for 1 us = 30.264 nJ.
  CHECK(e.static_pj == Approx(30264));
  CHECK(e.total_pj() == Approx(45554));
}

TEST_CASE("without operation counts, without caches or an accelerator, those parts cost nothing") {
  Activity a = hand_activity();
  a.ops.reset();
  a.l1i.reset();
  a.l1d.reset();
  a.accel.reset();
  const Energy e = account(a, hand_table());
  CHECK(e.core_ops_pj == 0);
  CHECK(e.core_pj() == Approx(1600));
  CHECK(e.cache_pj() == 0);
  CHECK(e.accel_pj() == 0);
  CHECK(e.static_pj == Approx(28264));  // no accelerator's 2 mW
}

TEST_CASE("a core asleep the whole run costs no cycle energy, only static") {
  Activity a;
  a.cycles = a.sleep_cycles = 500;
  a.simulated_s = 2.0;
  CostTable t = hand_table();
  t.static_core_mw = 0.25;
  const Energy e = account(a, t);
  CHECK(e.core_cycles_pj == 0);
  CHECK(e.static_pj == Approx(0.5e9));  // 0.25 mW x 2 s = 0.5 mJ
  CHECK(e.total_pj() == Approx(0.5e9));
}
