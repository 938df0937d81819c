#include "compiler/codegen/accel_command.hpp"

#include <stdexcept>
#include <type_traits>

#include <fmt/format.h>

#include "accel/device/plans.hpp"
#include "accel/engine/model_engine.hpp"
#include "accel/model/checks.hpp"
#include "compiler/quant/operator_params.hpp"

namespace compiler::codegen {

namespace {

namespace device = accel::device;
namespace model = accel::model;
using graph::DataType;
using graph::OpKind;

bool is_int8(const graph::Graph& g, int tensor) { return g.tensors[tensor].type == DataType::Int8; }

model::Requant requant_of(const quant::Multiplier& m) { return {.multiplier = m.multiplier, .shift = m.shift}; }

std::optional<AccelCommand> add_command(const graph::Graph& g, const graph::Operator& op) {
  const auto& a = g.tensors[op.inputs.at(0)];
  const auto& b = g.tensors[op.inputs.at(1)];
  const auto& out = g.tensors[op.outputs.at(0)];
  if (!is_int8(g, op.inputs[1]) || a.shape != b.shape || a.shape != out.shape) return std::nullopt;
  const auto q = quant::add_params(g, op);
  const device::AddCommand c{.count = static_cast<uint32_t>(out.elements()),
                             .params = {.input1_offset = q.input1_offset,
                                        .input2_offset = q.input2_offset,
                                        .left_shift = q.left_shift,
                                        .input1 = requant_of(q.input1),
                                        .input2 = requant_of(q.input2),
                                        .output = requant_of(q.output),
                                        .output_offset = q.output_offset,
                                        .act_min = q.activation.min,
                                        .act_max = q.activation.max}};
  return AccelCommand{c, {}};
}

std::optional<AccelCommand> mac_command(const graph::Graph& g, const graph::Operator& op) {
  const auto& in = g.tensors[op.inputs.at(0)];
  const auto& filter = g.tensors[op.inputs.at(1)];
  const auto& out = g.tensors[op.outputs.at(0)];
  const int bias = op.inputs.size() > 2 ? op.inputs[2] : graph::kNoTensor;
  if (!is_int8(g, op.inputs[1]) || (bias != graph::kNoTensor && g.tensors[bias].type != DataType::Int32))
    return std::nullopt;
  const auto q = quant::mac_params(g, op);
  if (q.filter_offset != 0) return std::nullopt;
  AccelCommand c;
  for (const auto& m : q.output_multipliers) c.requant.push_back(requant_of(m));
  device::MacAddresses at;
  if (bias != graph::kNoTensor) at.bias = 0;
  const model::OutputQuant oq{.input_offset = q.input_offset, .output_offset = q.output_offset,
                              .act_min = q.activation.min, .act_max = q.activation.max};
  const auto u = [](auto v) { return static_cast<uint32_t>(v); };
  if (const auto* p = std::get_if<graph::ConvParams>(&op.params)) {
    c.command = device::Conv2dCommand{
        .shape = {.batch = u(in.shape[0]), .in_c = u(in.shape[3]), .out_c = u(out.shape[3]),
                  .window = window_of(in, out, filter.shape[1], filter.shape[2], p->stride_h, p->stride_w,
                                      p->dilation_h, p->dilation_w, p->padding)},
        .quant = oq,
        .at = at};
  } else if (const auto* p = std::get_if<graph::DepthwiseParams>(&op.params)) {
    c.command = device::DepthwiseCommand{
        .shape = {.batch = u(in.shape[0]), .in_c = u(in.shape[3]), .depth_multiplier = u(p->depth_multiplier),
                  .window = window_of(in, out, filter.shape[1], filter.shape[2], p->stride_h, p->stride_w,
                                      p->dilation_h, p->dilation_w, p->padding)},
        .quant = oq,
        .at = at};
  } else if (std::holds_alternative<graph::FullyConnectedParams>(op.params)) {
    const auto in_features = u(filter.shape.at(1));
    c.command = device::FullyConnectedCommand{
        .shape = {.batch = u(in.elements() / in_features), .in_features = in_features, .out_features = u(filter.shape.at(0))},
        .quant = oq,
        .at = at};
  } else {
    return std::nullopt;
  }
  return c;
}

// The command words hold shapes in 16-bit and window steps in 8-bit fields
// (accel_interface.h): a larger value would be cut, not refused.
void check_field_widths(const device::Command& command) {
  const auto check = [](const model::Window2d& w, uint32_t in_c, uint32_t out_c) {
    for (uint32_t v : {w.in_h, w.in_w, w.out_h, w.out_w, in_c, out_c})
      if (v > 0xFFFF) throw std::invalid_argument(fmt::format("the size {} does not fit its 16-bit command field", v));
    for (uint32_t v : {w.kernel_h, w.kernel_w, w.stride_h, w.stride_w, w.dilation_h, w.dilation_w, w.pad_top, w.pad_left})
      if (v > 0xFF) throw std::invalid_argument(fmt::format("the window value {} does not fit its 8-bit command field", v));
  };
  if (const auto* c = std::get_if<device::Conv2dCommand>(&command)) check(c->shape.window, c->shape.in_c, c->shape.out_c);
  if (const auto* c = std::get_if<device::DepthwiseCommand>(&command))
    check(c->shape.window, c->shape.in_c, c->shape.depth_multiplier);
}

// The device's tiling of the command onto buffers of the target's sizes
// (throws CommandError(ACCEL_ERROR_BUFFER) when one row or channel group
// does not fit). Planning only lists the steps; nothing is computed.
void plan_on(const device::Command& command, const AccelTarget& t) {
  device::LocalBuffers buffers({.input = t.input_buffer_bytes, .weight = t.weight_buffer_bytes,
                                .output = t.output_buffer_bytes});
  accel::engine::ModelEngine engine({.rows = t.rows, .cols = t.cols});
  device::PlanContext ctx{buffers, engine};
  std::visit(
      [&ctx](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, device::Conv2dCommand>) device::plan_conv2d(c, ctx);
        else if constexpr (std::is_same_v<T, device::DepthwiseCommand>) device::plan_depthwise(c, ctx);
        else if constexpr (std::is_same_v<T, device::FullyConnectedCommand>) device::plan_fully_connected(c, ctx);
        else if constexpr (std::is_same_v<T, device::AddCommand>) device::plan_add(c, ctx);
        else throw std::logic_error("plan_on: not a layer command");
      },
      command);
}

// Address operands in the encoding: MAC commands name input, weights, bias,
// multipliers, shifts and output; ADD names input1, input2 and output.
std::size_t address_operands(const device::Command& command) {
  return std::holds_alternative<device::AddCommand>(command) ? 3 : 6;
}

}  // namespace

