// memory::L1Caches and CachedTimer: which windows are cached and how, and
// the stall and traffic of hits, fills, write-backs and write-throughs, by
// hand. Caches of 256 bytes, 2 ways, 32-byte lines (4 sets), a 64-bit bus:
// a line fill is 4 beats.
#include "memory/l1_caches.hpp"

#include <stdexcept>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

using isa::AccessKind;
using isa::DirectRegion;
using isa::TrafficCounters;
using memory::L1Caches;
using memory::L1Config;
using memory::L1Window;

namespace {
constexpr L1Config kSmall{.icache_bytes = 256, .dcache_bytes = 256, .icache_ways = 2, .dcache_ways = 2,
                          .line_bytes = 32, .bus_bytes = 8};

// A memory's DMI grant as CoreModule::direct builds it.
DirectRegion grant(uint32_t base, uint32_t size, TrafficCounters* counters, uint32_t read_wait = 0,
                   uint32_t write_wait = 0, isa::AccessTimer* timer = nullptr) {
  return DirectRegion{.base = base, .last = base + size - 1, .host = nullptr, .readable = true, .writable = true,
                      .read_wait = read_wait, .write_wait = write_wait, .counters = counters, .timer = timer};
}

uint32_t load(DirectRegion& r, uint32_t addr, uint64_t now = 0) { return r.timer->access(addr, 4, AccessKind::Load, now).total(); }
uint32_t store(DirectRegion& r, uint32_t addr, uint64_t now = 0) { return r.timer->access(addr, 4, AccessKind::Store, now).total(); }
uint32_t fetch(DirectRegion& r, uint32_t addr, uint64_t now = 0) { return r.timer->access(addr, 4, AccessKind::Fetch, now).total(); }

// A next-level timer that costs `stall` per call and records each call.
class RecordingTimer : public isa::AccessTimer {
 public:
  isa::AccessDelay access(uint32_t addr, unsigned, AccessKind kind, uint64_t now) override {
    calls.emplace_back(addr, kind);
    return {.wait = stall};
  }
  uint32_t fetch_block_bytes() const override { return 16; }  // a 128-bit flash line
  std::vector<std::pair<uint32_t, AccessKind>> calls;
  uint32_t stall = 5;
};
}  // namespace

TEST_CASE("l1: only windows the default memory map makes cacheable are cached") {
  L1Caches l1(kSmall, {{"code", 0x00000000, 0x0000FFFF}, {"sram", 0x20000000, 0x2000FFFF},
                       {"periph", 0x40000000, 0x4000FFFF}, {"ext", 0x60000000, 0x6000FFFF},
                       {"extwt", 0x80000000, 0x8000FFFF}, {"device", 0xA0000000, 0xA000FFFF}});
  TrafficCounters t;
  for (uint32_t base : {0x00000000u, 0x20000000u, 0x60000000u, 0x80000000u}) {
    const DirectRegion r = l1.attach(grant(base, 0x10000, &t));
    REQUIRE(r.timer != nullptr);
    REQUIRE(r.counters != &t);  // the core's accesses are counted apart
  }
  for (uint32_t base : {0x40000000u, 0xA0000000u, 0x30000000u /* no window */}) {
    const DirectRegion r = l1.attach(grant(base, 0x10000, &t));
    REQUIRE(r.timer == nullptr);
    REQUIRE(r.counters == &t);
  }
  REQUIRE(l1.cached_memories() == std::vector<std::string>{"code", "sram", "ext", "extwt"});
}

TEST_CASE("l1: a window across two regions of the default map is refused") {
  REQUIRE_THROWS_AS(L1Caches(kSmall, {{"odd", 0x1FFF0000, 0x2000FFFF}}), std::invalid_argument);
}

TEST_CASE("l1: write-back SRAM with wait states: fills, hits, a dirty write-back") {
  L1Caches l1(kSmall, {{"sram", 0x20000000, 0x2000FFFF}});
  TrafficCounters mem;
  DirectRegion r = l1.attach(grant(0x20000000, 0x10000, &mem, /*read_wait=*/2, /*write_wait=*/3));
  REQUIRE(load(r, 0x20000000) == 8);  // fill: 4 beats x 2
  REQUIRE(load(r, 0x20000004) == 0);  // hit
  REQUIRE(store(r, 0x20000008) == 0);  // write hit: dirty, nothing moves
  REQUIRE(mem.reads == 4);
  REQUIRE(mem.bytes_read == 32);
  REQUIRE(mem.writes == 0);
  REQUIRE(load(r, 0x20000080) == 8);        // set 0's second way
  REQUIRE(load(r, 0x20000100) == 12 + 8);   // evicts dirty line 0: write-back 4 x 3, then the fill
  REQUIRE(mem.writes == 4);
  REQUIRE(mem.bytes_written == 32);
  REQUIRE(mem.reads == 12);
  REQUIRE(store(r, 0x20000044) == 8);  // write miss, write-allocate: a fill (a read), then dirty
  REQUIRE(mem.writes == 4);
  REQUIRE(l1.dcache()->counters().writebacks == 1);
  REQUIRE(l1.dcache()->dirty_lines() == 1);
  REQUIRE(l1.data_stall_cycles() == 8 + 8 + 20 + 8);
}

