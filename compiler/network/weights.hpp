// A layer's deterministic parameters: real values drawn from a SplitMix64
// stream, and their int8 form (symmetric per-channel weights, int32 biases)
// as TFLite's converter quantizes them.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/network/splitmix.hpp"

namespace compiler::network {

// `count` values uniform in [-limit, limit).
std::vector<double> draw_uniform(SplitMix64& stream, std::size_t count, double limit);

// He-uniform weights (He et al. 2015): limit sqrt(6 / fan_in), a variance
// of 2 / fan_in, which keeps an activation's mean square the same through a
// layer followed by ReLU.
std::vector<double> draw_he_uniform(SplitMix64& stream, std::size_t count, int fan_in);

struct PerChannelInt8 {
  std::vector<std::int8_t> values;
  std::vector<float> scales;  // one per channel; zero points are all 0
};

// Symmetric per-channel quantization along `axis` of `shape`: a channel's
// scale is its largest magnitude / 127, each value round(w / scale) (half
// away from zero) in [-127, 127]. An all-zero channel gets scale 1.
PerChannelInt8 quantize_per_channel(const std::vector<double>& real, const std::vector<int>& shape, int axis);

// int32 biases with scale input_scale * filter_scale[c] (computed in float,
// as the bias tensor stores it), round half away from zero.
struct Int32Bias {
  std::vector<std::int32_t> values;
  std::vector<float> scales;
};
Int32Bias quantize_bias(const std::vector<double>& real, float input_scale, const std::vector<float>& filter_scales);

}  // namespace compiler::network
