#include "memory/cache.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace memory {

Cache::Cache(const CacheConfig& config) : config_(config), ways_(config.ways) {
  if (config.line_bytes < 4 || !std::has_single_bit(config.line_bytes))
    throw std::invalid_argument("cache line size must be a power of two of at least 4 bytes");
  if (config.ways == 0) throw std::invalid_argument("a cache needs at least one way");
  const uint64_t way_bytes = uint64_t{config.ways} * config.line_bytes;
  if (config.size_bytes < way_bytes || config.size_bytes % way_bytes != 0 ||
      !std::has_single_bit(config.size_bytes / way_bytes))
    throw std::invalid_argument("cache size must be ways x line size x a power of two (the number of sets)");
  line_shift_ = static_cast<uint32_t>(std::countr_zero(config.line_bytes));
  set_mask_ = static_cast<uint32_t>(config.size_bytes / way_bytes) - 1;
  const size_t lines = config.size_bytes / config.line_bytes;
  lines_.assign(lines, kInvalid);
  last_use_.assign(lines, 0);
  dirty_.assign(lines, 0);
}

uint32_t Cache::allocate(uint32_t line, CacheOutcome& out) {
  const uint32_t first = (line & set_mask_) * ways_;
  uint32_t victim = first;
  for (uint32_t w = first; w < first + ways_; ++w) {
    if (lines_[w] == kInvalid) {
      victim = w;
      break;
    }
    if (last_use_[w] < last_use_[victim]) victim = w;
  }
  if (lines_[victim] != kInvalid && dirty_[victim]) {
    out.writeback = true;
    out.victim = lines_[victim] << line_shift_;
    ++counters_.writebacks;
    counters_.bytes_to_next += config_.line_bytes;
  }
  out.fill = true;
  ++counters_.line_fills;
  counters_.bytes_from_next += config_.line_bytes;
  lines_[victim] = line;
  last_use_[victim] = ++clock_;
  dirty_[victim] = false;
  return victim;
}

CacheOutcome Cache::read_miss(uint32_t line, unsigned size, const CachePolicy& policy) {
  CacheOutcome out;
  ++counters_.read_misses;
  if (policy.read_allocate) {
    allocate(line, out);
  } else {
    out.pass = true;
    ++counters_.read_throughs;
    counters_.bytes_from_next += size;
  }
  return out;
}

// Write misses, and write-through hits.
CacheOutcome Cache::write_slow(uint32_t line, unsigned size, const CachePolicy& policy) {
  CacheOutcome out;
  uint32_t way = find(line);
  if (way != kNone) {
    ++counters_.write_hits;
    last_use_[way] = ++clock_;
    out.hit = true;
  } else {
    ++counters_.write_misses;
    if (policy.write_allocate) way = allocate(line, out);
  }
  // Written into the line (write-back) or on to the next level (write-through,
  // or a miss that did not allocate).
  if (way != kNone && policy.write == WritePolicy::WriteBack) {
    dirty_[way] = true;
  } else {
    out.pass = true;
    ++counters_.write_throughs;
    counters_.bytes_to_next += size;
  }
  return out;
}

bool Cache::dirty(uint32_t addr) const {
  const uint32_t way = find(line_of(addr));
  return way != kNone && dirty_[way];
}

uint32_t Cache::dirty_lines() const {
  uint32_t n = 0;
  for (size_t w = 0; w < lines_.size(); ++w) n += lines_[w] != kInvalid && dirty_[w];
  return n;
}

void Cache::invalidate() {
  std::fill(lines_.begin(), lines_.end(), kInvalid);
  std::fill(last_use_.begin(), last_use_.end(), 0);
  std::fill(dirty_.begin(), dirty_.end(), 0);
  clock_ = 0;
}

}  // namespace memory
