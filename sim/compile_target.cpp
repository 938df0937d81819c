#include "sim/compile_target.hpp"

#include <fmt/format.h>

#include "sim/config_error.hpp"

namespace sim {

namespace {

std::vector<std::string> cpu_flags(const CoreConfig& core) {
  // GCC names the core without the FPU suffix edgesim's platforms use.
  const std::string cpu = core.type == "cortex-m4f" ? "cortex-m4" : core.type;
  std::vector<std::string> flags = {"-mcpu=" + cpu, "-mthumb"};
  const auto& p = core.profile;
  if (!p.has(isa::kFpSp)) {
    flags.push_back("-mfloat-abi=soft");
  } else {
    flags.push_back("-mfloat-abi=hard");
    flags.push_back(p.has(isa::kFpDp) ? "-mfpu=fpv5-d16" : p.has(isa::kFpV5) ? "-mfpu=fpv5-sp-d16" : "-mfpu=fpv4-sp-d16");
  }
  return flags;
}

bool contains(const MemoryConfig& m, uint64_t addr) { return addr >= m.base && addr - m.base < m.size_bytes; }

}  // namespace

compiler::toolchain::Target compile_target(const PlatformConfig& p) {
  compiler::toolchain::Target t;
  t.platform = p.name;
  t.board = p.name;
  t.cpu_flags = cpu_flags(p.core);
  t.dsp = p.core.profile.has(isa::kDsp);

  const MemoryConfig* text = nullptr;
  for (const auto& m : p.memories)
    if (m.kind == MemoryKind::Flash && !text) text = &m;
  if (!text) {  // no flash: the memory the vector table is in
    for (const auto& m : p.memories)
      if (contains(m, p.core.vtor)) text = &m;
  }
  if (!text) throw ConfigError(fmt::format("{}: no flash and no memory at the vector table (0x{:08x}) for the code", p.source, p.core.vtor));
  t.text = {text->name, text->base, text->size_bytes};

  // The largest run of contiguous RAM (not the code's memory, not TCM).
  for (const auto& first : p.memories) {
    if (first.kind != MemoryKind::Ram || &first == text) continue;
    compiler::toolchain::MemoryRegion run{first.name, first.base, first.size_bytes};
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& next : p.memories)
        if (next.kind == MemoryKind::Ram && &next != text && next.base == run.base + run.bytes) {
          run.bytes += next.size_bytes;
          run.name += "+" + next.name;
          grew = true;
        }
    }
    if (run.bytes > t.data.bytes) t.data = run;
  }
  if (t.data.bytes == 0) throw ConfigError(fmt::format("{}: no RAM memory (kind: ram) for the network's data", p.source));

  if (p.accel) {
    const AccelConfig& a = *p.accel;
    t.accel = compiler::codegen::AccelTarget{.base = a.base, .irq = a.irq, .rows = a.rows, .cols = a.cols,
                                             .input_buffer_bytes = a.input_buffer_bytes,
                                             .weight_buffer_bytes = a.weight_buffer_bytes,
                                             .output_buffer_bytes = a.output_buffer_bytes};
  }
  return t;
}

}  // namespace sim
