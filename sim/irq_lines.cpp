#include "sim/irq_lines.hpp"

namespace sim {

std::function<void(bool)> IrqLines::output(unsigned line) {
  outputs_.push_back({line, false});
  return [this, index = outputs_.size() - 1](bool high) { drive(index, high); };
}

bool IrqLines::high(unsigned line) const {
  const auto it = high_count_.find(line);
  return it != high_count_.end() && it->second > 0;
}

void IrqLines::drive(size_t index, bool high) {
  Output& out = outputs_[index];
  if (out.high == high) return;
  out.high = high;
  unsigned& count = high_count_[out.line];
  const bool was_high = count > 0;
  if (high)
    ++count;
  else
    --count;
  if ((count > 0) != was_high) sink_(out.line, count > 0);
}

}  // namespace sim
