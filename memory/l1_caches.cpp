#include "memory/l1_caches.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "memory/default_memory_map.hpp"
#include "memory/traffic.hpp"

namespace memory {

namespace {
std::optional<Cache> make_cache(uint32_t size_bytes, uint32_t ways, uint32_t line_bytes) {
  if (size_bytes == 0) return std::nullopt;
  return Cache(CacheConfig{.size_bytes = size_bytes, .ways = ways, .line_bytes = line_bytes});
}
}  // namespace

L1Caches::L1Caches(const L1Config& config, const std::vector<L1Window>& windows)
    : config_(config),
      icache_(make_cache(config.icache_bytes, config.icache_ways, config.line_bytes)),
      dcache_(make_cache(config.dcache_bytes, config.dcache_ways, config.line_bytes)) {
  if (config.bus_bytes == 0 || config.line_bytes % config.bus_bytes != 0)
    throw std::invalid_argument("the cache line must be a whole number of bus beats");
  for (const L1Window& w : windows) {
    std::optional<CachePolicy> policy = default_cache_policy(w.base);
    if (policy != default_cache_policy(w.last))
      throw std::invalid_argument(fmt::format(
          "{} ({:#010x}-{:#010x}) spans regions of the default memory map with different cache attributes", w.memory,
          w.base, w.last));
    std::unique_ptr<CachedTimer> timer;
    if (policy) {
      if (config.force_write_through) policy->write = WritePolicy::WriteThrough;
      if (policy->write == WritePolicy::WriteThrough) policy->write_allocate = false;  // WT regions are read-allocate
      else policy->write_allocate = config.write_allocate;
      timer = std::make_unique<CachedTimer>(icache_ ? &*icache_ : nullptr, dcache_ ? &*dcache_ : nullptr, *policy,
                                            static_cast<L1WriteBacks&>(*this));
    }
    windows_.push_back({w, std::move(timer)});
  }
}

L1Caches::~L1Caches() = default;

isa::DirectRegion L1Caches::attach(const isa::DirectRegion& granted) {
  for (Window& w : windows_) {
    if (!w.timer || granted.base < w.where.base || granted.last > w.where.last) continue;
    w.timer->connect(NextLevel(granted.timer, granted.read_wait, granted.write_wait, granted.counters, config_.bus_bytes));
    isa::DirectRegion cached = granted;
    cached.timer = w.timer.get();
    cached.counters = &w.timer->core_traffic();
    return cached;
  }
  return granted;
}

isa::AccessDelay L1Caches::write_back(uint32_t line_addr, uint64_t now) {
  for (Window& w : windows_)
    if (w.timer && line_addr >= w.where.base && line_addr <= w.where.last)
      return w.timer->next_level().write_line(line_addr, config_.line_bytes, now);
  // Lines enter the cache only through a cached window's timer.
  throw std::logic_error(fmt::format("L1 write-back of {:#010x}: no cached window holds it", line_addr));
}

std::vector<std::string> L1Caches::cached_memories() const {
  std::vector<std::string> names;
  for (const Window& w : windows_)
    if (w.timer && std::find(names.begin(), names.end(), w.where.memory) == names.end()) names.push_back(w.where.memory);
  return names;
}

isa::TrafficCounters L1Caches::core_traffic(const std::string& memory) const {
  isa::TrafficCounters sum;
  for (const Window& w : windows_) {
    if (!w.timer || w.where.memory != memory) continue;
    sum = sum + w.timer->core_traffic();
  }
  return sum;
}

uint64_t L1Caches::fetch_stall_cycles() const {
  uint64_t n = 0;
  for (const Window& w : windows_)
    if (w.timer) n += w.timer->fetch_stall_cycles();
  return n;
}

uint64_t L1Caches::data_stall_cycles() const {
  uint64_t n = 0;
  for (const Window& w : windows_)
    if (w.timer) n += w.timer->data_stall_cycles();
  return n;
}

}  // namespace memory
