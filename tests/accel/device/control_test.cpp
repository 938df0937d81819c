// The control unit: layers tiled into bands and chunks through small buffers
// give the functional model's results (which lowers whole tensors at once),
// and the double-buffered schedule follows its rules, worked by hand.
#include <catch2/catch.hpp>

#include <random>

#include "accel/device/control.hpp"
#include "accel/engine/model_engine.hpp"
#include "accel/model/ops.hpp"
#include "accel/device/flat_memory.hpp"
#include "random_bytes.hpp"

using namespace accel;
using namespace accel::device;

using test::random_bytes;

namespace {

constexpr uint32_t kIn = FlatMemory::kBase, kWeights = kIn + 0x10000, kBias = kIn + 0x30000,
                   kMult = kIn + 0x31000, kShift = kIn + 0x32000, kOut = kIn + 0x40000;

struct Channels {
  std::vector<int32_t> bias, multipliers, shifts;
  std::vector<model::Requant> requant;
};

Channels random_channels(std::mt19937& rng, uint32_t n) {
  Channels c;
  std::uniform_int_distribution<int32_t> bias(-5000, 5000), mult(1 << 30, INT32_MAX), shift(-10, -4);
  for (uint32_t j = 0; j < n; ++j) {
    c.bias.push_back(bias(rng));
    c.multipliers.push_back(mult(rng));
    c.shifts.push_back(shift(rng));
    c.requant.push_back({.multiplier = c.multipliers.back(), .shift = c.shifts.back()});
  }
  return c;
}

MacAddresses addresses() {
  return {.input = kIn, .weights = kWeights, .bias = kBias, .multipliers = kMult, .shifts = kShift, .output = kOut};
}

void put_channels(FlatMemory& mem, const Channels& c) {
  mem.put(kBias, c.bias);
  mem.put(kMult, c.multipliers);
  mem.put(kShift, c.shifts);
}

// A control with buffers small enough to force several chunks and bands.
struct Rig {
  explicit Rig(BufferSizes sizes, model::ArrayShape array = {}) : buffers(sizes), engine(array) {}
  FlatMemory memory{1 << 20};
  LocalBuffers buffers;
  engine::ModelEngine engine;
  Control control{buffers, engine, memory};
};

}  // namespace

TEST_CASE("a convolution tiled into chunks and bands equals the functional model", "[accel][control]") {
  std::mt19937 rng(7);
  model::Conv2dShape s{.batch = 2, .in_c = 5, .out_c = 11, .window = {}};
  s.window = {.in_h = 9, .in_w = 7, .out_h = 5, .out_w = 4, .kernel_h = 3, .kernel_w = 2, .stride_h = 2,
              .stride_w = 2, .dilation_h = 1, .dilation_w = 1, .pad_top = 1, .pad_left = 0};
  const model::OutputQuant q{.input_offset = 17, .output_offset = -3, .act_min = -100, .act_max = 120};
  const uint32_t k = 3 * 2 * 5;
  const auto input = random_bytes(rng, size_t{s.batch} * 9 * 7 * 5);
  const auto weights = random_bytes(rng, size_t{s.out_c} * k);
  const Channels ch = random_channels(rng, s.out_c);

  // Weight half 256 bytes: 6 channels of 30 bytes + 12 of parameters
  // (252 bytes), so 11 channels take two chunks; input half 256 bytes:
  // 7 rows of 35 bytes, so bands of 3 output rows (5 input rows).
  Rig rig({.input = 512, .weight = 512, .output = 256}, {.rows = 4, .cols = 3});
  rig.memory.put(kIn, input);
  rig.memory.put(kWeights, weights);
  put_channels(rig.memory, ch);
  const Conv2dCommand cmd{.shape = s, .quant = q, .at = addresses()};
  rig.control.execute(cmd, 0);

  std::vector<int8_t> expected(size_t{s.batch} * 5 * 4 * s.out_c);
  model::conv2d(s, q, {.input = input, .weights = weights, .bias = ch.bias, .requant = ch.requant, .output = expected});
  CHECK(rig.memory.get(kOut, expected.size()) == expected);
  CHECK(rig.control.pmu().macs == uint64_t{s.batch} * 5 * 4 * s.out_c * k);
}

