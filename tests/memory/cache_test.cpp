// memory::Cache with hand-computed hits, misses and traffic. The small cache
// used throughout: 256 bytes, 2 ways, 32-byte lines = 4 sets; line n is in
// set n % 4, so 0x000, 0x080 and 0x100 (lines 0, 4, 8) share set 0.
#include "memory/cache.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

using memory::Cache;
using memory::CacheConfig;
using memory::CachePolicy;
using memory::WritePolicy;

namespace {
constexpr CachePolicy kWriteBack{.write = WritePolicy::WriteBack, .write_allocate = true};
constexpr CachePolicy kWriteThrough{.write = WritePolicy::WriteThrough, .write_allocate = true};
constexpr CachePolicy kWriteBackNoAllocate{.write = WritePolicy::WriteBack, .write_allocate = false};

Cache small(CachePolicy policy = kWriteBack) {
  return Cache(CacheConfig{.size_bytes = 256, .ways = 2, .line_bytes = 32, .policy = policy});
}
}  // namespace

TEST_CASE("cache: geometry") {
  REQUIRE(small().sets() == 4);
  // The Cortex-M7's 16 KiB 4-way D-cache with 32-byte lines: 128 sets.
  REQUIRE(Cache(CacheConfig{.size_bytes = 16 * 1024, .ways = 4, .line_bytes = 32}).sets() == 128);
  REQUIRE_THROWS_AS(Cache(CacheConfig{.size_bytes = 256, .ways = 2, .line_bytes = 24}), std::invalid_argument);
  REQUIRE_THROWS_AS(Cache(CacheConfig{.size_bytes = 256, .ways = 0, .line_bytes = 32}), std::invalid_argument);
  REQUIRE_THROWS_AS(Cache(CacheConfig{.size_bytes = 192, .ways = 2, .line_bytes = 32}), std::invalid_argument);  // 3 sets
  REQUIRE_THROWS_AS(Cache(CacheConfig{.size_bytes = 32, .ways = 2, .line_bytes = 32}), std::invalid_argument);
}

TEST_CASE("cache: a hit anywhere in a filled line, a miss in the next line") {
  Cache c = small();
  REQUIRE(c.read(0x104, 4).fill);
  for (uint32_t a = 0x100; a < 0x120; a += 4) REQUIRE(c.read(a, 4).hit);
  REQUIRE_FALSE(c.read(0x120, 4).hit);
  REQUIRE(c.counters().read_hits == 8);
  REQUIRE(c.counters().read_misses == 2);
  REQUIRE(c.counters().line_fills == 2);
  REQUIRE(c.counters().bytes_from_next == 64);
}

TEST_CASE("cache: three lines of one set conflict in a 2-way cache (LRU)") {
  Cache c = small();
  REQUIRE(c.read(0x000, 4).fill);   // set 0: {0}
  REQUIRE(c.read(0x080, 4).fill);   // set 0: {0, 4}
  REQUIRE(c.read(0x000, 4).hit);    // 0 most recent
  REQUIRE(c.read(0x100, 4).fill);   // evicts 4 (least recent): {0, 8}
  REQUIRE(c.holds(0x000));
  REQUIRE_FALSE(c.holds(0x080));
  REQUIRE(c.read(0x080, 4).fill);   // evicts 0: {8, 4}
  REQUIRE(c.read(0x000, 4).fill);   // evicts 8: {4, 0}
  REQUIRE(c.read(0x040, 4).fill);   // another set: no conflict
  REQUIRE(c.counters().read_hits == 1);
  REQUIRE(c.counters().read_misses == 6);
  REQUIRE(c.counters().line_fills == 6);
  REQUIRE(c.counters().writebacks == 0);  // clean lines leave silently
}

