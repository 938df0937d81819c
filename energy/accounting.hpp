// Energy = counts x cost table, per component and per operation class.
//
// How counts are charged (every rule exact on the counts edgesim keeps):
//  - Core: core_cycle_pj per awake cycle (cycles - sleep_cycles), and each
//    lane operation its (op, width) entry: SMLAD is two int16 MACs.
//  - SRAM, TCM, external memory: a memory array is read and written a row
//    of the table's access width at a time, so an access narrower than the
//    width costs one access and a wider one (an L1 line fill, a DMA burst)
//    one per width it spans. Counted per master and direction (core
//    fetches, core reads, core writes, DMA reads, DMA writes) as
//    max(accesses, ceil(bytes / width)): exact when each access is at most
//    the width or a whole multiple of it. SRAM and TCM cost the table's
//    SRAM entry at the region's size (sram_cost.hpp).
//  - Flash: per line read from the array (the flash model's line fetches,
//    prefetches included, and data reads that missed the ART), each line
//    ceil(line_bytes / flash_access_bytes) accesses; ART hits at their
//    own entry; the DMA's reads as the SRAM rule with the line as width
//    (each DMA access reads whole lines).
//  - L1 caches: each lookup a hit or a miss entry (the fills' and
//    write-backs' memory side is in the region's traffic).
//  - Accelerator: each useful MAC; its local buffers, per access of the
//    table's buffer width over buffer_bytes() (below); each DMA byte.
//  - Static: mW x simulated time, for the core, the accelerator and each
//    memory (by its size in KiB).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "energy/activity.hpp"
#include "energy/cost_table.hpp"

namespace energy {

using OpEnergy = std::array<std::array<double, isa::kWorkWidths>, isa::kWorkOps>;

struct RegionEnergy {
  std::string name;
  double pj = 0;
};

struct Energy {
  double core_cycles_pj = 0;
  double core_ops_pj = 0;  // the sum of ops_pj
  OpEnergy ops_pj{};
  std::vector<RegionEnergy> memory;  // in Activity::regions order
  double l1i_pj = 0, l1d_pj = 0;
  double accel_mac_pj = 0, accel_buffer_pj = 0, accel_dma_pj = 0;
  double static_pj = 0;

  double core_pj() const { return core_cycles_pj + core_ops_pj; }
  double memory_pj() const;
  double cache_pj() const { return l1i_pj + l1d_pj; }
  double accel_pj() const { return accel_mac_pj + accel_buffer_pj + accel_dma_pj; }
  double total_pj() const { return core_pj() + memory_pj() + cache_pj() + accel_pj() + static_pj; }
};

// Accesses of `width` bytes that `a` costs: max(count, ceil(bytes / width)).
uint64_t charged_accesses(const Accesses& a, uint32_t width);

// Bytes through the accelerator's local buffers: the DMA's loads written
// into them, its stores read out of them, and the array's operand reads,
// one byte per row and per column in each MAC-active cycle (an upper
// bound: the skewed fill and drain cycles feed fewer edges).
uint64_t buffer_bytes(const AccelActivity& a);

// The energy per access of a region's memory under `table`.
double region_access_pj(const RegionActivity& r, const CostTable& table);

Energy account(const Activity& activity, const CostTable& table);

}  // namespace energy
