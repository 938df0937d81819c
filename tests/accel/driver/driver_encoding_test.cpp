// The firmware driver's command encoding (workloads/accel/accel_stream.c,
// C, compiled for the host) against the device model's encode(): for
// random commands of every opcode the words are identical. encode() puts
// every operand in BASE0; with other base registers only the regions word
// may differ, and decode() resolves the offsets against them. Also: a full
// buffer and a bad base register leave the stream as it was.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "accel/device/command.hpp"
#include "accel_stream.h"

using namespace accel;
using namespace accel::device;

namespace {

constexpr int kCommandsPerOpcode = 500;

class Random {
 public:
  explicit Random(uint32_t seed) : engine_(seed) {}
  uint32_t u32() { return static_cast<uint32_t>(engine_()); }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(uint64_t{u32()} * n >> 32); }
  uint32_t u16() { return u32() >> 16; }
  uint32_t u8() { return u32() >> 24; }
  int32_t i32() { return static_cast<int32_t>(u32()); }
  int16_t i16() { return static_cast<int16_t>(u16()); }
  uint8_t base() { return static_cast<uint8_t>(below(ACCEL_BASE_COUNT)); }

 private:
  std::mt19937 engine_;
};

// The C driver's words for one command: `append` calls one accel_stream_*.
template <class Append>
std::vector<uint32_t> c_words(Append append) {
  std::vector<uint32_t> buffer(32, 0xDEADBEEF);
  accel_stream s;
  accel_stream_init(&s, buffer.data(), static_cast<uint32_t>(buffer.size()));
  REQUIRE(append(&s) == ACCEL_DRV_OK);
  buffer.resize(s.length);
  return buffer;
}

// The regions word for operand bases, 4 bits each.
uint32_t regions_of(std::initializer_list<accel_address> operands) {
  uint32_t w = 0, shift = 0;
  for (const accel_address& a : operands) {
    w |= uint32_t{a.base} << shift;
    shift += 4;
  }
  return w;
}

BaseRegisters random_bases(Random& rng) {
  BaseRegisters bases{};
  for (uint32_t& b : bases) b = rng.u32();
  return bases;
}

// A random address operand: in BASE0 or (with_bases) in any base register.
accel_address random_address(Random& rng, bool with_bases) {
  return {.base = with_bases ? rng.base() : uint8_t{0}, .offset = rng.u32()};
}

accel_mac_operands random_mac_operands(Random& rng, bool with_bases, bool with_bias) {
  accel_mac_operands at{};
  at.input = random_address(rng, with_bases);
  at.weights = random_address(rng, with_bases);
  at.bias = with_bias ? random_address(rng, with_bases) : accel_no_bias();
  if (!with_bias && with_bases) at.bias.base = rng.base();  // no bias whatever the region
  at.multipliers = random_address(rng, with_bases);
  at.shifts = random_address(rng, with_bases);
  at.output = random_address(rng, with_bases);
  if (with_bias && at.bias.offset == static_cast<uint32_t>(ACCEL_NO_BIAS)) at.bias.offset = 0;
  return at;
}

// The device's view of the same operands when every base is 0.
MacAddresses mac_addresses(const accel_mac_operands& at) {
  MacAddresses a;
  a.input = at.input.offset;
  a.weights = at.weights.offset;
  if (at.bias.offset != static_cast<uint32_t>(ACCEL_NO_BIAS)) a.bias = at.bias.offset;
  a.multipliers = at.multipliers.offset;
  a.shifts = at.shifts.offset;
  a.output = at.output.offset;
  return a;
}

accel_mac_quant random_quant(Random& rng) {
  return {.input_offset = rng.i32(), .output_offset = rng.i32(), .act_min = rng.i16(), .act_max = rng.i16()};
}

model::OutputQuant output_quant(const accel_mac_quant& q) {
  return {.input_offset = q.input_offset, .output_offset = q.output_offset, .act_min = q.act_min, .act_max = q.act_max};
}