TEST_CASE("cache: write-back keeps writes in the line and writes a dirty victim back") {
  Cache c = small(kWriteBack);
  auto w = c.write(0x004, 4);  // write miss, allocate: fill, then dirty
  REQUIRE(w.fill);
  REQUIRE_FALSE(w.pass);
  REQUIRE_FALSE(w.writeback);
  REQUIRE(c.dirty(0x000));
  REQUIRE(c.write(0x008, 4).hit);  // a write hit moves nothing
  REQUIRE(c.read(0x080, 4).fill);  // set 0: {0 dirty, 4}
  const auto evict = c.read(0x100, 4);  // evicts line 0
  REQUIRE(evict.writeback);
  REQUIRE(evict.victim == 0x000);
  REQUIRE(evict.fill);
  REQUIRE_FALSE(c.holds(0x000));
  REQUIRE(c.counters().write_misses == 1);
  REQUIRE(c.counters().write_hits == 1);
  REQUIRE(c.counters().writebacks == 1);
  REQUIRE(c.counters().write_throughs == 0);
  REQUIRE(c.counters().bytes_to_next == 32);   // one line
  REQUIRE(c.counters().bytes_from_next == 96);  // three fills
  REQUIRE(c.dirty_lines() == 0);
}

TEST_CASE("cache: write-through passes every write on and never writes back") {
  Cache c = small(kWriteThrough);
  const auto miss = c.write(0x004, 4);  // allocates (write_allocate) and writes through
  REQUIRE(miss.fill);
  REQUIRE(miss.pass);
  REQUIRE(c.write(0x008, 2).pass);  // a hit is written through too
  REQUIRE_FALSE(c.dirty(0x000));
  c.read(0x080, 4);
  const auto evict = c.read(0x100, 4);
  REQUIRE(evict.fill);
  REQUIRE_FALSE(evict.writeback);
  REQUIRE(c.counters().writebacks == 0);
  REQUIRE(c.counters().write_throughs == 2);
  REQUIRE(c.counters().bytes_to_next == 6);
  REQUIRE(c.dirty_lines() == 0);
}

TEST_CASE("cache: a write miss without write-allocate leaves the line absent") {
  Cache c = small(kWriteBackNoAllocate);
  const auto w = c.write(0x040, 4);
  REQUIRE_FALSE(w.hit);
  REQUIRE_FALSE(w.fill);
  REQUIRE(w.pass);
  REQUIRE_FALSE(c.holds(0x040));
  REQUIRE(c.counters().line_fills == 0);
  // Once a read brought it in, writes hit and stay in the (write-back) line.
  REQUIRE(c.read(0x040, 4).fill);
  const auto hit = c.write(0x044, 4);
  REQUIRE(hit.hit);
  REQUIRE_FALSE(hit.pass);
  REQUIRE(c.dirty(0x040));
  REQUIRE(c.dirty_lines() == 1);
}

TEST_CASE("cache: a read miss without read-allocate passes through") {
  Cache c = small(CachePolicy{.read_allocate = false});
  const auto r = c.read(0x10, 4);
  REQUIRE(r.pass);
  REQUIRE_FALSE(r.fill);
  REQUIRE_FALSE(c.holds(0x10));
  REQUIRE(c.counters().read_throughs == 1);
  REQUIRE(c.counters().bytes_from_next == 4);
}

TEST_CASE("cache: the policy of an access overrides the default") {
  Cache c = small(kWriteBack);
  REQUIRE(c.write(0x000, 4, kWriteThrough).pass);
  REQUIRE_FALSE(c.dirty(0x000));
  REQUIRE_FALSE(c.write(0x004, 4).pass);
  REQUIRE(c.dirty(0x000));
}

TEST_CASE("cache: invalidate drops every line and keeps the counters") {
  Cache c = small();
  c.write(0x000, 4);
  c.invalidate();
  REQUIRE_FALSE(c.holds(0x000));
  REQUIRE(c.dirty_lines() == 0);
  REQUIRE(c.counters().write_misses == 1);
  REQUIRE(c.read(0x000, 4).fill);
}
