// A cost table (platforms/energy/*.yaml, read by sim/energy_table): what
// each action of each component costs, Accelergy-style, in pJ (static power
// in mW). Plain data; the accounting (accounting.hpp) says how counts are
// charged against it.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "isa/work.hpp"

namespace energy {

// pJ per lane operation, indexed [op][width] by the isa enums.
using OpCosts = std::array<std::array<double, isa::kWorkWidths>, isa::kWorkOps>;

// One measured point of SRAM access energy against array size.
struct SramPoint {
  uint64_t size_bytes = 0;
  double access_pj = 0;  // per access of CostTable::sram_access_bytes
};

struct CostTable {
  std::string name;    // "horowitz-45nm"
  std::string source;  // the file it came from

  // Core: clock and pipeline per awake cycle, and the datapath per lane op.
  double core_cycle_pj = 0;
  OpCosts core_op_pj{};

  // SRAM and TCM regions: per access of sram_access_bytes, by the region's
  // size (sram_cost.hpp); points ascending by size, at least one.
  uint32_t sram_access_bytes = 8;
  std::vector<SramPoint> sram;
  // Flash: per access of flash_access_bytes read from the array (a line
  // read is line_bytes / flash_access_bytes of them), and per ART hit.
  uint32_t flash_access_bytes = 8;
  double flash_access_pj = 0;
  double flash_art_hit_pj = 0;
  // External memory: per access of external_access_bytes.
  uint32_t external_access_bytes = 8;
  double external_access_pj = 0;

  // Cortex-M7 L1 caches: per lookup that hits, and per miss (lookup and
  // line fill into the cache; the memory's side is the region's).
  double l1_hit_pj = 0;
  double l1_miss_pj = 0;

  // Accelerator: per useful int8 MAC, per local buffer access of
  // accel_buffer_access_bytes, per byte the DMA moves.
  double accel_mac_pj = 0;
  uint32_t accel_buffer_access_bytes = 8;
  double accel_buffer_access_pj = 0;
  double accel_dma_byte_pj = 0;

  // Static power, times simulated time.
  double static_core_mw = 0;
  double static_accel_mw = 0;
  double static_sram_mw_per_kib = 0;
  double static_flash_mw_per_kib = 0;
  double static_external_mw_per_kib = 0;
};

}  // namespace energy
