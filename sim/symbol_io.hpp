// `edgesim run --load FILE@SYMBOL` and `--dump SYMBOL:FILE`: a compiled
// network's input and output buffers (or any sized data symbol) filled from
// and saved to raw files, without recompiling.
//
// A load writes where the ELF keeps the symbol's initial contents: in place
// for read-only data, at the load address in flash for initialised data
// (.data), which the startup code then copies to RAM. A symbol in .bss is
// refused: the startup code zeroes it. A dump reads the symbol's run address
// when the simulation has ended.
#pragma once

#include <string>
#include <vector>

#include "sim/elf_loader.hpp"
#include "sim/platform.hpp"

namespace sim {

struct SymbolFile {
  std::string symbol;
  std::string file;
};

// "FILE@SYMBOL" and "SYMBOL:FILE"; throw ConfigError on a malformed one.
SymbolFile parse_load(const std::string& spec);
SymbolFile parse_dump(const std::string& spec);

// Throw ConfigError naming the symbol and file: unknown symbol, size
// mismatch, a symbol in .bss, an unreadable or unwritable file.
void load_symbol_file(Platform& platform, const ElfImage& image, const SymbolFile& load);
void dump_symbol_file(Platform& platform, const ElfImage& image, const SymbolFile& dump);

}  // namespace sim
