#include "sim/platform_config.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "bus/bus_matrix.hpp"
#include "memory/default_memory_map.hpp"
#include "sim/config_error.hpp"
#include "sim/yaml_map.hpp"

namespace sim {

namespace {

constexpr uint64_t kMaxAddress = 0xFFFFFFFF;
constexpr uint64_t kMaxSizeKib = uint64_t{4} << 20;  // 4 GiB
constexpr uint64_t kMaxWaitStates = 1000;
constexpr uint64_t kMaxClockHz = 10'000'000'000;
constexpr uint64_t kMaxCacheLines = 4096;
constexpr std::array<std::string_view, 4> kMemoryKinds{"ram", "flash", "external", "tcm"};
constexpr std::array<std::string_view, 4> kFlashOnlyKeys{"wait_state_table_hz", "line_bits", "prefetch", "art"};
constexpr std::array<std::string_view, 2> kLineBits{"64", "128"};
constexpr std::array<std::string_view, 3> kDeviceTypes{"cmsdk-uart", "bitband", "unimplemented"};
constexpr std::array<std::string_view, 3> kOutputs{"stdout", "stderr", "none"};
constexpr std::array<std::string_view, 2> kMultipliers{"fast", "small"};

constexpr std::array<std::string_view, 2> kWritePolicies{"write_back", "write_through"};
constexpr std::array<std::string_view, 2> kAccelImpls{"tlm", "rtl"};

// 0 (none) or a power of two from 4 to 64: the Cortex-M7's cache sizes.
uint32_t read_cache_bytes(YamlMap& m, const std::string& key) {
  const uint64_t kib = m.optional_uint(key, 16, 0, 64);
  if (kib != 0 && (kib < 4 || !std::has_single_bit(kib)))
    m.fail(key, fmt::format("must be 0 (no cache) or 4, 8, 16, 32 or 64 (the Cortex-M7's sizes), not {}", kib));
  return static_cast<uint32_t>(kib * 1024);
}

// A power of two in [min, max] (caches index their sets by bit masks).
uint32_t read_power_of_two(YamlMap& m, const std::string& key, uint64_t fallback, uint64_t min, uint64_t max) {
  const uint64_t v = m.optional_uint(key, fallback, min, max);
  if (!std::has_single_bit(v)) m.fail(key, fmt::format("must be a power of two, not {}", v));
  return static_cast<uint32_t>(v);
}

memory::L1Config read_l1(YamlMap m) {
  memory::L1Config l;
  l.icache_bytes = read_cache_bytes(m, "icache_kib");
  l.dcache_bytes = read_cache_bytes(m, "dcache_kib");
  l.icache_ways = read_power_of_two(m, "ways_i", 2, 1, 16);
  l.dcache_ways = read_power_of_two(m, "ways_d", 4, 1, 16);
  l.line_bytes = read_power_of_two(m, "line_bytes", 32, 8, 128);  // at least one 64-bit bus beat
  l.force_write_through = m.optional_choice("write_policy", kWritePolicies, "write_back") == "write_through";
  l.write_allocate = m.optional_bool("write_allocate", true);
  m.finish();
  return l;
}

CoreConfig read_core(YamlMap m) {
  CoreConfig c;
  c.type = m.required_string("type");
  const auto profile = isa::core_profile(c.type);
  if (!profile) m.fail("type", fmt::format("unknown core '{}' (known: {})", c.type, isa::core_names()));
  c.profile = *profile;
  c.clock_hz = m.required_uint("clock_hz", 1, kMaxClockHz);
  c.vtor = static_cast<uint32_t>(m.optional_uint("vtor", 0, 0, kMaxAddress));
  if (c.vtor % 128 != 0) m.fail("vtor", "must be a multiple of 128 (VTOR.TBLOFF)");
  c.profile.max_irqs = static_cast<unsigned>(m.optional_uint("num_irqs", profile->max_irqs, 1, profile->max_irqs));
  // The Cortex-M0+ is built with a single-cycle or a 32-cycle multiplier
  // (its TRM: MULS 1 or 32); the mainline cores have one multiplier.
  if (m.has("multiplier") && profile->mainline()) m.fail("multiplier", "only the Cortex-M0+ has a multiplier option");
  c.timing.small_multiplier = m.optional_choice("multiplier", kMultipliers, "fast") == "small";
  if (m.has("l1")) {
    if (c.type != "cortex-m7")
      m.fail("l1", fmt::format("L1 caches are only modelled on the cortex-m7 (core.type is {})", c.type));
    c.l1 = read_l1(m.map("l1"));
  }
  m.finish();
  return c;
}

MemoryKind memory_kind(const std::string& name) {
  if (name == "flash") return MemoryKind::Flash;
  if (name == "external") return MemoryKind::External;
  if (name == "tcm") return MemoryKind::Tcm;
  return MemoryKind::Ram;
}

// `wait_states: auto`: the fewest wait states whose maximum clock
// (wait_state_table_hz, ascending, as in a datasheet's table) covers the core's.
uint32_t flash_wait_states(YamlMap& m, uint64_t clock_hz) {
  const auto table = m.uint_list("wait_state_table_hz", 1, kMaxClockHz);
  for (size_t i = 1; i < table.size(); ++i)
    if (table[i] <= table[i - 1])
      m.fail("wait_state_table_hz",
             fmt::format("must be ascending: entry {} ({}) is not above entry {} ({})", i, table[i], i - 1, table[i - 1]));
  if (!m.is_word("wait_states", "auto"))
    return static_cast<uint32_t>(m.optional_uint("wait_states", 0, 0, kMaxWaitStates));
  if (table.empty())
    m.fail("wait_states", "'auto' needs wait_state_table_hz: [max clock for 0 wait states, for 1, ...]");
  if (table.size() > kMaxWaitStates + 1) m.fail("wait_state_table_hz", "has more entries than wait states allowed");
  const auto covering = std::lower_bound(table.begin(), table.end(), clock_hz);
  if (covering == table.end())
    m.fail("wait_state_table_hz", fmt::format("core.clock_hz {} is above its last entry ({}): no wait states allow it",
                                              clock_hz, table.back()));
  return static_cast<uint32_t>(covering - table.begin());
}

memory::FlashTimingConfig read_flash_timing(YamlMap& m, uint64_t clock_hz) {
  if (m.has("write_wait_states")) m.fail("write_wait_states", "not for kind: flash (read-only on the bus)");
  memory::FlashTimingConfig f{.wait_states = flash_wait_states(m, clock_hz)};
  f.line_bytes = m.optional_choice("line_bits", kLineBits, "128") == "64" ? 8 : 16;
  f.prefetch = m.optional_bool("prefetch", false);
  YamlMap art = m.optional_map("art");
  f.icache_lines = static_cast<uint32_t>(art.optional_uint("icache_lines", 0, 0, kMaxCacheLines));
  f.dcache_lines = static_cast<uint32_t>(art.optional_uint("dcache_lines", 0, 0, kMaxCacheLines));
  art.finish();
  return f;
}

void read_ram_timing(YamlMap& m, MemoryConfig& mem) {
  for (const auto key : kFlashOnlyKeys)
    if (m.has(std::string(key))) m.fail(std::string(key), "only for kind: flash");
  if (m.is_word("wait_states", "auto")) m.fail("wait_states", "'auto' is only for kind: flash");
  mem.wait_states = static_cast<uint32_t>(m.optional_uint("wait_states", 0, 0, kMaxWaitStates));
  if (auto w = m.maybe_uint("write_wait_states", 0, kMaxWaitStates)) mem.write_wait_states = static_cast<uint32_t>(*w);
}

// With L1 caches, a cached window takes its policy from the default memory
// map: it must not straddle two regions of that map with different ones.
void check_one_cache_policy(YamlMap& m, const std::string& key, uint32_t base, uint64_t size_bytes) {
  const uint64_t last = std::min<uint64_t>(base + size_bytes - 1, kMaxAddress);
  if (memory::default_cache_policy(base) != memory::default_cache_policy(static_cast<uint32_t>(last)))
    m.fail(key, fmt::format("{:#010x}-{:#010x} spans regions of the ARMv7-M default memory map with different cache "
                            "attributes (the L1 caches need one policy per memory)",
                            base, last));
}

MemoryConfig read_memory(const std::string& name, YamlMap m, const CoreConfig& core) {
  MemoryConfig mem{.name = name};
  mem.base = static_cast<uint32_t>(m.required_uint("base", 0, kMaxAddress));
  mem.size_bytes = m.required_uint("size_kib", 1, kMaxSizeKib) * 1024;
  mem.kind = memory_kind(m.optional_choice("kind", kMemoryKinds, "ram"));
  if (core.l1 && mem.kind != MemoryKind::Tcm) check_one_cache_policy(m, "size_kib", mem.base, mem.size_bytes);
  if (mem.kind == MemoryKind::Flash) {
    mem.flash = read_flash_timing(m, core.clock_hz);
    mem.flash->flash_bytes = mem.size_bytes;
    mem.wait_states = mem.flash->wait_states;
  } else {
    read_ram_timing(m, mem);
  }
  mem.shared = m.optional_bool("shared", false);
  m.finish();
  return mem;
}

// After the memories: every memory but a TCM becomes a port of the bus
// matrix, so that the DMA and the core contend for it.
AccelConfig read_accel(YamlMap m, PlatformConfig& p) {
  AccelConfig a;
  a.base = static_cast<uint32_t>(m.required_uint("base", 0, kMaxAddress - AccelConfig::kSize + 1));
  if (a.base % AccelConfig::kSize) m.fail("base", fmt::format("must be a multiple of {:#x} (the register block)", AccelConfig::kSize));
  if (auto irq = m.maybe_uint("irq", 0, p.core.profile.max_irqs - 1)) a.irq = static_cast<unsigned>(*irq);
  // The CONFIG register has 8 bits for each.
  a.rows = static_cast<uint32_t>(m.optional_uint("rows", a.rows, 1, 255));
  a.cols = static_cast<uint32_t>(m.optional_uint("cols", a.cols, 1, 255));
  a.impl = m.optional_choice("impl", kAccelImpls, "tlm") == "rtl" ? AccelImpl::Rtl : AccelImpl::Tlm;
  a.clock_ratio = static_cast<uint32_t>(m.optional_uint("clock_ratio", a.clock_ratio, 1, 64));
  YamlMap buffers = m.optional_map("buffers");
  // Each buffer is split in two halves for double-buffering.
  auto kib = [&buffers](const char* key, uint32_t fallback) {
    return static_cast<uint32_t>(buffers.optional_uint(key, fallback / 1024, 1, 16 * 1024) * 1024);
  };
  a.input_buffer_bytes = kib("input_kib", a.input_buffer_bytes);
  a.weight_buffer_bytes = kib("weight_kib", a.weight_buffer_bytes);
  a.output_buffer_bytes = kib("output_kib", a.output_buffer_bytes);
  buffers.finish();
  YamlMap dma = m.optional_map("dma");
  a.dma_width_bytes = read_power_of_two(dma, "width_bytes", a.dma_width_bytes, 1, 128);
  a.dma_latency_cycles = static_cast<uint32_t>(dma.optional_uint("latency_cycles", a.dma_latency_cycles, 0, kMaxWaitStates));
  a.dma_burst_bytes = read_power_of_two(dma, "burst_bytes", a.dma_burst_bytes, 1, 4096);
  if (a.dma_burst_bytes < a.dma_width_bytes)
    dma.fail("burst_bytes", fmt::format("must be at least width_bytes ({})", a.dma_width_bytes));
  dma.finish();
  m.finish();
  for (auto& mem : p.memories) mem.shared |= mem.kind != MemoryKind::Tcm;
  return a;
}

// After the memories and the accelerator: streams name memories and make
// them shared; the priority may name the accelerator's DMA.
BusConfig read_bus(YamlMap m, PlatformConfig& p) {
  BusConfig b;
  b.accel_dma = p.accel.has_value();
  constexpr std::array<std::string_view, 2> kPolicies{"fixed_priority", "round_robin"};
  b.arbitration = *bus::parse_policy(m.optional_choice("arbitration", kPolicies, "fixed_priority"));
  for (auto& [name, s] : m.named_maps("streams")) {
    // Names have no '.': a stream cannot take core.fetch's or core.data's.
    StreamConfig stream{.name = name};
    stream.memory = s.required_string("memory");
    MemoryConfig* target = nullptr;
    for (auto& mem : p.memories)
      if (mem.name == stream.memory) target = &mem;
    if (!target) s.fail("memory", fmt::format("no memory named '{}'", stream.memory));
    if (target->kind == MemoryKind::Tcm) s.fail("memory", "a TCM is the core's own: no other master reaches it");
    stream.period = static_cast<uint32_t>(s.required_uint("period", 1, 1'000'000));
    stream.hold = static_cast<uint32_t>(s.optional_uint("hold", 1, 1, stream.period));
    s.finish();
    target->shared = true;
    b.streams.push_back(std::move(stream));
  }
  b.priority = m.string_list("priority");
  const std::vector<std::string> masters = b.masters();
  for (size_t i = 0; i < b.priority.size(); ++i) {
    const std::string& name = b.priority[i];
    if (std::find(masters.begin(), masters.end(), name) == masters.end())
      m.fail("priority", fmt::format("unknown bus master '{}' (masters: {})", name, fmt::join(masters, ", ")));
    if (std::find(b.priority.begin(), b.priority.begin() + static_cast<std::ptrdiff_t>(i), name) !=
        b.priority.begin() + static_cast<std::ptrdiff_t>(i))
      m.fail("priority", fmt::format("bus master '{}' is listed twice", name));
  }
  m.finish();
  return b;
}

AliasConfig read_alias(const std::string& name, YamlMap m, const PlatformConfig& p) {
  AliasConfig a{.name = name};
  a.base = static_cast<uint32_t>(m.required_uint("base", 0, kMaxAddress));
  a.target = m.required_string("target");
  const MemoryConfig* target = p.find_memory(a.target);
  if (!target) m.fail("target", fmt::format("no memory named '{}'", a.target));
  a.size_bytes = m.optional_uint("size_kib", target->size_bytes / 1024, 1, target->size_bytes / 1024) * 1024;
  a.tcm = m.optional_bool("tcm", false);
  if (p.core.l1 && !a.tcm && target->kind != MemoryKind::Tcm) check_one_cache_policy(m, "base", a.base, a.size_bytes);
  m.finish();
  return a;
}

UartConfig read_uart(const std::string& name, YamlMap m, const CoreConfig& core) {
  UartConfig u{.name = name};
  u.base = static_cast<uint32_t>(m.required_uint("base", 0, kMaxAddress));
  const uint64_t last_irq = core.profile.max_irqs - 1;
  auto irq = [&](const char* key) -> std::optional<unsigned> {
    if (auto v = m.maybe_uint(key, 0, last_irq)) return static_cast<unsigned>(*v);
    return std::nullopt;
  };
  u.irq_rx = irq("irq_rx");
  u.irq_tx = irq("irq_tx");
  u.irq_overflow = irq("irq_overflow");
  u.irq_combined = irq("irq_combined");
  const auto output = m.optional_choice("output", kOutputs, "stdout");
  u.output = output == "stdout" ? ConsoleOutput::Stdout : output == "stderr" ? ConsoleOutput::Stderr : ConsoleOutput::None;
  m.finish();
  return u;
}

BitBandConfig read_bitband(const std::string& name, YamlMap m) {
  BitBandConfig b{.name = name};
  b.base = static_cast<uint32_t>(m.required_uint("base", 0, kMaxAddress - BitBandConfig::kSize + 1));
  b.region = static_cast<uint32_t>(m.required_uint("region", 0, kMaxAddress - (1u << 20) + 1));
  m.finish();
  return b;
}

UnimplementedConfig read_unimplemented(const std::string& name, YamlMap m) {
  UnimplementedConfig u{.name = name};
  u.base = static_cast<uint32_t>(m.required_uint("base", 0, kMaxAddress));
  u.size_bytes = m.required_uint("size_kib", 1, kMaxSizeKib) * 1024;
  m.finish();
  return u;
}

}  // namespace

std::vector<std::string> BusConfig::masters() const {
  std::vector<std::string> names{std::string(bus::kCoreFetch), std::string(bus::kCoreData)};
  if (accel_dma) names.emplace_back(AccelConfig::kDmaMaster);
  for (const auto& s : streams) names.push_back(s.name);
  return names;
}

const MemoryConfig* PlatformConfig::find_memory(const std::string& n) const {
  for (const auto& m : memories)
    if (m.name == n) return &m;
  return nullptr;
}

memory::AddressMap PlatformConfig::address_map() const {
  std::vector<memory::Mapping> windows;
  for (unsigned i = 0; i < memories.size(); ++i)
    windows.push_back({memories[i].name, memories[i].base, memories[i].size_bytes, i, 0});
  for (const auto& a : aliases) {
    const auto target = static_cast<unsigned>(find_memory(a.target) - memories.data());
    windows.push_back({a.name, a.base, a.size_bytes, target, 0});
  }
  auto next_target = static_cast<unsigned>(memories.size());
  for (const auto& u : uarts) windows.push_back({u.name, u.base, UartConfig::kSize, next_target++, 0});
  for (const auto& b : bitbands) windows.push_back({b.name, b.base, BitBandConfig::kSize, next_target++, 0});
  for (const auto& u : unimplemented) windows.push_back({u.name, u.base, u.size_bytes, next_target++, 0});
  if (accel) windows.push_back({"accel", accel->base, AccelConfig::kSize, next_target++, 0});
  return memory::AddressMap(std::move(windows));
}

PlatformConfig parse_platform_config(const std::string& yaml_text, const std::string& source_name,
                                     const std::vector<Override>& overrides) {
  const ConfigSource source{source_name, overrides};
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}:{}:{}: invalid YAML: {}", source_name, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
  if (!root.IsMap() && !root.IsNull()) YamlMap(root, "", source);  // reports "expected a map"
  if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  for (const auto& o : overrides) apply_override(root, o);

