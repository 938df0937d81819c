// Reads a firmware ELF (32-bit little-endian Arm executable, as linked by
// arm-none-eabi-gcc) into its loadable segments, symbol table and edgesim's
// own non-loaded sections (.edgesim.*, e.g. the model compiler's
// .edgesim.model JSON), and loads
// the segments into simulated memory the way a flash programmer does: at
// their load addresses (LMA, p_paddr), so initialised data sits in flash
// until the startup code copies it to its run address (VMA, p_vaddr).
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sim {

// A file that cannot be used as firmware; the message names the file and
// what is wrong with it.
class ElfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ElfSegment {
  uint32_t paddr = 0;  // load address (LMA)
  uint32_t vaddr = 0;  // run address (VMA)
  uint32_t memsz = 0;  // bytes in memory; those past data.size() are zero
  uint32_t flags = 0;  // PF_R | PF_W | PF_X
  std::vector<uint8_t> data;  // the p_filesz bytes from the file
};

enum class SymbolType : uint8_t { Function, Object };

struct ElfSymbol {
  std::string name;
  uint32_t value = 0;  // address; for functions without the Thumb bit
  uint32_t size = 0;
  SymbolType type = SymbolType::Function;
  bool global = false;  // STB_GLOBAL or STB_WEAK
};

// A section the firmware carries for the simulator, not for the target:
// named .edgesim.<something>, not allocated (never loaded into memory).
struct ElfNote {
  std::string name;
  std::vector<uint8_t> bytes;
};

class ElfImage {
 public:
  ElfImage() = default;
  ElfImage(std::filesystem::path path, uint32_t entry, std::vector<ElfSegment> segments,
           std::vector<ElfSymbol> symbols, std::vector<ElfNote> notes = {});

  const std::filesystem::path& path() const { return path_; }
  uint32_t entry() const { return entry_; }  // e_entry as linked (Thumb bit included)
  const std::vector<ElfSegment>& segments() const { return segments_; }
  const std::vector<ElfSymbol>& symbols() const { return symbols_; }  // sorted by address

  // The symbol called `name` (a global one if several share it), or nullptr.
  const ElfSymbol* symbol(std::string_view name) const;
  // The function whose code contains addr (Thumb bit ignored), or nullptr.
  // A function without a size reaches up to the next function.
  const ElfSymbol* function_at(uint32_t addr) const;
  // The bytes of the .edgesim.* section called `name`, or nullptr.
  const std::vector<uint8_t>* note(std::string_view name) const;

  // The code function_at() looks up: one range per function address, by
  // start, unsized functions already extended (per-function profiles).
  struct FunctionRange {
    uint32_t start;
    uint64_t end;  // exclusive
    size_t symbol;  // index into symbols()
  };
  const std::vector<FunctionRange>& function_ranges() const { return functions_; }

 private:
  std::filesystem::path path_;
  uint32_t entry_ = 0;
  std::vector<ElfSegment> segments_;
  std::vector<ElfSymbol> symbols_;
  std::vector<ElfNote> notes_;
  std::vector<FunctionRange> functions_;  // by start address, one per address
};

// Throws ElfError for a missing, empty, truncated or non-Arm file.
ElfImage load_elf(const std::filesystem::path& path);

// Receives one segment's bytes at its load address; false if the range is
// not (entirely) backed by loadable memory.
using LoadWriter = std::function<bool(uint32_t addr, const uint8_t* data, size_t len)>;

// Writes every segment's file bytes at its load address (LMA) and zeros for
// the rest of its memory size: after the bytes at the LMA when LMA == VMA,
// else at the run address (VMA), where that .bss lives. Throws ElfError
// naming the segment and its address range if `write` refuses it.
void load_into(const ElfImage& image, const LoadWriter& write);

}  // namespace sim
