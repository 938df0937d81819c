#include "sim/profile_functions.hpp"

#include <algorithm>
#include <tuple>

#include "isa/decoder.hpp"

namespace sim {

FunctionProfile::FunctionProfile(FunctionMap map, Sampler sample, SpanSink spans, ExceptionNow exception)
    : map_(std::move(map)),
      sample_(std::move(sample)),
      spans_(std::move(spans)),
      exception_(std::move(exception)),
      calls_(map_.names().size()),
      counts_(map_.names().size()) {}

void FunctionProfile::start(uint32_t pc) {
  last_ = ProfileCounts{};
  current_ = map_.range_of(pc);
  current_since_ = 0;
  exceptions_ = {exception_ ? exception_() : 0};
  ++calls_[current_.function];
}

void FunctionProfile::control_flow(uint32_t, uint32_t to) {
  if (current_.contains(to)) return;
  leave(to);
}

void FunctionProfile::leave(uint32_t to) {
  charge_current();
  current_ = map_.range_of(to);
  const bool returned = returned_from_exception();
  if (!returned && current_.function != map_.unknown() && (to & ~1u) == map_.entry(current_.function))
    ++calls_[current_.function];
}

bool FunctionProfile::returned_from_exception() {
  const uint32_t now = exception_ ? exception_() : 0;
  if (now == exceptions_.back()) return false;
  const auto level = std::find(exceptions_.begin(), exceptions_.end(), now);
  if (level == exceptions_.end()) {
    exceptions_.push_back(now);  // entered (or preempted by) a new exception
    return false;
  }
  exceptions_.erase(level + 1, exceptions_.end());
  return true;
}

void FunctionProfile::finish() { charge_current(); }

void FunctionProfile::charge_current() {
  sample_(now_);
  counts_[current_.function].add_difference(now_, last_);
  const uint64_t cycle = now_.activity.cycles;
  if (spans_ && cycle > current_since_) spans_(current_.function, current_since_, cycle);
  std::swap(last_, now_);
  current_since_ = cycle;
}

void FunctionProfile::add_executions(const std::vector<isa::PcExecutions>& executions) {
  FunctionMap::Range range;  // executions of one function tend to come together
  for (const isa::PcExecutions& e : executions) {
    if (!range.contains(e.pc)) range = map_.range_of(e.pc);
    auto& ops = counts_[range.function].activity.ops;
    if (!ops) ops.emplace(energy::OpCounts{});
    const isa::Work& w = isa::Decoder::row(e.row).work;
    (*ops)[static_cast<size_t>(w.op)][static_cast<size_t>(w.width)] += e.count * w.lanes;
  }
}

std::vector<FunctionRow> FunctionProfile::rows() const {
  std::vector<FunctionRow> rows;
  for (size_t f = 0; f < counts_.size(); ++f)
    if (counts_[f].activity.cycles || counts_[f].instructions) rows.push_back({map_.names()[f], calls_[f], counts_[f]});
  std::stable_sort(rows.begin(), rows.end(), [](const FunctionRow& a, const FunctionRow& b) {
    return std::tie(b.counts.activity.cycles, a.name) < std::tie(a.counts.activity.cycles, b.name);
  });
  return rows;
}

}  // namespace sim
