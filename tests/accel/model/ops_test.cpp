// The functional model's layers on inputs small enough to work by hand.
// Each expected output is TFLite's int8 definition worked out in the
// comments: acc = bias + sum over taps inside the image of
// (x + input_offset) * w (padded taps add nothing), then
// MultiplyByQuantizedMultiplier, + output_offset, clamp. A multiplier of
// 2^30 (0.5) with shift 1 scales by exactly 1, with shift 0 by exactly 0.5.
// Every case runs on several array shapes: the passes differ, the outputs
// must not.
#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "accel/model/ops.hpp"

using namespace accel::model;

namespace {

using Bytes = std::vector<int8_t>;
using Words = std::vector<int32_t>;
using Requants = std::vector<Requant>;

constexpr int32_t kHalf = 1 << 30;
constexpr Requant kTimesOne{kHalf, 1};
constexpr Requant kTimesHalf{kHalf, 0};

// 8x8 is the default; 1x1 runs one output per pass; the others split
// pixels and channels unevenly.
const std::vector<ArrayShape> kArrays{{8, 8}, {1, 1}, {3, 1}, {2, 3}, {16, 4}};

std::string describe(ArrayShape a) { return std::to_string(a.rows) + "x" + std::to_string(a.cols) + " array"; }

// A convolution with its operands, so validation tests can break one thing.
struct ConvCase {
  Conv2dShape shape;
  OutputQuant quant;
  Bytes input, weights;
  Words bias;
  Requants requant;
  Bytes output;
  ArrayShape array;
  void run() { conv2d(shape, quant, {input, weights, bias, requant, output}, array); }
};

// 3x3 image 1..9, one channel, input_offset 1 (zero point -1); 3x3 kernel,
// stride 2, SAME (padding 1): a 2x2 output. Channel 0's kernel is all ones,
// channel 1's is 2 at the centre and -1 at the bottom right.
ConvCase strided_conv() {
  ConvCase c;
  c.shape = {.batch = 1, .in_c = 1, .out_c = 2,
             .window = {.in_h = 3, .in_w = 3, .out_h = 2, .out_w = 2, .kernel_h = 3, .kernel_w = 3,
                        .stride_h = 2, .stride_w = 2, .pad_top = 1, .pad_left = 1}};
  c.quant = {.input_offset = 1, .output_offset = 3, .act_min = -128, .act_max = 20};
  c.input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  c.weights = {1, 1, 1, 1, 1, 1, 1, 1, 1,  //
               0, 0, 0, 0, 2, 0, 0, 0, -1};
  c.bias = {4, -10};
  c.requant = {kTimesHalf, kTimesOne};
  c.output.resize(8);
  return c;
}

// What a depthwise or fully connected case needs to break one thing.
struct DepthwiseCase {
  DepthwiseShape shape;
  OutputQuant quant;
  Bytes input, weights;
  Words bias;
  Requants requant;
  Bytes output;
  ArrayShape array;
  void run() { depthwise_conv2d(shape, quant, {input, weights, bias, requant, output}, array); }
};

// 2x2 image of two channels: channel 0 = {1, 2, 3, 4}, channel 1 its
// negation, input_offset 2; so x + 2 is {3, 4, 5, 6} and {1, 0, -1, -2}.
// 2x2 kernel, stride 1, SAME: out 2x2, pad 0 before (1 after).
// Multiplier 2: output channel 2c + j reads channel c.
//   filter (ky,kx): (0,0) {1, 0, 1, 2}  (0,1) {1, 0, 0, 0}
//                   (1,0) {1, 0, 0, 0}  (1,1) {1, 1, 0, 0}
DepthwiseCase multiplier_two() {
  DepthwiseCase c;
  c.shape = {.batch = 1, .in_c = 2, .depth_multiplier = 2,
             .window = {.in_h = 2, .in_w = 2, .out_h = 2, .out_w = 2, .kernel_h = 2, .kernel_w = 2}};
  c.quant = {.input_offset = 2, .output_offset = 0, .act_min = -2, .act_max = 127};
  c.input = {1, -1, 2, -2, 3, -3, 4, -4};
  c.weights = {1, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0};
  c.bias = {0, 100, -1, 1};
  c.requant = {kTimesOne, kTimesHalf, kTimesOne, kTimesOne};
  c.output.resize(16);
  return c;
}

struct FullyConnectedCase {
  FullyConnectedShape shape;
  OutputQuant quant;
  Bytes input, weights;
  Words bias;
  Requants requant;
  Bytes output;
  ArrayShape array;
  void run() { fully_connected(shape, quant, {input, weights, bias, requant, output}, array); }
};

// Batch 2 of 3 features, 2 outputs, input_offset -1 (zero point 1).
FullyConnectedCase two_by_three() {
  FullyConnectedCase c;
  c.shape = {.batch = 2, .in_features = 3, .out_features = 2};
  c.quant = {.input_offset = -1, .output_offset = -5};
  c.input = {1, 2, 3, -1, 0, 5};
  c.weights = {1, 1, 1, 2, -1, 0};
  c.bias = {10, -10};
  c.requant = {kTimesOne, kTimesOne};
  c.output.resize(4);
  return c;
}

struct AddCase {
  AddParams params;
  Bytes a, b, output;
  ArrayShape array;
  void run() { add(params, a, b, output, array); }
};

// Offsets 3 and -2, each input scaled by 0.5 after the left shift of 20,
// the sum scaled by 0.5 / 2^19 and offset by 1: out = (a + 3 + b - 2) / 2
// + 1, rounded twice as MultiplyByQuantizedMultiplier does.
AddParams halving_add() {
  return {.input1_offset = 3, .input2_offset = -2, .left_shift = 20, .input1 = kTimesHalf, .input2 = kTimesHalf,
          .output = {kHalf, -19}, .output_offset = 1};
}

// f() throws std::invalid_argument whose message contains `fragment`.
template <typename F>
void check_invalid(F f, const std::string& fragment) {
  try {
    f();
    FAIL("no exception; expected one saying: " << fragment);
  } catch (const std::invalid_argument& e) {
    CHECK_THAT(e.what(), Catch::Contains(fragment));
  }
}

}  // namespace

