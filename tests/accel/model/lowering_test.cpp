// TFLite's padding arithmetic and how a layer becomes array operands
// (lowering.hpp), on images small enough to work every value by hand.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "accel/model/layers.hpp"
#include "accel/model/lowering.hpp"

using namespace accel::model;

namespace {

using Bytes = std::vector<int8_t>;

// TFLite: SAME gives out = ceil(in / stride) and pads
// max(0, (out - 1) * stride + dilated_kernel - in) in total, the smaller
// half before; VALID gives out = (in - dilated_kernel) / stride + 1 and no
// padding, with dilated_kernel = (kernel - 1) * dilation + 1.
void check_padding(Padding p, uint32_t in, uint32_t kernel, uint32_t stride, uint32_t dilation, uint32_t out,
                   uint32_t pad) {
  const SpatialPadding got = padding_for(p, in, kernel, stride, dilation);
  CHECK(got.out == out);
  CHECK(got.pad_before == pad);
}

// A 3x3 image of 2 channels: pixel q = 3y + x holds {10q, 10q + 1}.
Bytes image_3x3x2() {
  Bytes image;
  for (int q = 0; q < 9; ++q) {
    image.push_back(static_cast<int8_t>(10 * q));
    image.push_back(static_cast<int8_t>(10 * q + 1));
  }
  return image;
}

// 3x3 kernel, stride 1, padding 1: SAME over 3x3.
Window2d same_3x3() {
  return {.in_h = 3, .in_w = 3, .out_h = 3, .out_w = 3, .kernel_h = 3, .kernel_w = 3, .pad_top = 1, .pad_left = 1};
}

InputWindow whole(const Bytes& image) {
  return {.data = image, .first_row = 0, .rows = 3, .width = 3, .channels = 2};
}

constexpr int8_t P = -5;  // the pad value in these tests

}  // namespace

TEST_CASE("padding_for: SAME and VALID with stride") {
  // SAME, in 5, k 3, stride 2: out = ceil(5/2) = 3; total = 2*2 + 3 - 5 = 2; pad 1
  check_padding(Padding::Same, 5, 3, 2, 1, 3, 1);
  // VALID: (5 - 3) / 2 + 1 = 2
  check_padding(Padding::Valid, 5, 3, 2, 1, 2, 0);
  // SAME, in 6, k 3, stride 2: out 3; total = 2*2 + 3 - 6 = 1; pad 0 (the odd one goes after)
  check_padding(Padding::Same, 6, 3, 2, 1, 3, 0);
  // SAME, in 4, k 2, stride 1: out 4; total = 3 + 2 - 4 = 1; pad 0
  check_padding(Padding::Same, 4, 2, 1, 1, 4, 0);
  // SAME, in 5, k 1, stride 3: out 2; total = max(0, 3 + 1 - 5) = 0
  check_padding(Padding::Same, 5, 1, 3, 1, 2, 0);
  // SAME, in 3, k 3, stride 1: out 3; total 2; pad 1
  check_padding(Padding::Same, 3, 3, 1, 1, 3, 1);
}

TEST_CASE("padding_for: dilation, and VALID with a kernel larger than the input") {
  // dilated kernel (3 - 1) * 2 + 1 = 5. SAME, in 7: out 7; total = 6 + 5 - 7 = 4; pad 2
  check_padding(Padding::Same, 7, 3, 1, 2, 7, 2);
  // VALID, in 7: (7 - 5) / 1 + 1 = 3
  check_padding(Padding::Valid, 7, 3, 1, 2, 3, 0);
  // VALID, in 2, k 3: no output
  check_padding(Padding::Valid, 2, 3, 1, 1, 0, 0);
  // SAME, in 2, k 3, dilation 2, stride 2: out 1; total = 0 + 5 - 2 = 3; pad 1
  check_padding(Padding::Same, 2, 3, 2, 2, 1, 1);
}

