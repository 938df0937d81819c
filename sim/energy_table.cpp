#include "sim/energy_table.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "energy/work_names.hpp"
#include "sim/config_error.hpp"
#include "sim/platform_catalog.hpp"
#include "sim/yaml_map.hpp"

namespace sim {

namespace {
constexpr uint64_t kMaxAccessBytes = 4096;
constexpr uint64_t kMaxSizeKib = uint64_t{4} << 20;  // 4 GiB, as platform memories

uint32_t access_bytes(YamlMap& m, const std::string& key) {
  return static_cast<uint32_t>(m.required_uint(key, 1, kMaxAccessBytes));
}

void read_core(YamlMap m, energy::CostTable& t) {
  t.core_cycle_pj = m.required_double("cycle_pj", 0);
  YamlMap ops = m.map("ops");
  for (const auto op : energy::all_ops()) {
    YamlMap widths = ops.map(std::string(energy::op_name(op)));
    for (const auto w : energy::all_widths())
      t.core_op_pj[static_cast<size_t>(op)][static_cast<size_t>(w)] =
          widths.required_double(std::string(energy::width_name(w)) + "_pj", 0);
    widths.finish();
  }
  ops.finish();
  m.finish();
}

// size_kib: [...] and access_pj: [...], one energy per size, sizes ascending.
void read_sram(YamlMap m, energy::CostTable& t) {
  t.sram_access_bytes = access_bytes(m, "access_bytes");
  const auto sizes = m.uint_list("size_kib", 1, kMaxSizeKib);
  const auto energies = m.double_list("access_pj", 0);
  if (sizes.empty()) m.fail("size_kib", "missing (required: at least one size)");
  if (energies.size() != sizes.size())
    m.fail("access_pj", fmt::format("has {} entries for {} sizes in size_kib", energies.size(), sizes.size()));
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (i > 0 && sizes[i] <= sizes[i - 1])
      m.fail("size_kib", fmt::format("must be ascending: {} follows {}", sizes[i], sizes[i - 1]));
    t.sram.push_back({sizes[i] * 1024, energies[i]});
  }
  m.finish();
}

void read_memory(YamlMap m, energy::CostTable& t) {
  read_sram(m.map("sram"), t);
  YamlMap flash = m.map("flash");
  t.flash_access_bytes = access_bytes(flash, "access_bytes");
  t.flash_access_pj = flash.required_double("access_pj", 0);
  t.flash_art_hit_pj = flash.required_double("art_hit_pj", 0);
  flash.finish();
  YamlMap external = m.map("external");
  t.external_access_bytes = access_bytes(external, "access_bytes");
  t.external_access_pj = external.required_double("access_pj", 0);
  external.finish();
  m.finish();
}

void read_rest(YamlMap& top, energy::CostTable& t) {
  YamlMap cache = top.map("cache");
  t.l1_hit_pj = cache.required_double("hit_pj", 0);
  t.l1_miss_pj = cache.required_double("miss_pj", 0);
  cache.finish();
  YamlMap accel = top.map("accel");
  t.accel_mac_pj = accel.required_double("mac_pj", 0);
  t.accel_buffer_access_bytes = access_bytes(accel, "buffer_access_bytes");
  t.accel_buffer_access_pj = accel.required_double("buffer_access_pj", 0);
  t.accel_dma_byte_pj = accel.required_double("dma_byte_pj", 0);
  accel.finish();
  YamlMap power = top.map("static");
  t.static_core_mw = power.required_double("core_mw", 0);
  t.static_accel_mw = power.required_double("accel_mw", 0);
  t.static_sram_mw_per_kib = power.required_double("sram_mw_per_kib", 0);
  t.static_flash_mw_per_kib = power.required_double("flash_mw_per_kib", 0);
  t.static_external_mw_per_kib = power.required_double("external_mw_per_kib", 0);
  power.finish();
}
}  // namespace

energy::CostTable parse_cost_table(const std::string& yaml_text, const std::string& source_name) {
  const ConfigSource source{source_name, {}};
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}:{}:{}: invalid YAML: {}", source_name, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
  YamlMap top(root, "", source);
  energy::CostTable t;
  t.source = source_name;
  t.name = top.required_string("name");
  top.optional_string("description", "");
  top.required_string("source");  // where the numbers come from: required, not used
  read_core(top.map("core"), t);
  read_memory(top.map("memory"), t);
  read_rest(top, t);
  top.finish();
  return t;
}

energy::CostTable load_cost_table(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw ConfigError(fmt::format("{}: cannot read the energy table", file.string()));
  std::stringstream text;
  text << in.rdbuf();
  return parse_cost_table(text.str(), file.string());
}

std::filesystem::path resolve_cost_table(const std::string& name_or_file, const std::filesystem::path& relative_to) {
  const std::filesystem::path given(name_or_file);
  const bool is_file = name_or_file.find('/') != std::string::npos || given.extension() == ".yaml" ||
                       given.extension() == ".yml";
  const std::string spec = is_file && given.is_relative() ? (relative_to / given).string() : name_or_file;
  return PlatformCatalog::from_environment().energy_tables().resolve(spec);
}

}  // namespace sim
