#include "compiler/tflite/operators.hpp"

#include "compiler/tflite/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace compiler::tflite {
namespace {

using graph::OpKind;
using schema::BuiltinOperator;

// The supported operators, in the order messages list them.
constexpr std::array<std::pair<BuiltinOperator, OpKind>, 11> kSupported{{
  {BuiltinOperator::CONV_2D, OpKind::Conv2D},
  {BuiltinOperator::DEPTHWISE_CONV_2D, OpKind::DepthwiseConv2D},
  {BuiltinOperator::FULLY_CONNECTED, OpKind::FullyConnected},
  {BuiltinOperator::AVERAGE_POOL_2D, OpKind::AveragePool2D},
  {BuiltinOperator::MAX_POOL_2D, OpKind::MaxPool2D},
  {BuiltinOperator::ADD, OpKind::Add},
  {BuiltinOperator::CONCATENATION, OpKind::Concatenation},
  {BuiltinOperator::RESHAPE, OpKind::Reshape},
  {BuiltinOperator::SOFTMAX, OpKind::Softmax},
  {BuiltinOperator::QUANTIZE, OpKind::Quantize},
  {BuiltinOperator::DEQUANTIZE, OpKind::Dequantize},
}};

[[noreturn]] void fail(std::string_view where, const std::string& what)
{
  throw ReadError(fmt::format("{}: {}", where, what));
}

graph::Activation read_activation(schema::ActivationFunctionType f, std::string_view where)
{
  using schema::ActivationFunctionType;
  switch (f) {
  case ActivationFunctionType::NONE: return graph::Activation::None;
  case ActivationFunctionType::RELU: return graph::Activation::Relu;
  case ActivationFunctionType::RELU6: return graph::Activation::Relu6;
  case ActivationFunctionType::RELU_N1_TO_1: return graph::Activation::ReluN1To1;
  default: break;
  }
  std::string name = schema::EnumNameActivationFunctionType(f);
  if (name.empty())
    name = fmt::format("value {}", static_cast<int>(f));
  fail(where, fmt::format("fused activation {} is not supported (edgesim supports NONE, RELU, "
                          "RELU6, RELU_N1_TO_1)",
                          name));
}

graph::Padding read_padding(schema::Padding padding, std::string_view where)
{
  switch (padding) {
  case schema::Padding::SAME: return graph::Padding::Same;
  case schema::Padding::VALID: return graph::Padding::Valid;
  }
  fail(where, fmt::format("padding value {} is neither SAME nor VALID", static_cast<int>(padding)));
}

// TFLite 2.14+ lets an operator ask for a wider bias/accumulator (int64 for
// int16 models); FLOAT32, the default, means "not set".
void expect_default_bias_type(schema::TensorType type, std::string_view where)
{
  if (type != schema::TensorType::FLOAT32 && type != schema::TensorType::INT32)
    fail(where, fmt::format("quantized_bias_type {} is not supported (int32 biases only)",
                            schema::EnumNameTensorType(type)));
}

template <class Options>
const Options& require(const Options* options, std::string_view table, std::string_view where)
{
  if (!options)
    fail(where, fmt::format("has no {}", table));
  return *options;
}

graph::ConvParams read_conv(const schema::Operator& op, std::string_view where)
{
  const auto& o = require(op.builtin_options_as_Conv2DOptions(), "Conv2DOptions", where);
  expect_default_bias_type(o.quantized_bias_type(), where);
  graph::ConvParams p;
  p.stride_h = o.stride_h();
  p.stride_w = o.stride_w();
  p.dilation_h = o.dilation_h_factor();
  p.dilation_w = o.dilation_w_factor();
  p.padding = read_padding(o.padding(), where);
  p.activation = read_activation(o.fused_activation_function(), where);
  return p;
}

graph::DepthwiseParams read_depthwise(const schema::Operator& op, std::string_view where)
{
  const auto& o =
    require(op.builtin_options_as_DepthwiseConv2DOptions(), "DepthwiseConv2DOptions", where);
  graph::DepthwiseParams p;
  p.stride_h = o.stride_h();
  p.stride_w = o.stride_w();
  p.dilation_h = o.dilation_h_factor();
  p.dilation_w = o.dilation_w_factor();
  p.depth_multiplier = o.depth_multiplier();
  p.padding = read_padding(o.padding(), where);
  p.activation = read_activation(o.fused_activation_function(), where);
  return p;
}

graph::PoolParams read_pool(const schema::Operator& op, std::string_view where)
{
  const auto& o = require(op.builtin_options_as_Pool2DOptions(), "Pool2DOptions", where);
  graph::PoolParams p;
  p.stride_h = o.stride_h();
  p.stride_w = o.stride_w();
  p.filter_h = o.filter_height();
  p.filter_w = o.filter_width();
  p.padding = read_padding(o.padding(), where);
  p.activation = read_activation(o.fused_activation_function(), where);
  return p;
}

// Without options a fully connected layer has TFLite's defaults.
graph::FullyConnectedParams read_fully_connected(const schema::Operator& op, std::string_view where)
{
  graph::FullyConnectedParams p;
  const auto* o = op.builtin_options_as_FullyConnectedOptions();
  if (!o)
    return p;
  if (o->weights_format() != schema::FullyConnectedOptionsWeightsFormat::DEFAULT)
    fail(where, fmt::format("weights format {} is not supported (DEFAULT only)",
                            schema::EnumNameFullyConnectedOptionsWeightsFormat(o->weights_format())));
  if (o->asymmetric_quantize_inputs())
    fail(where, "asymmetric_quantize_inputs (hybrid inputs quantized with a zero point) is not "
                "supported");
  expect_default_bias_type(o->quantized_bias_type(), where);
  p.activation = read_activation(o->fused_activation_function(), where);
  p.keep_num_dims = o->keep_num_dims();
  return p;
}

graph::AddParams read_add(const schema::Operator& op, std::string_view where)
{
  graph::AddParams p;
  if (const auto* o = op.builtin_options_as_AddOptions())
    p.activation = read_activation(o->fused_activation_function(), where);
  return p;
}

graph::ConcatParams read_concatenation(const schema::Operator& op, std::string_view where)
{
  const auto& o = require(op.builtin_options_as_ConcatenationOptions(), "ConcatenationOptions", where);
  graph::ConcatParams p;
  p.axis = o.axis();
  p.activation = read_activation(o.fused_activation_function(), where);
  return p;
}

// SoftmaxOptions' beta defaults to 0 in the schema (a flat output), so a
// missing table is an error rather than a silent default.
graph::SoftmaxParams read_softmax(const schema::Operator& op, std::string_view where)
{
  const auto& o = require(op.builtin_options_as_SoftmaxOptions(), "SoftmaxOptions", where);
  graph::SoftmaxParams p;
  p.beta = o.beta();
  return p;
}

} // namespace

