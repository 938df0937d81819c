#include "memory/lru_lines.hpp"

#include <algorithm>
#include <stdexcept>

namespace memory {

LruLines::LruLines(uint32_t capacity, uint32_t universe) : capacity_(capacity) {
  if (capacity > 0xFFFF) throw std::invalid_argument("an LRU line set holds at most 65535 lines");
  if (capacity > 0) slot_.assign(size_t{universe} + 1, 0);
  line_.reserve(capacity);
  stamp_.reserve(capacity);
}

void LruLines::insert(uint32_t line) {
  if (capacity_ == 0 || line + size_t{1} >= slot_.size()) return;
  size_t slot = line_.size();
  if (slot < capacity_) {
    line_.push_back(line);
    stamp_.push_back(0);
  } else {
    slot = static_cast<size_t>(std::min_element(stamp_.begin(), stamp_.end()) - stamp_.begin());
    slot_[line_[slot]] = 0;
    line_[slot] = line;
  }
  slot_[line] = static_cast<uint16_t>(slot + 1);
  stamp_[slot] = ++clock_;
}

void LruLines::clear() {
  for (uint32_t line : line_) slot_[line] = 0;
  line_.clear();
  stamp_.clear();
  clock_ = 0;
}

}  // namespace memory
