// edgesim's memory in the lockstep test: flat regions over host buffers (the
// same buffers Unicorn maps for code), DMI granted so that the ISS runs its
// real fast path. Everything outside the regions is a bus error.
#pragma once
#include <cstring>
#include <vector>

#include "isa/bus.hpp"

namespace difftest {

struct Region {
  uint32_t base;
  uint32_t size;
  uint8_t* host;
};

class RegionBus : public isa::Bus {
 public:
  explicit RegionBus(std::vector<Region> regions) : regions_(std::move(regions)) {}

  isa::BusResult read(uint32_t addr, unsigned size, uint32_t& data, isa::AccessKind) override {
    const Region* r = find(addr, size);
    if (!r) return {false, 0};
    data = 0;
    std::memcpy(&data, r->host + (addr - r->base), size);
    return {true, 0};
  }
  isa::BusResult write(uint32_t addr, unsigned size, uint32_t data) override {
    const Region* r = find(addr, size);
    if (!r) return {false, 0};
    std::memcpy(r->host + (addr - r->base), &data, size);
    return {true, 0};
  }
  std::optional<isa::DirectRegion> direct(uint32_t addr) override {
    const Region* r = find(addr, 1);
    if (!r) return std::nullopt;
    return isa::DirectRegion{r->base, r->base + r->size - 1, r->host, true, true, 0, 0, nullptr};
  }

 private:
  const Region* find(uint32_t addr, unsigned size) const {
    for (const Region& r : regions_)
      if (addr >= r.base && addr - r.base <= r.size - size) return &r;  // no wrap at 2^32
    return nullptr;
  }
  std::vector<Region> regions_;
};

}  // namespace difftest
