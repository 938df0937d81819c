// Per-channel parameters in a weight-buffer half: after the chunk's
// weights (padded to a word), its bias, multipliers and shifts, int32 each.
// Loaded with the weights, read by the passes.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "accel/device/command.hpp"
#include "accel/device/pipeline.hpp"
#include "accel/model/quant.hpp"

namespace accel::device {

constexpr uint32_t align4(uint32_t n) { return (n + 3) & ~3u; }

// Where a chunk of `channels` output channels keeps its parameters in its
// weight-buffer half, after `weight_bytes` of weights (offsets from the
// half's start).
struct ChannelParams {
  uint32_t weight_bytes = 0, channels = 0;
  uint32_t bias() const { return align4(weight_bytes); }
  uint32_t multipliers() const { return bias() + 4 * channels; }
  uint32_t shifts() const { return multipliers() + 4 * channels; }

  // The transfers that load output channels [first, first + channels) into
  // the half at `half_offset` of the weight buffer.
  void add_loads(std::vector<Transfer>& loads, const MacAddresses& at, uint32_t first, uint32_t half_offset) const;
  // Channel j's values (j < channels), from the buffer; a shift outside
  // [-31, 30] is a PARAMETER error.
  std::vector<int32_t> biases(std::span<const int8_t> buffer, bool has_bias, uint32_t first, uint32_t n) const;
  std::vector<model::Requant> requants(std::span<const int8_t> buffer, uint32_t first, uint32_t n) const;
};

// The largest chunk of channels, each taking `weight_bytes_per_channel`
// plus its parameters, that fits `half_bytes`: all `total` channels, or a
// multiple of `group` (the array's columns) when it can be, or fewer than
// a group when even one group does not fit. Zero: not one channel fits.
uint32_t channels_that_fit(uint32_t half_bytes, uint32_t weight_bytes_per_channel, uint32_t total, uint32_t group);

}  // namespace accel::device
