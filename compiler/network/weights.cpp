#include "compiler/network/weights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace compiler::network {

std::vector<double> draw_uniform(SplitMix64& stream, std::size_t count, double limit)
{
  std::vector<double> out(count);
  for (double& v : out)
    v = limit * stream.next_symmetric();
  return out;
}

std::vector<double> draw_he_uniform(SplitMix64& stream, std::size_t count, int fan_in)
{
  return draw_uniform(stream, count, std::sqrt(6.0 / fan_in));
}

PerChannelInt8 quantize_per_channel(const std::vector<double>& real, const std::vector<int>& shape, int axis)
{
  const auto channels = static_cast<std::size_t>(shape.at(axis));
  // Elements of one index along `axis` repeat every `inner` elements.
  std::size_t inner = 1;
  for (std::size_t d = axis + 1; d < shape.size(); ++d)
    inner *= static_cast<std::size_t>(shape[d]);
  const auto channel_of = [&](std::size_t i) { return (i / inner) % channels; };

  std::vector<double> largest(channels, 0.0);
  for (std::size_t i = 0; i < real.size(); ++i)
    largest[channel_of(i)] = std::max(largest[channel_of(i)], std::abs(real[i]));

  PerChannelInt8 q;
  q.scales.resize(channels);
  for (std::size_t c = 0; c < channels; ++c)
    q.scales[c] = largest[c] > 0.0 ? static_cast<float>(largest[c] / 127.0) : 1.0f;
  q.values.resize(real.size());
  for (std::size_t i = 0; i < real.size(); ++i) {
    const double v = std::round(real[i] / q.scales[channel_of(i)]);
    q.values[i] = static_cast<std::int8_t>(std::clamp(v, -127.0, 127.0));
  }
  return q;
}

Int32Bias quantize_bias(const std::vector<double>& real, float input_scale, const std::vector<float>& filter_scales)
{
  if (real.size() != filter_scales.size())
    throw std::logic_error("quantize_bias: one bias per filter channel");
  Int32Bias b;
  b.scales.resize(real.size());
  b.values.resize(real.size());
  constexpr double kLimit = std::numeric_limits<std::int32_t>::max();
  for (std::size_t c = 0; c < real.size(); ++c) {
    b.scales[c] = input_scale * filter_scales[c];
    b.values[c] = static_cast<std::int32_t>(std::clamp(std::round(real[c] / b.scales[c]), -kLimit, kLimit));
  }
  return b;
}

}  // namespace compiler::network