TEST_CASE("conv2d: a strided, padded 3x3 convolution worked by hand") {
  // Output (oy, ox) reads rows 2oy-1 .. 2oy+1 and columns 2ox-1 .. 2ox+1.
  // (0,0): x+1 inside = 2, 3, 5, 6 at kernel (1,1), (1,2), (2,1), (2,2)
  //   ch0: 2+3+5+6 + 4 = 20, * 0.5 = 10, + 3 = 13
  //   ch1: 2*2 - 1*6 - 10 = -12, + 3 = -9
  // (0,1): x+1 = 3, 4, 6, 7 at (1,0), (1,1), (2,0), (2,1); (2,2) is padding
  //   ch0: 20 + 4 = 24 -> 12 + 3 = 15;  ch1: 2*4 - 10 = -2 -> 1
  // (1,0): x+1 = 5, 6, 8, 9 at (0,1), (0,2), (1,1), (1,2)
  //   ch0: 28 + 4 = 32 -> 16 + 3 = 19;  ch1: 2*8 - 10 = 6 -> 9
  // (1,1): x+1 = 6, 7, 9, 10 at (0,0), (0,1), (1,0), (1,1)
  //   ch0: 32 + 4 = 36 -> 18 + 3 = 21, clamped to 20;  ch1: 2*10 - 10 = 10 -> 13
  for (const ArrayShape array : kArrays) {
    INFO(describe(array));
    ConvCase c = strided_conv();
    c.array = array;
    c.run();
    CHECK(c.output == Bytes{13, -9, 15, 1, 19, 9, 20, 13});
  }
}

TEST_CASE("conv2d: each image of a batch on its own") {
  // Image 1 is all -1, the zero point: x + 1 = 0 everywhere, so the
  // outputs are the bias alone: ch0 4 * 0.5 + 3 = 5, ch1 -10 + 3 = -7.
  for (const ArrayShape array : kArrays) {
    INFO(describe(array));
    ConvCase c = strided_conv();
    c.shape.batch = 2;
    c.input.resize(18, -1);
    c.output.resize(16);
    c.array = array;
    c.run();
    CHECK(c.output == Bytes{13, -9, 15, 1, 19, 9, 20, 13, 5, -7, 5, -7, 5, -7, 5, -7});
  }
}

