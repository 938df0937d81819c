#include "memory/lru_lines.hpp"

#include <algorithm>

namespace memory {

bool LruLines::touch(uint32_t line) {
  const auto at = std::find(lines_.begin(), lines_.end(), line);
  if (at == lines_.end()) return false;
  std::rotate(lines_.begin(), at, at + 1);  // to the front
  return true;
}

bool LruLines::holds(uint32_t line) const { return std::find(lines_.begin(), lines_.end(), line) != lines_.end(); }

void LruLines::insert(uint32_t line) {
  if (capacity_ == 0) return;
  if (lines_.size() == capacity_) lines_.pop_back();  // the least recently used
  lines_.insert(lines_.begin(), line);
}

}  // namespace memory
