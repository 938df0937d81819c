#include "compiler/reference/softmax.hpp"

#include "compiler/reference/fixed_point.hpp"
#include "compiler/reference/kernel_checks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace compiler::reference {
namespace {

std::size_t rows_of(int depth, std::size_t input_size, std::size_t output_size)
{
  if (depth <= 0 || input_size % static_cast<std::size_t>(depth) != 0)
    throw std::invalid_argument("SOFTMAX: the input is not a whole number of rows");
  expect_size(output_size, input_size, "SOFTMAX output");
  return input_size / static_cast<std::size_t>(depth);
}

} // namespace

void softmax(const quant::SoftmaxParams& params, int depth, std::span<const std::int8_t> input,
             std::span<std::int8_t> output)
{
  constexpr int kAccumulationIntegerBits = 12; // the sum of up to 2^12 exps fits
  const std::size_t rows = rows_of(depth, input.size(), output.size());
  const auto width = static_cast<std::size_t>(depth);
  // exp of each element in Q0.31, 0 for the ones below diff_min.
  std::vector<std::int32_t> exps(width);
  for (std::size_t r = 0; r < rows; ++r) {
    const auto row = input.subspan(r * width, width);
    const std::int32_t max_in_row = *std::max_element(row.begin(), row.end());

    std::int32_t sum_of_exps = 0; // Q12.19
    for (std::size_t c = 0; c < width; ++c) {
      const std::int32_t diff = std::int32_t{row[c]} - max_in_row;
      if (diff < params.diff_min) {
        exps[c] = 0;
        continue;
      }
      // diff * 2^left_shift * multiplier / 2^31 (TFLite's
      // MultiplyByQuantizedMultiplierGreaterThanOne) is diff scaled by beta
      // and the input scale, in Q5.26.
      const std::int32_t scaled = saturating_rounding_doubling_high_mul(
          static_cast<std::int32_t>(static_cast<std::uint32_t>(diff) << params.input_left_shift),
          params.input_multiplier);
      exps[c] = exp_on_negative_values_q5_26(scaled);
      sum_of_exps += rounding_divide_by_pot(exps[c], kAccumulationIntegerBits); // Q0.31 -> Q12.19
    }

    int bits_over_unit = 0;
    const std::int32_t scale = reciprocal(sum_of_exps, kAccumulationIntegerBits, bits_over_unit);
    // exp * (1 / sum) in Q0.31, down to 8 bits: 2^-8 output steps.
    const int exponent = bits_over_unit + 31 - 8;
    for (std::size_t c = 0; c < width; ++c) {
      const std::int32_t diff = std::int32_t{row[c]} - max_in_row;
      std::int32_t out = std::numeric_limits<std::int8_t>::min();
      if (diff >= params.diff_min) {
        const std::int32_t probability =
            rounding_divide_by_pot(saturating_rounding_doubling_high_mul(scale, exps[c]), exponent);
        out = std::clamp<std::int32_t>(probability + std::numeric_limits<std::int8_t>::min(),
                                       std::numeric_limits<std::int8_t>::min(),
                                       std::numeric_limits<std::int8_t>::max());
      }
      output[r * width + c] = static_cast<std::int8_t>(out);
    }
  }
}

void softmax(float beta, int depth, std::span<const float> input, std::span<float> output)
{
  const std::size_t rows = rows_of(depth, input.size(), output.size());
  const auto width = static_cast<std::size_t>(depth);
  for (std::size_t r = 0; r < rows; ++r) {
    const auto row = input.subspan(r * width, width);
    const auto out = output.subspan(r * width, width);
    const float max_in_row = *std::max_element(row.begin(), row.end());
    float sum = 0.0f;
    for (std::size_t c = 0; c < width; ++c) {
      out[c] = std::exp((row[c] - max_in_row) * beta);
      sum += out[c];
    }
    for (std::size_t c = 0; c < width; ++c)
      out[c] = out[c] / sum;
  }
}

} // namespace compiler::reference