accel_window random_window(Random& rng) {
  accel_window w{};
  w.in_h = static_cast<uint16_t>(rng.u16());
  w.in_w = static_cast<uint16_t>(rng.u16());
  w.out_h = static_cast<uint16_t>(rng.u16());
  w.out_w = static_cast<uint16_t>(rng.u16());
  w.kernel_h = static_cast<uint8_t>(rng.u8());
  w.kernel_w = static_cast<uint8_t>(rng.u8());
  w.stride_h = static_cast<uint8_t>(rng.u8());
  w.stride_w = static_cast<uint8_t>(rng.u8());
  w.dilation_h = static_cast<uint8_t>(rng.u8());
  w.dilation_w = static_cast<uint8_t>(rng.u8());
  w.pad_top = static_cast<uint8_t>(rng.u8());
  w.pad_left = static_cast<uint8_t>(rng.u8());
  return w;
}

model::Window2d window2d(const accel_window& w) {
  return {.in_h = w.in_h, .in_w = w.in_w, .out_h = w.out_h, .out_w = w.out_w, .kernel_h = w.kernel_h,
          .kernel_w = w.kernel_w, .stride_h = w.stride_h, .stride_w = w.stride_w, .dilation_h = w.dilation_h,
          .dilation_w = w.dilation_w, .pad_top = w.pad_top, .pad_left = w.pad_left};
}

// The C words equal encode()'s, but for the regions word (word 1), which
// must name the operands' bases.
void check_same_words(const std::vector<uint32_t>& c, const std::vector<uint32_t>& cpp, uint32_t regions) {
  REQUIRE(c.size() == cpp.size());
  for (size_t i = 0; i < c.size(); ++i) {
    INFO("word " << i);
    CHECK(c[i] == (i == 1 ? regions : cpp[i]));
  }
}

// A MAC command's addresses, as decode() resolves them against `bases`.
void check_resolved(const MacAddresses& got, const accel_mac_operands& at, const BaseRegisters& bases) {
  auto resolved = [&](const accel_address& a) { return bases[a.base] + a.offset; };
  CHECK(got.input == resolved(at.input));
  CHECK(got.weights == resolved(at.weights));
  if (at.bias.offset == static_cast<uint32_t>(ACCEL_NO_BIAS))
    CHECK_FALSE(got.bias.has_value());
  else
    CHECK(got.bias == resolved(at.bias));
  CHECK(got.multipliers == resolved(at.multipliers));
  CHECK(got.shifts == resolved(at.shifts));
  CHECK(got.output == resolved(at.output));
}

// ---- random commands of each opcode, as C parameters and as the device's command ----

struct DmaPair {
  bool load;
  accel_dma_params c;
  DmaCommand cpp;
};
DmaPair random_dma(Random& rng, bool with_bases) {
  DmaPair p{};
  p.load = rng.below(2) == 0;
  p.c = {.system = random_address(rng, with_bases), .buffer = rng.below(3), .buffer_offset = rng.u32(),
         .bytes = rng.u32()};
  p.cpp = {.load = p.load, .address = p.c.system.offset, .buffer = static_cast<accel_buffer>(p.c.buffer),
           .offset = p.c.buffer_offset, .bytes = p.c.bytes};
  return p;
}
std::vector<uint32_t> c_words(const DmaPair& p) {
  return c_words([&](accel_stream* s) { return p.load ? accel_stream_dma_load(s, &p.c) : accel_stream_dma_store(s, &p.c); });
}

struct ConvPair {
  accel_conv2d_params c;
  Conv2dCommand cpp;
};
ConvPair random_conv(Random& rng, bool with_bases) {
  ConvPair p{};
  p.c = {.at = random_mac_operands(rng, with_bases, rng.below(4) != 0), .window = random_window(rng),
         .in_c = static_cast<uint16_t>(rng.u16()), .out_c = static_cast<uint16_t>(rng.u16()),
         .quant = random_quant(rng), .batch = rng.u32()};
  p.cpp = {.shape = {.batch = p.c.batch, .in_c = p.c.in_c, .out_c = p.c.out_c, .window = window2d(p.c.window)},
           .quant = output_quant(p.c.quant), .at = mac_addresses(p.c.at)};
  return p;
}
std::vector<uint32_t> c_words(const ConvPair& p) {
  return c_words([&](accel_stream* s) { return accel_stream_conv2d(s, &p.c); });
}

