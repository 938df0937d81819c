// How each operation is tiled onto the buffers and the array: the steps
// run_pipeline() schedules. The accelerator tiles, not the driver:
//  - CONV_2D (and FULLY_CONNECTED, a 1x1 convolution over a 1 x batch
//    image): output channels in chunks whose weights and per-channel
//    parameters fit half the weight buffer; within a chunk, each image in
//    bands of output rows whose input rows fit half the input buffer (and
//    outputs half the output buffer). A step is one band of one chunk; its
//    passes are blocks of `rows` consecutive output pixels times groups of
//    `cols` channels. Bands re-read the kernel's overlap rows; chunks
//    re-read the input.
//  - DEPTHWISE_CONV_2D: the same, chunks of channels; a pass is one
//    channel's depth_multiplier outputs (up to `cols` at a time).
//  - ADD: chunks of elements, both inputs in one half of the input buffer.
// Throws CommandError(ACCEL_ERROR_BUFFER) when one row band or one channel
// group does not fit.
#pragma once
#include <vector>

#include "accel/device/command.hpp"
#include "accel/device/local_buffers.hpp"
#include "accel/device/pipeline.hpp"
#include "accel/engine/compute_engine.hpp"

namespace accel::device {

struct PlanContext {
  LocalBuffers& buffers;
  engine::ComputeEngine& engine;
};

std::vector<Step> plan_conv2d(const Conv2dCommand& c, PlanContext& ctx);
std::vector<Step> plan_depthwise(const DepthwiseCommand& c, PlanContext& ctx);
std::vector<Step> plan_fully_connected(const FullyConnectedCommand& c, PlanContext& ctx);
std::vector<Step> plan_add(const AddCommand& c, PlanContext& ctx);

}  // namespace accel::device
