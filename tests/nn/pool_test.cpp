// MAX_POOL_2D and AVERAGE_POOL_2D, int8 (workloads/nn/nn_pool.c), on cases
// worked out by hand from TFLite's definitions: only the taps inside the
// image count (an average at a padded corner divides by 4, not 9), the
// average rounds to nearest with ties away from zero, the result is clamped.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "nn_ops.h"

namespace {

// One pooling layer on in_h x in_w x channels images, stride in both
// dimensions, TFLite's SAME or VALID padding.
nn_pool_shape pool_shape(int32_t batch, int32_t in_h, int32_t in_w, int32_t channels,
                         int32_t kernel_h, int32_t kernel_w, int32_t stride, nn_padding padding) {
  nn_pool_shape s{};
  s.batch = batch;
  s.channels = channels;
  nn_window& w = s.window;
  w.in_h = in_h;
  w.in_w = in_w;
  w.kernel_h = kernel_h;
  w.kernel_w = kernel_w;
  w.stride_h = w.stride_w = stride;
  w.dilation_h = w.dilation_w = 0;  // ignored by pooling: 0 would break a kernel that used it
  nn_padding_for(padding, in_h, kernel_h, stride, 1, &w.out_h, &w.pad_top);
  nn_padding_for(padding, in_w, kernel_w, stride, 1, &w.out_w, &w.pad_left);
  return s;
}

size_t output_size(const nn_pool_shape& s) {
  return static_cast<size_t>(s.batch) * s.window.out_h * s.window.out_w * s.channels;
}

std::vector<int8_t> max_pool(const nn_pool_shape& s, const std::vector<int8_t>& in,
                             int32_t act_min = -128, int32_t act_max = 127) {
  std::vector<int8_t> out(output_size(s));
  nn_max_pool2d(&s, act_min, act_max, in.data(), out.data());
  return out;
}

std::vector<int8_t> avg_pool(const nn_pool_shape& s, const std::vector<int8_t>& in,
                             int32_t act_min = -128, int32_t act_max = 127) {
  std::vector<int8_t> out(output_size(s));
  nn_avg_pool2d(&s, act_min, act_max, in.data(), out.data());
  return out;
}

using Bytes = std::vector<int8_t>;

// 3x3, one channel: 1 2 3 / 4 5 6 / 7 8 9.
const Bytes kOneToNine{1, 2, 3, 4, 5, 6, 7, 8, 9};

}  // namespace

TEST_CASE("nn_avg_pool2d: ties round away from zero", "[nn][pool]") {
  // 1x2 window over a 1x2 image with two channels (NHWC: pixel 0 then 1).
  // channel 0: (-3 + -2) / 2 = -2.5 -> -3; channel 1: (3 + 2) / 2 = 2.5 -> 3.
  const nn_pool_shape two = pool_shape(1, 1, 2, 2, 1, 2, 1, NN_PADDING_VALID);
  CHECK(avg_pool(two, {-3, 3, -2, 2}) == Bytes{-3, 3});

  // 1x3 window, four channels: 4/3 = 1.33 -> 1, -4/3 -> -1, 5/3 = 1.67 -> 2,
  // -5/3 -> -2.
  const nn_pool_shape three = pool_shape(1, 1, 3, 4, 1, 3, 1, NN_PADDING_VALID);
  CHECK(avg_pool(three, {1, -1, 2, -2, /**/ 1, -1, 2, -2, /**/ 2, -2, 1, -1}) ==
        Bytes{1, -1, 2, -2});
}

