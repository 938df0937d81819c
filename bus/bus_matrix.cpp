#include "bus/bus_matrix.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace bus {

namespace {
std::vector<unsigned> ranks_for(const std::vector<std::string>& masters, const std::vector<std::string>& priority) {
  std::vector<unsigned> ranks(masters.size(), ~0u);
  unsigned next = 0;
  for (const std::string& name : priority) {
    const auto it = std::find(masters.begin(), masters.end(), name);
    if (it == masters.end()) throw std::invalid_argument("unknown bus master '" + name + "'");
    unsigned& rank = ranks[static_cast<size_t>(it - masters.begin())];
    if (rank != ~0u) throw std::invalid_argument("bus master '" + name + "' is listed twice");
    rank = next++;
  }
  for (unsigned& rank : ranks)
    if (rank == ~0u) rank = next++;
  return ranks;
}
}  // namespace

BusMatrix::BusMatrix(std::vector<std::string> masters, Policy policy, const std::vector<std::string>& priority)
    : masters_(std::move(masters)), arbiter_(policy, ranks_for(masters_, priority)) {
  if (masters_.size() > 255) throw std::invalid_argument("at most 255 bus masters");
}

std::optional<MasterId> BusMatrix::master(std::string_view name) const {
  const auto it = std::find(masters_.begin(), masters_.end(), name);
  if (it == masters_.end()) return std::nullopt;
  return static_cast<MasterId>(it - masters_.begin());
}

std::vector<std::string> BusMatrix::priority_order() const {
  std::vector<size_t> ids(masters_.size());
  std::iota(ids.begin(), ids.end(), 0);
  std::sort(ids.begin(), ids.end(), [&](size_t a, size_t b) {
    return arbiter_.rank(static_cast<MasterId>(a)) < arbiter_.rank(static_cast<MasterId>(b));
  });
  std::vector<std::string> names;
  for (size_t id : ids) names.push_back(masters_[id]);
  return names;
}

SlavePort& BusMatrix::add_port(std::string memory) {
  if (SlavePort* p = port(memory)) return *p;
  ports_.push_back(std::make_unique<SlavePort>(std::move(memory), arbiter_, static_cast<unsigned>(masters_.size())));
  return *ports_.back();
}

SlavePort* BusMatrix::port(std::string_view memory) {
  for (auto& p : ports_)
    if (p->name() == memory) return p.get();
  return nullptr;
}

}  // namespace bus
