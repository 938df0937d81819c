#include "accel/device/command.hpp"

#include <fmt/format.h>

#include "accel/model/checks.hpp"

namespace accel::device {

namespace {

uint32_t low16(uint32_t w) { return w & 0xFFFF; }
uint32_t high16(uint32_t w) { return w >> 16; }
uint32_t byte_of(uint32_t w, unsigned i) { return (w >> (8 * i)) & 0xFF; }
int32_t signed16(uint32_t w) { return static_cast<int16_t>(w & 0xFFFF); }

[[noreturn]] void parameter_error(const std::string& what) { throw CommandError(ACCEL_ERROR_PARAMETER, what); }

void require(bool ok, const char* what) {
  if (!ok) parameter_error(what);
}

// Reads a command's words in order, resolving addresses through the regions word.
class Reader {
 public:
  Reader(std::span<const uint32_t> words, const BaseRegisters& bases, bool has_regions)
      : words_(words), bases_(bases), regions_(has_regions ? words[1] : 0), next_(has_regions ? 2 : 1) {}
  uint32_t word() { return words_[next_++]; }
  uint32_t address() {
    const uint32_t base = bases_[(regions_ >> (4 * operand_++)) & 0x7];
    return base + word();
  }
  std::optional<uint32_t> optional_address() {
    const uint32_t base = bases_[(regions_ >> (4 * operand_++)) & 0x7];
    const uint32_t w = word();
    if (w == static_cast<uint32_t>(ACCEL_NO_BIAS)) return std::nullopt;
    return base + w;
  }

