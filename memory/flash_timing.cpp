#include "memory/flash_timing.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace memory {

namespace {
// Flash bases are aligned to the flash's size rounded up to a power of two,
// so masking with it turns any window's address into the flash offset. The
// caches tell apart at most 2^24 lines: beyond that, addresses alias.
constexpr uint64_t kMaxLines = uint64_t{1} << 24;
uint32_t mask_for(uint64_t flash_bytes, uint32_t line_bytes) {
  const uint64_t span = flash_bytes == 0 || flash_bytes > (uint64_t{1} << 31) ? uint64_t{1} << 32 : std::bit_ceil(flash_bytes);
  return static_cast<uint32_t>(std::min(span, kMaxLines * line_bytes) - 1);
}
const FlashTimingConfig& checked(const FlashTimingConfig& config) {
  if (config.line_bytes < 4 || !std::has_single_bit(config.line_bytes))
    throw std::invalid_argument("flash line size must be a power of two of at least 4 bytes");
  return config;
}
}  // namespace

FlashTiming::FlashTiming(const FlashTimingConfig& config)
    : config_(checked(config)),
      address_mask_(mask_for(config.flash_bytes, config.line_bytes)),
      line_shift_(static_cast<uint32_t>(std::countr_zero(config.line_bytes))),
      icache_(config.icache_lines, line_count()),
      dcache_(config.dcache_lines, line_count()) {}


isa::AccessDelay FlashTiming::access(uint32_t addr, unsigned /*size*/, isa::AccessKind kind, uint64_t now) {
  const uint32_t line = line_of(addr);
  if (kind == isa::AccessKind::Fetch) [[likely]] {
    if (has_current_ && line == current_) return {};  // the line buffer
    has_current_ = true;
    current_ = line;
    // The common case, a loop running from the I-cache, stays short.
    if (!icache_.touch(line)) [[unlikely]] return fetch_miss(line, now);
    ++counters_.icache_hits;
    if (prefetching_) abort_prefetch(now);
    start_prefetch(line + 1, now);
    return {};
  }
  if (kind == isa::AccessKind::Store) return {};  // flash is read-only on the bus: the write fails, untimed
  return load(line, now);
}

isa::AccessDelay FlashTiming::fetch_miss(uint32_t line, uint64_t now) {
  const isa::AccessDelay d = miss_from_flash(line, now);
  start_prefetch(line + 1, now + d.total());
  counted(d);
  return d;
}

// Not in the I-cache: from the prefetch buffer or a fresh flash read.
isa::AccessDelay FlashTiming::miss_from_flash(uint32_t line, uint64_t now) {
  if (icache_.capacity() > 0) ++counters_.icache_misses;
  const isa::AccessDelay d = prefetching_ && prefetch_line_ == line ? take_prefetch(now) : read_from_flash(now, true);
  icache_.insert(line);
  return d;
}

isa::AccessDelay FlashTiming::take_prefetch(uint64_t now) {
  ++counters_.prefetch_hits;
  prefetching_ = false;
  const uint64_t waiting = prefetch_ready_ > now ? prefetch_ready_ - now : 0;
  if (waiting <= config_.wait_states) return {.wait = static_cast<uint32_t>(waiting)};
  // Still further off than a fresh read (the flash was busy with the line
  // before): no worse than aborting and reading it again.
  prefetching_ = true;
  return read_from_flash(now, false);
}

// A demand read waits for a data read under way (a prefetch it aborts).
isa::AccessDelay FlashTiming::read_from_flash(uint64_t now, bool new_line) {
  abort_prefetch(now);
  if (new_line) ++counters_.line_fetches;
  const uint32_t busy = busy_cycles(now);
  occupy(now + busy);
  return {.wait = config_.wait_states, .contention = busy};
}

// The prefetch's read stops; a data read queued behind it still happens.
void FlashTiming::abort_prefetch(uint64_t now) {
  if (!prefetching_) return;
  prefetching_ = false;
  flash_free_ = std::max(std::min(flash_free_, now), data_free_);
}

// `from`: the cycle the core got the current line; the read starts once the
// flash is free, and the line is ready W cycles later (+1 pipelined fetch).
void FlashTiming::start_prefetch(uint32_t line, uint64_t from) {
  if (!config_.prefetch || icache_.holds(line)) return;
  const uint64_t start = std::max(from, flash_free_);
  prefetching_ = true;
  prefetch_line_ = line;
  prefetch_ready_ = start + config_.wait_states;
  occupy(start);
  ++counters_.line_fetches;
}

// D-Code has priority over I-Code (RM0090 3.5.2), but a flash read under
// way (a demand line or a prefetch) finishes first.
isa::AccessDelay FlashTiming::load(uint32_t line, uint64_t now) {
  if (dcache_.touch(line)) {
    ++counters_.dcache_hits;
    return {};
  }
  ++counters_.dcache_misses;
  dcache_.insert(line);
  const uint32_t busy = busy_cycles(now);
  occupy(now + busy);
  data_free_ = flash_free_;
  const isa::AccessDelay d{.wait = config_.wait_states, .contention = busy};
  counted(d);
  return d;
}

void FlashTiming::reset() {
  counters_ = {};
  icache_.clear();
  dcache_.clear();
  has_current_ = false;
  prefetching_ = false;
  flash_free_ = data_free_ = read_start_ = 0;
}

}  // namespace memory
