// memory::FlashTiming with hand-computed stalls. W = wait states; lines are
// 16 bytes (128-bit) unless said otherwise; `now` is the core cycle of the
// access, the stall is what the core waits beyond a zero-wait fetch.
#include "memory/flash_timing.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

using isa::AccessDelay;
using isa::AccessKind;
using memory::FlashTiming;
using memory::FlashTimingConfig;

namespace {
constexpr uint32_t kLine = 16;

uint32_t fetch(FlashTiming& f, uint32_t addr, uint64_t now) { return f.access(addr, 2, AccessKind::Fetch, now).total(); }
uint32_t load(FlashTiming& f, uint32_t addr, uint64_t now) { return f.access(addr, 4, AccessKind::Load, now).total(); }

// Runs straight-line code through `lines` lines from line 0, spending
// `cycles_per_line` in each once it has arrived; returns the stall of each line.
std::vector<uint32_t> straight_line(FlashTiming& f, unsigned lines, uint64_t cycles_per_line) {
  std::vector<uint32_t> stalls;
  uint64_t now = 0;
  for (unsigned i = 0; i < lines; ++i) {
    const uint32_t stall = fetch(f, i * kLine, now);
    stalls.push_back(stall);
    now += stall + cycles_per_line;
  }
  return stalls;
}

// `iterations` passes over lines [0, lines), one fetch per line every 10 cycles.
std::vector<uint32_t> loop(FlashTiming& f, unsigned lines, unsigned iterations) {
  std::vector<uint32_t> stalls;
  uint64_t now = 0;
  for (unsigned it = 0; it < iterations; ++it)
    for (unsigned i = 0; i < lines; ++i) {
      stalls.push_back(fetch(f, i * kLine, now));
      now += stalls.back() + 10;
    }
  return stalls;
}

using Stalls = std::vector<uint32_t>;
}  // namespace

TEST_CASE("flash timing: zero wait states never stall, whatever is modelled") {
  FlashTiming f({.wait_states = 0, .line_bytes = kLine, .prefetch = true, .icache_lines = 2, .dcache_lines = 1});
  // A 32-bit instruction straddling two lines asks about both in one cycle.
  REQUIRE(fetch(f, 0x0E, 0) == 0);
  REQUIRE(fetch(f, 0x10, 0) == 0);
  REQUIRE(straight_line(f, 8, 1) == Stalls(8, 0));
  REQUIRE(loop(f, 5, 3) == Stalls(15, 0));
  REQUIRE(load(f, 0x100, 7) == 0);
  REQUIRE(load(f, 0x200, 7) == 0);
  REQUIRE(f.counters().stall_cycles == 0);
  REQUIRE(f.counters().line_fetches > 0);  // the flash was still read
}

TEST_CASE("flash timing: without prefetch or cache every new line costs W, the same line 0") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine});
  REQUIRE(f.fetch_block_bytes() == kLine);
  REQUIRE(fetch(f, 0x00, 0) == 5);
  REQUIRE(fetch(f, 0x04, 6) == 0);  // line buffer
  REQUIRE(fetch(f, 0x0E, 7) == 0);
  REQUIRE(fetch(f, 0x10, 8) == 5);
  REQUIRE(fetch(f, 0x00, 20) == 5);  // back again: nothing kept it
  const auto& c = f.counters();
  REQUIRE(c.line_fetches == 3);
  REQUIRE(c.stall_cycles == 15);
  REQUIRE(c.icache_hits + c.icache_misses + c.prefetch_hits == 0);
}

TEST_CASE("flash timing: prefetch hides W when the code spends W+1 cycles per line") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .prefetch = true});
  // Line 0 arrives at 5; the flash is free at 6 and has line 1 ready at
  // 6+5 = 11, exactly when the core gets there (5 + 6 cycles).
  REQUIRE(straight_line(f, 10, 6) == Stalls{5, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  REQUIRE(f.counters().prefetch_hits == 9);
  REQUIRE(f.counters().line_fetches == 11);  // line 0 on demand, lines 1..10 in the background
  REQUIRE(f.counters().stall_cycles == 5);
}

TEST_CASE("flash timing: prefetch only partly hides W when the code runs faster than the flash") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .prefetch = true});
  // 4 cycles per line (four 32-bit single-cycle instructions). Line 0: 5,
  // arrives at 5. Line 1 is ready at 11, asked at 5+4 = 9: 2. The flash
  // reads one line per W+1 = 6 cycles; the core wants one per 4: 2 each.
  REQUIRE(straight_line(f, 6, 4) == Stalls{5, 2, 2, 2, 2, 2});
  REQUIRE(f.counters().prefetch_hits == 5);
  REQUIRE(f.counters().stall_cycles == 15);
}

