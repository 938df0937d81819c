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


uint32_t FlashTiming::access(uint32_t addr, unsigned /*size*/, isa::AccessKind kind, uint64_t now) {
  const uint32_t line = line_of(addr);
  if (kind == isa::AccessKind::Fetch) [[likely]] {
    if (has_current_ && line == current_) return 0;  // the line buffer
    has_current_ = true;
    current_ = line;
    // The common case, a loop running from the I-cache, stays short.
    if (!icache_.touch(line)) [[unlikely]] return fetch_miss(line, now);
    ++counters_.icache_hits;
    if (prefetching_) abort_prefetch(now);
    start_prefetch(line + 1, now);
    return 0;
  }
  if (kind == isa::AccessKind::Store) return 0;  // flash is read-only on the bus: the write fails, untimed
  const uint32_t stall = load(line);
  counters_.stall_cycles += stall;
  return stall;
}

uint32_t FlashTiming::fetch_miss(uint32_t line, uint64_t now) {
  const uint32_t stall = miss_from_flash(line, now);
  start_prefetch(line + 1, now + stall);
  counters_.stall_cycles += stall;
  return stall;
}

// Not in the I-cache: from the prefetch buffer or a fresh flash read.
uint32_t FlashTiming::miss_from_flash(uint32_t line, uint64_t now) {
  if (icache_.capacity() > 0) ++counters_.icache_misses;
  const uint32_t stall = prefetching_ && prefetch_line_ == line ? take_prefetch(now) : read_from_flash(now);
  icache_.insert(line);
  return stall;
}

uint32_t FlashTiming::take_prefetch(uint64_t now) {
  ++counters_.prefetch_hits;
  prefetching_ = false;
  const uint64_t waiting = prefetch_ready_ > now ? prefetch_ready_ - now : 0;
  if (waiting <= config_.wait_states) return static_cast<uint32_t>(waiting);
  // Still further off than a fresh read (the flash was busy with the line
  // before): no worse than aborting and reading it again.
  flash_free_ = now + config_.wait_states + 1;
  return config_.wait_states;
}

uint32_t FlashTiming::read_from_flash(uint64_t now) {
  abort_prefetch(now);
  ++counters_.line_fetches;
  flash_free_ = now + config_.wait_states + 1;
  return config_.wait_states;
}

void FlashTiming::abort_prefetch(uint64_t now) {
  if (!prefetching_) return;
  prefetching_ = false;
  flash_free_ = std::min(flash_free_, now);
}

// `from`: the cycle the core got the current line; the read starts once the
// flash is free, and the line is ready W cycles later (+1 pipelined fetch).
void FlashTiming::start_prefetch(uint32_t line, uint64_t from) {
  if (!config_.prefetch || icache_.holds(line)) return;
  const uint64_t start = std::max(from, flash_free_);
  prefetching_ = true;
  prefetch_line_ = line;
  prefetch_ready_ = start + config_.wait_states;
  flash_free_ = start + config_.wait_states + 1;
  ++counters_.line_fetches;
}

uint32_t FlashTiming::load(uint32_t line) {
  if (dcache_.touch(line)) {
    ++counters_.dcache_hits;
    return 0;
  }
  ++counters_.dcache_misses;
  dcache_.insert(line);
  return config_.wait_states;
}

void FlashTiming::reset() {
  counters_ = {};
  icache_.clear();
  dcache_.clear();
  has_current_ = false;
  prefetching_ = false;
  flash_free_ = 0;
}

}  // namespace memory