struct DepthwisePair {
  accel_depthwise_params c;
  DepthwiseCommand cpp;
};
DepthwisePair random_depthwise(Random& rng, bool with_bases) {
  DepthwisePair p{};
  p.c = {.at = random_mac_operands(rng, with_bases, rng.below(4) != 0), .window = random_window(rng),
         .in_c = static_cast<uint16_t>(rng.u16()), .depth_multiplier = static_cast<uint16_t>(rng.u16()),
         .quant = random_quant(rng), .batch = rng.u32()};
  p.cpp = {.shape = {.batch = p.c.batch, .in_c = p.c.in_c, .depth_multiplier = p.c.depth_multiplier,
                     .window = window2d(p.c.window)},
           .quant = output_quant(p.c.quant), .at = mac_addresses(p.c.at)};
  return p;
}
std::vector<uint32_t> c_words(const DepthwisePair& p) {
  return c_words([&](accel_stream* s) { return accel_stream_depthwise_conv2d(s, &p.c); });
}

struct FullyConnectedPair {
  accel_fully_connected_params c;
  FullyConnectedCommand cpp;
};
FullyConnectedPair random_fully_connected(Random& rng, bool with_bases) {
  FullyConnectedPair p{};
  p.c = {.at = random_mac_operands(rng, with_bases, rng.below(4) != 0), .in_features = rng.u32(),
         .out_features = rng.u32(), .batch = rng.u32(), .quant = random_quant(rng)};
  p.cpp = {.shape = {.batch = p.c.batch, .in_features = p.c.in_features, .out_features = p.c.out_features},
           .quant = output_quant(p.c.quant), .at = mac_addresses(p.c.at)};
  return p;
}
std::vector<uint32_t> c_words(const FullyConnectedPair& p) {
  return c_words([&](accel_stream* s) { return accel_stream_fully_connected(s, &p.c); });
}

struct AddPair {
  accel_add_params c;
  AddCommand cpp;
};
AddPair random_add(Random& rng, bool with_bases) {
  AddPair p{};
  p.c = {.input1 = random_address(rng, with_bases), .input2 = random_address(rng, with_bases),
         .output = random_address(rng, with_bases), .count = rng.u32(), .input1_offset = rng.i32(),
         .input2_offset = rng.i32(), .left_shift = rng.i32(), .input1_scale = {rng.i32(), rng.i32()},
         .input2_scale = {rng.i32(), rng.i32()}, .output_scale = {rng.i32(), rng.i32()},
         .output_offset = rng.i32(), .act_min = rng.i16(), .act_max = rng.i16()};
  model::AddParams params;
  params.input1_offset = p.c.input1_offset;
  params.input2_offset = p.c.input2_offset;
  params.left_shift = p.c.left_shift;
  params.input1 = {.multiplier = p.c.input1_scale.multiplier, .shift = p.c.input1_scale.shift};
  params.input2 = {.multiplier = p.c.input2_scale.multiplier, .shift = p.c.input2_scale.shift};
  params.output = {.multiplier = p.c.output_scale.multiplier, .shift = p.c.output_scale.shift};
  params.output_offset = p.c.output_offset;
  params.act_min = p.c.act_min;
  params.act_max = p.c.act_max;
  p.cpp = {.input1 = p.c.input1.offset, .input2 = p.c.input2.offset, .output = p.c.output.offset,
           .count = p.c.count, .params = params};
  return p;
}
std::vector<uint32_t> c_words(const AddPair& p) {
  return c_words([&](accel_stream* s) { return accel_stream_add(s, &p.c); });
}

uint32_t regions(const DmaPair& p) { return regions_of({p.c.system}); }
uint32_t regions(const accel_mac_operands& at) {
  return regions_of({at.input, at.weights, at.bias, at.multipliers, at.shifts, at.output});
}
uint32_t regions(const ConvPair& p) { return regions(p.c.at); }
uint32_t regions(const DepthwisePair& p) { return regions(p.c.at); }
uint32_t regions(const FullyConnectedPair& p) { return regions(p.c.at); }
uint32_t regions(const AddPair& p) { return regions_of({p.c.input1, p.c.input2, p.c.output}); }

// kCommandsPerOpcode random commands from `make`: the first half in BASE0
// (the words must be encode()'s exactly), the rest in any base register.
template <class Make>
void check_random(uint32_t seed, Make make) {
  Random rng(seed);
  for (int i = 0; i < kCommandsPerOpcode; ++i) {
    const bool with_bases = i >= kCommandsPerOpcode / 2;
    const auto pair = make(rng, with_bases);
    const std::vector<uint32_t> c = c_words(pair);
    const std::vector<uint32_t> cpp = encode(pair.cpp);
    INFO("command " << i << " of seed " << seed);
    if (with_bases)
      check_same_words(c, cpp, regions(pair));
    else
      CHECK(c == cpp);
  }
}

}  // namespace

