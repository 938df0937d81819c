// A small fully associative set of line numbers with least-recently-used
// replacement: the tag store of an ART-style flash cache. Tens of entries,
// so a flat array kept in recency order (most recent first) beats any
// node-based structure: a loop's lines are found within its first few
// entries, and the victim is always the last.
#pragma once
#include <cstdint>
#include <vector>

namespace memory {

class LruLines {
 public:
  explicit LruLines(uint32_t capacity) : capacity_(capacity) { lines_.reserve(capacity); }

  uint32_t capacity() const { return capacity_; }

  // Whether `line` is held; a hit makes it the most recently used.
  bool touch(uint32_t line);
  // Whether `line` is held, leaving the order alone (a lookahead).
  bool holds(uint32_t line) const;
  // Adds `line` (not held) as the most recently used, evicting the least
  // recently used when full. A zero-capacity set holds nothing.
  void insert(uint32_t line);
  void clear() { lines_.clear(); }

 private:
  uint32_t capacity_;
  std::vector<uint32_t> lines_;  // most recently used first
};

}  // namespace memory
