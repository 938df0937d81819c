// encode(): the inverse of decode(), for C++ drivers and round-trip tests.
#include <type_traits>
#include <vector>

#include "accel/device/command.hpp"

namespace accel::device {

namespace {

uint32_t header(accel_opcode op, accel_command_words words) { return op | (static_cast<uint32_t>(words) << 8); }
uint32_t pack16(uint32_t low, uint32_t high) { return (low & 0xFFFF) | (high << 16); }
uint32_t pack8(uint32_t b0, uint32_t b1, uint32_t b2, uint32_t b3) { return b0 | b1 << 8 | b2 << 16 | b3 << 24; }
uint32_t range(int32_t lo, int32_t hi) { return pack16(static_cast<uint16_t>(lo), static_cast<uint16_t>(hi)); }

void mac_words(std::vector<uint32_t>& w, const MacAddresses& at) {
  w.push_back(0);  // regions: every operand from BASE0
  w.insert(w.end(), {at.input, at.weights, at.bias ? *at.bias : static_cast<uint32_t>(ACCEL_NO_BIAS), at.multipliers,
                     at.shifts, at.output});
}

void window_words(std::vector<uint32_t>& w, const model::Window2d& win, uint32_t channels) {
  w.push_back(pack16(win.in_h, win.in_w));
  w.push_back(channels);
  w.push_back(pack16(win.out_h, win.out_w));
  w.push_back(pack8(win.kernel_h, win.kernel_w, win.stride_h, win.stride_w));
  w.push_back(pack8(win.dilation_h, win.dilation_w, win.pad_top, win.pad_left));
}

void quant_words(std::vector<uint32_t>& w, const model::OutputQuant& q) {
  w.push_back(static_cast<uint32_t>(q.input_offset));
  w.push_back(static_cast<uint32_t>(q.output_offset));
  w.push_back(range(q.act_min, q.act_max));
}

}  // namespace

std::vector<uint32_t> encode(const Command& command) {
  std::vector<uint32_t> w;
  std::visit(
      [&w](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, NopCommand>) {
          w.push_back(header(ACCEL_OP_NOP, ACCEL_WORDS_NOP));
        } else if constexpr (std::is_same_v<T, StopCommand>) {
          w.push_back(header(ACCEL_OP_STOP, ACCEL_WORDS_STOP));
        } else if constexpr (std::is_same_v<T, IrqCommand>) {
          w.push_back(header(ACCEL_OP_IRQ, ACCEL_WORDS_IRQ));
        } else if constexpr (std::is_same_v<T, WaitCommand>) {
          w.push_back(header(ACCEL_OP_WAIT, ACCEL_WORDS_WAIT));
        } else if constexpr (std::is_same_v<T, DmaCommand>) {
          w = {header(c.load ? ACCEL_OP_DMA_LOAD : ACCEL_OP_DMA_STORE, ACCEL_WORDS_DMA), 0, c.address,
               static_cast<uint32_t>(c.buffer), c.offset, c.bytes};
        } else if constexpr (std::is_same_v<T, Conv2dCommand> || std::is_same_v<T, DepthwiseCommand>) {
          constexpr bool depthwise = std::is_same_v<T, DepthwiseCommand>;
          w.push_back(header(depthwise ? ACCEL_OP_DEPTHWISE_CONV2D : ACCEL_OP_CONV2D, ACCEL_WORDS_CONV));
          mac_words(w, c.at);
          if constexpr (depthwise)
            window_words(w, c.shape.window, pack16(c.shape.in_c, c.shape.depth_multiplier));
          else
            window_words(w, c.shape.window, pack16(c.shape.in_c, c.shape.out_c));
          quant_words(w, c.quant);
          w.push_back(c.shape.batch);
        } else if constexpr (std::is_same_v<T, FullyConnectedCommand>) {
          w.push_back(header(ACCEL_OP_FULLY_CONNECTED, ACCEL_WORDS_FULLY_CONNECTED));
          mac_words(w, c.at);
          w.insert(w.end(), {c.shape.in_features, c.shape.out_features, c.shape.batch});
          quant_words(w, c.quant);
        } else {
          static_assert(std::is_same_v<T, AddCommand>);
          const model::AddParams& p = c.params;
          auto u = [](int32_t v) { return static_cast<uint32_t>(v); };
          w = {header(ACCEL_OP_ADD, ACCEL_WORDS_ADD),
               0,
               c.input1,
               c.input2,
               c.output,
               c.count,
               u(p.input1_offset),
               u(p.input2_offset),
               u(p.left_shift),
               u(p.input1.multiplier),
               u(p.input1.shift),
               u(p.input2.multiplier),
               u(p.input2.shift),
               u(p.output.multiplier),
               u(p.output.shift),
               u(p.output_offset),
               range(p.act_min, p.act_max)};
        }
      },
      command);
  return w;
}

}  // namespace accel::device
