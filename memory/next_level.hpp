// What lies behind an L1 cache for one window of the bus map: the memory's
// own timer (a FlashTiming) or its fixed wait states, and the traffic
// counters the memory handed out with DMI. It times and counts the
// transfers the cache asks for, so the memory's traffic is what reached it.
//
// Timing, in core cycles:
//  - A line of B bytes moves in B / bus_bytes beats (the Cortex-M7's AXI
//    master is 64-bit: a 32-byte line is 4 beats).
//  - Fixed wait states: each beat costs the memory's wait states (reads
//    read_wait, writes write_wait); zero-wait memory moves lines for free.
//  - A timer is asked once per block it buffers (its fetch_block_bytes, at
//    least a beat: a flash line), beats inside a block coming from the same
//    read; a write is asked per beat. Fills ask as Fetch (I-cache) or Load
//    (D-cache), so the flash's line buffer and prefetch see what they would.
//  - An access that passes through (not cached) costs what it costs the
//    memory directly.
#pragma once
#include <cstdint>

#include "isa/bus.hpp"

namespace memory {

class NextLevel {
 public:
  NextLevel() = default;
  NextLevel(isa::AccessTimer* timer, uint32_t read_wait, uint32_t write_wait, isa::TrafficCounters* counters,
            uint32_t bus_bytes)
      : timer_(timer), read_wait_(read_wait), write_wait_(write_wait), counters_(counters), bus_bytes_(bus_bytes) {}

  // Reads the `bytes` (a multiple of the bus width) at addr as a burst;
  // kind is Fetch or Load. Returns the stall.
  isa::AccessDelay read_line(uint32_t addr, uint32_t bytes, isa::AccessKind kind, uint64_t now);
  // Writes the `bytes` at addr back as a burst.
  isa::AccessDelay write_line(uint32_t addr, uint32_t bytes, uint64_t now);
  // One access of `size` bytes that the cache does not keep.
  isa::AccessDelay pass(uint32_t addr, unsigned size, isa::AccessKind kind, uint64_t now);

  // The block a fetch through this level stays in for free without an
  // I-cache: the timer's, else one bus beat.
  uint32_t fetch_block_bytes() const { return timer_ ? timer_->fetch_block_bytes() : bus_bytes_; }

 private:
  void count(isa::AccessKind kind, unsigned bytes, uint64_t times) {
    if (counters_) counters_->count(kind, bytes, times);
  }

  isa::AccessTimer* timer_ = nullptr;  // null: fixed wait states
  uint32_t read_wait_ = 0;
  uint32_t write_wait_ = 0;
  isa::TrafficCounters* counters_ = nullptr;
  uint32_t bus_bytes_ = 8;
};

}  // namespace memory
