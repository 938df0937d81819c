#include "compiler/reference/fully_connected.hpp"

#include "compiler/reference/kernel_checks.hpp"
#include "compiler/reference/mac_output.hpp"

#include <algorithm>

namespace compiler::reference {
namespace {

template <typename T, typename B>
void check_sizes(const FullyConnectedGeometry& g, std::span<const T> input, std::span<const T> weights,
                 std::span<const B> bias, std::size_t output_size)
{
  expect_size(input.size(), static_cast<std::size_t>(g.batches) * g.in_features, "FULLY_CONNECTED input");
  expect_size(weights.size(), static_cast<std::size_t>(g.out_features) * g.in_features,
              "FULLY_CONNECTED weights");
  if (!bias.empty())
    expect_size(bias.size(), static_cast<std::size_t>(g.out_features), "FULLY_CONNECTED bias");
  expect_size(output_size, static_cast<std::size_t>(g.batches) * g.out_features, "FULLY_CONNECTED output");
}

} // namespace

void fully_connected(const FullyConnectedGeometry& g, const quant::MacParams& params,
                     std::span<const std::int8_t> input, std::span<const std::int8_t> weights,
                     std::span<const std::int32_t> bias, std::span<std::int8_t> output)
{
  check_sizes(g, input, weights, bias, output.size());
  expect_size(params.output_multipliers.size(), static_cast<std::size_t>(g.out_features),
              "FULLY_CONNECTED multipliers");
  for (int b = 0; b < g.batches; ++b)
    for (int o = 0; o < g.out_features; ++o) {
      std::int32_t acc = 0;
      for (int i = 0; i < g.in_features; ++i) {
        const std::int32_t in = input[static_cast<std::size_t>(b) * g.in_features + i];
        const std::int32_t w = weights[static_cast<std::size_t>(o) * g.in_features + i];
        acc += (w + params.filter_offset) * (in + params.input_offset);
      }
      output[static_cast<std::size_t>(b) * g.out_features + o] = mac_output(acc, bias, params, o);
    }
}

void fully_connected(const FullyConnectedGeometry& g, quant::FloatRange activation, std::span<const float> input,
                     std::span<const float> weights, std::span<const float> bias, std::span<float> output)
{
  check_sizes(g, input, weights, bias, output.size());
  for (int b = 0; b < g.batches; ++b)
    for (int o = 0; o < g.out_features; ++o) {
      float acc = 0.0f;
      for (int i = 0; i < g.in_features; ++i)
        acc += input[static_cast<std::size_t>(b) * g.in_features + i] *
               weights[static_cast<std::size_t>(o) * g.in_features + i];
      if (!bias.empty())
        acc += bias[static_cast<std::size_t>(o)];
      output[static_cast<std::size_t>(b) * g.out_features + o] = std::clamp(acc, activation.min, activation.max);
    }
}

} // namespace compiler::reference
