// SRAM access energy for an array of any size from a table's few points
// (Horowitz gives 8 KB, 32 KB and 1 MB): between two listed sizes the
// energy grows by a fixed amount per doubling (linear in log2 of the size);
// below the smallest it is the smallest's, above the largest it goes on
// growing at the last interval's rate per doubling.
#pragma once
#include <cstdint>
#include <vector>

#include "energy/cost_table.hpp"

namespace energy {

// `points` ascending by size, at least one.
double sram_access_pj(const std::vector<SramPoint>& points, uint64_t size_bytes);

}  // namespace energy
