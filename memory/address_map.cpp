#include "memory/address_map.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace memory {

namespace {
std::string describe(const Mapping& m) { return fmt::format("'{}' [{:#010x}..{:#010x}]", m.name, m.base, m.last()); }
}  // namespace

AddressMap::AddressMap(std::vector<Mapping> mappings, uint64_t address_space)
    : mappings_(std::move(mappings)), space_(address_space) {
  for (const auto& m : mappings_) {
    if (m.size == 0) throw MapError(fmt::format("address map: region '{}' has size 0", m.name));
    if (m.base >= space_ || m.size > space_ - m.base)
      throw MapError(fmt::format("address map: region '{}' at {:#x} of size {:#x} ends past the {:#x}-byte address space",
                                 m.name, m.base, m.size, space_));
  }
  std::sort(mappings_.begin(), mappings_.end(), [](const Mapping& a, const Mapping& b) { return a.base < b.base; });
  for (size_t i = 1; i < mappings_.size(); ++i) {
    const auto& prev = mappings_[i - 1];
    const auto& cur = mappings_[i];
    if (cur.base <= prev.last())
      throw MapError(fmt::format("address map: region {} overlaps region {}", describe(cur), describe(prev)));
  }
}

const Mapping* AddressMap::find(uint64_t addr) const {
  // The last window starting at or below addr is the only candidate.
  auto it = std::upper_bound(mappings_.begin(), mappings_.end(), addr,
                             [](uint64_t a, const Mapping& m) { return a < m.base; });
  if (it == mappings_.begin()) return nullptr;
  --it;
  return it->contains(addr) ? &*it : nullptr;
}

std::pair<uint64_t, uint64_t> AddressMap::gap_around(uint64_t addr) const {
  uint64_t first = 0;
  uint64_t last = space_ - 1;
  for (const auto& m : mappings_) {
    if (m.last() < addr) first = m.last() + 1;
    if (m.base > addr) {
      last = m.base - 1;
      break;
    }
  }
  return {first, last};
}

}  // namespace memory
