#include "energy/sram_cost.hpp"

#include <cmath>
#include <stdexcept>

namespace energy {

double sram_access_pj(const std::vector<SramPoint>& points, uint64_t size_bytes) {
  if (points.empty()) throw std::invalid_argument("sram_access_pj: no SRAM points");
  if (points.size() == 1 || size_bytes <= points.front().size_bytes) return points.front().access_pj;
  size_t i = 0;  // the interval [i, i+1] holding the size, or the last one
  while (i + 2 < points.size() && size_bytes > points[i + 1].size_bytes) ++i;
  const SramPoint& a = points[i];
  const SramPoint& b = points[i + 1];
  const double doublings = std::log2(static_cast<double>(size_bytes) / static_cast<double>(a.size_bytes));
  const double per_doubling =
      (b.access_pj - a.access_pj) / std::log2(static_cast<double>(b.size_bytes) / static_cast<double>(a.size_bytes));
  return a.access_pj + doublings * per_doubling;
}

}  // namespace energy
