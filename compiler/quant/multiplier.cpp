#include "compiler/quant/multiplier.hpp"

#include <cmath>

namespace compiler::quant {

double Multiplier::value() const
{
  return std::ldexp(static_cast<double>(multiplier), shift - 31);
}

Multiplier quantize_multiplier(double real)
{
  if (real == 0.0)
    return {};
  int exponent = 0;
  const double fraction = std::frexp(real, &exponent); // real = fraction * 2^exponent
  constexpr std::int64_t kOne = std::int64_t{1} << 31;
  std::int64_t fixed = std::llround(fraction * static_cast<double>(kOne));
  if (fixed == kOne) { // 0.99999999... rounded up to 1.0: renormalize
    fixed /= 2;
    ++exponent;
  }
  if (exponent < -31) // every bit would be shifted out: TFLite flushes to zero
    return {};
  return {static_cast<std::int32_t>(fixed), exponent};
}

} // namespace compiler::quant
