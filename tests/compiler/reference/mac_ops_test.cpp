// CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED on hand-worked cases.
#include "compiler/reference/conv.hpp"
#include "compiler/reference/depthwise.hpp"
#include "compiler/reference/fully_connected.hpp"

#include <catch2/catch.hpp>

using namespace compiler;
using namespace compiler::reference;
using quant::Multiplier;

namespace {

constexpr std::int32_t kHalf = std::int32_t{1} << 30; // 0.5 in Q0.31
const Multiplier kTimesHalf{kHalf, 0};
const Multiplier kTimesQuarter{kHalf, -1};
const Multiplier kTimesOne{kHalf, 1};

// 1x2x2x1 input, 2x2 kernel, 2 output channels, stride 1, SAME: one row and
// one column of padding after the input (total 1, 0 before).
WindowGeometry two_by_two_same()
{
  WindowGeometry g;
  g.input = {1, 2, 2, 1};
  g.output = {1, 2, 2, 2};
  g.kernel_h = g.kernel_w = 2;
  return g;
}

} // namespace

// Input q = [[1, 2], [3, 4]] with zero point -1 (offset +1): values
// v = [[2, 3], [4, 5]]. Filters (OHWI): ch0 = [[1, 0], [0, 1]],
// ch1 = [[-1, 2], [3, -4]]; bias (10, -5); multipliers 0.5 and 0.25;
// output zero point 3.
//   (0,0) all taps:      ch0 2+5+10 = 17 * 0.5 = 8.5 -> 9;
//                        ch1 -2+6+12-20-5 = -9 * 0.25 = -2.25 -> -2
//   (0,1) column 0 only: ch0 3+10 = 13 -> 6.5 -> 7;  ch1 -3+15-5 = 7 -> 1.75 -> 2
//   (1,0) row 0 only:    ch0 4+10 = 14 -> 7;         ch1 -4+10-5 = 1 -> 0.25 -> 1
//                        (double rounding: 1 * 0.5 = 0.5 -> 1, 1 / 2 -> 1)
//   (1,1) tap (0,0):     ch0 5+10 = 15 -> 7.5 -> 8;  ch1 -5-5 = -10 -> -2.5 -> -3
// plus 3: (12, 1), (10, 5), (10, 4), (11, 0).
TEST_CASE("conv2d int8: zero points, per-channel multipliers, SAME padding edge taps")
{
  quant::MacParams p;
  p.input_offset = 1;
  p.output_offset = 3;
  p.output_multipliers = {kTimesHalf, kTimesQuarter};
  p.activation = {-128, 127};
  const std::vector<std::int8_t> input{1, 2, 3, 4};
  const std::vector<std::int8_t> filter{1, 0, 0, 1, -1, 2, 3, -4};
  const std::vector<std::int32_t> bias{10, -5};
  std::vector<std::int8_t> output(8);
  conv2d(two_by_two_same(), p, std::span<const std::int8_t>(input), std::span<const std::int8_t>(filter),
         std::span<const std::int32_t>(bias), std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{12, 1, 10, 5, 10, 4, 11, 0});

  // The fused activation's clamp: [-128, 10].
  p.activation = {-128, 10};
  conv2d(two_by_two_same(), p, std::span<const std::int8_t>(input), std::span<const std::int8_t>(filter),
         std::span<const std::int32_t>(bias), std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{10, 1, 10, 5, 10, 4, 10, 0});
}

TEST_CASE("conv2d int8: a size mismatch is an error, not a read out of bounds")
{
  quant::MacParams p;
  p.output_multipliers = {kTimesHalf, kTimesHalf};
  p.activation = {-128, 127};
  const std::vector<std::int8_t> input{1, 2, 3}; // one short
  const std::vector<std::int8_t> filter(8);
  std::vector<std::int8_t> output(8);
  CHECK_THROWS(conv2d(two_by_two_same(), p, std::span<const std::int8_t>(input),
                      std::span<const std::int8_t>(filter), {}, std::span<std::int8_t>(output)));
}

// The same convolution in float on the values v: before the activation
// (0,0) 17, -9; (0,1) 13, 7; (1,0) 14, 1; (1,1) 15, -10.
TEST_CASE("conv2d float32: the same sums, clamped by the fused activation")
{
  const std::vector<float> input{2, 3, 4, 5};
  const std::vector<float> filter{1, 0, 0, 1, -1, 2, 3, -4};
  const std::vector<float> bias{10, -5};
  std::vector<float> output(8);
  conv2d(two_by_two_same(), quant::float_activation_range(graph::Activation::None),
         std::span<const float>(input), std::span<const float>(filter), std::span<const float>(bias),
         std::span<float>(output));
  CHECK(output == std::vector<float>{17, -9, 13, 7, 14, 1, 15, -10});
  conv2d(two_by_two_same(), quant::float_activation_range(graph::Activation::Relu6),
         std::span<const float>(input), std::span<const float>(filter), std::span<const float>(bias),
         std::span<float>(output));
  CHECK(output == std::vector<float>{6, 0, 6, 6, 6, 1, 6, 0});
}