schema::BuiltinOperator builtin_code(const schema::OperatorCode& code)
{
  return static_cast<BuiltinOperator>(
    std::max<std::int32_t>(code.deprecated_builtin_code(), static_cast<std::int32_t>(code.builtin_code())));
}

std::string operator_name(schema::BuiltinOperator code)
{
  std::string name = schema::EnumNameBuiltinOperator(code);
  if (name.empty())
    return fmt::format("builtin code {}", static_cast<std::int32_t>(code));
  return name;
}

std::optional<graph::OpKind> supported_kind(schema::BuiltinOperator code)
{
  for (const auto& [builtin, kind] : kSupported)
    if (builtin == code)
      return kind;
  return std::nullopt;
}

std::string supported_operator_list()
{
  std::string list;
  for (const auto& entry : kSupported) {
    if (!list.empty())
      list += ", ";
    list += schema::EnumNameBuiltinOperator(entry.first);
  }
  return list;
}

graph::OpParams read_params(graph::OpKind kind, const schema::Operator& op, std::string_view where)
{
  switch (kind) {
  case OpKind::Conv2D: return read_conv(op, where);
  case OpKind::DepthwiseConv2D: return read_depthwise(op, where);
  case OpKind::FullyConnected: return read_fully_connected(op, where);
  case OpKind::AveragePool2D:
  case OpKind::MaxPool2D: return read_pool(op, where);
  case OpKind::Add: return read_add(op, where);
  case OpKind::Concatenation: return read_concatenation(op, where);
  case OpKind::Softmax: return read_softmax(op, where);
  case OpKind::Reshape:
  case OpKind::Quantize:
  case OpKind::Dequantize: return std::monostate{};
  }
  fail(where, "unknown operator kind");
}

} // namespace compiler::tflite
