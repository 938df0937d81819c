// The operations the accelerator runs, as TFLite defines them for int8:
// shapes, strides, paddings and quantization, independent of how the array
// computes them. Activations are NHWC; a convolution's filter is OHWI
// [out_c][kh][kw][in_c]; a depthwise filter is [kh][kw][in_c * multiplier];
// a fully connected layer's weights are [out][in]. Zero points enter as
// TFLite's offsets (input_offset = -input zero point); int8 weights are
// symmetric (no weight offset).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "accel/model/quant.hpp"

namespace accel::model {

enum class Padding : uint8_t { Same, Valid };

// Quantization shared by the MAC operations: per output channel requant
// (a per-tensor scale repeats one entry), offsets and the activation clamp.
struct OutputQuant {
  int32_t input_offset = 0;   // -zero point of the input, [-127, 128]
  int32_t output_offset = 0;  // zero point of the output, [-128, 127]
  int32_t act_min = -128, act_max = 127;
};

// The spatial geometry a convolution and a depthwise convolution share.
struct Window2d {
  uint32_t in_h = 1, in_w = 1;
  uint32_t out_h = 1, out_w = 1;
  uint32_t kernel_h = 1, kernel_w = 1;
  uint32_t stride_h = 1, stride_w = 1;
  uint32_t dilation_h = 1, dilation_w = 1;
  uint32_t pad_top = 0, pad_left = 0;  // explicit: padding_for() derives them from Same/Valid
};

struct Conv2dShape {
  uint32_t batch = 1;
  uint32_t in_c = 1, out_c = 1;
  Window2d window;
};

struct DepthwiseShape {
  uint32_t batch = 1;
  uint32_t in_c = 1;
  uint32_t depth_multiplier = 1;  // out_c = in_c * depth_multiplier
  Window2d window;
  uint32_t out_c() const { return in_c * depth_multiplier; }
};

struct FullyConnectedShape {
  uint32_t batch = 1;
  uint32_t in_features = 1, out_features = 1;
};

// TFLite's output size and leading padding for one spatial dimension.
struct SpatialPadding {
  uint32_t out = 0;
  uint32_t pad_before = 0;
};
SpatialPadding padding_for(Padding p, uint32_t in, uint32_t kernel, uint32_t stride, uint32_t dilation);

// Operands of a MAC operation: int8 tensors, int32 bias (may be empty: no
// bias), per output channel requant (size out_c).
struct MacOperands {
  std::span<const int8_t> input;
  std::span<const int8_t> weights;
  std::span<const int32_t> bias;
  std::span<const Requant> requant;
  std::span<int8_t> output;
};

// Element-wise ADD (TFLite int8): both inputs are scaled to a common scale
// with 20 bits of headroom, summed, and requantized.
struct AddParams {
  int32_t input1_offset = 0, input2_offset = 0;  // -zero points
  int32_t left_shift = 20;
  Requant input1, input2;  // shifts <= 0
  Requant output;          // shift <= 0
  int32_t output_offset = 0;
  int32_t act_min = -128, act_max = 127;
};

}  // namespace accel::model
