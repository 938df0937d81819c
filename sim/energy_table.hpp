// Energy cost tables (platforms/energy/*.yaml) read strictly into
// energy::CostTable: every entry required, none negative, no unknown key;
// errors name the file, line and key.
//
//   name: horowitz-45nm
//   description: ...
//   source: ...                     (the publication the numbers come from)
//   core:
//     cycle_pj: 0                   (per awake core cycle: clock and pipeline)
//     ops:                          (per lane operation)
//       add:      { int8_pj, int16_pj, int32_pj, int64_pj, fp32_pj, fp64_pj }
//       multiply, mac, divide, load, store, branch, other: the same
//   memory:
//     sram:     { access_bytes: 8, size_kib: [8, 32, 1024], access_pj: [10, 20, 100] }
//     flash:    { access_bytes: 8, access_pj: 100, art_hit_pj: 10 }
//     external: { access_bytes: 8, access_pj: 1300 }
//   cache:      { hit_pj, miss_pj }          (Cortex-M7 L1, per lookup)
//   accel:      { mac_pj, buffer_access_bytes, buffer_access_pj, dma_byte_pj }
//   static:     { core_mw, accel_mw, sram_mw_per_kib, flash_mw_per_kib, external_mw_per_kib }
//
// How the counts are charged: energy/accounting.hpp.
#pragma once
#include <filesystem>
#include <string>

#include "energy/cost_table.hpp"

namespace sim {

// Throws ConfigError naming `source_name`, the line, column and key.
energy::CostTable parse_cost_table(const std::string& yaml_text, const std::string& source_name);
energy::CostTable load_cost_table(const std::filesystem::path& file);

// A built-in table's name (platforms/energy/NAME.yaml, found as platforms
// are) or a .yaml file; a relative file is taken from `relative_to` (the
// platform file's directory for its energy: key). Throws ConfigError.
std::filesystem::path resolve_cost_table(const std::string& name_or_file, const std::filesystem::path& relative_to);

}  // namespace sim
