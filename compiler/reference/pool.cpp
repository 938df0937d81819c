#include "compiler/reference/pool.hpp"

#include "compiler/reference/kernel_checks.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace compiler::reference {
namespace {

// Calls visit(value) for each tap of output (n, y, x, c) inside the input;
// returns how many there were.
template <typename T, typename Visit>
int for_each_tap(const WindowGeometry& g, std::span<const T> input, int n, int y, int x, int c, Visit visit)
{
  int count = 0;
  g.for_each_tap(y, x, [&](int iy, int ix, int, int) {
    visit(input[g.input.offset(n, iy, ix, c)]);
    ++count;
  });
  return count;
}

// Runs pool(n, y, x, c) -> value for every output element.
template <typename T, typename Pool>
void for_each_output(const WindowGeometry& g, std::span<const T> input, std::span<T> output, const char* name,
                     Pool pool)
{
  expect_size(input.size(), g.input.elements(), name);
  expect_size(output.size(), g.output.elements(), name);
  for (int n = 0; n < g.output.batch; ++n)
    for (int y = 0; y < g.output.height; ++y)
      for (int x = 0; x < g.output.width; ++x)
        for (int c = 0; c < g.output.channels; ++c)
          output[g.output.offset(n, y, x, c)] = pool(n, y, x, c);
}

void require_taps(int count, const char* name)
{
  if (count == 0) // impossible with SAME/VALID padding
    throw std::invalid_argument(std::string(name) + ": a window lies wholly in the padding");
}

} // namespace

void average_pool(const WindowGeometry& g, quant::ActivationRange activation, std::span<const std::int8_t> input,
                  std::span<std::int8_t> output)
{
  for_each_output(g, input, output, "AVERAGE_POOL_2D", [&](int n, int y, int x, int c) {
    std::int32_t sum = 0;
    const int count = for_each_tap(g, input, n, y, x, c, [&](std::int8_t v) { sum += v; });
    require_taps(count, "AVERAGE_POOL_2D");
    // C++ division truncates toward zero: adding half the count away from
    // zero first rounds to nearest with ties away from zero.
    std::int32_t average = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
    average = std::clamp(average, activation.min, activation.max);
    return static_cast<std::int8_t>(average);
  });
}

void average_pool(const WindowGeometry& g, quant::FloatRange activation, std::span<const float> input,
                  std::span<float> output)
{
  for_each_output(g, input, output, "AVERAGE_POOL_2D", [&](int n, int y, int x, int c) {
    float sum = 0.0f;
    const int count = for_each_tap(g, input, n, y, x, c, [&](float v) { sum += v; });
    require_taps(count, "AVERAGE_POOL_2D");
    return std::clamp(sum / static_cast<float>(count), activation.min, activation.max);
  });
}

void max_pool(const WindowGeometry& g, quant::ActivationRange activation, std::span<const std::int8_t> input,
              std::span<std::int8_t> output)
{
  for_each_output(g, input, output, "MAX_POOL_2D", [&](int n, int y, int x, int c) {
    std::int32_t largest = std::numeric_limits<std::int8_t>::lowest();
    const int count = for_each_tap(g, input, n, y, x, c,
                                   [&](std::int8_t v) { largest = std::max<std::int32_t>(largest, v); });
    require_taps(count, "MAX_POOL_2D");
    return static_cast<std::int8_t>(std::clamp(largest, activation.min, activation.max));
  });
}

void max_pool(const WindowGeometry& g, quant::FloatRange activation, std::span<const float> input,
              std::span<float> output)
{
  for_each_output(g, input, output, "MAX_POOL_2D", [&](int n, int y, int x, int c) {
    float largest = std::numeric_limits<float>::lowest();
    const int count = for_each_tap(g, input, n, y, x, c, [&](float v) { largest = std::max(largest, v); });
    require_taps(count, "MAX_POOL_2D");
    return std::clamp(largest, activation.min, activation.max);
  });
}

} // namespace compiler::reference