TEST_CASE("conv2d: weights are OHWI, taps (ky, kx, channel)") {
  // 2x1 image of two channels {1, 2} over {3, 4}; a 2x1 kernel, VALID: one
  // output. Weights [ky][kx][c] = {1, 10, 100, -1}:
  // acc = 1*1 + 2*10 + 3*100 + 4*(-1) = 317; * 0.5 = 158.5 -> 159; / 4 = 39.75 -> 40
  for (const ArrayShape array : kArrays) {
    INFO(describe(array));
    const Conv2dShape s{.in_c = 2, .out_c = 1, .window = {.in_h = 2, .in_w = 1, .kernel_h = 2, .kernel_w = 1}};
    const Bytes input{1, 2, 3, 4}, weights{1, 10, 100, -1};
    const Requants requant{{kHalf, -2}};
    Bytes output(1);
    conv2d(s, {}, {input, weights, {}, requant, output}, array);
    CHECK(output == Bytes{40});
  }
}

TEST_CASE("depthwise_conv2d: multiplier 2 worked by hand") {
  // oc0 (channel 0, all ones): sums of x+2 over the taps inside:
  //   (0,0) 3+4+5+6 = 18; (0,1) 4+6 = 10; (1,0) 5+6 = 11; (1,1) 6. Times 1.
  // oc1 (channel 0, tap (1,1) only): (0,0) 6 + 100 = 106 -> * 0.5 = 53; the
  //   other outputs' tap (1,1) is padding: 100 * 0.5 = 50.
  // oc2 (channel 1, tap (0,0) weight 1): 1, 0, -1, -2, + bias -1 = 0, -1, -2, -3 -> clamp -2
  // oc3 (channel 1, tap (0,0) weight 2): 2, 0, -2, -4, + bias 1 = 3, 1, -1, -3 -> clamp -2
  for (const ArrayShape array : kArrays) {
    INFO(describe(array));
    DepthwiseCase c = multiplier_two();
    c.array = array;
    c.run();
    CHECK(c.output == Bytes{18, 53, 0, 3,  //
                            10, 50, -1, 1,  //
                            11, 50, -2, -1,  //
                            6, 50, -2, -2});
  }
}

TEST_CASE("depthwise_conv2d: no bias") {
  // As above with zero bias: oc0 unchanged; oc1 6 * 0.5 = 3 at (0,0), else 0;
  // oc2 1, 0, -1, -2 (within the clamp); oc3 2, 0, -2, -4 -> 2, 0, -2, -2
  for (const ArrayShape array : kArrays) {
    INFO(describe(array));
    DepthwiseCase c = multiplier_two();
    c.bias.clear();
    c.array = array;
    c.run();
    CHECK(c.output == Bytes{18, 3, 1, 2,  //
                            10, 0, 0, 0,  //
                            11, 0, -1, -2,  //
                            6, 0, -2, -2});
  }
}

TEST_CASE("fully_connected: a batch of two worked by hand") {
  // x - 1: row 0 {0, 1, 2}, row 1 {-2, -1, 4}
  // row 0: o0 = 0+1+2 = 3, + 10 = 13, - 5 = 8;  o1 = 0*2 - 1 + 0 = -1, - 10 = -11, - 5 = -16
  // row 1: o0 = -2-1+4 = 1, + 10 = 11 -> 6;     o1 = -4 + 1 + 0 = -3, - 10 = -13 -> -18
  for (const ArrayShape array : kArrays) {
    INFO(describe(array));
    FullyConnectedCase c = two_by_three();
    c.array = array;
    c.run();
    CHECK(c.output == Bytes{8, -16, 6, -18});
    c.bias.clear();  // 3 - 5, -1 - 5, 1 - 5, -3 - 5
    c.run();
    CHECK(c.output == Bytes{-2, -6, -4, -8});
  }
}

TEST_CASE("add: TFLite's int8 ADD over passes of any length") {
  // (10, 20): (13 + 18) * 2^20 * 0.5 = 31 * 2^19; * 0.5 = 31 * 2^18; / 2^19 = 15.5 -> 16; + 1 = 17
  // (-128, -128): (-125 - 130) * 2^19 = -255 * 2^19 -> -127.5 -> -128 (away from zero); + 1 = -127
  // (127, 127): 255 * 2^19 -> 127.5 -> 128; + 1 = 129, clamped to 127
  // 1000 elements: passes of 64 beats split them at 64, 192, 512, ...
  const Bytes a_pattern{10, -128, 127}, b_pattern{20, -128, 127}, out_pattern{17, -127, 127};
  for (const ArrayShape array : kArrays) {
    INFO(describe(array));
    AddCase c{.params = halving_add(), .a = {}, .b = {}, .output = {}, .array = array};
    Bytes expected;
    for (size_t e = 0; e < 1000; ++e) {
      c.a.push_back(a_pattern[e % 3]);
      c.b.push_back(b_pattern[e % 3]);
      expected.push_back(out_pattern[e % 3]);
    }
    c.output.resize(1000);
    c.run();
    CHECK(c.output == expected);
  }
}

