#include "memory/lru_lines.hpp"

#include <algorithm>

namespace memory {

bool LruLines::touch(uint32_t line) {
  for (auto& e : entries_)
    if (e.line == line) {
      e.used = ++clock_;
      return true;
    }
  return false;
}

bool LruLines::holds(uint32_t line) const {
  return std::any_of(entries_.begin(), entries_.end(), [line](const Entry& e) { return e.line == line; });
}

void LruLines::insert(uint32_t line) {
  if (capacity_ == 0) return;
  if (entries_.size() < capacity_) {
    entries_.push_back({line, ++clock_});
    return;
  }
  auto victim = std::min_element(entries_.begin(), entries_.end(),
                                 [](const Entry& a, const Entry& b) { return a.used < b.used; });
  *victim = {line, ++clock_};
}

}  // namespace memory
