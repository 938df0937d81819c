#include "accel/model/lowering.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace accel::model {

namespace {

// The first byte of image row `row`, which the window must hold.
const int8_t* row_in_window(const InputWindow& in, int64_t row) {
  if (row < int64_t{in.first_row} || row >= int64_t{in.first_row} + in.rows)
    throw std::out_of_range("gather: input row " + std::to_string(row) + " is not in the window (rows " +
                            std::to_string(in.first_row) + ".." + std::to_string(int64_t{in.first_row} + in.rows - 1) +
                            ")");
  return in.data.data() + static_cast<size_t>(row - in.first_row) * in.width * in.channels;
}

void check_gather(const Window2d& w, const InputWindow& in, uint64_t first_pixel, uint64_t m, uint64_t k,
                  size_t a_size) {
  if (in.width != w.in_w) throw std::invalid_argument("gather: the window's width is not the image's");
  if (in.data.size() < uint64_t{in.rows} * in.width * in.channels)
    throw std::invalid_argument("gather: the window's data is smaller than rows x width x channels");
  if (first_pixel + m > uint64_t{w.out_h} * w.out_w)
    throw std::out_of_range("gather: output pixels past the end of the image");
  if (a_size < m * k) throw std::invalid_argument("gather: the patch buffer is smaller than m x k");
}

// The patches of output pixels first_pixel.. of one image: for each kernel
// tap, `count` bytes from channel `channel_first` of the input pixel, or
// pad_value where the tap falls outside the image. A whole row of taps
// outside the image is filled at once, so padding costs no window lookups.
void gather(const Window2d& w, const InputWindow& in, uint32_t channel_first, uint32_t count, uint32_t first_pixel,
            uint32_t m, int8_t pad_value, std::span<int8_t> a) {
  const uint64_t k = uint64_t{w.kernel_h} * w.kernel_w * count;
  check_gather(w, in, first_pixel, m, k, a.size());
  int8_t* out = a.data();
  for (uint64_t p = first_pixel; p < uint64_t{first_pixel} + m; ++p) {
    const int64_t y0 = static_cast<int64_t>(p / w.out_w) * w.stride_h - w.pad_top;
    const int64_t x0 = static_cast<int64_t>(p % w.out_w) * w.stride_w - w.pad_left;
    for (uint32_t ky = 0; ky < w.kernel_h; ++ky) {
      const int64_t iy = y0 + int64_t{ky} * w.dilation_h;
      if (iy < 0 || iy >= int64_t{w.in_h}) {
        out = std::fill_n(out, size_t{w.kernel_w} * count, pad_value);
        continue;
      }
      const int8_t* row = row_in_window(in, iy) + channel_first;
      for (uint32_t kx = 0; kx < w.kernel_w; ++kx) {
        const int64_t ix = x0 + int64_t{kx} * w.dilation_w;
        if (ix < 0 || ix >= int64_t{w.in_w})
          out = std::fill_n(out, count, pad_value);
        else
          out = std::copy_n(row + static_cast<size_t>(ix) * in.channels, count, out);
      }
    }
  }
}

}  // namespace

RowSpan input_rows(const Window2d& w, uint32_t out_first, uint32_t out_last) {
  if (out_first > out_last) return {};
  const int64_t first = int64_t{out_first} * w.stride_h - w.pad_top;
  const int64_t last = int64_t{out_last} * w.stride_h - w.pad_top + (int64_t{w.kernel_h} - 1) * w.dilation_h;
  return {.first = std::max<int64_t>(first, 0), .last = std::min<int64_t>(last, int64_t{w.in_h} - 1)};
}

void gather_patches(const Window2d& w, const InputWindow& in, uint32_t first_pixel, uint32_t m, int8_t pad_value,
                    std::span<int8_t> a) {
  gather(w, in, 0, in.channels, first_pixel, m, pad_value, a);
}

void gather_channel_patches(const Window2d& w, const InputWindow& in, uint32_t channel, uint32_t first_pixel,
                            uint32_t m, int8_t pad_value, std::span<int8_t> a) {
  if (channel >= in.channels) throw std::out_of_range("gather: channel past the input's channels");
  gather(w, in, channel, 1, first_pixel, m, pad_value, a);
}

void gather_depthwise_weights(const DepthwiseShape& s, std::span<const int8_t> filter, uint32_t channel,
                              std::span<int8_t> w) {
  const uint64_t k = uint64_t{s.window.kernel_h} * s.window.kernel_w;
  const uint64_t out_c = uint64_t{s.in_c} * s.depth_multiplier;
  if (channel >= s.in_c) throw std::out_of_range("depthwise weights: channel past the input's channels");
  if (filter.size() < k * out_c) throw std::invalid_argument("depthwise weights: the filter is smaller than its shape");
  if (w.size() < k * s.depth_multiplier)
    throw std::invalid_argument("depthwise weights: the buffer is smaller than depth_multiplier x k");
  // filter[kk][channel * multiplier + j] -> w[j][kk]: output channel
  // channel * multiplier + j reads input channel `channel` (TFLite's order).
  const size_t first_output = size_t{channel} * s.depth_multiplier;
  for (size_t j = 0; j < s.depth_multiplier; ++j)
    for (size_t kk = 0; kk < k; ++kk) w[j * k + kk] = filter[kk * out_c + first_output + j];
}

void fold_bias(std::span<const int8_t> w, uint32_t n, uint32_t k, std::span<const int32_t> bias,
               int32_t input_offset, std::span<int32_t> out) {
  if (w.size() < uint64_t{n} * k) throw std::invalid_argument("fold_bias: the weights are smaller than n x k");
  if (!bias.empty() && bias.size() < n) throw std::invalid_argument("fold_bias: the bias has fewer than n entries");
  if (out.size() < n) throw std::invalid_argument("fold_bias: the output has fewer than n entries");
  // Unsigned arithmetic: the sums wrap modulo 2^32 like the accumulators,
  // which is what makes the fold exact (TFLite's sum of (x + offset) * w
  // equals sum x * w + offset * sum w modulo 2^32).
  for (size_t j = 0; j < n; ++j) {
    uint32_t weight_sum = 0;
    for (size_t kk = 0; kk < k; ++kk) weight_sum += static_cast<uint32_t>(int32_t{w[j * k + kk]});
    const uint32_t start = bias.empty() ? 0u : static_cast<uint32_t>(bias[j]);
    out[j] = static_cast<int32_t>(start + static_cast<uint32_t>(input_offset) * weight_sum);
  }
}

}  // namespace accel::model
