// The quantization rule for a network's int8 activations. Random weights have
// no calibration data, so each activation's values are estimated from the
// network as stored instead: per channel (the last dimension), a mean and a
// variance, as if its elements were independent. The estimate starts at the
// input (uniform over its range), passes through each layer's weights and
// biases as drawn (before int8 rounding), and through ReLU as through a
// Gaussian. An activation's quantization then covers, over all channels, the
// pre-activation mean +- kRangeInSigmas standard deviations, clipped by the
// activation and stretched to include 0 (TFLite's asymmetric scheme).
#pragma once

#include <vector>

#include "compiler/graph/graph.hpp"

namespace compiler::network {

inline constexpr double kRangeInSigmas = 4.0;

struct Estimate {
  // Per channel; a single entry stands for every channel.
  std::vector<double> mean;
  std::vector<double> variance;
  // Known never to be negative (after ReLU, of a non-negative input): the
  // quantization then starts at 0 whatever the spread.
  bool non_negative = false;

  std::size_t channels() const { return mean.size(); }
  double mean_of(std::size_t c) const { return mean[c % mean.size()]; }
  double variance_of(std::size_t c) const { return variance[c % variance.size()]; }
  // The root mean square over all channels.
  double rms() const;
};

// Values spread uniformly over [low, high], the same in every channel.
Estimate estimate_uniform(double low, double high);

// All channels as one (a mixture of equally many elements per channel).
Estimate collapse(const Estimate& e);

// A layer whose output channel o reads a block of weights[o * K .. o * K + K)
// (conv2d's OHWI, fully_connected's [out][in]) and whose block element j
// reads input channel j % in_channels. `bias` empty: none.
Estimate through_dense(const Estimate& in, const std::vector<double>& weights, int out_channels,
                       const std::vector<double>& bias);
// A depthwise convolution, filter [1][kh][kw][in_c * multiplier]: output
// channel o reads input channel o / multiplier.
Estimate through_depthwise(const Estimate& in, const std::vector<double>& weights, int out_channels,
                           int multiplier, const std::vector<double>& bias);
Estimate through_add(const Estimate& a, const Estimate& b);
// Concatenation along the channels appends them; along another axis the
// channels mix.
Estimate through_concatenation(const std::vector<Estimate>& inputs, const std::vector<int>& channel_counts,
                               bool along_channels);
// An average over `taps` independent elements.
Estimate through_average(const Estimate& in, int taps);
// The largest of `taps` elements: the mean moves up by sqrt(2 ln taps)
// standard deviations (the growth of the maximum of Gaussians), the variance
// is kept.
Estimate through_maximum(const Estimate& in, int taps);
// ReLU of a Gaussian N(mean, variance): E[relu(x)] = m Phi(m/s) + s phi(m/s),
// E[relu(x)^2] = (m^2 + s^2) Phi(m/s) + m s phi(m/s). ReLU6 and ReLU_N1_TO_1
// are taken as ReLU and as none (upper bounds of their moments).
Estimate through_activation(const Estimate& in, graph::Activation activation);

// The int8 quantization (one scale, one zero point) that covers the
// pre-activation estimate after `activation`.
graph::Quantization quantization_for(const Estimate& pre_activation, graph::Activation activation);

}  // namespace compiler::network