TEST_CASE("input_rows: the rows output rows read, clipped to the image") {
  // in 5, k 3, stride 2, pad 1: output row r reads rows 2r - 1 .. 2r + 1.
  const Window2d w{.in_h = 5, .in_w = 5, .out_h = 3, .out_w = 3, .kernel_h = 3, .kernel_w = 3, .stride_h = 2,
                   .stride_w = 2, .pad_top = 1, .pad_left = 1};
  RowSpan r = input_rows(w, 0, 0);  // -1..1 -> 0..1
  CHECK(r.first == 0);
  CHECK(r.last == 1);
  r = input_rows(w, 1, 2);  // 1 .. 2*2 - 1 + 2 = 5 -> 1..4
  CHECK(r.first == 1);
  CHECK(r.last == 4);
  r = input_rows(w, 1, 1);  // 1..3
  CHECK(r.first == 1);
  CHECK(r.last == 3);
  r = input_rows(w, 0, 2);  // the whole image
  CHECK(r.first == 0);
  CHECK(r.last == 4);
}

TEST_CASE("input_rows: dilation, and output rows that read only padding") {
  // in 7, k 3, dilation 2, pad 2: output row r reads r - 2 .. r + 2.
  const Window2d d{.in_h = 7, .in_w = 7, .out_h = 7, .out_w = 7, .kernel_h = 3, .kernel_w = 3, .dilation_h = 2,
                   .dilation_w = 2, .pad_top = 2, .pad_left = 2};
  RowSpan r = input_rows(d, 0, 0);  // -2..2 -> 0..2
  CHECK(r.first == 0);
  CHECK(r.last == 2);
  r = input_rows(d, 6, 6);  // 4..8 -> 4..6
  CHECK(r.first == 4);
  CHECK(r.last == 6);
  // in 2, k 3, pad 3: output row 0 reads -3..-1, all padding.
  const Window2d p{.in_h = 2, .in_w = 2, .out_h = 1, .out_w = 1, .kernel_h = 3, .kernel_w = 3, .pad_top = 3};
  r = input_rows(p, 0, 0);
  CHECK(r.first > r.last);
}

TEST_CASE("gather_patches: a corner and the centre of a padded 3x3x2 image") {
  const Bytes image = image_3x3x2();
  Bytes a(2 * 18);
  // Pixel 0 (0,0): kernel row -1 is padding; rows 0 and 1 read pad, pixel 3y, pixel 3y + 1.
  gather_patches(same_3x3(), whole(image), 0, 1, P, a);
  const Bytes corner{P, P, P, P, P, P,  // ky -1
                     P, P, 0, 1, 10, 11,  // ky 0: pad, pixel 0, pixel 1
                     P, P, 30, 31, 40, 41};  // ky 1: pad, pixel 3, pixel 4
  CHECK(Bytes(a.begin(), a.begin() + 18) == corner);
  // Pixels 4 (1,1) and 5 (1,2), one call: pixel 4 reads all nine pixels;
  // pixel 5 reads pixels 1, 2, 4, 5, 7, 8 with padding on the right.
  gather_patches(same_3x3(), whole(image), 4, 2, P, a);
  const Bytes centre_and_right{0, 1, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51, 60, 61, 70, 71, 80, 81,
                               10, 11, 20, 21, P, P, 40, 41, 50, 51, P, P, 70, 71, 80, 81, P, P};
  CHECK(a == centre_and_right);
}

TEST_CASE("gather_patches: stride and dilation pick taps apart") {
  const Bytes image = image_3x3x2();
  // 2x2 kernel dilated by 2, no padding, over 3x3: one output reading pixels 0, 2, 6, 8.
  const Window2d dilated{.in_h = 3, .in_w = 3, .out_h = 1, .out_w = 1, .kernel_h = 2, .kernel_w = 2,
                         .dilation_h = 2, .dilation_w = 2};
  Bytes a(8);
  gather_patches(dilated, whole(image), 0, 1, P, a);
  CHECK(a == Bytes{0, 1, 20, 21, 60, 61, 80, 81});
  // 1x1 kernel, stride 2: outputs (0,0), (0,1), (1,0), (1,1) read pixels 0, 2, 6, 8.
  const Window2d strided{.in_h = 3, .in_w = 3, .out_h = 2, .out_w = 2, .stride_h = 2, .stride_w = 2};
  gather_patches(strided, whole(image), 0, 4, P, a);
  CHECK(a == Bytes{0, 1, 20, 21, 60, 61, 80, 81});
}

