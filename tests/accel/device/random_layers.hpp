// Seeded random layer commands for runs of the whole device path: one
// command, the operands it reads (laid out in a FlatMemory), and local
// buffers sized from the layer so that most layers must tile: weight chunks
// smaller than the output channels, row bands smaller than the image, ADD
// chunks smaller than the tensors. Shapes are odd-sized, strided, dilated,
// padded and batched; zero points, clamps, biases and multipliers lean on
// their extremes. One layer per seed, the same on every standard library
// (the draws are our own, not std:: distributions).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "accel/device/command.hpp"
#include "accel/device/local_buffers.hpp"
#include "accel/model/array.hpp"
#include "accel/model/quant.hpp"

namespace accel::device::test {

enum class Operation { Conv2d, Depthwise, FullyConnected, Add };

struct RandomLayer {
  uint32_t seed = 0;
  BufferSizes buffers;
  // The buffers cannot hold the whole layer: it runs in several steps
  // (chunks or bands), each step reloading halves the last one used.
  bool tiled = false;
  uint32_t dma_latency = 4;  // cycles per transfer besides its beats (FlatMemory)
  Command command;           // its addresses point into memory_image()

  // The operands as the command finds them (ADD: input and input2).
  std::vector<int8_t> input, input2, weights;
  std::vector<int32_t> bias;  // empty: the command has no bias
  std::vector<model::Requant> requant;
  uint32_t output = 0;        // the output tensor's address
  uint32_t output_bytes = 0;

  // System memory from FlatMemory::kBase before the stream runs: the
  // operands, and a pattern where the output goes and in the gaps.
  std::vector<int8_t> memory_image() const;
  // Every parameter but the tensors' values, for a failure message.
  std::string describe() const;

  uint32_t memory_bytes = 0;  // the image's size
};

// Layer number `seed` of operation `op` for an array of shape `array` (the
// array's columns decide how the weight chunks round).
RandomLayer random_layer(Operation op, uint32_t seed, model::ArrayShape array);

const char* name_of(Operation op);

}  // namespace accel::device::test
