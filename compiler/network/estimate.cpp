#include "compiler/network/estimate.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace compiler::network {

using graph::Activation;

double Estimate::rms() const
{
  double sum = 0.0;
  for (std::size_t c = 0; c < channels(); ++c)
    sum += mean[c] * mean[c] + variance[c];
  return std::sqrt(sum / static_cast<double>(channels()));
}

Estimate estimate_uniform(double low, double high)
{
  return Estimate{{(low + high) / 2.0}, {(high - low) * (high - low) / 12.0}, low >= 0.0};
}

Estimate collapse(const Estimate& e)
{
  // A mixture's variance: the mean of the variances plus the variance of the means.
  double mean = 0.0;
  double square = 0.0;
  for (std::size_t c = 0; c < e.channels(); ++c) {
    mean += e.mean[c];
    square += e.variance[c] + e.mean[c] * e.mean[c];
  }
  const auto n = static_cast<double>(e.channels());
  mean /= n;
  return Estimate{{mean}, {std::max(0.0, square / n - mean * mean)}, e.non_negative};
}

Estimate through_dense(const Estimate& in, const std::vector<double>& weights, int out_channels,
                       const std::vector<double>& bias)
{
  const std::size_t block = weights.size() / static_cast<std::size_t>(out_channels);
  // A block whose length the input's channels do not divide (a flattened
  // input of another layout) sees the channels mixed.
  const Estimate source = block % in.channels() == 0 ? in : collapse(in);
  Estimate out;
  for (int o = 0; o < out_channels; ++o) {
    double mean = bias.empty() ? 0.0 : bias[o];
    double variance = 0.0;
    for (std::size_t j = 0; j < block; ++j) {
      const double w = weights[o * block + j];
      mean += w * source.mean_of(j);
      variance += w * w * source.variance_of(j);
    }
    out.mean.push_back(mean);
    out.variance.push_back(variance);
  }
  return out;
}

Estimate through_depthwise(const Estimate& in, const std::vector<double>& weights, int out_channels,
                           int multiplier, const std::vector<double>& bias)
{
  const std::size_t taps = weights.size() / static_cast<std::size_t>(out_channels);
  Estimate out;
  for (int o = 0; o < out_channels; ++o) {
    const std::size_t c = static_cast<std::size_t>(o / multiplier);
    double mean = bias.empty() ? 0.0 : bias[o];
    double variance = 0.0;
    for (std::size_t t = 0; t < taps; ++t) {
      const double w = weights[t * out_channels + o];
      mean += w * in.mean_of(c);
      variance += w * w * in.variance_of(c);
    }
    out.mean.push_back(mean);
    out.variance.push_back(variance);
  }
  return out;
}

Estimate through_add(const Estimate& a, const Estimate& b)
{
  const std::size_t n = std::max(a.channels(), b.channels());
  Estimate out;
  out.non_negative = a.non_negative && b.non_negative;
  for (std::size_t c = 0; c < n; ++c) {
    out.mean.push_back(a.mean_of(c) + b.mean_of(c));
    out.variance.push_back(a.variance_of(c) + b.variance_of(c));
  }
  return out;
}

Estimate through_concatenation(const std::vector<Estimate>& inputs, const std::vector<int>& channel_counts,
                               bool along_channels)
{
  Estimate out;
  out.non_negative = std::all_of(inputs.begin(), inputs.end(), [](const Estimate& e) { return e.non_negative; });
  if (along_channels) {
    for (std::size_t i = 0; i < inputs.size(); ++i)
      for (int c = 0; c < channel_counts[i]; ++c) {
        out.mean.push_back(inputs[i].mean_of(c));
        out.variance.push_back(inputs[i].variance_of(c));
      }
    return out;
  }
  // Each channel holds elements of every input: an equal mixture.
  const auto n = static_cast<double>(inputs.size());
  for (int c = 0; c < channel_counts[0]; ++c) {
    double mean = 0.0;
    double square = 0.0;
    for (const Estimate& e : inputs) {
      mean += e.mean_of(c);
      square += e.variance_of(c) + e.mean_of(c) * e.mean_of(c);
    }
    mean /= n;
    out.mean.push_back(mean);
    out.variance.push_back(std::max(0.0, square / n - mean * mean));
  }
  return out;
}

Estimate through_average(const Estimate& in, int taps)
{
  Estimate out = in;
  for (double& v : out.variance)
    v /= taps;
  return out;
}

Estimate through_maximum(const Estimate& in, int taps)
{
  Estimate out = in;
  const double shift = std::sqrt(2.0 * std::log(static_cast<double>(taps)));
  for (std::size_t c = 0; c < out.channels(); ++c)
    out.mean[c] += shift * std::sqrt(out.variance[c]);
  return out;
}

Estimate through_activation(const Estimate& in, Activation activation)
{
  if (activation != Activation::Relu && activation != Activation::Relu6)
    return in;
  Estimate out;
  out.non_negative = true;
  for (std::size_t c = 0; c < in.channels(); ++c) {
    const double m = in.mean[c];
    const double s = std::sqrt(in.variance[c]);
    if (s == 0.0) {
      out.mean.push_back(std::max(m, 0.0));
      out.variance.push_back(0.0);
      continue;
    }
    const double z = m / s;
    const double cdf = 0.5 * std::erfc(-z / std::numbers::sqrt2);
    const double pdf = std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
    const double first = m * cdf + s * pdf;
    const double second = (m * m + s * s) * cdf + m * s * pdf;
    out.mean.push_back(first);
    out.variance.push_back(std::max(0.0, second - first * first));
  }
  return out;
}

graph::Quantization quantization_for(const Estimate& pre_activation, Activation activation)
{
  double low = 0.0;  // the range always holds 0, so that 0 is exact
  double high = 0.0;
  for (std::size_t c = 0; c < pre_activation.channels(); ++c) {
    const double spread = kRangeInSigmas * std::sqrt(pre_activation.variance[c]);
    low = std::min(low, pre_activation.mean[c] - spread);
    high = std::max(high, pre_activation.mean[c] + spread);
  }
  if (pre_activation.non_negative)
    low = 0.0;
  switch (activation) {
  case Activation::None: break;
  case Activation::Relu: low = 0.0; break;
  case Activation::Relu6: low = 0.0; high = std::min(high, 6.0); break;
  case Activation::ReluN1To1: low = std::max(low, -1.0); high = std::min(high, 1.0); break;
  }
  if (high - low <= 0.0)
    high = low + 1.0;  // a constant zero: any scale represents it
  const double scale = (high - low) / 255.0;
  // The zero point that puts `low` at -128, rounded: 0 lands on an integer.
  const double zero_point = std::clamp(std::round(-128.0 - low / scale), -128.0, 127.0);
  graph::Quantization q;
  q.scales = {static_cast<float>(scale)};
  q.zero_points = {static_cast<std::int64_t>(zero_point)};
  return q;
}

}  // namespace compiler::network
