// Function spans for the timeline, kept to a bounded number. A run changes
// function millions of times; a trace viewer wants far fewer events. Spans
// arrive in time order; while there are at most `cap` of them each is kept
// as it came. Past the cap, the shortest are merged: a run of consecutive
// spans each shorter than the threshold becomes one span, named after its
// longest part, and the threshold grows (x4) until the spans fit. The
// threshold reached is what the trace's metadata reports.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sim {

class SpanMerger {
 public:
  struct Span {
    uint32_t id = 0;       // the longest part's
    uint64_t begin = 0, end = 0;
    uint64_t parts = 1;    // spans merged into this one
    uint64_t longest = 0;  // the longest part's length
  };

  explicit SpanMerger(size_t cap);

  // A span [begin, end) of `id`, after every span added before.
  void add(uint32_t id, uint64_t begin, uint64_t end);
  const std::vector<Span>& spans() const { return spans_; }
  // Spans shorter than this were merged (0: none was).
  uint64_t threshold() const { return threshold_; }
  uint64_t added() const { return added_; }

 private:
  void append(const Span& s);
  void coarsen();

  size_t cap_;
  uint64_t threshold_ = 0;
  uint64_t added_ = 0;
  std::vector<Span> spans_;
};

}  // namespace sim
