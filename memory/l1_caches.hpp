// The Cortex-M7's L1 instruction and data caches (Cortex-M7 TRM, chapter 5)
// for one core: the two caches, which windows of the bus map they serve and
// how, and a CachedTimer per cached window that the core's direct regions
// carry in place of the memory's own timer.
//
// What is cached: a window onto a memory (not a TCM: the platform leaves
// those out) whose addresses the ARMv7-M default memory map makes cacheable
// (default_memory_map.hpp; the MPU is not modelled), with that map's policy:
// write-through in Code and 0x80000000-0x9FFFFFFF, write-back write-allocate
// in SRAM and 0x60000000-0x7FFFFFFF. force_write_through makes every cached
// window write-through (the M7's CACR.FORCEWT); write_allocate: false makes
// write-back windows allocate on read misses only.
//
// Accounting: a cached window's direct region counts the core's accesses
// into the window's CachedTimer (core_traffic); the memory's own counters
// count what reached it: line fills, write-backs and accesses passed
// through. Dirty lines still in the D-cache at the end have reached no
// memory (Cache::dirty_lines).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "isa/bus.hpp"
#include "memory/cache.hpp"
#include "memory/cached_timer.hpp"

namespace memory {

struct L1Config {
  uint32_t icache_bytes = 16 * 1024;  // 0: no I-cache
  uint32_t dcache_bytes = 16 * 1024;  // 0: no D-cache
  uint32_t icache_ways = 2;           // the Cortex-M7's: 2-way I, 4-way D, 32-byte lines
  uint32_t dcache_ways = 4;
  uint32_t line_bytes = 32;
  bool force_write_through = false;
  bool write_allocate = true;
  uint32_t bus_bytes = 8;  // the AXI master's width: a line fill is line_bytes / bus_bytes beats
};

// A window of the bus map onto a memory that may be cached.
struct L1Window {
  std::string memory;  // the memory's name (stats add up its windows)
  uint32_t base = 0;
  uint32_t last = 0;  // inclusive
};

class L1Caches : private L1WriteBacks {
 public:
  // Throws std::invalid_argument for a cache geometry Cache rejects, or a
  // window whose first and last bytes have different default attributes.
  L1Caches(const L1Config& config, const std::vector<L1Window>& windows);
  ~L1Caches() override;
  L1Caches(const L1Caches&) = delete;
  L1Caches& operator=(const L1Caches&) = delete;

  // The direct region the core should use for a DMI grant: inside a cached
  // window, timed by the caches (its timer the window's CachedTimer, its
  // counters the core-side ones); anywhere else, the grant unchanged.
  isa::DirectRegion attach(const isa::DirectRegion& granted);

  const L1Config& config() const { return config_; }
  const Cache* icache() const { return icache_ ? &*icache_ : nullptr; }
  const Cache* dcache() const { return dcache_ ? &*dcache_ : nullptr; }

  // Memories with at least one cached window, in window order, once each.
  std::vector<std::string> cached_memories() const;
  // The core's accesses to `memory` through the caches, all its windows.
  isa::TrafficCounters core_traffic(const std::string& memory) const;
  // Stall cycles the caches handed out (misses: fills and write-backs).
  uint64_t fetch_stall_cycles() const;
  uint64_t data_stall_cycles() const;

 private:
  struct Window {
    L1Window where;
    std::unique_ptr<CachedTimer> timer;  // null: not cacheable
  };

  isa::AccessDelay write_back(uint32_t line_addr, uint64_t now) override;

  L1Config config_;
  std::optional<Cache> icache_;
  std::optional<Cache> dcache_;
  std::vector<Window> windows_;
};

}  // namespace memory