TEST_CASE("conv2d: invalid shapes and operands throw") {
  const auto broken = [](auto change, const std::string& fragment) {
    ConvCase c = strided_conv();
    change(c);
    check_invalid([&] { c.run(); }, fragment);
  };
  broken([](ConvCase& c) { c.shape.batch = 0; }, "at least 1");
  broken([](ConvCase& c) { c.shape.in_c = 0; }, "at least 1");
  broken([](ConvCase& c) { c.shape.out_c = 0; }, "at least 1");
  broken([](ConvCase& c) { c.shape.window.in_h = 0; }, "height: in, out, kernel, stride and dilation");
  broken([](ConvCase& c) { c.shape.window.out_w = 0; }, "width: in, out, kernel, stride and dilation");
  broken([](ConvCase& c) { c.shape.window.kernel_h = 0; }, "height: in, out, kernel, stride and dilation");
  broken([](ConvCase& c) { c.shape.window.stride_w = 0; }, "width: in, out, kernel, stride and dilation");
  broken([](ConvCase& c) { c.shape.window.dilation_h = 0; }, "height: in, out, kernel, stride and dilation");
  broken([](ConvCase& c) { c.array.rows = 0; }, "the array needs");
  broken([](ConvCase& c) { c.array.cols = 0; }, "the array needs");
  broken([](ConvCase& c) { c.input.pop_back(); }, "input: 8 bytes where the shape says 9");
  broken([](ConvCase& c) { c.weights.push_back(0); }, "weights: 19 bytes where the shape says 18");
  broken([](ConvCase& c) { c.output.pop_back(); }, "output: 7 bytes where the shape says 8");
  broken([](ConvCase& c) { c.bias.pop_back(); }, "bias needs 0 or out_c entries");
  broken([](ConvCase& c) { c.requant.pop_back(); }, "requant needs out_c entries");
  broken([](ConvCase& c) { c.requant[1].shift = -32; }, "requant shift -32 is outside [-31, 30]");
  broken([](ConvCase& c) { c.requant[0].shift = 31; }, "requant shift 31 is outside [-31, 30]");
  broken([](ConvCase& c) { c.quant.act_min = 21; }, "act_min > act_max");
  broken([](ConvCase& c) { c.quant.act_max = 128; }, "outside int8");
  broken([](ConvCase& c) { c.quant.act_min = -129; }, "outside int8");
  broken([](ConvCase& c) { c.quant.input_offset = -128; }, "input_offset is outside [-127, 128]");
  broken([](ConvCase& c) { c.quant.input_offset = 129; }, "input_offset is outside [-127, 128]");
  broken([](ConvCase& c) { c.quant.output_offset = 128; }, "output_offset is outside [-128, 127]");
  // Padding 3 with a 3-tap kernel: output 0's window would be all padding.
  broken([](ConvCase& c) { c.shape.window.pad_top = 3; }, "height: the padding is not less than the dilated kernel");
  // Out 3 with stride 2 and pad 1 over 3 rows: output 2 starts at row 3.
  broken([](ConvCase& c) { c.shape.window.out_w = 3; }, "width: the last output's window starts past the image");
  // kernel_h * kernel_w * in_c = 2^33 (checked before any operand is read).
  broken(
      [](ConvCase& c) {
        c.shape.window.kernel_h = c.shape.window.kernel_w = 1 << 16;
        c.shape.in_c = 2;
      },
      "the reduction length does not fit 32 bits");
}

TEST_CASE("conv2d: the limits of the rules are accepted") {
  const auto accepted = [](auto change) {
    ConvCase c = strided_conv();
    change(c);
    CHECK_NOTHROW(c.run());
  };
  accepted([](ConvCase& c) { c.quant.input_offset = -127; });  // zero point 127
  accepted([](ConvCase& c) { c.quant.input_offset = 128; });   // zero point -128
  accepted([](ConvCase& c) { c.bias.clear(); });
  accepted([](ConvCase& c) { c.requant[0].shift = -31; });
  accepted([](ConvCase& c) { c.requant[0].shift = 30; });
  // Padding 2 of a 3-tap kernel: output 0 still reads row 0; output 1
  // starts at 2 - 2 = 0.
  accepted([](ConvCase& c) { c.shape.window.pad_top = 2; });
}

