// A small fully associative set of line numbers with least-recently-used
// replacement: the tag store of an ART-style flash cache. Tens of entries, so
// a linear scan over a flat array beats any node-based structure.
#pragma once
#include <cstdint>
#include <vector>

namespace memory {

class LruLines {
 public:
  explicit LruLines(uint32_t capacity) : capacity_(capacity) { entries_.reserve(capacity); }

  uint32_t capacity() const { return capacity_; }

  // Whether `line` is held; a hit makes it the most recently used.
  bool touch(uint32_t line);
  // Whether `line` is held, leaving the order alone (a lookahead).
  bool holds(uint32_t line) const;
  // Adds `line` (not held), evicting the least recently used when full. A
  // zero-capacity set holds nothing.
  void insert(uint32_t line);
  void clear() { entries_.clear(); }

 private:
  struct Entry {
    uint32_t line;
    uint64_t used;  // value of clock_ at the last touch
  };
  uint32_t capacity_;
  std::vector<Entry> entries_;
  uint64_t clock_ = 0;
};

}  // namespace memory
