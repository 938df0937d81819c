// How long embedded flash makes the core wait: wait states behind a line
// buffer, an optional sequential prefetch and an optional ART-style cache
// (STM32F4: RM0090 section 3.5). Plain C++; the ISS asks it about accesses
// through a DMI region, Memory::b_transport about bus reads.
//
// The model, in core cycles (W = wait_states):
//  - A flash read of one line occupies the flash for W+1 cycles. A demand
//    fetch of a line that is neither in the line buffer, nor in the I-cache,
//    nor prefetched stalls the core W cycles (the +1 is the ordinary
//    pipelined fetch). W = 0 never stalls.
//  - Line buffer: fetches inside the current instruction line cost 0.
//  - Prefetch: once a line is delivered, the next sequential line is read in
//    the background as soon as the flash is free (right after a demand read).
//    A demand fetch of exactly that line stalls until it is ready, never
//    more than W; code spending >= W+1 cycles per line never waits. A fetch
//    of any other line aborts and discards it. Lines the I-cache already
//    holds are not prefetched.
//  - I-cache (icache_lines > 0): fully associative, LRU, filled on demand
//    misses and with prefetched lines when they are used; a hit costs 0.
//  - Data loads: through the D-cache (dcache_lines > 0) the same way, else
//    W each; the D side leaves the I-side line buffer and prefetch alone.
//    Stores cost 0 (flash is read-only on the bus; they never get here).
//  - Contention for the flash array: a read occupies it for its W wait
//    cycles. A data read that finds a line read or prefetch under way waits
//    for it to finish (D-Code has priority for what comes next, RM0090
//    3.5.2, but does not abort a read); a demand fetch waits for a data read
//    under way (it aborts a prefetch). Those cycles are contention, apart
//    from the W of the access itself. At W = 0 nothing waits.
//  - Not modelled: flash-programming stalls.
//
// Lines are identified by the address modulo the flash size rounded up to a
// power of two (flash_bytes), so a bus address, a boot alias and the offset
// b_transport sees name the same line.
#pragma once
#include <algorithm>
#include <cstdint>

#include "isa/bus.hpp"
#include "memory/lru_lines.hpp"

namespace memory {

struct FlashTimingConfig {
  uint32_t wait_states = 0;
  uint32_t line_bytes = 16;    // a power of two >= 4: 8 or 16 for 64/128-bit flash lines
  bool prefetch = false;
  uint32_t icache_lines = 0;   // ART instruction cache, in flash lines; 0: none
  uint32_t dcache_lines = 0;   // ART data cache, in flash lines; 0: none
  uint64_t flash_bytes = 0;    // the flash's size; 0: addresses name lines as given
};

// Plain integers: the stats registry reads them.
struct FlashTimingCounters {
  uint64_t line_fetches = 0;   // instruction lines read from flash (demand and prefetch)
  uint64_t icache_hits = 0;
  uint64_t icache_misses = 0;
  uint64_t prefetch_hits = 0;  // fetches of a line the prefetcher had read or was reading
  uint64_t dcache_hits = 0;
  uint64_t dcache_misses = 0;  // data reads that went to flash (all of them without a D-cache)
  uint64_t stall_cycles = 0;   // total stall cycles handed out (contention included)
  uint64_t contention_cycles = 0;  // of which waiting for the flash array busy with another read
};

class FlashTiming : public isa::AccessTimer {
 public:
  // Throws std::invalid_argument for a line size that is not a power of two >= 4.
  explicit FlashTiming(const FlashTimingConfig& config);

  isa::AccessDelay access(uint32_t addr, unsigned size, isa::AccessKind kind, uint64_t now) override;
  uint32_t fetch_block_bytes() const override { return config_.line_bytes; }

  // Empties the line buffer, prefetch and caches and zeroes the counters.
  void reset();

  const FlashTimingConfig& config() const { return config_; }
  const FlashTimingCounters& counters() const { return counters_; }

 private:
  uint32_t line_of(uint32_t addr) const { return (addr & address_mask_) >> line_shift_; }  // no division on the fetch path
  // Distinct line numbers the caches must tell apart; line_of is below it.
  uint32_t line_count() const { return static_cast<uint32_t>((uint64_t{address_mask_} + 1) >> line_shift_); }
  [[gnu::noinline]] isa::AccessDelay fetch_miss(uint32_t line, uint64_t now);
  isa::AccessDelay miss_from_flash(uint32_t line, uint64_t now);
  isa::AccessDelay take_prefetch(uint64_t now);
  isa::AccessDelay read_from_flash(uint64_t now, bool new_line);  // new_line: not the prefetched one read again
  void abort_prefetch(uint64_t now);
  void start_prefetch(uint32_t line, uint64_t from);
  isa::AccessDelay load(uint32_t line, uint64_t now);
  // Cycles from `now` until the flash array ends the read it is busy with
  // (one that started by `now`: requests from the past do not wait for it).
  uint32_t busy_cycles(uint64_t now) const {
    return read_start_ <= now && flash_free_ > now + 1 ? static_cast<uint32_t>(flash_free_ - 1 - now) : 0;
  }
  // A read of the flash array from `start`, W cycles.
  void occupy(uint64_t start) {
    read_start_ = start;
    flash_free_ = start + config_.wait_states + 1;
  }
  void counted(const isa::AccessDelay& d) {
    counters_.stall_cycles += d.total();
    counters_.contention_cycles += d.contention;
  }

  FlashTimingConfig config_;
  uint32_t address_mask_;
  uint32_t line_shift_;  // log2(line_bytes)
  FlashTimingCounters counters_;
  LruLines icache_;
  LruLines dcache_;
  bool has_current_ = false;  // the line buffer holds current_
  uint32_t current_ = 0;
  bool prefetching_ = false;  // a background read of prefetch_line_ is under way or done
  uint32_t prefetch_line_ = 0;
  uint64_t prefetch_ready_ = 0;  // first cycle a fetch of prefetch_line_ costs nothing
  uint64_t flash_free_ = 0;      // first cycle the flash can start another read
  uint64_t data_free_ = 0;       // flash_free_ after the last data read
  uint64_t read_start_ = 0;      // when the last read of the flash array started
};

}  // namespace memory
