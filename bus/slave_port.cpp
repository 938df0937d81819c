#include "bus/slave_port.hpp"

#include <algorithm>
#include <stdexcept>

namespace bus {

SlavePort::SlavePort(std::string name, const Arbiter& arbiter, unsigned masters)
    : name_(std::move(name)),
      arbiter_(arbiter),
      last_(masters),
      previous_start_(masters),
      owed_(masters, 0),
      counters_(masters) {}

void SlavePort::add_stream(const Stream& s) {
  if (s.hold == 0 || s.hold > s.period)
    throw std::invalid_argument("a stream's hold must be between 1 and its period");
  if (s.master >= last_.size()) throw std::invalid_argument("stream master out of range");
  streams_.push_back(s);
}

SlavePort::Access SlavePort::stream_access_from(const Stream& s, uint64_t at) const {
  const uint64_t k = at / s.period;
  const Access current{k * s.period, k * s.period + s.hold};
  if (current.end > at) return current;
  return {current.start + s.period, current.start + s.period + s.hold};
}

std::optional<uint64_t> SlavePort::last_grant(MasterId m, uint64_t before) const {
  for (const Stream& s : streams_)
    if (s.master == m) return before == 0 ? std::nullopt : std::optional<uint64_t>((before - 1) / s.period * s.period);
  if (last_[m] && last_[m]->start < before) return last_[m]->start;
  if (previous_start_[m] && *previous_start_[m] < before) return previous_start_[m];
  return std::nullopt;
}

bool SlavePort::first_of(MasterId m, MasterId other, uint64_t at) const {
  return arbiter_.wins(m, other, last_grant(m, at), last_grant(other, at));
}

uint32_t SlavePort::request(MasterId m, uint64_t now, uint32_t hold) {
  hold = std::max<uint32_t>(hold, 1);
  horizon_ = std::max(horizon_, now);
  // Wait for accesses under way, and for those asked for in the same cycle
  // that win arbitration. Each move goes forward, so this ends.
  uint64_t start = now;
  for (bool moved = true; moved;) {
    moved = false;
    for (MasterId o = 0; o < last_.size(); ++o) {
      if (o == m || !last_[o]) continue;
      const Access& a = *last_[o];
      if (a.end <= start || a.start >= start + hold) continue;
      if (a.start < start || (a.start == start && !first_of(m, o, start))) {
        start = a.end;
        moved = true;
      }
    }
    for (const Stream& s : streams_) {
      const Access a = stream_access_from(s, start);
      if (a.start >= start + hold) continue;
      if (a.start < start || (a.start == start && !first_of(m, s.master, start))) {
        start = a.end;
        moved = true;
      }
    }
  }
  const uint64_t end = start + hold;
  // Accesses that overlap this one but came after it (or lost to it): they
  // should have waited until `end`.
  for (MasterId o = 0; o < last_.size(); ++o) {
    if (o == m || !last_[o] || last_[o]->start >= end || last_[o]->end <= start) continue;
    const uint64_t shift = end - last_[o]->start;
    owed_[o] += shift;
    counters_[o].contention_cycles += shift;
    ++counters_[o].conflicts;
    last_[o] = Access{last_[o]->start + shift, last_[o]->end + shift};
  }
  for (const Stream& s : streams_) {
    for (Access a = stream_access_from(s, start); a.start < end; a = {a.start + s.period, a.end + s.period}) {
      if (a.start < start) continue;  // under way: this access waited for it
      counters_[s.master].contention_cycles += end - a.start;
      ++counters_[s.master].conflicts;
    }
  }
  if (last_[m]) previous_start_[m] = last_[m]->start;
  last_[m] = Access{start, end};
  busy_cycles_ += hold;
  MasterCounters& c = counters_[m];
  ++c.accesses;
  const auto wait = static_cast<uint32_t>(start - now);
  if (wait) {
    c.contention_cycles += wait;
    ++c.conflicts;
  }
  return wait;
}

MasterCounters SlavePort::counters(MasterId m) const {
  MasterCounters c = counters_[m];
  for (const Stream& s : streams_)
    if (s.master == m) c.accesses = (horizon_ + s.period - 1) / s.period;
  return c;
}

}  // namespace bus
