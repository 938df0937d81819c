// The benchmark's workload: one CONV_2D layer (stride 1, SAME padding, per
// channel requantization, random int8 operands from a fixed seed) run as
// the device runs a command stream: [CONV2D, STOP] decoded from its words,
// tiled and scheduled by the control on the accelerator's local buffers.
#pragma once
#include <cstdint>
#include <vector>

#include "accel/device/command.hpp"
#include "accel/device/control.hpp"
#include "accel/device/local_buffers.hpp"
#include "accel/engine/compute_engine.hpp"

namespace bench {

struct ConvSpec {
  uint32_t in_h = 32, in_w = 32, in_c = 16;
  uint32_t out_c = 32;
  uint32_t kernel = 3;  // kernel x kernel
};

// One run of the stream.
struct LayerRun {
  uint64_t cycles = 0;  // accelerator cycles, START to STOP
  accel::device::Pmu pmu;
  double host_seconds = 0;  // the stream only: decode, control, engine, DMA
  std::vector<int8_t> output;
};

class ConvLayer {
 public:
  // Throws std::invalid_argument for a shape the command cannot encode.
  explicit ConvLayer(const ConvSpec& spec);

  const accel::device::Conv2dCommand& command() const { return command_; }
  uint64_t macs() const;
  // Runs the stream on `engine` from fresh buffers and memory.
  LayerRun run(accel::engine::ComputeEngine& engine, const accel::device::BufferSizes& buffers) const;

 private:
  accel::device::Conv2dCommand command_;
  std::vector<int8_t> input_, weights_;
  std::vector<int32_t> bias_, multipliers_, shifts_;
  uint32_t memory_bytes_ = 0;
};

}  // namespace bench