TEST_CASE("flash timing: a fetch of another line discards the prefetched one") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .prefetch = true});
  REQUIRE(fetch(f, 0x00, 0) == 5);    // prefetches line 1
  REQUIRE(fetch(f, 0x70, 50) == 5);   // a branch to line 7: prefetches line 8
  REQUIRE(fetch(f, 0x10, 100) == 5);  // line 1 is gone
  REQUIRE(fetch(f, 0x20, 200) == 0);  // line 2 was prefetched
  REQUIRE(f.counters().prefetch_hits == 1);
}

TEST_CASE("flash timing: data loads neither use nor disturb the instruction line buffer and prefetch") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .prefetch = true});
  REQUIRE(fetch(f, 0x00, 0) == 5);    // the flash reads line 0 in cycles 0-4; prefetch of line 1 from 6
  REQUIRE(load(f, 0x04, 20) == 5);    // same line as the fetch, but the D side reads flash
  REQUIRE(load(f, 0x10, 30) == 5);    // the prefetched line is not for data either
  REQUIRE(fetch(f, 0x08, 40) == 0);   // the line buffer still holds line 0
  REQUIRE(fetch(f, 0x10, 41) == 0);   // and line 1 was prefetched (ready at 11)
  REQUIRE(f.counters().dcache_misses == 2);
  REQUIRE(f.counters().dcache_hits == 0);
  REQUIRE(f.counters().contention_cycles == 0);
}

TEST_CASE("flash timing: a data read waits for the flash read under way, a demand fetch for the data read") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .prefetch = true});
  auto delay = [&](uint32_t addr, AccessKind kind, uint64_t now) { return f.access(addr, 4, kind, now); };
  // Line 0 on demand (cycles 0-4, the core waits 5); the prefetch of line 1
  // starts when the flash is free again, at 6, and ends at 11.
  REQUIRE(delay(0x00, AccessKind::Fetch, 0) == AccessDelay{.wait = 5});
  // A literal load at 6: 11 - 6 = 5 cycles for the prefetch, then its own 5.
  REQUIRE(delay(0x104, AccessKind::Load, 6) == AccessDelay{.wait = 5, .contention = 5});
  // The data read holds the flash in 11-15; a jump to line 8 at 13 aborts
  // nothing of it: it waits 16 - 13 = 3, then 5.
  REQUIRE(delay(0x80, AccessKind::Fetch, 13) == AccessDelay{.wait = 5, .contention = 3});
  // Line 9 was prefetched after that read (from 22 to 27): a data read at 30
  // finds the flash free.
  REQUIRE(delay(0x200, AccessKind::Load, 30) == AccessDelay{.wait = 5});
  REQUIRE(f.counters().contention_cycles == 8);
  REQUIRE(f.counters().stall_cycles == 5 + 10 + 8 + 5);
}

TEST_CASE("flash timing: a data read does not wait for a read that starts after it (a request from the past)") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .prefetch = true});
  REQUIRE(fetch(f, 0x00, 100) == 5);  // prefetch of line 1 in 106-111
  REQUIRE(f.access(0x104, 4, AccessKind::Load, 50) == AccessDelay{.wait = 5});
}

TEST_CASE("flash timing: a loop of three lines costs 5+5+5 once with the ART I-cache, then nothing") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .icache_lines = 64});
  REQUIRE(loop(f, 3, 4) == Stalls{5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  REQUIRE(f.counters().icache_misses == 3);
  REQUIRE(f.counters().icache_hits == 9);
  REQUIRE(f.counters().line_fetches == 3);
  REQUIRE(f.counters().stall_cycles == 15);
}

TEST_CASE("flash timing: with prefetch and I-cache only the first line of a slow loop waits") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .prefetch = true, .icache_lines = 64});
  // 10 cycles per line > W+1: lines 1 and 2 come from the prefetcher.
  REQUIRE(loop(f, 3, 3) == Stalls{5, 0, 0, 0, 0, 0, 0, 0, 0});
  REQUIRE(f.counters().prefetch_hits == 2);
  REQUIRE(f.counters().icache_misses == 3);
  REQUIRE(f.counters().icache_hits == 6);
  // Demand line 0, prefetches of lines 1 and 2 once (then cached, so not
  // prefetched again) and of line 3 on every pass (never used: the branch
  // back drops it).
  REQUIRE(f.counters().line_fetches == 6);
}