TEST_CASE("nn_avg_pool2d: a padded window divides by its taps inside the image", "[nn][pool]") {
  // 3x3 SAME, stride 1 over 1..9: pad 1 on every side.
  //   corner (0,0): 1+2+4+5 = 12 / 4 = 3 (over 9 it would be 1)
  //   edge (0,1): 1+2+3+4+5+6 = 21 / 6 = 3.5 -> 4;  (0,2): 2+3+5+6 = 16 / 4 = 4
  //   (1,0): 1+2+4+5+7+8 = 27 / 6 = 4.5 -> 5;  centre: 45 / 9 = 5
  //   (1,2): 2+3+5+6+8+9 = 33 / 6 = 5.5 -> 6;  (2,0): 4+5+7+8 = 24 / 4 = 6
  //   (2,1): 4+5+6+7+8+9 = 39 / 6 = 6.5 -> 7;  (2,2): 5+6+8+9 = 28 / 4 = 7
  const nn_pool_shape s = pool_shape(1, 3, 3, 1, 3, 3, 1, NN_PADDING_SAME);
  REQUIRE(s.window.out_h == 3);
  REQUIRE(s.window.pad_top == 1);
  CHECK(avg_pool(s, kOneToNine) == Bytes{3, 4, 4, 5, 5, 6, 6, 7, 7});

  // The same negated: every tie goes the other way, away from zero.
  Bytes negated;
  for (int8_t v : kOneToNine) negated.push_back(static_cast<int8_t>(-v));
  CHECK(avg_pool(s, negated) == Bytes{-3, -4, -4, -5, -5, -6, -6, -7, -7});

  // Activation range [-2, 5] (RELU6-like on this scale): 6 and 7 clamp to 5.
  CHECK(avg_pool(s, kOneToNine, -2, 5) == Bytes{3, 4, 4, 5, 5, 5, 5, 5, 5});
}

TEST_CASE("nn_avg_pool2d: the second image of a batch is pooled on its own", "[nn][pool]") {
  // Image 1 is 2 * (1..9): each mean doubles, 12*2/4 = 6, 21*2/6 = 7, ...
  // 33*2/6 = 11, 39*2/6 = 13, no ties left.
  Bytes batch = kOneToNine;
  for (int8_t v : kOneToNine) batch.push_back(static_cast<int8_t>(2 * v));
  const nn_pool_shape s = pool_shape(2, 3, 3, 1, 3, 3, 1, NN_PADDING_SAME);
  CHECK(avg_pool(s, batch) == Bytes{3, 4, 4, 5, 5, 6, 6, 7, 7, /**/ 6, 7, 8, 9, 10, 11, 12, 13, 14});
}

TEST_CASE("nn_max_pool2d: the largest tap per channel, then the clamp", "[nn][pool]") {
  // Two channels: channel 0 is 1..9, channel 1 is -(1..9).
  Bytes in;
  for (int8_t v : kOneToNine) {
    in.push_back(v);
    in.push_back(static_cast<int8_t>(-v));
  }
  // 2x2 VALID, stride 1: windows {1,2,4,5} {2,3,5,6} {4,5,7,8} {5,6,8,9};
  // channel 1's maxima are minus their smallest magnitudes.
  const nn_pool_shape valid = pool_shape(1, 3, 3, 2, 2, 2, 1, NN_PADDING_VALID);
  CHECK(max_pool(valid, in) == Bytes{5, -1, 6, -2, 8, -4, 9, -5});
  // RELU ([0, 127]): channel 1 clamps to 0.
  CHECK(max_pool(valid, in, 0, 127) == Bytes{5, 0, 6, 0, 8, 0, 9, 0});
  // [-3, 7]: 8 and 9 clamp to 7, -4 and -5 to -3.
  CHECK(max_pool(valid, in, -3, 7) == Bytes{5, -1, 6, -2, 7, -3, 7, -3});
}

TEST_CASE("nn_max_pool2d: the padding never wins, even over negative taps", "[nn][pool]") {
  // 3x3 SAME, stride 2 over 3x3: out 2x2, pad 1 before. Window (0,0) covers
  // rows/cols -1..1, i.e. taps {1,2,4,5}; (0,1) cols 1..3 -> {2,3,5,6};
  // (1,0) {4,5,7,8}; (1,1) {5,6,8,9}. Of -(taps) the maximum is -(smallest);
  // a zero-padded maximum would be 0.
  Bytes negated;
  for (int8_t v : kOneToNine) negated.push_back(static_cast<int8_t>(-v));
  const nn_pool_shape s = pool_shape(1, 3, 3, 1, 3, 3, 2, NN_PADDING_SAME);
  REQUIRE(s.window.out_h == 2);
  REQUIRE(s.window.pad_top == 1);
  CHECK(max_pool(s, negated) == Bytes{-1, -2, -4, -5});
  CHECK(max_pool(s, kOneToNine) == Bytes{5, 6, 8, 9});
}
