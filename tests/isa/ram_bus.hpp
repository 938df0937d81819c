// A flat RAM behind isa::Bus for ISA unit tests: one region, DMI granted,
// everything outside it is a bus error.
#pragma once
#include <cstring>
#include <initializer_list>
#include <vector>

#include "isa/bus.hpp"

namespace test {

class RamBus : public isa::Bus {
 public:
  RamBus(uint32_t base, uint32_t size) : base_(base), mem_(size, 0) {}

  isa::BusResult read(uint32_t addr, unsigned size, uint32_t& data, isa::AccessKind) override {
    if (!inside(addr, size)) return {false, 0};
    data = 0;
    std::memcpy(&data, &mem_[addr - base_], size);
    return {true, 0};
  }
  isa::BusResult write(uint32_t addr, unsigned size, uint32_t data) override {
    if (!inside(addr, size)) return {false, 0};
    std::memcpy(&mem_[addr - base_], &data, size);
    return {true, 0};
  }
  std::optional<isa::DirectRegion> direct(uint32_t addr) override {
    if (!dmi_ || !inside(addr, 1)) return std::nullopt;
    return isa::DirectRegion{base_, base_ + static_cast<uint32_t>(mem_.size()) - 1, mem_.data(), true, true, 0, 0, nullptr};
  }

  void set_dmi(bool on) { dmi_ = on; }
  uint32_t read32(uint32_t addr) const {
    uint32_t v;
    std::memcpy(&v, &mem_[addr - base_], 4);
    return v;
  }
  void write32(uint32_t addr, uint32_t v) { std::memcpy(&mem_[addr - base_], &v, 4); }
  void write16(uint32_t addr, uint16_t v) { std::memcpy(&mem_[addr - base_], &v, 2); }
  // Place Thumb halfwords at addr (32-bit instructions as two halfwords, hw1 first).
  void code(uint32_t addr, std::initializer_list<uint16_t> halfwords) {
    for (uint16_t hw : halfwords) {
      write16(addr, hw);
      addr += 2;
    }
  }

 private:
  bool inside(uint32_t addr, unsigned size) const { return addr >= base_ && addr - base_ + size <= mem_.size(); }
  uint32_t base_;
  std::vector<uint8_t> mem_;
  bool dmi_ = true;
};

}  // namespace test
