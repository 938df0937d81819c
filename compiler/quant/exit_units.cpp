#include "compiler/quant/exit_units.hpp"

#include <cmath>
#include <stdexcept>

namespace compiler::quant {

std::uint32_t exit_threshold_units(graph::ExitRule rule, double threshold)
{
  // Scaling by a power of two is exact in double, so ceil and floor see
  // the threshold as written.
  if (rule == graph::ExitRule::Entropy) {
    if (!(threshold > 0.0 && threshold < 128.0))
      throw std::invalid_argument("exit_threshold_units: entropy threshold outside (0, 128)");
    return static_cast<std::uint32_t>(std::floor(std::ldexp(threshold, kEntropyFractionBits)));
  }
  if (!(threshold > 0.0 && threshold <= 1.0))
    throw std::invalid_argument("exit_threshold_units: probability threshold outside (0, 1]");
  return static_cast<std::uint32_t>(std::ceil(threshold * kSoftmaxLevels));
}

const std::array<std::uint32_t, kSoftmaxLevels>& entropy_units()
{
  static const std::array<std::uint32_t, kSoftmaxLevels> table = [] {
    std::array<std::uint32_t, kSoftmaxLevels> t{};
    for (int u = 1; u < kSoftmaxLevels; ++u) {
      const double p = static_cast<double>(u) / kSoftmaxLevels;
      t[u] = static_cast<std::uint32_t>(std::llround(std::ldexp(-p * std::log(p), kEntropyFractionBits)));
    }
    return t;
  }();
  return table;
}

}  // namespace compiler::quant