model::Window2d window_of(const graph::Tensor& in, const graph::Tensor& out, int kernel_h, int kernel_w, int stride_h,
                          int stride_w, int dilation_h, int dilation_w, graph::Padding padding) {
  const auto h = graph::pad_dim(padding, in.shape[1], kernel_h, stride_h, dilation_h);
  const auto w = graph::pad_dim(padding, in.shape[2], kernel_w, stride_w, dilation_w);
  const auto u = [](int v) { return static_cast<uint32_t>(v); };
  return {.in_h = u(in.shape[1]), .in_w = u(in.shape[2]), .out_h = u(out.shape[1]), .out_w = u(out.shape[2]),
          .kernel_h = u(kernel_h), .kernel_w = u(kernel_w), .stride_h = u(stride_h), .stride_w = u(stride_w),
          .dilation_h = u(dilation_h), .dilation_w = u(dilation_w), .pad_top = u(h.pad_before),
          .pad_left = u(w.pad_before)};
}

std::optional<AccelCommand> accel_command(const graph::Graph& g, const graph::Operator& op) {
  if (!is_int8(g, op.inputs.at(0)) || !is_int8(g, op.outputs.at(0))) return std::nullopt;
  switch (op.kind) {
    case OpKind::Conv2D:
    case OpKind::DepthwiseConv2D:
    case OpKind::FullyConnected: return mac_command(g, op);
    case OpKind::Add: return add_command(g, op);
    default: return std::nullopt;
  }
}

std::optional<std::string> accel_refusal(const AccelCommand& c, const AccelTarget& target) {
  try {
    check_field_widths(c.command);
    device::decode(device::encode(c.command), device::BaseRegisters{});  // the decoder's parameter checks
    for (const auto& r : c.requant) model::check_shift("per-channel parameters", r.shift);
    plan_on(c.command, target);
  } catch (const device::CommandError& e) {
    return e.what();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return std::nullopt;
}

std::string stream_initialiser(const AccelCommand& c, const std::vector<std::string>& addresses) {
  constexpr std::size_t kFirstAddress = 2;  // after the header and the regions word (every operand from BASE0)
  if (addresses.size() != address_operands(c.command))
    throw std::logic_error(fmt::format("stream_initialiser: {} addresses for a command with {}", addresses.size(),
                                       address_operands(c.command)));
  std::vector<std::uint32_t> words = device::encode(c.command);
  const std::vector<std::uint32_t> stop = device::encode(device::StopCommand{});
  std::string s;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool address = i >= kFirstAddress && i - kFirstAddress < addresses.size() && !addresses[i - kFirstAddress].empty();
    s += address ? fmt::format("\n  (uint32_t)(uintptr_t)({}),", addresses[i - kFirstAddress])
                 : fmt::format("\n  0x{:08x}u,", words[i]);
  }
  for (std::uint32_t w : stop) s += fmt::format("\n  0x{:08x}u, /* STOP */", w);
  return s + "\n";
}

}  // namespace compiler::codegen
