// What a run did, as the counts the energy formulas use: gathered from a
// platform's counters by sim/energy_activity, or made by hand in tests.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "isa/work.hpp"

namespace energy {

// Lane operations executed, [op][width] (isa::Cpu::work_counts).
using OpCounts = std::array<std::array<uint64_t, isa::kWorkWidths>, isa::kWorkOps>;

// Accesses and their bytes, one master and direction.
struct Accesses {
  uint64_t count = 0;
  uint64_t bytes = 0;
};

enum class MemoryKind { Sram, Flash, External };  // Sram: kind ram and tcm

struct RegionActivity {
  std::string name;
  MemoryKind kind = MemoryKind::Sram;
  uint64_t size_bytes = 0;
  // Everything that reached the memory, by master and direction.
  Accesses core_fetches, core_reads, core_writes, dma_reads, dma_writes;
  // Flash only: lines the core's side read from the array (instruction
  // line fetches and prefetches, data reads that missed the ART), and the
  // line reads the ART served instead.
  uint32_t flash_line_bytes = 16;
  uint64_t flash_core_line_reads = 0;
  uint64_t flash_art_hits = 0;
};

struct CacheActivity {
  uint64_t hits = 0;
  uint64_t misses = 0;
};

struct AccelActivity {
  uint32_t rows = 0, cols = 0;
  uint64_t macs = 0;
  uint64_t mac_active_cycles = 0;
  uint64_t dma_read_bytes = 0, dma_write_bytes = 0;
};

struct Activity {
  uint64_t cycles = 0;
  uint64_t sleep_cycles = 0;
  std::optional<OpCounts> ops;  // nullopt: the core does not count them
  std::vector<RegionActivity> regions;
  std::optional<CacheActivity> l1i, l1d;  // Cortex-M7 with caches
  std::optional<AccelActivity> accel;
  double simulated_s = 0;
};

}  // namespace energy
