// Which function an address belongs to, for the per-function profile: the
// ELF's function symbols (ElfImage::function_ranges) with the gaps between
// them as one pseudo-function, "(unknown)". Code outside every symbol (a
// linker veneer, a stripped library, code copied to RAM) is charged there
// rather than to the nearest symbol, which would blame a function for code
// it does not contain.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/elf_loader.hpp"

namespace sim {

inline constexpr const char* kUnknownFunction = "(unknown)";

class FunctionMap {
 public:
  // An address range all in one function: [start, end).
  struct Range {
    uint32_t function = 0;  // index into names()
    uint64_t start = 0;
    uint64_t end = 0;
    bool contains(uint32_t addr) const { return addr >= start && addr < end; }
  };

  explicit FunctionMap(const ElfImage& image);

  // names()[unknown()] is kUnknownFunction; the others are the symbols'.
  const std::vector<std::string>& names() const { return names_; }
  uint32_t unknown() const { return 0; }
  // The function's first address (its entry); 0 for unknown().
  uint32_t entry(uint32_t function) const { return entries_[function]; }
  // The range holding addr (Thumb bit ignored): a function's, or the gap
  // between two functions that unknown() is charged for.
  Range range_of(uint32_t addr) const;

 private:
  std::vector<std::string> names_;
  std::vector<uint32_t> entries_;
  std::vector<Range> ranges_;  // the functions', by start
};

}  // namespace sim