TEST_CASE("flash timing: an LRU I-cache smaller than the loop misses every time") {
  FlashTiming small({.wait_states = 5, .line_bytes = kLine, .icache_lines = 4});
  REQUIRE(loop(small, 5, 3) == Stalls(15, 5));  // each line was evicted just before it came round
  REQUIRE(small.counters().icache_hits == 0);
  REQUIRE(small.counters().icache_misses == 15);

  FlashTiming fits({.wait_states = 5, .line_bytes = kLine, .icache_lines = 4});
  REQUIRE(loop(fits, 4, 2) == Stalls{5, 5, 5, 5, 0, 0, 0, 0});
}

TEST_CASE("flash timing: the LRU I-cache keeps the recently used lines") {
  FlashTiming f({.wait_states = 3, .line_bytes = kLine, .icache_lines = 2});
  REQUIRE(fetch(f, 0x00, 0) == 3);   // {0}
  REQUIRE(fetch(f, 0x10, 10) == 3);  // {0, 1}
  REQUIRE(fetch(f, 0x00, 20) == 0);  // hit: 1 is now the oldest
  REQUIRE(fetch(f, 0x20, 30) == 3);  // evicts 1: {0, 2}
  REQUIRE(fetch(f, 0x00, 40) == 0);
  REQUIRE(fetch(f, 0x10, 50) == 3);  // evicts 2
  REQUIRE(fetch(f, 0x20, 60) == 3);
}

TEST_CASE("flash timing: literal loads hit the ART D-cache, per line") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .dcache_lines = 8});
  REQUIRE(load(f, 0x100, 0) == 5);
  REQUIRE(load(f, 0x104, 6) == 0);  // same 128-bit line
  REQUIRE(load(f, 0x200, 7) == 5);
  REQUIRE(load(f, 0x108, 13) == 0);
  REQUIRE(f.access(0x100, 4, AccessKind::Store, 14).total() == 0);  // never reaches flash timing
  REQUIRE(f.counters().dcache_hits == 2);
  REQUIRE(f.counters().dcache_misses == 2);
  // Data and instructions are cached apart.
  REQUIRE(fetch(f, 0x100, 20) == 5);
}

TEST_CASE("flash timing: 64-bit lines hold half as much") {
  FlashTiming f({.wait_states = 2, .line_bytes = 8});
  REQUIRE(f.fetch_block_bytes() == 8);
  REQUIRE(fetch(f, 0x00, 0) == 2);
  REQUIRE(fetch(f, 0x06, 3) == 0);
  REQUIRE(fetch(f, 0x08, 4) == 2);
}

TEST_CASE("flash timing: a boot alias and a bus offset name the same line as the flash address") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .icache_lines = 8, .flash_bytes = 1024 * 1024});
  REQUIRE(fetch(f, 0x08000010, 0) == 5);
  REQUIRE(fetch(f, 0x00000014, 6) == 0);  // the alias at 0: same line buffer
  REQUIRE(fetch(f, 0x08000100, 7) == 5);
  REQUIRE(fetch(f, 0x00000010, 20) == 0);  // I-cache hit through the alias
}

TEST_CASE("flash timing: reset forgets lines and counts") {
  FlashTiming f({.wait_states = 5, .line_bytes = kLine, .prefetch = true, .icache_lines = 4, .dcache_lines = 4});
  REQUIRE(fetch(f, 0x00, 0) == 5);
  REQUIRE(load(f, 0x40, 12) == 5);  // after the prefetch of line 1 (6-11)
  f.reset();
  REQUIRE(f.counters().stall_cycles == 0);
  REQUIRE(f.counters().line_fetches == 0);
  REQUIRE(fetch(f, 0x00, 100) == 5);
  REQUIRE(fetch(f, 0x10, 101) == 5);  // prefetched, ready at 111: no worse than a fresh read
  REQUIRE(load(f, 0x40, 200) == 5);
}

TEST_CASE("flash timing: a line size that is not a power of two is rejected") {
  REQUIRE_THROWS_AS(FlashTiming({.wait_states = 1, .line_bytes = 12}), std::invalid_argument);
  REQUIRE_THROWS_AS(FlashTiming({.wait_states = 1, .line_bytes = 2}), std::invalid_argument);
}