TEST_CASE("NOP, STOP, IRQ and WAIT: the C driver's words are encode()'s", "[accel][driver]") {
  CHECK(c_words(accel_stream_nop) == encode(NopCommand{}));
  CHECK(c_words(accel_stream_stop) == encode(StopCommand{}));
  CHECK(c_words(accel_stream_irq) == encode(IrqCommand{}));
  CHECK(c_words(accel_stream_wait) == encode(WaitCommand{}));
}

TEST_CASE("DMA_LOAD and DMA_STORE: random commands encode as encode() does", "[accel][driver]") {
  check_random(0xD0A0001, random_dma);
}

TEST_CASE("CONV2D: random commands encode as encode() does", "[accel][driver]") {
  check_random(0xC0A0002, random_conv);
}

TEST_CASE("DEPTHWISE_CONV2D: random commands encode as encode() does", "[accel][driver]") {
  check_random(0xDE90003, random_depthwise);
}

TEST_CASE("FULLY_CONNECTED: random commands encode as encode() does", "[accel][driver]") {
  check_random(0xFC00004, random_fully_connected);
}

TEST_CASE("ADD: random commands encode as encode() does", "[accel][driver]") {
  check_random(0xADD0005, random_add);
}

TEST_CASE("a stream of random commands is the concatenation of their encodings", "[accel][driver]") {
  Random rng(0x5742006);
  std::vector<uint32_t> buffer(4096);
  accel_stream s;
  accel_stream_init(&s, buffer.data(), static_cast<uint32_t>(buffer.size()));
  std::vector<uint32_t> expected;
  auto add = [&](const std::vector<uint32_t>& words) { expected.insert(expected.end(), words.begin(), words.end()); };
  for (int i = 0; i < 200; ++i) {
    switch (rng.below(6)) {
      case 0: {
        const auto p = random_dma(rng, false);
        REQUIRE((p.load ? accel_stream_dma_load(&s, &p.c) : accel_stream_dma_store(&s, &p.c)) == ACCEL_DRV_OK);
        add(encode(p.cpp));
        break;
      }
      case 1: {
        const auto p = random_conv(rng, false);
        REQUIRE(accel_stream_conv2d(&s, &p.c) == ACCEL_DRV_OK);
        add(encode(p.cpp));
        break;
      }
      case 2: {
        const auto p = random_depthwise(rng, false);
        REQUIRE(accel_stream_depthwise_conv2d(&s, &p.c) == ACCEL_DRV_OK);
        add(encode(p.cpp));
        break;
      }
      case 3: {
        const auto p = random_fully_connected(rng, false);
        REQUIRE(accel_stream_fully_connected(&s, &p.c) == ACCEL_DRV_OK);
        add(encode(p.cpp));
        break;
      }
      case 4: {
        const auto p = random_add(rng, false);
        REQUIRE(accel_stream_add(&s, &p.c) == ACCEL_DRV_OK);
        add(encode(p.cpp));
        break;
      }
      default:
        REQUIRE(accel_stream_wait(&s) == ACCEL_DRV_OK);
        add(encode(WaitCommand{}));
    }
  }
  REQUIRE(accel_stream_stop(&s) == ACCEL_DRV_OK);
  add(encode(StopCommand{}));
  CHECK(accel_stream_bytes(&s) == 4 * expected.size());
  CHECK(std::vector<uint32_t>(buffer.begin(), buffer.begin() + s.length) == expected);
}

