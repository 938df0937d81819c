// The accelerator's command for an int8 operator, in the device's own types
// (accel/device/command.hpp), and whether the device can run it on the
// platform's array and buffers: its decoder's parameter checks and its
// tiling (accel/device/plans.hpp), run on the host at compile time, so a
// layer the device would refuse (ACCEL_ERROR_BUFFER, ..._PARAMETER) stays
// on the CPU instead of failing in the firmware.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accel/device/command.hpp"
#include "accel/model/layers.hpp"
#include "compiler/codegen/accel_target.hpp"
#include "compiler/graph/graph.hpp"

namespace compiler::codegen {

struct AccelCommand {
  accel::device::Command command;  // addresses 0: the generated C supplies them
  // A MAC command's per-output-channel requantization: what its multipliers
  // and shifts arrays hold (empty for ADD).
  std::vector<accel::model::Requant> requant;
};

// The command of an int8 CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED or ADD;
// nullopt for other operators, float operands, a filter with a zero point,
// and an ADD that broadcasts (none of which the device runs).
std::optional<AccelCommand> accel_command(const graph::Graph& graph, const graph::Operator& op);

// Why the device on `target` would refuse the command (its own message), or
// nullopt when it runs it.
std::optional<std::string> accel_refusal(const AccelCommand& command, const AccelTarget& target);

// The command's words followed by STOP, as a C initialiser list: the words
// of accel::device::encode(), with the address operands (input, weights,
// bias, multipliers, shifts, output; or input1, input2, output) replaced by
// the C expressions in `addresses`, in that order. An empty expression keeps
// the encoder's word (a missing bias: ACCEL_NO_BIAS).
std::string stream_initialiser(const AccelCommand& command, const std::vector<std::string>& addresses);

// The window of a convolution or pool over an NHWC input, TFLite's padding
// made explicit.
accel::model::Window2d window_of(const graph::Tensor& in, const graph::Tensor& out, int kernel_h, int kernel_w,
                                 int stride_h, int stride_w, int dilation_h, int dilation_w, graph::Padding padding);

}  // namespace compiler::codegen
