// A small fully associative set of line numbers with least-recently-used
// replacement: the tag store of an ART-style flash cache. Lookups are on
// every fetch that leaves a line, so they are O(1): a table indexed by line
// number (lines are flash offsets / line size, a bounded universe) holds
// each line's slot; recency is a use stamp per slot, and only a miss in a
// full set scans the stamps for the victim.
#pragma once
#include <cstdint>
#include <vector>

namespace memory {

class LruLines {
 public:
  // Holds up to `capacity` of the line numbers 0 .. universe-1; touch and
  // holds also take `universe` itself (the line after the last), which is
  // never held. Larger numbers are the caller's error (unchecked: lookups
  // are on the fetch path).
  LruLines(uint32_t capacity, uint32_t universe);

  uint32_t capacity() const { return capacity_; }

  // Whether `line` is held; a hit makes it the most recently used.
  bool touch(uint32_t line) {
    const uint32_t slot = slot_of(line);
    if (slot == 0) return false;
    stamp_[slot - 1] = ++clock_;
    return true;
  }
  // Whether `line` is held, leaving the order alone (a lookahead).
  bool holds(uint32_t line) const { return slot_of(line) != 0; }
  // Adds `line` (not held) as the most recently used, evicting the least
  // recently used when full. A zero-capacity set holds nothing.
  void insert(uint32_t line);
  void clear();

 private:
  uint32_t slot_of(uint32_t line) const { return capacity_ ? slot_[line] : 0; }

  uint32_t capacity_;
  std::vector<uint16_t> slot_;   // per line number (and one more): its slot + 1, 0 when not held
  std::vector<uint32_t> line_;   // per slot: the line it holds
  std::vector<uint64_t> stamp_;  // per slot: when it was last used
  uint64_t clock_ = 0;
};

}  // namespace memory
