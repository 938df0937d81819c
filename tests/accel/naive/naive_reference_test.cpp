// The naive reference itself, on values worked out by hand from TFLite's and
// gemmlowp's definitions: a reference trusted blindly would only move bugs.
#include <catch2/catch.hpp>
#include <limits>
#include <vector>

#include "tests/accel/naive/naive_ops.hpp"

namespace {

constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kInt32Max = std::numeric_limits<int32_t>::max();
// 0.5 in Q31 with shift 0: x * 2^30 / 2^31.
constexpr naive::Requant kHalf{1 << 30, 0};
// 1.0: 0.5 shifted left by one.
constexpr naive::Requant kOne{1 << 30, 1};

// int8 values as ints, so Catch prints numbers rather than characters.
std::vector<int> ints(const std::vector<int8_t>& values) { return {values.begin(), values.end()}; }

}  // namespace

TEST_CASE("naive: the doubling high multiply rounds half towards +infinity and saturates MIN*MIN") {
  using naive::saturating_rounding_doubling_high_mul;
  REQUIRE(saturating_rounding_doubling_high_mul(1 << 30, 1 << 30) == 1 << 29);  // 0.5 * 0.5 = 0.25
  REQUIRE(saturating_rounding_doubling_high_mul(1, 1 << 30) == 1);              // 0.5 -> 1
  REQUIRE(saturating_rounding_doubling_high_mul(-1, 1 << 30) == 0);             // -0.5 -> 0
  REQUIRE(saturating_rounding_doubling_high_mul(-3, 1 << 30) == -1);            // -1.5 -> -1
  REQUIRE(saturating_rounding_doubling_high_mul(3, 1 << 30) == 2);              // 1.5 -> 2
  REQUIRE(saturating_rounding_doubling_high_mul(100, kInt32Max) == 100);        // 100 * (1 - 2^-31)
  REQUIRE(saturating_rounding_doubling_high_mul(kInt32Min, kInt32Min) == kInt32Max);
  REQUIRE(saturating_rounding_doubling_high_mul(kInt32Min, kInt32Max) == kInt32Min + 1);  // -(2^31 - 1)
}

TEST_CASE("naive: the rounding right shift rounds half away from zero") {
  using naive::rounding_divide_by_pot;
  REQUIRE(rounding_divide_by_pot(5, 1) == 3);    // 2.5
  REQUIRE(rounding_divide_by_pot(-5, 1) == -3);  // -2.5
  REQUIRE(rounding_divide_by_pot(7, 2) == 2);    // 1.75
  REQUIRE(rounding_divide_by_pot(-6, 2) == -2);  // -1.5
  REQUIRE(rounding_divide_by_pot(-5, 2) == -1);  // -1.25
  REQUIRE(rounding_divide_by_pot(-7, 0) == -7);
  REQUIRE(rounding_divide_by_pot(kInt32Min, 31) == -1);  // exactly -1
  REQUIRE(rounding_divide_by_pot(kInt32Max, 31) == 1);   // 1 - 2^-31
  REQUIRE(rounding_divide_by_pot(1 << 29, 31) == 0);     // 0.25
  REQUIRE(rounding_divide_by_pot(1 << 30, 31) == 1);     // 0.5
  REQUIRE(rounding_divide_by_pot(-(1 << 30), 31) == -1);
}

TEST_CASE("naive: MultiplyByQuantizedMultiplier rounds twice, shifts left before and right after") {
  using naive::multiply_by_quantized_multiplier;
  REQUIRE(multiply_by_quantized_multiplier(100, 1 << 30, -1) == 25);  // 100 * 0.5 / 2
  // 5 * 0.25 = 1.25, but the high multiply rounds 2.5 to 3 first and the
  // shift then rounds 1.5 to 2: TFLite's double rounding.
  REQUIRE(multiply_by_quantized_multiplier(5, 1 << 30, -1) == 2);
  REQUIRE(multiply_by_quantized_multiplier(-5, 1 << 30, -1) == -1);  // -2.5 -> -2 (half up), -1 -> -1
  REQUIRE(multiply_by_quantized_multiplier(3, 1 << 30, 2) == 6);     // (3 << 2) * 0.5
  REQUIRE(multiply_by_quantized_multiplier(kInt32Max, kInt32Max, -31) == 1);
  REQUIRE(multiply_by_quantized_multiplier(7, 0, 5) == 0);
  // 2^29 << 2 = 2^31 does not fit: the left shift wraps to INT32_MIN, as
  // TFLite's int32 multiply does on a two's complement machine.
  REQUIRE(multiply_by_quantized_multiplier(1 << 29, 1 << 30, 2) == -(1 << 30));
}