TEST_CASE("l1: Code is write-through: every store reaches the memory, nothing is written back") {
  L1Caches l1(kSmall, {{"ram", 0x00000000, 0x0000FFFF}});
  TrafficCounters mem;
  DirectRegion r = l1.attach(grant(0x0, 0x10000, &mem, 1, 3));
  REQUIRE(store(r, 0x40) == 3);  // write miss, no allocate (WT is read-allocate): the store itself
  REQUIRE_FALSE(l1.dcache()->holds(0x40));
  REQUIRE(load(r, 0x40) == 4);   // read miss: fill 4 x 1
  REQUIRE(store(r, 0x44) == 3);  // write hit, written through
  REQUIRE(mem.writes == 2);
  REQUIRE(mem.bytes_written == 8);
  for (uint32_t a = 0x80; a < 0x400; a += 0x40) load(r, a);  // churn every set
  REQUIRE(l1.dcache()->counters().writebacks == 0);
  REQUIRE(mem.writes == 2);
}

TEST_CASE("l1: force_write_through and write_allocate: false change write-back windows") {
  TrafficCounters mem;
  L1Config wt = kSmall;
  wt.force_write_through = true;
  L1Caches forced(wt, {{"sram", 0x20000000, 0x2000FFFF}});
  DirectRegion r = forced.attach(grant(0x20000000, 0x10000, &mem));
  store(r, 0x20000000);
  REQUIRE_FALSE(forced.dcache()->holds(0x20000000));  // write-through regions do not allocate on writes
  REQUIRE(mem.writes == 1);

  L1Config no_wa = kSmall;
  no_wa.write_allocate = false;
  L1Caches read_only_allocate(no_wa, {{"sram", 0x20000000, 0x2000FFFF}});
  TrafficCounters mem2;
  DirectRegion r2 = read_only_allocate.attach(grant(0x20000000, 0x10000, &mem2));
  store(r2, 0x20000000);
  REQUIRE_FALSE(read_only_allocate.dcache()->holds(0x20000000));
  REQUIRE(mem2.writes == 1);
  load(r2, 0x20000000);
  store(r2, 0x20000000);  // now a write-back hit
  REQUIRE(mem2.writes == 1);
  REQUIRE(read_only_allocate.dcache()->dirty(0x20000000));
}

TEST_CASE("l1: a dirty victim is written back to its own memory") {
  L1Caches l1(kSmall, {{"sram1", 0x20000000, 0x2000FFFF}, {"sram2", 0x20010000, 0x2001FFFF}});
  TrafficCounters one, two;
  DirectRegion r1 = l1.attach(grant(0x20000000, 0x10000, &one, 0, 7));
  DirectRegion r2 = l1.attach(grant(0x20010000, 0x10000, &two, 0, 1));
  store(r1, 0x20000000);  // set 0, dirty
  load(r2, 0x20010000);   // set 0
  REQUIRE(load(r2, 0x20010080) == 4 * 7);  // evicts sram1's dirty line: its write wait states
  REQUIRE(one.writes == 4);
  REQUIRE(two.writes == 0);
  REQUIRE(two.reads == 8);
  REQUIRE(l1.core_traffic("sram1").writes == 0);  // the ISS counts core accesses; timers only time them
}

TEST_CASE("l1: fills from a timed memory ask it once per block it buffers") {
  L1Caches l1(kSmall, {{"flash", 0x08000000, 0x080FFFFF}});
  TrafficCounters mem;
  RecordingTimer flash;
  DirectRegion r = l1.attach(grant(0x08000000, 0x100000, &mem, 0, 0, &flash));
  REQUIRE(r.timer->fetch_block_bytes() == 32);  // the I-cache line
  REQUIRE(fetch(r, 0x08000024) == 10);  // I miss: a 32-byte line = two 16-byte flash lines
  REQUIRE(flash.calls == std::vector<std::pair<uint32_t, AccessKind>>{{0x08000020, AccessKind::Fetch},
                                                                     {0x08000030, AccessKind::Fetch}});
  REQUIRE(fetch(r, 0x08000020) == 0);
  REQUIRE(load(r, 0x08000020) == 10);  // the D-cache is separate: a miss there, asked as loads
  REQUIRE(flash.calls.back().second == AccessKind::Load);
  REQUIRE(mem.fetches == 4);
  REQUIRE(mem.fetch_bytes == 32);
  REQUIRE(mem.reads == 4);
  REQUIRE(l1.icache()->counters().read_misses == 1);
  REQUIRE(l1.icache()->counters().read_hits == 1);
  REQUIRE(l1.fetch_stall_cycles() == 10);
}

TEST_CASE("l1: without an I-cache, fetches pass through to the memory") {
  L1Config no_i = kSmall;
  no_i.icache_bytes = 0;
  L1Caches l1(no_i, {{"flash", 0x08000000, 0x080FFFFF}});
  REQUIRE(l1.icache() == nullptr);
  TrafficCounters mem;
  RecordingTimer flash;
  DirectRegion r = l1.attach(grant(0x08000000, 0x100000, &mem, 0, 0, &flash));
  REQUIRE(r.timer->fetch_block_bytes() == 16);  // the flash's own line buffer
  REQUIRE(fetch(r, 0x08000004) == 5);
  REQUIRE(fetch(r, 0x08000000) == 5);  // no cache: asked again
  REQUIRE(flash.calls.front().first == 0x08000000);  // for the block the fetch entered
  REQUIRE(mem.fetches == 2);
  REQUIRE(mem.fetch_bytes == 32);  // a 16-byte flash line each
  REQUIRE(load(r, 0x08000000) == 10);  // the D-cache still caches: a fill of two flash lines
  REQUIRE(load(r, 0x08000000) == 0);
}