TEST_CASE("depthwise_conv2d and fully_connected: invalid shapes and operands throw") {
  const auto broken_dw = [](auto change, const std::string& fragment) {
    DepthwiseCase c = multiplier_two();
    change(c);
    check_invalid([&] { c.run(); }, fragment);
  };
  broken_dw([](DepthwiseCase& c) { c.shape.depth_multiplier = 0; }, "at least 1");
  broken_dw([](DepthwiseCase& c) { c.shape.in_c = 0; }, "at least 1");
  broken_dw([](DepthwiseCase& c) { c.shape.window.kernel_w = 0; }, "width: in, out, kernel");
  broken_dw([](DepthwiseCase& c) { c.weights.pop_back(); }, "weights: 15 bytes where the shape says 16");
  broken_dw([](DepthwiseCase& c) { c.bias.pop_back(); }, "bias needs 0 or out_c entries");
  broken_dw([](DepthwiseCase& c) { c.requant.push_back(kTimesOne); }, "requant needs out_c entries");
  broken_dw([](DepthwiseCase& c) { c.array.cols = 0; }, "the array needs");
  broken_dw([](DepthwiseCase& c) { c.quant.input_offset = 200; }, "input_offset");

  const auto broken_fc = [](auto change, const std::string& fragment) {
    FullyConnectedCase c = two_by_three();
    change(c);
    check_invalid([&] { c.run(); }, fragment);
  };
  broken_fc([](FullyConnectedCase& c) { c.shape.in_features = 0; }, "at least 1");
  broken_fc([](FullyConnectedCase& c) { c.shape.batch = 0; }, "at least 1");
  broken_fc([](FullyConnectedCase& c) { c.input.pop_back(); }, "input: 5 bytes where the shape says 6");
  broken_fc([](FullyConnectedCase& c) { c.weights.pop_back(); }, "weights: 5 bytes where");
  broken_fc([](FullyConnectedCase& c) { c.output.push_back(0); }, "output: 5 bytes where");
  broken_fc(
      [](FullyConnectedCase& c) {
        c.quant.act_min = 100;
        c.quant.act_max = 99;
      },
      "act_min > act_max");
  broken_fc([](FullyConnectedCase& c) { c.requant[1].shift = 40; }, "requant shift 40");
  broken_fc([](FullyConnectedCase& c) { c.array.rows = 0; }, "the array needs");
}

TEST_CASE("add: invalid parameters and operands throw") {
  const auto broken = [](auto change, const std::string& fragment) {
    AddCase c{.params = halving_add(), .a = {1, 2}, .b = {3, 4}, .output = {0, 0}, .array = {}};
    change(c);
    check_invalid([&] { c.run(); }, fragment);
  };
  broken([](AddCase& c) { c.params.left_shift = 23; }, "left_shift is outside [0, 22]");
  broken([](AddCase& c) { c.params.left_shift = -1; }, "left_shift is outside [0, 22]");
  broken([](AddCase& c) { c.b.pop_back(); }, "differ in size");
  broken([](AddCase& c) { c.output.push_back(0); }, "differ in size");
  broken(
      [](AddCase& c) {
        c.a.clear();
        c.b.clear();
        c.output.clear();
      },
      "the inputs are empty");
  broken([](AddCase& c) { c.params.input1_offset = 129; }, "an input offset is outside [-127, 128]");
  broken([](AddCase& c) { c.params.input2_offset = -128; }, "an input offset is outside [-127, 128]");
  broken([](AddCase& c) { c.params.input2.shift = -32; }, "requant shift -32");
  broken([](AddCase& c) { c.params.output.shift = 31; }, "requant shift 31");
  broken([](AddCase& c) { c.params.output_offset = -129; }, "output_offset is outside [-128, 127]");
  broken(
      [](AddCase& c) {
        c.params.act_min = 5;
        c.params.act_max = 4;
      },
      "act_min > act_max");
  broken([](AddCase& c) { c.array.cols = 0; }, "the array needs");

  AddCase widest{.params = halving_add(), .a = {1}, .b = {1}, .output = {0}, .array = {}};
  widest.params.left_shift = 22;  // (127 + 128) << 22 still fits int32
  widest.params.input1_offset = widest.params.input2_offset = 128;
  CHECK_NOTHROW(widest.run());
}
