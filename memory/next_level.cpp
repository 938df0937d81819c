#include "memory/next_level.hpp"

#include <algorithm>

namespace memory {

isa::AccessDelay NextLevel::read_line(uint32_t addr, uint32_t bytes, isa::AccessKind kind, uint64_t now) {
  const uint32_t beats = std::max<uint32_t>(1, bytes / bus_bytes_);
  count(kind, bus_bytes_, beats);
  if (!timer_) return {.wait = beats * read_wait_};
  const uint32_t block = std::max(bus_bytes_, timer_->fetch_block_bytes());
  isa::AccessDelay stall;
  const uint64_t end = uint64_t{addr} + bytes;  // 64-bit: a line may end at 4 GiB
  for (uint64_t at = addr & ~(block - 1); at < end; at += block)
    stall += timer_->access(static_cast<uint32_t>(std::max<uint64_t>(at, addr)), bus_bytes_, kind, now + stall.total());
  return stall;
}

isa::AccessDelay NextLevel::write_line(uint32_t addr, uint32_t bytes, uint64_t now) {
  const uint32_t beats = std::max<uint32_t>(1, bytes / bus_bytes_);
  count(isa::AccessKind::Store, bus_bytes_, beats);
  if (!timer_) return {.wait = beats * write_wait_};
  isa::AccessDelay stall;
  for (uint32_t i = 0; i < beats; ++i)
    stall += timer_->access(addr + i * bus_bytes_, bus_bytes_, isa::AccessKind::Store, now + stall.total());
  return stall;
}

isa::AccessDelay NextLevel::pass(uint32_t addr, unsigned size, isa::AccessKind kind, uint64_t now) {
  count(kind, size, 1);
  if (timer_) return timer_->access(addr, size, kind, now);
  return {.wait = kind == isa::AccessKind::Store ? write_wait_ : read_wait_};
}

}  // namespace memory