TEST_CASE("naive: requantize adds the output zero point and clamps") {
  REQUIRE(int{naive::requantize(85, kHalf, -3, -128, 127)} == 40);     // 42.5 -> 43, -3
  REQUIRE(int{naive::requantize(1000, kOne, 0, -128, 127)} == 127);    // clamped high
  REQUIRE(int{naive::requantize(-1000, kOne, 0, -128, 127)} == -128);  // clamped low
  REQUIRE(int{naive::requantize(-20, kOne, 5, 5, 127)} == 5);          // ReLU at the zero point
  REQUIRE(int{naive::requantize(30, kOne, 5, 5, 11)} == 11);           // narrow band
}

// A 1x1 convolution over one pixel, worked by hand:
//   input {10, -20}, input_offset 5 -> shifted inputs {15, -15}
//   filter row 0 {1, 2}:  100 + 15*1 + (-15)*2  = 85
//   filter row 1 {-3, 4}: -50 + 15*(-3) + (-15)*4 = -155
//   channel 0, x0.5:  85 -> 42.5 -> 43; + output offset -3 -> 40
//   channel 1, x0.25: -155 -> high mul -77.5 -> -77, shift -38.5 -> -39; -3 -> -42
TEST_CASE("naive: a 1x1 convolution worked by hand") {
  naive::Conv2dShape shape;
  shape.in_c = 2;
  shape.out_c = 2;
  const naive::OutputQuant quant{5, -3, -128, 127};
  const std::vector<int8_t> input{10, -20};
  const std::vector<int8_t> filter{1, 2, -3, 4};
  const std::vector<int32_t> bias{100, -50};
  const std::vector<naive::Requant> requant{kHalf, {1 << 30, -1}};
  std::vector<int8_t> output(2);
  naive::conv2d(shape, quant, {input, filter, bias, requant, output});
  REQUIRE(ints(output) == std::vector<int>{40, -42});
}

// A 3x3 filter of ones over a 3x3 image of ones, SAME padding (pad 1), input
// offset 1 (each tap adds 2): taps in the padding are skipped, so a corner
// sees 4 taps (8), an edge 6 (12) and the centre 9 (18).
TEST_CASE("naive: SAME padding skips the taps outside the image") {
  naive::Conv2dShape shape;
  shape.window = {
      .in_h = 3, .in_w = 3, .out_h = 3, .out_w = 3, .kernel_h = 3, .kernel_w = 3, .pad_top = 1, .pad_left = 1};
  const naive::OutputQuant quant{1, 0, -128, 127};
  const std::vector<int8_t> input(9, 1), filter(9, 1);
  const std::vector<naive::Requant> requant{kOne};
  std::vector<int8_t> output(9);
  naive::conv2d(shape, quant, {input, filter, {}, requant, output});
  REQUIRE(ints(output) == std::vector<int>{8, 12, 8, 12, 18, 12, 8, 12, 8});
}

// A 1x5 row, 1x2 kernel with dilation 2 and stride 2, VALID: effective kernel
// 3, outputs (5 - 3) / 2 + 1 = 2. out[0] = 10*in[0] + in[2] = 13,
// out[1] = 10*in[2] + in[4] = 35.
TEST_CASE("naive: stride and dilation pick the taps TFLite picks") {
  naive::Conv2dShape shape;
  shape.window = {
      .in_h = 1, .in_w = 5, .out_h = 1, .out_w = 2, .kernel_h = 1, .kernel_w = 2, .stride_w = 2, .dilation_w = 2};
  const std::vector<int8_t> input{1, 2, 3, 4, 5}, filter{10, 1};
  const std::vector<naive::Requant> requant{kOne};
  std::vector<int8_t> output(2);
  naive::conv2d(shape, {}, {input, filter, {}, requant, output});
  REQUIRE(ints(output) == std::vector<int>{13, 35});
}

// Depthwise, 2 input channels, multiplier 2, one pixel: output channel
// ic*2 + m = input[ic] * filter[ic*2 + m] = {3*1, 3*2, -4*3, -4*4}.
TEST_CASE("naive: a depthwise output channel is input channel * multiplier + m") {
  naive::DepthwiseShape shape;
  shape.in_c = 2;
  shape.depth_multiplier = 2;
  const std::vector<int8_t> input{3, -4}, filter{1, 2, 3, 4};
  const std::vector<naive::Requant> requant(4, kOne);
  std::vector<int8_t> output(4);
  naive::depthwise_conv2d(shape, {}, {input, filter, {}, requant, output});
  REQUIRE(ints(output) == std::vector<int>{3, 6, -12, -16});
}

