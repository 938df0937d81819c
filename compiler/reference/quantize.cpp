#include "compiler/reference/quantize.hpp"

#include "compiler/reference/fixed_point.hpp"
#include "compiler/reference/kernel_checks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace compiler::reference {
namespace {

constexpr std::int32_t kInt8Min = std::numeric_limits<std::int8_t>::min();
constexpr std::int32_t kInt8Max = std::numeric_limits<std::int8_t>::max();

} // namespace

void quantize(const quant::QuantizeParams& params, std::span<const float> input, std::span<std::int8_t> output)
{
  expect_size(output.size(), input.size(), "QUANTIZE output");
  for (std::size_t i = 0; i < input.size(); ++i) {
    // Clamp in float first so that huge values and infinities saturate
    // instead of overflowing the conversion to int32; NaN (undefined in
    // TFLite) gives the lowest value.
    const float rounded = std::round(input[i] / params.scale);
    const float limited = std::isnan(rounded) ? -1.0e6f : std::clamp(rounded, -1.0e6f, 1.0e6f);
    const std::int32_t q = static_cast<std::int32_t>(limited) + params.zero_point;
    output[i] = static_cast<std::int8_t>(std::clamp(q, kInt8Min, kInt8Max));
  }
}

void requantize(const quant::RequantizeParams& params, std::span<const std::int8_t> input,
                std::span<std::int8_t> output)
{
  expect_size(output.size(), input.size(), "QUANTIZE output");
  for (std::size_t i = 0; i < input.size(); ++i) {
    const std::int32_t q =
        multiply_by_quantized_multiplier(std::int32_t{input[i]} - params.input_zero_point, params.multiplier) +
        params.output_zero_point;
    output[i] = static_cast<std::int8_t>(std::clamp(q, kInt8Min, kInt8Max));
  }
}

void dequantize(const quant::DequantizeParams& params, std::span<const std::int8_t> input, std::span<float> output)
{
  expect_size(output.size(), input.size(), "DEQUANTIZE output");
  for (std::size_t i = 0; i < input.size(); ++i)
    output[i] = static_cast<float>(params.scale * static_cast<double>(std::int32_t{input[i]} - params.zero_point));
}

} // namespace compiler::reference
