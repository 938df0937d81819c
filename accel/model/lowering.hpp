// How the control turns a layer into array passes: which output pixels and
// channels a pass computes, what it reads, and how zero points leave the
// array. Shared by the functional model (ops.cpp, over whole tensors) and
// the device's control (over the rows its input buffer holds), so the two
// tile the same way.
//
// A convolution (and a fully connected layer, a 1x1 convolution over a
// 1x1 image) is a matrix product: pixels x (kh*kw*in_c) times
// (kh*kw*in_c) x out_c. A pass takes up to `rows` consecutive output
// pixels (raster order within one image) and up to `cols` output
// channels. A depthwise convolution is one product per input channel:
// pixels x (kh*kw) times (kh*kw) x depth_multiplier; its passes use
// depth_multiplier columns of the array.
#pragma once
#include <cstdint>
#include <span>

#include "accel/model/layers.hpp"

namespace accel::model {

// Rows [first_row, first_row + rows) of one NHWC image, `width` pixels of
// `channels` bytes each, held contiguously in `data`.
struct InputWindow {
  std::span<const int8_t> data;
  uint32_t first_row = 0, rows = 0;
  uint32_t width = 0, channels = 0;
};

// Input rows [first, last] that output rows [out_first, out_last] read,
// clipped to the image (first > last: all of them are padding).
struct RowSpan {
  int64_t first = 0, last = -1;
};
RowSpan input_rows(const Window2d& w, uint32_t out_first, uint32_t out_last);

// a[i * k + kk] for output pixels first_pixel .. first_pixel+m-1 of one
// image, k = kernel_h * kernel_w * channels in (ky, kx, c) order. Taps
// outside the image read pad_value (the input's zero point). The window
// must hold every row the pixels read (throws std::out_of_range if not).
void gather_patches(const Window2d& w, const InputWindow& in, uint32_t first_pixel, uint32_t m, int8_t pad_value,
                    std::span<int8_t> a);
// The same for one channel of a depthwise convolution: k = kernel_h * kernel_w.
void gather_channel_patches(const Window2d& w, const InputWindow& in, uint32_t channel, uint32_t first_pixel,
                            uint32_t m, int8_t pad_value, std::span<int8_t> a);

// w[j * k + kk] for the depth_multiplier outputs of input channel
// `channel`, from a [kh][kw][in_c * depth_multiplier] filter.
void gather_depthwise_weights(const DepthwiseShape& s, std::span<const int8_t> filter, uint32_t channel,
                              std::span<int8_t> w);

// The accumulators' start values: bias[j] + input_offset * sum_k w[j][k]
// (wrapping int32), so the array multiplies raw int8 values and a padded
// tap (the zero point) adds nothing. An empty bias counts as zeros.
void fold_bias(std::span<const int8_t> w, uint32_t n, uint32_t k, std::span<const int32_t> bias,
               int32_t input_offset, std::span<int32_t> out);

}  // namespace accel::model
