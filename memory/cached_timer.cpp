#include "memory/cached_timer.hpp"

namespace memory {

CachedTimer::CachedTimer(Cache* icache, Cache* dcache, const CachePolicy& policy, L1WriteBacks& write_backs)
    : icache_(icache), dcache_(dcache), policy_(policy), write_backs_(write_backs) {}

isa::AccessDelay CachedTimer::slow_access(uint32_t addr, unsigned size, isa::AccessKind kind, uint64_t now) {
  using isa::AccessKind;
  if (kind == AccessKind::Fetch) {
    isa::AccessDelay stall;
    if (icache_) {
      stall = resolve(icache_->read(addr, size, policy_), *icache_, addr, size, kind, now);
    } else {
      // The ISS asks once per block it enters, and the memory delivers the block.
      const uint32_t block = next_.fetch_block_bytes();
      stall = next_.pass(addr & ~(block - 1), block, kind, now);
    }
    fetch_stall_ += stall.total();
    return stall;
  }
  isa::AccessDelay stall;
  if (!dcache_)
    stall = next_.pass(addr, size, kind, now);
  else if (kind == AccessKind::Load)
    stall = resolve(dcache_->read(addr, size, policy_), *dcache_, addr, size, kind, now);
  else
    stall = resolve(dcache_->write(addr, size, policy_), *dcache_, addr, size, kind, now);
  data_stall_ += stall.total();
  return stall;
}

isa::AccessDelay CachedTimer::resolve(const CacheOutcome& o, const Cache& cache, uint32_t addr, unsigned size,
                              isa::AccessKind kind, uint64_t now) {
  isa::AccessDelay stall;
  if (o.writeback) stall += write_backs_.write_back(o.victim, now);
  if (o.fill) {
    // A fill is a read, also for the store that allocated the line.
    const auto fill_kind = kind == isa::AccessKind::Fetch ? isa::AccessKind::Fetch : isa::AccessKind::Load;
    stall += next_.read_line(addr & ~(cache.line_bytes() - 1), cache.line_bytes(), fill_kind, now + stall.total());
  }
  if (o.pass) stall += next_.pass(addr, size, kind, now + stall.total());
  return stall;
}

}  // namespace memory
