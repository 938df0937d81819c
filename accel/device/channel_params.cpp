#include "accel/device/channel_params.hpp"

#include <cstring>

#include "accel/model/checks.hpp"

namespace accel::device {

namespace {
int32_t word_at(std::span<const int8_t> buffer, uint32_t offset) {
  int32_t v = 0;
  std::memcpy(&v, buffer.data() + offset, 4);  // little-endian, like the system bus
  return v;
}
}  // namespace

void ChannelParams::add_loads(std::vector<Transfer>& loads, const MacAddresses& at, uint32_t first,
                              uint32_t half_offset) const {
  if (at.bias) loads.push_back({*at.bias + 4 * first, ACCEL_BUFFER_WEIGHT, half_offset + bias(), 4 * channels});
  loads.push_back({at.multipliers + 4 * first, ACCEL_BUFFER_WEIGHT, half_offset + multipliers(), 4 * channels});
  loads.push_back({at.shifts + 4 * first, ACCEL_BUFFER_WEIGHT, half_offset + shifts(), 4 * channels});
}

std::vector<int32_t> ChannelParams::biases(std::span<const int8_t> buffer, bool has_bias, uint32_t first,
                                           uint32_t n) const {
  std::vector<int32_t> b(n, 0);
  if (has_bias)
    for (uint32_t j = 0; j < n; ++j) b[j] = word_at(buffer, bias() + 4 * (first + j));
  return b;
}

std::vector<model::Requant> ChannelParams::requants(std::span<const int8_t> buffer, uint32_t first, uint32_t n) const {
  std::vector<model::Requant> r(n);
  for (uint32_t j = 0; j < n; ++j) {
    r[j].multiplier = word_at(buffer, multipliers() + 4 * (first + j));
    r[j].shift = word_at(buffer, shifts() + 4 * (first + j));
    check_parameters([&] { model::check_shift("per-channel parameters", r[j].shift); });
  }
  return r;
}

uint32_t channels_that_fit(uint32_t half_bytes, uint32_t weight_bytes_per_channel, uint32_t total, uint32_t group) {
  auto fits = [&](uint64_t c) { return align4(static_cast<uint32_t>(c * weight_bytes_per_channel)) + 12 * c <= half_bytes; };
  const uint64_t per_channel = uint64_t{weight_bytes_per_channel} + 12;
  uint64_t c = std::min<uint64_t>(total, half_bytes / per_channel);
  while (c > 0 && !fits(c)) --c;
  if (c < total && c >= group) c -= c % group;
  return static_cast<uint32_t>(c);
}

}  // namespace accel::device
