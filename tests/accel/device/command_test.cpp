// Command words: encode/decode round trips, base registers, and each
// decoding error with its code.
#include <catch2/catch.hpp>

#include "accel/device/command.hpp"

using namespace accel;
using namespace accel::device;

namespace {
BaseRegisters zero_bases() { return {}; }

accel_error decode_error(const std::vector<uint32_t>& words) {
  try {
    decode(words, zero_bases());
  } catch (const CommandError& e) {
    return e.code();
  }
  return ACCEL_ERROR_NONE;
}
}  // namespace

TEST_CASE("a convolution's words decode to the command they encode", "[accel][command]") {
  Conv2dCommand c;
  c.shape = {.batch = 2, .in_c = 3, .out_c = 300, .window = {}};
  c.shape.window = {.in_h = 96, .in_w = 64, .out_h = 48, .out_w = 32, .kernel_h = 3, .kernel_w = 5, .stride_h = 2,
                    .stride_w = 2, .dilation_h = 1, .dilation_w = 2, .pad_top = 1, .pad_left = 4};
  c.quant = {.input_offset = 128, .output_offset = -128, .act_min = -128, .act_max = 6};
  c.at = {.input = 0x20000000, .weights = 0x08004000, .bias = std::nullopt, .multipliers = 0x20001000,
          .shifts = 0x20002000, .output = 0x20010000};
  const std::vector<uint32_t> words = encode(c);
  REQUIRE(words.size() == ACCEL_WORDS_CONV);
  CHECK(words[0] == (ACCEL_OP_CONV2D | ACCEL_WORDS_CONV << 8));
  CHECK(words[8] == (96u | 64u << 16));
  const Decoded d = decode(words, zero_bases());
  CHECK(d.words == ACCEL_WORDS_CONV);
  const auto& back = std::get<Conv2dCommand>(d.command);
  CHECK(back.shape.out_c == 300);
  CHECK(back.shape.window.dilation_w == 2);
  CHECK(back.shape.window.pad_left == 4);
  CHECK(back.quant.act_max == 6);
  CHECK(back.quant.act_min == -128);
  CHECK_FALSE(back.at.bias.has_value());
  CHECK(back.at.weights == 0x08004000);
}

TEST_CASE("address words are offsets from the base register their region nibble names", "[accel][command]") {
  AddCommand add{.input1 = 0x10, .input2 = 0x20, .output = 0x30, .count = 5, .params = {}};
  std::vector<uint32_t> words = encode(add);
  words[1] = 0x0 | 0x3 << 4 | 0x7 << 8;  // input1 BASE0, input2 BASE3, output BASE7
  BaseRegisters bases{};
  bases[3] = 0x20000000;
  bases[7] = 0x30000000;
  const Decoded decoded = decode(words, bases);
  const auto& d = std::get<AddCommand>(decoded.command);
  CHECK(d.input1 == 0x10);
  CHECK(d.input2 == 0x20000020);
  CHECK(d.output == 0x30000030);
}

TEST_CASE("malformed commands are refused with their error codes", "[accel][command]") {
  CHECK(decode_error({0x7F | 1 << 8}) == ACCEL_ERROR_OPCODE);
  CHECK(decode_error({ACCEL_OP_STOP | 2 << 8, 0}) == ACCEL_ERROR_LENGTH);
  CHECK(decode_error({}) == ACCEL_ERROR_NO_STOP);
  std::vector<uint32_t> dma = encode(DmaCommand{});
  dma.pop_back();  // the stream ends inside the command
  CHECK(decode_error(dma) == ACCEL_ERROR_LENGTH);

  Conv2dCommand c;
  c.at = {.input = 0, .weights = 0, .bias = 0x102, .multipliers = 0, .shifts = 0, .output = 0};
  CHECK(decode_error(encode(c)) == ACCEL_ERROR_ALIGNMENT);
  c.at.bias = 0x100;
  CHECK(decode_error(encode(c)) == ACCEL_ERROR_NONE);
  c.shape.window.stride_h = 0;
  CHECK(decode_error(encode(c)) == ACCEL_ERROR_PARAMETER);
  c.shape.window.stride_h = 1;
  c.shape.window.kernel_h = 3;
  c.shape.window.pad_top = 3;  // the kernel spans 3 rows: a pad of 3 leaves an all-padding window
  CHECK(decode_error(encode(c)) == ACCEL_ERROR_PARAMETER);
  c.shape.window.pad_top = 2;
  c.shape.window.out_w = 2;  // 1 pixel wide, stride 1: the second output's window starts past the image
  CHECK(decode_error(encode(c)) == ACCEL_ERROR_PARAMETER);
  c.shape.window.out_w = 1;
  c.quant.input_offset = -128;  // a zero point of 128 is not an int8
  CHECK(decode_error(encode(c)) == ACCEL_ERROR_PARAMETER);
  c.quant.input_offset = 0;
  c.quant.act_min = 10;
  c.quant.act_max = 9;
  CHECK(decode_error(encode(c)) == ACCEL_ERROR_PARAMETER);

  AddCommand add{.input1 = 0, .input2 = 0, .output = 0, .count = 1, .params = {}};
  add.params.input1.shift = 1;  // the input scales are below one: shifts <= 0
  CHECK(decode_error(encode(add)) == ACCEL_ERROR_PARAMETER);
}
