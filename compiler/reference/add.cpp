#include "compiler/reference/add.hpp"

#include "compiler/reference/fixed_point.hpp"
#include "compiler/reference/kernel_checks.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <stdexcept>

namespace compiler::reference {
namespace {

std::size_t elements(const std::vector<int>& shape)
{
  return std::accumulate(shape.begin(), shape.end(), std::size_t{1},
                         [](std::size_t n, int d) { return n * static_cast<std::size_t>(d); });
}

// For every output element (in row-major order), the element of `input` that
// broadcasting reads.
std::vector<std::size_t> broadcast_offsets(const std::vector<int>& input, const std::vector<int>& output)
{
  if (input.size() > output.size())
    throw std::invalid_argument("ADD: an input has more dimensions than the output");
  const std::size_t rank = output.size();
  // The input's shape and strides aligned to the output's trailing
  // dimensions; a broadcast dimension gets stride 0.
  std::vector<std::size_t> strides(rank, 0);
  std::size_t stride = 1;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const std::size_t in_dim = input.size() - 1 - i;
    const std::size_t out_dim = rank - 1 - i;
    if (input[in_dim] != output[out_dim] && input[in_dim] != 1)
      throw std::invalid_argument("ADD: shapes do not broadcast");
    strides[out_dim] = input[in_dim] == 1 ? 0 : stride;
    stride *= static_cast<std::size_t>(input[in_dim]);
  }
  std::vector<std::size_t> offsets(elements(output));
  std::vector<int> index(rank, 0);
  for (std::size_t flat = 0; flat < offsets.size(); ++flat) {
    std::size_t offset = 0;
    for (std::size_t d = 0; d < rank; ++d)
      offset += static_cast<std::size_t>(index[d]) * strides[d];
    offsets[flat] = offset;
    for (std::size_t d = rank; d-- > 0;) { // odometer increment
      if (++index[d] < output[d])
        break;
      index[d] = 0;
    }
  }
  return offsets;
}

template <typename T>
void add_elements(const BroadcastShapes& shapes, std::span<const T> input1, std::span<const T> input2,
                  std::span<T> output, const std::function<T(T, T)>& combine)
{
  expect_size(input1.size(), elements(shapes.input1), "ADD input 1");
  expect_size(input2.size(), elements(shapes.input2), "ADD input 2");
  expect_size(output.size(), elements(shapes.output), "ADD output");
  const std::vector<std::size_t> at1 = broadcast_offsets(shapes.input1, shapes.output);
  const std::vector<std::size_t> at2 = broadcast_offsets(shapes.input2, shapes.output);
  for (std::size_t i = 0; i < output.size(); ++i)
    output[i] = combine(input1[at1[i]], input2[at2[i]]);
}

} // namespace

void add(const BroadcastShapes& shapes, const quant::AddParams& params, std::span<const std::int8_t> input1,
         std::span<const std::int8_t> input2, std::span<std::int8_t> output)
{
  const auto rescale_input = [&](std::int8_t q, std::int32_t offset, quant::Multiplier m) {
    const std::int32_t shifted = (std::int32_t{q} + offset) * (std::int32_t{1} << params.left_shift);
    return multiply_by_quantized_multiplier(shifted, m);
  };
  add_elements<std::int8_t>(shapes, input1, input2, output, [&](std::int8_t a, std::int8_t b) {
    const std::int32_t sum = rescale_input(a, params.input1_offset, params.input1) +
                             rescale_input(b, params.input2_offset, params.input2);
    const std::int32_t out = multiply_by_quantized_multiplier(sum, params.output) + params.output_offset;
    return static_cast<std::int8_t>(std::clamp(out, params.activation.min, params.activation.max));
  });
}

void add(const BroadcastShapes& shapes, quant::FloatRange activation, std::span<const float> input1,
         std::span<const float> input2, std::span<float> output)
{
  add_elements<float>(shapes, input1, input2, output,
                      [&](float a, float b) { return std::clamp(a + b, activation.min, activation.max); });
}

} // namespace compiler::reference
