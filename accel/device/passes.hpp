// The passes of one group of output channels over a band of pixels: the
// part a convolution's and a depthwise convolution's steps share. Folds
// the input offset into the group's bias, feeds the engine blocks of
// `rows` pixels, and writes the results into the band's output half
// ([pixel][channel of the chunk]).
#pragma once
#include <cstdint>
#include <functional>
#include <span>

#include "accel/device/channel_params.hpp"
#include "accel/device/pipeline.hpp"
#include "accel/engine/compute_engine.hpp"
#include "accel/model/layers.hpp"

namespace accel::device {

struct ChannelGroup {
  std::span<const int8_t> weights;  // n x k
  uint32_t n = 0, k = 0;
  uint32_t first = 0;               // its first channel in the chunk
};

// Fills a[i * k + kk] for `m` pixels from pixel `first_pixel` of the image.
using Gather = std::function<void(uint32_t first_pixel, uint32_t m, std::span<int8_t> a)>;

struct BandPasses {
  engine::ComputeEngine& engine;
  const ChannelParams& params;          // the chunk's parameters
  std::span<const int8_t> weight_half;  // where they are
  bool has_bias = false;
  const model::OutputQuant& quant;
  uint32_t first_pixel = 0, pixels = 0;  // the band
  std::span<int8_t> out;                 // the band's output half

  StepWork run(const ChannelGroup& g, const Gather& gather) const;
};

}  // namespace accel::device