  YamlMap top(root, "", source);
  PlatformConfig p;
  p.source = source_name;
  p.name = top.required_string("name");
  p.description = top.optional_string("description", "");
  p.core = read_core(top.map("core"));
  for (auto& [name, m] : top.named_maps("memories")) p.memories.push_back(read_memory(name, m, p.core));
  if (p.memories.empty()) top.fail("memories", "a platform needs at least one memory");
  for (auto& [name, m] : top.named_maps("aliases")) p.aliases.push_back(read_alias(name, m, p));
  for (auto& [name, m] : top.named_maps("devices")) {
    const auto type = m.required_choice("type", kDeviceTypes);
    if (type == "bitband")
      p.bitbands.push_back(read_bitband(name, m));
    else if (type == "unimplemented")
      p.unimplemented.push_back(read_unimplemented(name, m));
    else
      p.uarts.push_back(read_uart(name, m, p.core));
  }
  if (top.has("accel")) p.accel = read_accel(top.map("accel"), p);
  p.bus = read_bus(top.optional_map("bus"), p);
  YamlMap sim_map = top.optional_map("sim");
  p.sim.quantum_ns = sim_map.optional_uint("quantum_ns", p.sim.quantum_ns, 1, 1'000'000'000);
  sim_map.finish();
  p.energy = top.optional_string("energy", p.energy);
  top.finish();

  try {
    p.address_map();
  } catch (const memory::MapError& e) {
    throw ConfigError(fmt::format("{}: {}", source_name, e.what()));
  }
  return p;
}

PlatformConfig load_platform_config(const std::filesystem::path& file, const std::vector<Override>& overrides) {
  std::ifstream in(file);
  if (!in) throw ConfigError(fmt::format("{}: cannot read the platform file", file.string()));
  std::stringstream text;
  text << in.rdbuf();
  return parse_platform_config(text.str(), file.string(), overrides);
}

}  // namespace sim
