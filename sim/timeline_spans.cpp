#include "sim/timeline_spans.hpp"

#include <algorithm>

namespace sim {

SpanMerger::SpanMerger(size_t cap) : cap_(std::max<size_t>(cap, 1)) {}

void SpanMerger::add(uint32_t id, uint64_t begin, uint64_t end) {
  ++added_;
  append({id, begin, end, 1, end - begin});
  while (spans_.size() > cap_) coarsen();
}

void SpanMerger::append(const Span& s) {
  if (!spans_.empty()) {
    Span& last = spans_.back();
    if (last.end == s.begin && last.end - last.begin < threshold_ && s.end - s.begin < threshold_) {
      last.end = s.end;
      last.parts += s.parts;
      if (s.longest > last.longest) {
        last.id = s.id;
        last.longest = s.longest;
      }
      return;
    }
  }
  spans_.push_back(s);
}

void SpanMerger::coarsen() {
  threshold_ = threshold_ ? threshold_ * 4 : 4;
  std::vector<Span> old;
  old.swap(spans_);
  for (const Span& s : old) append(s);
}

}  // namespace sim