// Fully connected, batch 2, 3 in, 2 out, input offset 1, bias {5, -5}:
//   row 0 shifted {2, 3, 4}: 5 + 2 - 4 = 3;  -5 + 2*(2+3+4) = 13
//   row 1 shifted {0, 1, 2}: 5 + 0 - 2 = 3;  -5 + 2*(0+1+2) = 1
TEST_CASE("naive: a fully connected layer worked by hand") {
  naive::FullyConnectedShape shape;
  shape.batch = 2;
  shape.in_features = 3;
  shape.out_features = 2;
  const std::vector<int8_t> input{1, 2, 3, -1, 0, 1}, weights{1, 0, -1, 2, 2, 2};
  const std::vector<int32_t> bias{5, -5};
  const std::vector<naive::Requant> requant(2, kOne);
  std::vector<int8_t> output(4);
  naive::fully_connected(shape, {1, 0, -128, 127}, {input, weights, bias, requant, output});
  REQUIRE(ints(output) == std::vector<int>{3, 13, 3, 1});
}

// The accumulator wraps modulo 2^32: INT32_MAX + 1*1 is INT32_MIN, which
// halved is -2^30 and clamps to -128 (an exact sum would clamp to 127).
TEST_CASE("naive: accumulators wrap like the hardware's") {
  naive::FullyConnectedShape shape;
  const std::vector<int8_t> input{1}, weights{1};
  const std::vector<int32_t> bias{kInt32Max};
  const std::vector<naive::Requant> requant{kHalf};
  std::vector<int8_t> output(1);
  naive::fully_connected(shape, {}, {input, weights, bias, requant, output});
  REQUIRE(int{output[0]} == -128);
}

// ADD with both inputs scaled by 0.5 after the 20-bit shift, the output by
// 0.5 * 2^-18: (a + offset1) * 2^19 + b * 2^19 -> (a + offset1 + b).
TEST_CASE("naive: ADD worked by hand") {
  naive::AddParams p;
  p.input1_offset = 5;
  p.input2_offset = 0;
  p.input1 = kHalf;
  p.input2 = kHalf;
  p.output = {1 << 30, -18};
  REQUIRE(int{naive::add_element(10, 20, p)} == 35);
  REQUIRE(int{naive::add_element(-100, -40, p)} == -128);  // -135 clamped
  REQUIRE(int{naive::add_element(100, 100, p)} == 127);    // 205 clamped
  p.output_offset = -10;
  p.act_min = -10;  // ReLU at the output zero point
  REQUIRE(int{naive::add_element(-50, 10, p)} == -10);
  REQUIRE(int{naive::add_element(1, 2, p)} == -2);
  // Scale 3/8 on input 1 (0.75 * 2^-1): 7 * 2^20 * 0.375 = 2752512;
  // output x 2^-20 (0.5 * 2^-19): 2752512 / 2^20 = 2.625 -> 3.
  p = {};
  p.input1 = {3 << 29, -1};
  p.input2 = {0, 0};
  p.output = {1 << 30, -19};
  REQUIRE(int{naive::add_element(7, 99, p)} == 3);
}

// TFLite's SAME/VALID sizes: out = ceil(in / stride) or floor((in - eff) /
// stride) + 1; the leading pad is half the total, the odd pixel after.
TEST_CASE("naive: padding_for worked by hand") {
  using naive::Padding;
  auto same = [](uint32_t in, uint32_t k, uint32_t s, uint32_t d) {
    return naive::padding_for(Padding::Same, in, k, s, d);
  };
  REQUIRE(same(5, 3, 2, 1).out == 3);  // total (3-1)*2 + 3 - 5 = 2
  REQUIRE(same(5, 3, 2, 1).pad_before == 1);
  REQUIRE(same(4, 4, 1, 1).out == 4);  // total 3: 1 before, 2 after
  REQUIRE(same(4, 4, 1, 1).pad_before == 1);
  REQUIRE(same(7, 3, 1, 2).pad_before == 2);  // effective kernel 5, total 4
  REQUIRE(same(6, 1, 3, 1).pad_before == 0);  // total (2-1)*3 + 1 - 6 < 0
  const auto valid = naive::padding_for(Padding::Valid, 5, 3, 2, 1);
  REQUIRE(valid.out == 2);
  REQUIRE(valid.pad_before == 0);
  REQUIRE(naive::padding_for(Padding::Valid, 13, 5, 3, 3).out == 1);  // effective 13
}