TEST_CASE("gather_channel_patches: one channel of the padded image") {
  const Bytes image = image_3x3x2();
  Bytes a(9);
  gather_channel_patches(same_3x3(), whole(image), 1, 0, 1, P, a);  // pixel 0, channel 1
  CHECK(a == Bytes{P, P, P, P, 1, 11, P, 31, 41});
  gather_channel_patches(same_3x3(), whole(image), 0, 8, 1, P, a);  // pixel 8, channel 0
  CHECK(a == Bytes{40, 50, P, 70, 80, P, P, P, P});
}

TEST_CASE("gather: a window of some rows serves the pixels that read only those rows") {
  const Bytes image = image_3x3x2();
  // Rows 1 and 2 only (data starts at pixel 3).
  const InputWindow lower{.data = std::span<const int8_t>(image).subspan(6), .first_row = 1, .rows = 2, .width = 3,
                          .channels = 2};
  Bytes a(18);
  gather_patches(same_3x3(), lower, 8, 1, P, a);  // pixel 8 reads rows 1..2 and padding
  CHECK(a == Bytes{40, 41, 50, 51, P, P, 70, 71, 80, 81, P, P, P, P, P, P, P, P});
  // Pixel 0 reads row 0, which the window lacks.
  CHECK_THROWS_AS(gather_patches(same_3x3(), lower, 0, 1, P, a), std::out_of_range);
  CHECK_THROWS_AS(gather_channel_patches(same_3x3(), lower, 1, 2, 1, P, a), std::out_of_range);
  // Pixels past the end of the image, and a channel past the input's.
  Bytes two(36);
  CHECK_THROWS_AS(gather_patches(same_3x3(), whole(image), 8, 2, P, two), std::out_of_range);
  CHECK_THROWS_AS(gather_channel_patches(same_3x3(), whole(image), 2, 0, 1, P, a), std::out_of_range);
}

TEST_CASE("gather_depthwise_weights: a channel's depth_multiplier rows") {
  // in_c 2, multiplier 2, kernel 2x1: filter[kk][4] with kk 0 = {1, 2, 3, 4}, kk 1 = {5, 6, 7, 8}.
  // Output channel c * 2 + j reads input channel c.
  const DepthwiseShape s{.in_c = 2, .depth_multiplier = 2, .window = {.kernel_h = 2, .kernel_w = 1}};
  const Bytes filter{1, 2, 3, 4, 5, 6, 7, 8};
  Bytes w(4);
  gather_depthwise_weights(s, filter, 0, w);
  CHECK(w == Bytes{1, 5, 2, 6});  // outputs 0, 1
  gather_depthwise_weights(s, filter, 1, w);
  CHECK(w == Bytes{3, 7, 4, 8});  // outputs 2, 3
  CHECK_THROWS_AS(gather_depthwise_weights(s, filter, 2, w), std::out_of_range);
}

TEST_CASE("fold_bias: bias + input_offset * sum of the column's weights") {
  const Bytes w{1, 2, 3, -4, 5, -6};  // n 2, k 3: sums 6 and -5
  std::vector<int32_t> out(2);
  fold_bias(w, 2, 3, std::vector<int32_t>{100, -100}, 7, out);
  CHECK(out == std::vector<int32_t>{142, -135});  // 100 + 7*6, -100 + 7*(-5)
  fold_bias(w, 2, 3, {}, 7, out);                 // no bias: zeros
  CHECK(out == std::vector<int32_t>{42, -35});
  fold_bias(w, 2, 3, std::vector<int32_t>{100, -100}, 0, out);
  CHECK(out == std::vector<int32_t>{100, -100});
}

TEST_CASE("fold_bias: wraps like the int32 accumulators") {
  constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
  constexpr int32_t kMax = std::numeric_limits<int32_t>::max();
  std::vector<int32_t> out(1);
  fold_bias(Bytes{1}, 1, 1, std::vector<int32_t>{kMax}, 1, out);  // 2^31 - 1 + 1 wraps to -2^31
  CHECK(out[0] == kMin);
  fold_bias(Bytes{-1}, 1, 1, std::vector<int32_t>{kMin}, 1, out);  // -2^31 - 1 wraps to 2^31 - 1
  CHECK(out[0] == kMax);
  // 128 * (-128 * 2) = -32768 from a bias of -2^31 + 100: -2^31 + 100 - 32768 wraps to 2^31 - 32668
  fold_bias(Bytes{-128, -128}, 1, 2, std::vector<int32_t>{kMin + 100}, 128, out);
  CHECK(out[0] == kMax - 32667);
}
