// A set-associative cache as a timing and traffic model: it keeps tags,
// valid and dirty bits, never data. The data stays in the memory behind it,
// so the loader, a debugger, DMA or a bit-band alias can never see a stale
// copy; what the cache decides is which accesses reach the next level and
// what it must move there (line fills, write-backs, written-through bytes).
//
// Organisation: size_bytes / (ways * line_bytes) sets, a power of two; a
// line's set is its line number modulo the set count. Replacement: least
// recently used within the set (an invalid way first). Reads and writes
// both make a line the most recently used.
//
// Policies, per access (the memory's attributes decide them; config.policy
// is the default):
//  - read hit: nothing moves. Read miss: with read_allocate the line is
//    filled (after writing back a dirty victim); without, the read passes
//    through to the next level and nothing is allocated.
//  - write hit: write-back marks the line dirty; write-through passes the
//    written bytes on and leaves the line clean.
//  - write miss: with write_allocate the line is filled (victim written back
//    first) and the write proceeds as a hit; without, the write passes
//    through and the line stays absent.
#pragma once
#include <cstdint>
#include <vector>

namespace memory {

enum class WritePolicy : uint8_t { WriteBack, WriteThrough };

struct CachePolicy {
  WritePolicy write = WritePolicy::WriteBack;
  bool write_allocate = true;  // a write miss fills the line
  bool read_allocate = true;   // a read miss fills the line

  bool operator==(const CachePolicy&) const = default;
};

struct CacheConfig {
  uint32_t size_bytes = 16 * 1024;
  uint32_t ways = 4;
  uint32_t line_bytes = 32;
  CachePolicy policy = {};  // for accesses that name none
};

// Plain integers: the stats registry reads them.
struct CacheCounters {
  uint64_t read_hits = 0;
  uint64_t read_misses = 0;
  uint64_t write_hits = 0;
  uint64_t write_misses = 0;
  uint64_t line_fills = 0;      // lines read from the next level
  uint64_t writebacks = 0;      // dirty lines evicted and written to the next level
  uint64_t read_throughs = 0;   // read misses passed on without allocating
  uint64_t write_throughs = 0;  // writes passed on (write-through, or a miss without allocating)
  uint64_t bytes_from_next = 0;  // line fills and read-throughs
  uint64_t bytes_to_next = 0;    // write-backs and write-throughs
};

// What one access asks of the next level, in this order: write the victim
// back, fill the line, pass the access itself on.
struct CacheOutcome {
  bool hit = false;
  bool writeback = false;  // a dirty line at `victim` must be written back
  bool fill = false;       // the accessed line is read from the next level
  bool pass = false;       // the access itself goes on to the next level
  uint32_t victim = 0;     // first address of the evicted dirty line
};

class Cache {
 public:
  // Throws std::invalid_argument unless line_bytes is a power of two >= 4,
  // ways >= 1, and size_bytes is ways * line_bytes times a power of two.
  explicit Cache(const CacheConfig& config);

  // `size` bytes at addr, inside one line.
  CacheOutcome read(uint32_t addr, unsigned size) { return read(addr, size, config_.policy); }
  CacheOutcome read(uint32_t addr, unsigned size, const CachePolicy& policy) {
    if (read_hit(addr)) return CacheOutcome{.hit = true};
    return read_miss(line_of(addr), size, policy);
  }
  CacheOutcome write(uint32_t addr, unsigned size) { return write(addr, size, config_.policy); }
  CacheOutcome write(uint32_t addr, unsigned size, const CachePolicy& policy) {
    if (write_hit(addr, policy)) return CacheOutcome{.hit = true};
    return write_slow(line_of(addr), size, policy);
  }

  // The fast path, inline (the ISS asks on every data access): a read hit,
  // or a write hit that moves nothing (write-back), is counted and true;
  // anything else is false and left for read()/write().
  bool read_hit(uint32_t addr) {
    const uint32_t way = find(line_of(addr));
    if (way == kNone) return false;
    ++counters_.read_hits;
    last_use_[way] = ++clock_;
    return true;
  }
  bool write_hit(uint32_t addr, const CachePolicy& policy) {
    if (policy.write != WritePolicy::WriteBack) return false;
    const uint32_t way = find(line_of(addr));
    if (way == kNone) return false;
    ++counters_.write_hits;
    last_use_[way] = ++clock_;
    dirty_[way] = true;
    return true;
  }

  // Lookups that change nothing (tests, stats).
  bool holds(uint32_t addr) const { return find(line_of(addr)) != kNone; }
  bool dirty(uint32_t addr) const;
  uint32_t dirty_lines() const;

  // Drops every line (dirty ones unwritten), keeps the counters.
  void invalidate();

  const CacheConfig& config() const { return config_; }
  const CacheCounters& counters() const { return counters_; }
  uint32_t sets() const { return set_mask_ + 1; }
  uint32_t line_bytes() const { return config_.line_bytes; }

 private:
  static constexpr uint32_t kInvalid = 0xFFFFFFFF;  // no line number reaches it (lines are >= 4 bytes)
  static constexpr uint32_t kNone = 0xFFFFFFFF;     // no way

  uint32_t line_of(uint32_t addr) const { return addr >> line_shift_; }
  // The way (index into the per-way arrays) holding `line`, or kNone.
  uint32_t find(uint32_t line) const {
    const uint32_t first = (line & set_mask_) * ways_;
    for (uint32_t w = first; w < first + ways_; ++w)
      if (lines_[w] == line) return w;
    return kNone;
  }
  CacheOutcome read_miss(uint32_t line, unsigned size, const CachePolicy& policy);
  CacheOutcome write_slow(uint32_t line, unsigned size, const CachePolicy& policy);
  // Makes room for `line` in its set and fills it, noting a dirty victim in
  // `out`; returns its way.
  uint32_t allocate(uint32_t line, CacheOutcome& out);

  CacheConfig config_;
  uint32_t ways_ = 1;
  uint32_t line_shift_ = 0;
  uint32_t set_mask_ = 0;
  // Per way, set-major (the ways of set s are [s * ways, (s + 1) * ways)):
  std::vector<uint32_t> lines_;     // line number (address / line_bytes), kInvalid when empty
  std::vector<uint64_t> last_use_;  // LRU stamp
  std::vector<uint8_t> dirty_;
  uint64_t clock_ = 0;
  CacheCounters counters_;
};

}  // namespace memory
