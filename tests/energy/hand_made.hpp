// A cost table and a run's counts made by hand, small enough that every
// energy figure is worked out in the comments of the tests that use them.
#pragma once
#include "energy/activity.hpp"
#include "energy/cost_table.hpp"

namespace energy::test {

inline size_t idx(isa::WorkOp op) { return static_cast<size_t>(op); }
inline size_t idx(isa::WorkWidth w) { return static_cast<size_t>(w); }

inline RegionActivity region(const char* name, MemoryKind kind, uint64_t size_bytes) {
  RegionActivity r;
  r.name = name;
  r.kind = kind;
  r.size_bytes = size_bytes;
  return r;
}

inline CostTable hand_table() {
  CostTable t;
  t.name = "hand";
  t.core_cycle_pj = 2;
  t.core_op_pj[idx(isa::WorkOp::Add)][idx(isa::WorkWidth::Int8)] = 0.5;
  t.core_op_pj[idx(isa::WorkOp::Mac)][idx(isa::WorkWidth::Int16)] = 3;
  t.sram_access_bytes = 8;
  t.sram = {{8 * 1024, 10}, {32 * 1024, 20}};
  t.flash_access_bytes = 8;
  t.flash_access_pj = 100;
  t.flash_art_hit_pj = 1;
  t.external_access_bytes = 8;
  t.external_access_pj = 1000;
  t.l1_hit_pj = 1;
  t.l1_miss_pj = 5;
  t.accel_mac_pj = 0.25;
  t.accel_buffer_access_bytes = 8;
  t.accel_buffer_access_pj = 2;
  t.accel_dma_byte_pj = 0.5;
  t.static_core_mw = 1;
  t.static_accel_mw = 2;
  t.static_sram_mw_per_kib = 0.5;
  t.static_flash_mw_per_kib = 0.001;
  t.static_external_mw_per_kib = 0.01;
  return t;
}

// 1000 cycles (200 asleep), 10 int8 adds and 4 int16 MACs; a 32 KiB SRAM,
// a 1 MiB flash with 16-byte lines, a 1 MiB external DRAM; L1 caches; a
// 2x3 accelerator; 1 us simulated.
inline Activity hand_activity() {
  Activity a;
  a.cycles = 1000;
  a.sleep_cycles = 200;
  OpCounts ops{};
  ops[idx(isa::WorkOp::Add)][idx(isa::WorkWidth::Int8)] = 10;
  ops[idx(isa::WorkOp::Mac)][idx(isa::WorkWidth::Int16)] = 4;
  a.ops = ops;
  RegionActivity sram = region("sram", MemoryKind::Sram, 32 * 1024);
  sram.core_fetches = {100, 400};
  sram.core_reads = {50, 200};
  sram.core_writes = {20, 40};
  sram.dma_reads = {2, 128};
  sram.dma_writes = {1, 8};
  RegionActivity flash = region("flash", MemoryKind::Flash, 1024 * 1024);
  flash.core_fetches = {500, 1000};  // through the line buffer: the line reads below are what cost
  flash.dma_reads = {4, 64};
  flash.flash_line_bytes = 16;
  flash.flash_core_line_reads = 30;
  flash.flash_art_hits = 5;
  RegionActivity dram = region("dram", MemoryKind::External, 1024 * 1024);
  dram.core_reads = {3, 12};
  a.regions = {sram, flash, dram};
  a.l1i = CacheActivity{10, 2};
  a.l1d = CacheActivity{4, 1};
  a.accel = AccelActivity{.rows = 2, .cols = 3, .macs = 100, .mac_active_cycles = 10, .dma_read_bytes = 64, .dma_write_bytes = 16};
  a.simulated_s = 1e-6;
  return a;
}

}  // namespace energy::test