// Input 1x3x1x2 (rows (1, -2), (3, 4), (5, -6)), kernel 2x1, stride 2,
// SAME: 2 output rows, padding 1 after. Depth multiplier 2: output channel
// oc = ic * 2 + m. Filter [1][2][1][4]: row 0 (1, 2, -1, 0), row 1 (1, -1, 2, 3).
//   y=0 (rows 0,1): oc0 1+3 = 4; oc1 2-3 = -1; oc2 2+8 = 10; oc3 0+12 = 12
//   y=1 (row 2 only, row 3 is padding): oc0 5; oc1 10; oc2 6; oc3 0
// Multiplier 1 (0.5 * 2^1) and zero offsets leave the sums unchanged.
TEST_CASE("depthwise_conv2d int8: depth multiplier, stride 2, padding tap skipped")
{
  WindowGeometry g;
  g.input = {1, 3, 1, 2};
  g.output = {1, 2, 1, 4};
  g.kernel_h = 2;
  g.stride_h = 2;
  quant::MacParams p;
  p.output_multipliers.assign(4, kTimesOne);
  p.activation = {-128, 127};
  const std::vector<std::int8_t> input{1, -2, 3, 4, 5, -6};
  const std::vector<std::int8_t> filter{1, 2, -1, 0, 1, -1, 2, 3};
  std::vector<std::int8_t> output(8);
  depthwise_conv2d(g, p, std::span<const std::int8_t>(input), std::span<const std::int8_t>(filter), {},
                   std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{4, -1, 10, 12, 5, 10, 6, 0});

  // With input offset +1 (zero point -1): y=0 adds the filter taps' sum of
  // rows 0 and 1 per channel (2, 1, 1, 3), y=1 row 0's (1, 2, -1, 0).
  p.input_offset = 1;
  depthwise_conv2d(g, p, std::span<const std::int8_t>(input), std::span<const std::int8_t>(filter), {},
                   std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{6, 0, 11, 15, 6, 12, 5, 0});

  std::vector<float> float_output(8);
  const std::vector<float> float_input(input.begin(), input.end());
  const std::vector<float> float_filter(filter.begin(), filter.end());
  depthwise_conv2d(g, quant::float_activation_range(graph::Activation::Relu), std::span<const float>(float_input),
                   std::span<const float>(float_filter), {}, std::span<float>(float_output));
  CHECK(float_output == std::vector<float>{4, 0, 10, 12, 5, 10, 6, 0});
}

// Input (1, 2, 3) with zero point -1 -> (2, 3, 4); weights [[1, -1, 2],
// [0, 3, -2]] with zero point 1 -> [[0, -2, 1], [-1, 2, -3]]; bias (5, -7).
//   o0 = 0 - 6 + 4 + 5 = 3;  3 * 0.5 = 1.5 -> 2
//   o1 = -2 + 6 - 12 - 7 = -15; -15 * 0.5 = -7.5 -> -7 (the doubling high
//   multiply's negative ties go toward zero; no right shift follows)
// output zero point -3: (-1, -10).
TEST_CASE("fully_connected int8: input and filter zero points, bias, rounding")
{
  FullyConnectedGeometry g{1, 3, 2};
  quant::MacParams p;
  p.input_offset = 1;
  p.filter_offset = -1;
  p.output_offset = -3;
  p.output_multipliers = {kTimesHalf, kTimesHalf};
  p.activation = {-128, 127};
  const std::vector<std::int8_t> input{1, 2, 3};
  const std::vector<std::int8_t> weights{1, -1, 2, 0, 3, -2};
  const std::vector<std::int32_t> bias{5, -7};
  std::vector<std::int8_t> output(2);
  fully_connected(g, p, std::span<const std::int8_t>(input), std::span<const std::int8_t>(weights),
                  std::span<const std::int32_t>(bias), std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{-1, -10});
}

// x = (1, 2, 3), W = [[1, -1, 2], [0, 3, -2]], b = (0.5, -1):
// o0 = 1 - 2 + 6 + 0.5 = 5.5, o1 = 6 - 6 - 1 = -1 -> RELU 0. Two batches.
TEST_CASE("fully_connected float32: batches and the fused activation")
{
  FullyConnectedGeometry g{2, 3, 2};
  const std::vector<float> input{1, 2, 3, -1, -2, -3};
  const std::vector<float> weights{1, -1, 2, 0, 3, -2};
  const std::vector<float> bias{0.5f, -1.0f};
  std::vector<float> output(4);
  fully_connected(g, quant::float_activation_range(graph::Activation::Relu), std::span<const float>(input),
                  std::span<const float>(weights), std::span<const float>(bias), std::span<float>(output));
  // second batch: o0 = -1 + 2 - 6 + 0.5 = -4.5 -> 0; o1 = -6 + 6 - 1 = -1 -> 0
  CHECK(output == std::vector<float>{5.5f, 0.0f, 0.0f, 0.0f});
}