TEST_CASE("a depthwise convolution with multiplier 3 tiled into chunks equals the functional model",
          "[accel][control]") {
  std::mt19937 rng(8);
  model::DepthwiseShape s{.batch = 1, .in_c = 6, .depth_multiplier = 3, .window = {}};
  s.window = {.in_h = 6, .in_w = 5, .out_h = 6, .out_w = 5, .kernel_h = 3, .kernel_w = 3, .stride_h = 1,
              .stride_w = 1, .dilation_h = 1, .dilation_w = 1, .pad_top = 1, .pad_left = 1};
  const model::OutputQuant q{.input_offset = -128 + 1, .output_offset = 127, .act_min = -128, .act_max = 127};
  const auto input = random_bytes(rng, 6 * 5 * 6);
  const auto filter = random_bytes(rng, 9 * 18);
  const Channels ch = random_channels(rng, 18);

  // Weight half 128 bytes: 5 output channels of 9 + 12 bytes, one input
  // channel (3 outputs) per chunk; cols 2 splits each channel's 3 outputs.
  Rig rig({.input = 512, .weight = 256, .output = 256}, {.rows = 3, .cols = 2});
  rig.memory.put(kIn, input);
  rig.memory.put(kWeights, filter);
  put_channels(rig.memory, ch);
  rig.control.execute(DepthwiseCommand{.shape = s, .quant = q, .at = addresses()}, 0);

  std::vector<int8_t> expected(6 * 5 * 18);
  model::depthwise_conv2d(s, q, {.input = input, .weights = filter, .bias = ch.bias, .requant = ch.requant,
                                 .output = expected});
  CHECK(rig.memory.get(kOut, expected.size()) == expected);
}

TEST_CASE("a fully connected layer without bias equals the functional model", "[accel][control]") {
  std::mt19937 rng(9);
  const model::FullyConnectedShape s{.batch = 3, .in_features = 40, .out_features = 13};
  const model::OutputQuant q{.input_offset = 128, .output_offset = 0, .act_min = 0, .act_max = 127};
  const auto input = random_bytes(rng, 3 * 40);
  const auto weights = random_bytes(rng, 13 * 40);
  const Channels ch = random_channels(rng, 13);
  Rig rig({.input = 1024, .weight = 512, .output = 256});
  rig.memory.put(kIn, input);
  rig.memory.put(kWeights, weights);
  put_channels(rig.memory, ch);
  MacAddresses at = addresses();
  at.bias.reset();
  rig.control.execute(FullyConnectedCommand{.shape = s, .quant = q, .at = at}, 0);

  std::vector<int8_t> expected(3 * 13);
  model::fully_connected(s, q, {.input = input, .weights = weights, .bias = {}, .requant = ch.requant,
                                .output = expected});
  CHECK(rig.memory.get(kOut, expected.size()) == expected);
}

