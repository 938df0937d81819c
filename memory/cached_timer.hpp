// The L1 caches in front of one window of the bus map, as the isa::AccessTimer
// the core's direct region carries: instruction fetches go through the
// I-cache, loads and stores through the D-cache, with the window's cache
// policy (its memory attributes).
//
// Timing, in core cycles:
//  - A hit costs nothing: the Cortex-M7's L1 returns data in the load's own
//    pipeline slot, and a fetch hit is as fast as a zero-wait fetch.
//  - A miss that allocates stalls for the dirty victim's write-back (to the
//    memory that holds the victim, see L1WriteBacks) plus the line fill
//    from this window's memory (NextLevel: beats x wait states, or the
//    memory's own timer).
//  - An access the cache does not keep (a write-through write, a write miss
//    without write-allocate) costs what it costs the memory.
//  - Without an I-cache (or D-cache) those accesses pass straight through.
//  - Not modelled: critical-word-first and streaming (the whole fill is
//    waited for), the store buffer (write-throughs are not hidden), and the
//    dynamic read-allocate mode of Cortex-M7 TRM 5.9.1.
//
// The core counts its own accesses into core_traffic() (the direct region's
// counters); the memory's counters see what reached it.
#pragma once
#include <cstdint>

#include "isa/bus.hpp"
#include "memory/cache.hpp"
#include "memory/next_level.hpp"

namespace memory {

// Where the dirty lines of any cached window are written back.
class L1WriteBacks {
 public:
  virtual ~L1WriteBacks() = default;
  // Writes the dirty line at line_addr to its memory; returns the stall.
  virtual isa::AccessDelay write_back(uint32_t line_addr, uint64_t now) = 0;
};

class CachedTimer : public isa::AccessTimer {
 public:
  // Either cache may be null (disabled). The caches and write_backs must
  // outlive the timer.
  CachedTimer(Cache* icache, Cache* dcache, const CachePolicy& policy, L1WriteBacks& write_backs);

  // The memory behind the window, from its DMI grant.
  void connect(const NextLevel& next) { next_ = next; }
  NextLevel& next_level() { return next_; }

  isa::AccessDelay access(uint32_t addr, unsigned size, isa::AccessKind kind, uint64_t now) override {
    // Hits, inline and first: most accesses are hits that move nothing.
    if (kind == isa::AccessKind::Store) {
      if (dcache_ && dcache_->write_hit(addr, policy_)) return {};
    } else if (Cache* cache = kind == isa::AccessKind::Fetch ? icache_ : dcache_; cache && cache->read_hit(addr)) {
      return {};
    }
    return slow_access(addr, size, kind, now);
  }
  // Fetches inside an I-cache line are hits the ISS need not report.
  uint32_t fetch_block_bytes() const override { return icache_ ? icache_->line_bytes() : next_.fetch_block_bytes(); }

  const CachePolicy& policy() const { return policy_; }
  isa::TrafficCounters& core_traffic() { return core_traffic_; }
  const isa::TrafficCounters& core_traffic() const { return core_traffic_; }
  uint64_t fetch_stall_cycles() const { return fetch_stall_; }
  uint64_t data_stall_cycles() const { return data_stall_; }

 private:
  // Misses, write-throughs, and accesses without a cache.
  [[gnu::noinline]] isa::AccessDelay slow_access(uint32_t addr, unsigned size, isa::AccessKind kind, uint64_t now);
  // The next level's part of one cache access.
  isa::AccessDelay resolve(const CacheOutcome& o, const Cache& cache, uint32_t addr, unsigned size, isa::AccessKind kind,
                   uint64_t now);

  Cache* icache_;
  Cache* dcache_;
  CachePolicy policy_;
  L1WriteBacks& write_backs_;
  NextLevel next_;
  isa::TrafficCounters core_traffic_;
  uint64_t fetch_stall_ = 0;
  uint64_t data_stall_ = 0;
};

}  // namespace memory
