#include "sim/symbol_io.hpp"

#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "sim/config_error.hpp"

namespace sim {

namespace {

const ElfSymbol& data_symbol(const ElfImage& image, const std::string& name, const char* option) {
  const ElfSymbol* s = image.symbol(name);
  if (!s) throw ConfigError(fmt::format("{} {}: {} has no symbol '{}'", option, name, image.path().string(), name));
  if (s->type != SymbolType::Object || s->size == 0)
    throw ConfigError(fmt::format("{} {}: '{}' is not a sized data object", option, name, name));
  return *s;
}

}  // namespace

SymbolFile parse_load(const std::string& spec) {
  const auto at = spec.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == spec.size())
    throw ConfigError(fmt::format("--load {}: expected FILE@SYMBOL", spec));
  return {spec.substr(at + 1), spec.substr(0, at)};
}

SymbolFile parse_dump(const std::string& spec) {
  const auto colon = spec.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size())
    throw ConfigError(fmt::format("--dump {}: expected SYMBOL:FILE", spec));
  return {spec.substr(0, colon), spec.substr(colon + 1)};
}

void load_symbol_file(Platform& platform, const ElfImage& image, const SymbolFile& load) {
  const ElfSymbol& s = data_symbol(image, load.symbol, "--load");
  std::ifstream in(load.file, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("--load {}@{}: cannot read the file", load.file, load.symbol));
  const std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
  if (bytes.size() != s.size)
    throw ConfigError(fmt::format("--load {}@{}: the file has {} bytes, '{}' holds {}", load.file, load.symbol,
                                  bytes.size(), load.symbol, s.size));
  for (const auto& seg : image.segments()) {
    if (s.value < seg.vaddr || s.value - seg.vaddr >= seg.memsz) continue;
    if (s.value - seg.vaddr + s.size > seg.data.size())
      throw ConfigError(fmt::format("--load {}@{}: '{}' is zero-initialised data (.bss), which the startup code "
                                    "clears; only initialised or constant data can be loaded",
                                    load.file, load.symbol, load.symbol));
    const uint32_t at = seg.paddr + (s.value - seg.vaddr);
    if (!platform.write_memory(at, bytes.data(), bytes.size()))
      throw ConfigError(fmt::format("--load {}@{}: 0x{:08x} is outside the platform's memories", load.file,
                                    load.symbol, at));
    return;
  }
  throw ConfigError(fmt::format("--load {}@{}: '{}' is in no loadable segment", load.file, load.symbol, load.symbol));
}

void dump_symbol_file(Platform& platform, const ElfImage& image, const SymbolFile& dump) {
  const ElfSymbol& s = data_symbol(image, dump.symbol, "--dump");
  std::vector<uint8_t> bytes(s.size);
  if (!platform.read_memory(s.value, bytes.data(), bytes.size()))
    throw ConfigError(fmt::format("--dump {}:{}: 0x{:08x} is outside the platform's memories", dump.symbol, dump.file,
                                  s.value));
  std::ofstream out(dump.file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw ConfigError(fmt::format("--dump {}:{}: cannot write the file", dump.symbol, dump.file));
}

}  // namespace sim
