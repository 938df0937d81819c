// A bus address map: named windows [base, base+size) that each lead to a
// target (a socket index) at an offset inside it. Several windows may lead to
// the same target (mirrors, boot aliases). Plain C++, shared by the TLM router
// and the platform configuration checks.
#pragma once
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace memory {

struct Mapping {
  std::string name;
  uint64_t base = 0;
  uint64_t size = 0;
  unsigned target = 0;         // initiator socket index of the router
  uint64_t target_offset = 0;  // address inside the target of `base`

  uint64_t last() const { return base + size - 1; }
  bool contains(uint64_t addr) const { return addr >= base && addr - base < size; }
  // Whether [addr, addr+len) lies entirely inside this window.
  bool contains(uint64_t addr, uint64_t len) const { return contains(addr) && len <= size - (addr - base); }
  uint64_t to_target(uint64_t addr) const { return addr - base + target_offset; }
  uint64_t from_target(uint64_t target_addr) const { return target_addr - target_offset + base; }
};

class MapError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class AddressMap {
 public:
  // Throws MapError on an empty window, a window past the end of the
  // address space, or two windows that overlap.
  explicit AddressMap(std::vector<Mapping> mappings, uint64_t address_space = uint64_t{1} << 32);

  // The window holding addr, or nullptr for an unmapped address.
  const Mapping* find(uint64_t addr) const;
  // The unmapped gap around addr, [first, last], when find(addr) is null.
  std::pair<uint64_t, uint64_t> gap_around(uint64_t addr) const;

  std::span<const Mapping> mappings() const { return mappings_; }  // sorted by base
  uint64_t address_space() const { return space_; }

 private:
  std::vector<Mapping> mappings_;
  uint64_t space_;
};

}  // namespace memory
