#include "memory/cache.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace memory {

Cache::Cache(const CacheConfig& config) : config_(config) {
  if (config.line_bytes < 4 || !std::has_single_bit(config.line_bytes))
    throw std::invalid_argument("cache line size must be a power of two of at least 4 bytes");
  if (config.ways == 0) throw std::invalid_argument("a cache needs at least one way");
  const uint64_t way_bytes = uint64_t{config.ways} * config.line_bytes;
  if (config.size_bytes < way_bytes || config.size_bytes % way_bytes != 0 ||
      !std::has_single_bit(config.size_bytes / way_bytes))
    throw std::invalid_argument("cache size must be ways x line size x a power of two (the number of sets)");
  line_shift_ = static_cast<uint32_t>(std::countr_zero(config.line_bytes));
  set_mask_ = static_cast<uint32_t>(config.size_bytes / way_bytes) - 1;
  ways_.resize(config.size_bytes / config.line_bytes);
}

const Cache::Way* Cache::find(uint32_t line) const {
  const Way* set = &ways_[(line & set_mask_) * config_.ways];
  for (uint32_t w = 0; w < config_.ways; ++w)
    if (set[w].line == line) return &set[w];
  return nullptr;
}

Cache::Way& Cache::allocate(uint32_t line, CacheOutcome& out) {
  Way* set = set_of(line);
  Way* victim = set;
  for (uint32_t w = 0; w < config_.ways; ++w) {
    if (set[w].line == kInvalid) {
      victim = &set[w];
      break;
    }
    if (set[w].last_use < victim->last_use) victim = &set[w];
  }
  if (victim->line != kInvalid && victim->dirty) {
    out.writeback = true;
    out.victim = victim->line << line_shift_;
    ++counters_.writebacks;
    counters_.bytes_to_next += config_.line_bytes;
  }
  out.fill = true;
  ++counters_.line_fills;
  counters_.bytes_from_next += config_.line_bytes;
  *victim = Way{.line = line, .dirty = false, .last_use = ++clock_};
  return *victim;
}

CacheOutcome Cache::read(uint32_t addr, unsigned size, const CachePolicy& policy) {
  CacheOutcome out;
  const uint32_t line = line_of(addr);
  if (Way* way = find(line)) {
    ++counters_.read_hits;
    way->last_use = ++clock_;
    out.hit = true;
    return out;
  }
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

CacheOutcome Cache::write(uint32_t addr, unsigned size, const CachePolicy& policy) {
  CacheOutcome out;
  const uint32_t line = line_of(addr);
  Way* way = find(line);
  if (way) {
    ++counters_.write_hits;
    way->last_use = ++clock_;
    out.hit = true;
  } else {
    ++counters_.write_misses;
    if (policy.write_allocate) way = &allocate(line, out);
  }
  // Written into the line (write-back) or on to the next level (write-through,
  // or a miss that did not allocate).
  if (way && policy.write == WritePolicy::WriteBack) {
    way->dirty = true;
  } else {
    out.pass = true;
    ++counters_.write_throughs;
    counters_.bytes_to_next += size;
  }
  return out;
}

bool Cache::dirty(uint32_t addr) const {
  const Way* way = find(line_of(addr));
  return way && way->dirty;
}

uint32_t Cache::dirty_lines() const {
  return static_cast<uint32_t>(
      std::count_if(ways_.begin(), ways_.end(), [](const Way& w) { return w.line != kInvalid && w.dirty; }));
}

void Cache::invalidate() {
  std::fill(ways_.begin(), ways_.end(), Way{});
  clock_ = 0;
}

}  // namespace memory