TEST_CASE("decode() resolves each address against the base register the C driver named", "[accel][driver]") {
  Random rng(0xBA5E007);
  for (int i = 0; i < 200; ++i) {
    const BaseRegisters bases = random_bases(rng);
    INFO("case " << i);
    // Valid parameters (decode() checks them), random addresses.
    accel_conv2d_params conv{};
    conv.at = random_mac_operands(rng, true, rng.below(2) == 0);
    for (accel_address* a : {&conv.at.bias, &conv.at.multipliers, &conv.at.shifts})
      if (a->offset != static_cast<uint32_t>(ACCEL_NO_BIAS)) a->offset &= ~3u;
    conv.window = {.in_h = 4, .in_w = 4, .out_h = 4, .out_w = 4, .kernel_h = 3, .kernel_w = 3, .stride_h = 1,
                   .stride_w = 1, .dilation_h = 1, .dilation_w = 1, .pad_top = 1, .pad_left = 1};
    conv.in_c = 2;
    conv.out_c = 3;
    conv.quant = {.input_offset = 5, .output_offset = -3, .act_min = -100, .act_max = 100};
    conv.batch = 1;
    BaseRegisters aligned = bases;
    for (uint32_t& b : aligned) b &= ~3u;  // int32 operands stay word-aligned
    const Decoded d = decode(c_words([&](accel_stream* s) { return accel_stream_conv2d(s, &conv); }), aligned);
    check_resolved(std::get<Conv2dCommand>(d.command).at, conv.at, aligned);

    const accel_dma_params dma{.system = random_address(rng, true), .buffer = ACCEL_BUFFER_WEIGHT,
                               .buffer_offset = 16, .bytes = 32};
    const Decoded dd = decode(c_words([&](accel_stream* s) { return accel_stream_dma_store(s, &dma); }), bases);
    CHECK(std::get<DmaCommand>(dd.command).address == bases[dma.system.base] + dma.system.offset);

    accel_add_params add{};
    add.input1 = random_address(rng, true);
    add.input2 = random_address(rng, true);
    add.output = random_address(rng, true);
    add.count = 10;
    add.left_shift = 20;
    add.input1_scale = {1 << 30, 0};
    add.input2_scale = {1 << 30, -1};
    add.output_scale = {1 << 30, -19};
    add.act_min = -128;
    add.act_max = 127;
    const Decoded da = decode(c_words([&](accel_stream* s) { return accel_stream_add(s, &add); }), bases);
    const auto& got = std::get<AddCommand>(da.command);
    CHECK(got.input1 == bases[add.input1.base] + add.input1.offset);
    CHECK(got.input2 == bases[add.input2.base] + add.input2.offset);
    CHECK(got.output == bases[add.output.base] + add.output.offset);
  }
}

TEST_CASE("a command that does not fit, or names a base register past BASE7, leaves the stream as it was",
          "[accel][driver]") {
  Random rng(0xF011008);
  std::vector<uint32_t> buffer(ACCEL_WORDS_CONV + 2, 0xCAFEF00D);
  accel_stream s;
  accel_stream_init(&s, buffer.data(), static_cast<uint32_t>(buffer.size()));
  REQUIRE(accel_stream_nop(&s) == ACCEL_DRV_OK);
  REQUIRE(accel_stream_nop(&s) == ACCEL_DRV_OK);

  ConvPair conv = random_conv(rng, false);
  conv.c.at.output.base = ACCEL_BASE_COUNT;
  CHECK(accel_stream_conv2d(&s, &conv.c) == ACCEL_DRV_BAD_FIELD);
  CHECK(s.length == 2);
  conv.c.at.output.base = 0;
  CHECK(accel_stream_conv2d(&s, &conv.c) == ACCEL_DRV_OK);  // exactly fills the buffer
  CHECK(s.length == buffer.size());
  CHECK(accel_stream_stop(&s) == ACCEL_DRV_FULL);
  CHECK(s.length == buffer.size());

  accel_stream_clear(&s);
  AddPair add = random_add(rng, false);
  add.c.input2.base = 0xF;
  CHECK(accel_stream_add(&s, &add.c) == ACCEL_DRV_BAD_FIELD);
  DmaPair dma = random_dma(rng, false);
  dma.c.system.base = ACCEL_BASE_COUNT;
  CHECK(accel_stream_dma_load(&s, &dma.c) == ACCEL_DRV_BAD_FIELD);
  CHECK(s.length == 0);
  CHECK(buffer[0] == encode(NopCommand{})[0]);  // untouched since
  const uint32_t raw[] = {1, 2, 3};
  accel_stream small;
  accel_stream_init(&small, buffer.data(), 2);
  CHECK(accel_stream_raw(&small, raw, 3) == ACCEL_DRV_FULL);
  CHECK(small.length == 0);
  CHECK(accel_stream_raw(&small, raw, 2) == ACCEL_DRV_OK);
  CHECK(buffer[1] == 2);
}