 private:
  std::span<const uint32_t> words_;
  const BaseRegisters& bases_;
  uint32_t regions_;
  size_t next_;
  unsigned operand_ = 0;
};

uint32_t expected_words(uint32_t opcode) {
  switch (opcode) {
    case ACCEL_OP_NOP: return ACCEL_WORDS_NOP;
    case ACCEL_OP_STOP: return ACCEL_WORDS_STOP;
    case ACCEL_OP_IRQ: return ACCEL_WORDS_IRQ;
    case ACCEL_OP_WAIT: return ACCEL_WORDS_WAIT;
    case ACCEL_OP_DMA_LOAD:
    case ACCEL_OP_DMA_STORE: return ACCEL_WORDS_DMA;
    case ACCEL_OP_CONV2D:
    case ACCEL_OP_DEPTHWISE_CONV2D: return ACCEL_WORDS_CONV;
    case ACCEL_OP_FULLY_CONNECTED: return ACCEL_WORDS_FULLY_CONNECTED;
    case ACCEL_OP_ADD: return ACCEL_WORDS_ADD;
    default: throw CommandError(ACCEL_ERROR_OPCODE, fmt::format("unknown opcode {:#04x}", opcode));
  }
}

MacAddresses mac_addresses(Reader& r) {
  MacAddresses at;
  at.input = r.address();
  at.weights = r.address();
  at.bias = r.optional_address();
  at.multipliers = r.address();
  at.shifts = r.address();
  at.output = r.address();
  if ((at.bias && *at.bias % 4) || at.multipliers % 4 || at.shifts % 4)
    throw CommandError(ACCEL_ERROR_ALIGNMENT, "bias, multipliers and shifts (int32 arrays) must be word-aligned");
  return at;
}

model::OutputQuant output_quant(Reader& r, const char* op) {
  model::OutputQuant q;
  q.input_offset = static_cast<int32_t>(r.word());
  q.output_offset = static_cast<int32_t>(r.word());
  const uint32_t range = r.word();
  q.act_min = signed16(range);
  q.act_max = signed16(range >> 16);
  check_parameters([&] { model::check_output_quant(op, q); });
  return q;
}

// The spatial words shared by CONV2D and DEPTHWISE_CONV2D (after in_c).
model::Window2d window(uint32_t in_hw, uint32_t out_hw, uint32_t kernel, uint32_t dilation_pad, const char* op) {
  model::Window2d w;
  w.in_h = low16(in_hw);
  w.in_w = high16(in_hw);
  w.out_h = low16(out_hw);
  w.out_w = high16(out_hw);
  w.kernel_h = byte_of(kernel, 0);
  w.kernel_w = byte_of(kernel, 1);
  w.stride_h = byte_of(kernel, 2);
  w.stride_w = byte_of(kernel, 3);
  w.dilation_h = byte_of(dilation_pad, 0);
  w.dilation_w = byte_of(dilation_pad, 1);
  w.pad_top = byte_of(dilation_pad, 2);
  w.pad_left = byte_of(dilation_pad, 3);
  check_parameters([&] { model::check_window(op, w); });
  return w;
}

Command decode_conv(Reader& r, bool depthwise) {
  const MacAddresses at = mac_addresses(r);
  const uint32_t in_hw = r.word(), channels = r.word();
  const uint32_t out_hw = r.word(), kernel = r.word(), dilation_pad = r.word();
  const char* op = depthwise ? "DEPTHWISE_CONV2D" : "CONV2D";
  const model::Window2d w = window(in_hw, out_hw, kernel, dilation_pad, op);
  const model::OutputQuant q = output_quant(r, op);
  const uint32_t batch = r.word();
  require(batch >= 1 && low16(channels) >= 1 && high16(channels) >= 1, "zero batch or channel count");
  if (depthwise)
    return DepthwiseCommand{.shape = {.batch = batch, .in_c = low16(channels), .depth_multiplier = high16(channels), .window = w},
                            .quant = q,
                            .at = at};
  return Conv2dCommand{.shape = {.batch = batch, .in_c = low16(channels), .out_c = high16(channels), .window = w},
                       .quant = q,
                       .at = at};
}

Command decode_fully_connected(Reader& r) {
  const MacAddresses at = mac_addresses(r);
  model::FullyConnectedShape s;
  s.in_features = r.word();
  s.out_features = r.word();
  s.batch = r.word();
  require(s.in_features >= 1 && s.out_features >= 1 && s.batch >= 1, "zero features or batch");
  require(s.in_features <= 0xFFFFFF && s.out_features <= 0xFFFFFF && s.batch <= 0xFFFF, "fully connected too large");
  return FullyConnectedCommand{.shape = s, .quant = output_quant(r, "FULLY_CONNECTED"), .at = at};
}

model::Requant requant(uint32_t multiplier, uint32_t shift) {
  return {.multiplier = static_cast<int32_t>(multiplier), .shift = static_cast<int32_t>(shift)};
}

Command decode_add(Reader& r) {
  AddCommand c;
  c.input1 = r.address();
  c.input2 = r.address();
  c.output = r.address();
  c.count = r.word();
  model::AddParams& p = c.params;
  p.input1_offset = static_cast<int32_t>(r.word());
  p.input2_offset = static_cast<int32_t>(r.word());
  p.left_shift = static_cast<int32_t>(r.word());
  const uint32_t m1 = r.word(), s1 = r.word(), m2 = r.word(), s2 = r.word(), mo = r.word(), so = r.word();
  p.input1 = requant(m1, s1);
  p.input2 = requant(m2, s2);
  p.output = requant(mo, so);
  p.output_offset = static_cast<int32_t>(r.word());
  const uint32_t range = r.word();
  p.act_min = signed16(range);
  p.act_max = signed16(range >> 16);
  require(c.count >= 1, "zero element count");
  check_parameters([&] { model::check_add_params("ADD", p); });
  // TFLite's ADD scales by factors below one (its shifts are <= 0); so does the add unit.
  for (const model::Requant& q : {p.input1, p.input2, p.output}) require(q.shift <= 0, "an ADD shift above 0");
  return c;
}

Command decode_dma(Reader& r, bool load) {
  DmaCommand c;
  c.load = load;
  c.address = r.address();
  const uint32_t buffer = r.word();
  require(buffer <= ACCEL_BUFFER_OUTPUT, "unknown buffer");
  c.buffer = static_cast<accel_buffer>(buffer);
  c.offset = r.word();
  c.bytes = r.word();
  return c;
}

}  // namespace

Decoded decode(std::span<const uint32_t> words, const BaseRegisters& bases) {
  if (words.empty()) throw CommandError(ACCEL_ERROR_NO_STOP, "the command stream ended without STOP");
  const uint32_t header = words[0];
  const uint32_t opcode = header & 0xFF, count = (header >> 8) & 0xFF;
  const uint32_t expected = expected_words(opcode);
  if (count != expected)
    throw CommandError(ACCEL_ERROR_LENGTH,
                       fmt::format("opcode {:#04x} has {} words, its header says {}", opcode, expected, count));
  if (count > words.size())
    throw CommandError(ACCEL_ERROR_LENGTH, fmt::format("opcode {:#04x} runs past the end of the stream", opcode));
  Reader r(words.first(count), bases, count > 1);
  switch (opcode) {
    case ACCEL_OP_NOP: return {NopCommand{}, count};
    case ACCEL_OP_STOP: return {StopCommand{}, count};
    case ACCEL_OP_IRQ: return {IrqCommand{}, count};
    case ACCEL_OP_WAIT: return {WaitCommand{}, count};
    case ACCEL_OP_DMA_LOAD: return {decode_dma(r, true), count};
    case ACCEL_OP_DMA_STORE: return {decode_dma(r, false), count};
    case ACCEL_OP_CONV2D: return {decode_conv(r, false), count};
    case ACCEL_OP_DEPTHWISE_CONV2D: return {decode_conv(r, true), count};
    case ACCEL_OP_FULLY_CONNECTED: return {decode_fully_connected(r), count};
    default: return {decode_add(r), count};
  }
}

}  // namespace accel::device