// Worked by hand: every transfer of 8 bytes costs 4 + 1 = 5 cycles, an add
// pass of 8 elements on 8 lanes 1 + 1 + 5 = 7. Chunks of 8 elements
// (input half 16 bytes holds both inputs, output half 8).
//   load 0   in1 0-5, in2 5-10             compute 0  10-17
//   load 1   in1 10-15, in2 15-20 (after compute -1: at once)
//   compute 1 starts at max(17, 20) = 20, ends 27
//   store 0  20-25 (DMA busy until 20)     load 2  25-30, 30-35 (after compute 0)
//   compute 2 starts at max(27, 35, store 0 = 25) = 35, ends 42
//   store 1  35-40                         store 2  42-47
TEST_CASE("the double-buffered schedule of a three-chunk ADD, worked by hand", "[accel][control]") {
  Rig rig({.input = 32, .weight = 64, .output = 16});
  std::vector<int8_t> a(24), b(24);
  for (int i = 0; i < 24; ++i) {
    a[i] = static_cast<int8_t>(i - 12);
    b[i] = static_cast<int8_t>(3 * i - 40);
  }
  rig.memory.put(kIn, a);
  rig.memory.put(kIn + 64, b);
  AddCommand add{.input1 = kIn, .input2 = kIn + 64, .output = kOut, .count = 24, .params = {}};
  // Each input: (x << 20) * 2^30 / 2^31 = x * 2^19. The sum (a + b) * 2^19
  // times 2^30 / 2^31 is (a + b) * 2^18, shifted right by 19: (a + b) / 2,
  // exact where a + b is even.
  add.params.input1 = {.multiplier = 1 << 30, .shift = 0};
  add.params.input2 = {.multiplier = 1 << 30, .shift = 0};
  add.params.output = {.multiplier = 1 << 30, .shift = -19};
  add.params.left_shift = 20;
  CHECK(rig.control.execute(add, 0) == 47);
  const Pmu& pmu = rig.control.pmu();
  CHECK(pmu.stall == 47 - 3 * 7);
  CHECK(pmu.dma_read_bytes == 48);
  CHECK(pmu.dma_write_bytes == 24);
  const auto out = rig.memory.get(kOut, 24);
  for (int i = 0; i < 24; ++i)
    if ((a[i] + b[i]) % 2 == 0) CHECK(out[i] == (a[i] + b[i]) / 2);
}

TEST_CASE("DMA commands run on while later commands go on, until WAIT", "[accel][control]") {
  Rig rig({.input = 256, .weight = 256, .output = 256});
  rig.memory.put(kIn, std::vector<int8_t>(64, 5));
  // 64 bytes: 4 + 8 = 12 cycles each; the second starts when the first ends.
  CHECK(rig.control.execute(DmaCommand{.load = true, .address = kIn, .buffer = ACCEL_BUFFER_INPUT, .offset = 0,
                                       .bytes = 64},
                            10) == 10);
  CHECK(rig.control.execute(DmaCommand{.load = false, .address = kOut, .buffer = ACCEL_BUFFER_INPUT, .offset = 0,
                                       .bytes = 64},
                            11) == 11);
  CHECK(rig.control.execute(WaitCommand{}, 12) == 10 + 12 + 12);
  CHECK(rig.memory.get(kOut, 64) == std::vector<int8_t>(64, 5));
}

TEST_CASE("bad commands are errors with their codes", "[accel][control]") {
  Rig rig({.input = 256, .weight = 256, .output = 256});
  auto code_of = [&](const Command& c) {
    try {
      rig.control.execute(c, 0);
    } catch (const CommandError& e) {
      return e.code();
    }
    return ACCEL_ERROR_NONE;
  };
  CHECK(code_of(DmaCommand{.load = true, .address = kIn, .buffer = ACCEL_BUFFER_OUTPUT, .offset = 200, .bytes = 57}) ==
        ACCEL_ERROR_BUFFER);
  CHECK(code_of(DmaCommand{.load = true, .address = 0x1000, .buffer = ACCEL_BUFFER_INPUT, .offset = 0, .bytes = 4}) ==
        ACCEL_ERROR_BUS);
  // One output row of a 1x1 convolution over 200 pixels of 1 channel: 200
  // input bytes, more than half the 256-byte input buffer.
  model::Conv2dShape wide{.batch = 1, .in_c = 1, .out_c = 1, .window = {}};
  wide.window = {.in_h = 1, .in_w = 200, .out_h = 1, .out_w = 200};
  CHECK(code_of(Conv2dCommand{.shape = wide, .quant = {}, .at = addresses()}) == ACCEL_ERROR_BUFFER);
  // A shift of 31 (outside [-31, 30]) in memory.
  model::Conv2dShape one{.batch = 1, .in_c = 1, .out_c = 1, .window = {}};
  rig.memory.put(kMult, std::vector<int32_t>{1 << 30});
  rig.memory.put(kShift, std::vector<int32_t>{31});
  CHECK(code_of(Conv2dCommand{.shape = one, .quant = {}, .at = addresses()}) == ACCEL_ERROR_PARAMETER);
}
