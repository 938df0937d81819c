#include "sim/platform_config.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "sim/config_error.hpp"
#include "sim/yaml_map.hpp"

namespace sim {

namespace {

constexpr uint64_t kMaxAddress = 0xFFFFFFFF;
constexpr uint64_t kMaxSizeKib = uint64_t{4} << 20;  // 4 GiB
constexpr std::array<std::string_view, 2> kMemoryKinds{"ram", "flash"};
constexpr std::array<std::string_view, 3> kDeviceTypes{"cmsdk-uart", "bitband", "unimplemented"};
constexpr std::array<std::string_view, 3> kOutputs{"stdout", "stderr", "none"};

CoreConfig read_core(YamlMap m) {
  CoreConfig c;
  c.type = m.required_string("type");
  const auto profile = isa::core_profile(c.type);
  if (!profile) m.fail("type", fmt::format("unknown core '{}' (known: {})", c.type, isa::core_names()));
  c.profile = *profile;
  c.clock_hz = m.required_uint("clock_hz", 1, 10'000'000'000);
  c.vtor = static_cast<uint32_t>(m.optional_uint("vtor", 0, 0, kMaxAddress));
  if (c.vtor % 128 != 0) m.fail("vtor", "must be a multiple of 128 (VTOR.TBLOFF)");
  c.profile.max_irqs = static_cast<unsigned>(m.optional_uint("num_irqs", profile->max_irqs, 1, profile->max_irqs));
  m.finish();
  return c;
}

MemoryConfig read_memory(const std::string& name, YamlMap m) {
  MemoryConfig mem{.name = name};
  mem.base = static_cast<uint32_t>(m.required_uint("base", 0, kMaxAddress));
  mem.size_bytes = m.required_uint("size_kib", 1, kMaxSizeKib) * 1024;
  mem.kind = m.optional_choice("kind", kMemoryKinds, "ram") == "flash" ? MemoryKind::Flash : MemoryKind::Ram;
  mem.wait_states = static_cast<uint32_t>(m.optional_uint("wait_states", 0, 0, 1000));
  m.finish();
  return mem;
}

AliasConfig read_alias(const std::string& name, YamlMap m, const PlatformConfig& p) {
  AliasConfig a{.name = name};
  a.base = static_cast<uint32_t>(m.required_uint("base", 0, kMaxAddress));
  a.target = m.required_string("target");
  const MemoryConfig* target = p.find_memory(a.target);
  if (!target) m.fail("target", fmt::format("no memory named '{}'", a.target));
  a.size_bytes = m.optional_uint("size_kib", target->size_bytes / 1024, 1, target->size_bytes / 1024) * 1024;
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
  for (auto& [name, m] : top.named_maps("memories")) p.memories.push_back(read_memory(name, m));
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
  YamlMap sim_map = top.optional_map("sim");
  p.sim.quantum_ns = sim_map.optional_uint("quantum_ns", p.sim.quantum_ns, 1, 1'000'000'000);
  sim_map.finish();
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
