#include "compiler/reference/depthwise.hpp"

#include "compiler/reference/kernel_checks.hpp"
#include "compiler/reference/mac_output.hpp"

#include <algorithm>
#include <stdexcept>

namespace compiler::reference {
namespace {

template <typename T, typename B>
int check_sizes(const WindowGeometry& g, std::span<const T> input, std::span<const T> filter,
                std::span<const B> bias, std::size_t output_size)
{
  if (g.input.channels <= 0 || g.output.channels % g.input.channels != 0)
    throw std::invalid_argument("DEPTHWISE_CONV_2D: output channels are not a multiple of input channels");
  expect_size(input.size(), g.input.elements(), "DEPTHWISE_CONV_2D input");
  expect_size(filter.size(), static_cast<std::size_t>(g.kernel_h) * g.kernel_w * g.output.channels,
              "DEPTHWISE_CONV_2D filter");
  if (!bias.empty())
    expect_size(bias.size(), static_cast<std::size_t>(g.output.channels), "DEPTHWISE_CONV_2D bias");
  expect_size(output_size, g.output.elements(), "DEPTHWISE_CONV_2D output");
  return g.output.channels / g.input.channels;
}

std::size_t filter_offset(const WindowGeometry& g, int ky, int kx, int oc)
{
  return (static_cast<std::size_t>(ky) * g.kernel_w + kx) * g.output.channels + oc;
}

} // namespace

void depthwise_conv2d(const WindowGeometry& g, const quant::MacParams& params,
                      std::span<const std::int8_t> input, std::span<const std::int8_t> filter,
                      std::span<const std::int32_t> bias, std::span<std::int8_t> output)
{
  const int multiplier = check_sizes(g, input, filter, bias, output.size());
  expect_size(params.output_multipliers.size(), static_cast<std::size_t>(g.output.channels),
              "DEPTHWISE_CONV_2D multipliers");
  for (int n = 0; n < g.output.batch; ++n)
    for (int y = 0; y < g.output.height; ++y)
      for (int x = 0; x < g.output.width; ++x)
        for (int ic = 0; ic < g.input.channels; ++ic)
          for (int m = 0; m < multiplier; ++m) {
            const int oc = ic * multiplier + m;
            std::int32_t acc = 0;
            g.for_each_tap(y, x, [&](int iy, int ix, int ky, int kx) {
              const std::int32_t in = input[g.input.offset(n, iy, ix, ic)];
              const std::int32_t w = filter[filter_offset(g, ky, kx, oc)];
              acc += w * (in + params.input_offset);
            });
            output[g.output.offset(n, y, x, oc)] = mac_output(acc, bias, params, oc);
          }
}

void depthwise_conv2d(const WindowGeometry& g, quant::FloatRange activation, std::span<const float> input,
                      std::span<const float> filter, std::span<const float> bias, std::span<float> output)
{
  const int multiplier = check_sizes(g, input, filter, bias, output.size());
  for (int n = 0; n < g.output.batch; ++n)
    for (int y = 0; y < g.output.height; ++y)
      for (int x = 0; x < g.output.width; ++x)
        for (int ic = 0; ic < g.input.channels; ++ic)
          for (int m = 0; m < multiplier; ++m) {
            const int oc = ic * multiplier + m;
            float acc = 0.0f;
            g.for_each_tap(y, x, [&](int iy, int ix, int ky, int kx) {
              acc += input[g.input.offset(n, iy, ix, ic)] * filter[filter_offset(g, ky, kx, oc)];
            });
            if (!bias.empty())
              acc += bias[static_cast<std::size_t>(oc)];
            output[g.output.offset(n, y, x, oc)] = std::clamp(acc, activation.min, activation.max);
          }
}

} // namespace compiler::reference
