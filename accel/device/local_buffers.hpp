// The accelerator's local SRAMs: input, weight (weights and per-channel
// parameters) and output buffers. The control splits each in two halves
// to double-buffer; DMA_LOAD/DMA_STORE reach them directly.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "accel/device/accel_interface.h"

namespace accel::device {

struct BufferSizes {
  uint32_t input = 64 * 1024;
  uint32_t weight = 64 * 1024;
  uint32_t output = 16 * 1024;
};

class LocalBuffers {
 public:
  explicit LocalBuffers(BufferSizes sizes) : input_(sizes.input), weight_(sizes.weight), output_(sizes.output) {}
  std::span<int8_t> of(accel_buffer b) {
    switch (b) {
      case ACCEL_BUFFER_INPUT: return input_;
      case ACCEL_BUFFER_WEIGHT: return weight_;
      default: return output_;
    }
  }
  std::span<uint8_t> bytes(accel_buffer b, uint32_t offset, uint32_t n) {
    const std::span<int8_t> s = of(b).subspan(offset, n);
    return {reinterpret_cast<uint8_t*>(s.data()), s.size()};  // int8 and uint8 alias by the standard's rules
  }
  // Half h (0 or 1) of buffer b.
  std::span<int8_t> half(accel_buffer b, unsigned h) {
    const std::span<int8_t> s = of(b);
    return s.subspan(h * (s.size() / 2), s.size() / 2);
  }
  uint32_t half_bytes(accel_buffer b) { return static_cast<uint32_t>(of(b).size() / 2); }

 private:
  std::vector<int8_t> input_, weight_, output_;
};

}  // namespace accel::device
