#include "sim/profile_function_map.hpp"

#include <algorithm>

namespace sim {

FunctionMap::FunctionMap(const ElfImage& image) : names_{kUnknownFunction}, entries_{0} {
  for (const ElfImage::FunctionRange& f : image.function_ranges()) {
    const auto id = static_cast<uint32_t>(names_.size());
    names_.push_back(image.symbols()[f.symbol].name);
    entries_.push_back(f.start);
    ranges_.push_back({id, f.start, f.end});
  }
}

FunctionMap::Range FunctionMap::range_of(uint32_t addr) const {
  addr &= ~1u;
  const auto after = std::upper_bound(ranges_.begin(), ranges_.end(), addr,
                                      [](uint32_t a, const Range& r) { return a < r.start; });
  // The gap: from the end of the function before addr to the start of the next.
  Range gap{unknown(), 0, uint64_t{1} << 32};
  if (after != ranges_.end()) gap.end = after->start;
  if (after != ranges_.begin()) {
    const Range& before = *(after - 1);
    if (before.contains(addr)) return before;
    gap.start = before.end;
  }
  return gap;
}

}  // namespace sim
