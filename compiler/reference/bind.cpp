#include "compiler/reference/bind.hpp"

#include "compiler/quant/operator_params.hpp"
#include "compiler/reference/add.hpp"
#include "compiler/reference/concatenation.hpp"
#include "compiler/reference/conv.hpp"
#include "compiler/reference/depthwise.hpp"
#include "compiler/reference/fully_connected.hpp"
#include "compiler/reference/geometry.hpp"
#include "compiler/reference/hybrid.hpp"
#include "compiler/reference/operator_error.hpp"
#include "compiler/reference/pool.hpp"
#include "compiler/reference/quantize.hpp"
#include "compiler/reference/reshape.hpp"
#include "compiler/reference/softmax.hpp"

#include <string>
#include <variant>

namespace compiler::reference {
namespace {

using graph::DataType;
using graph::OpKind;

int input_index(const graph::Graph& graph, const graph::Operator& op, std::size_t position)
{
  if (position >= op.inputs.size() || op.inputs[position] == graph::kNoTensor)
    throw operator_error(op, "input " + std::to_string(position) + " is missing");
  const int index = op.inputs[position];
  if (index < 0 || static_cast<std::size_t>(index) >= graph.tensors.size())
    throw operator_error(op, "input " + std::to_string(position) + " is out of range");
  return index;
}

// An optional input (a bias): kNoTensor when absent.
int optional_input_index(const graph::Graph& graph, const graph::Operator& op, std::size_t position)
{
  if (position >= op.inputs.size() || op.inputs[position] == graph::kNoTensor)
    return graph::kNoTensor;
  return input_index(graph, op, position);
}

int output_index(const graph::Graph& graph, const graph::Operator& op)
{
  if (op.outputs.size() != 1 || op.outputs[0] < 0 ||
      static_cast<std::size_t>(op.outputs[0]) >= graph.tensors.size())
    throw operator_error(op, "needs exactly one output");
  return op.outputs[0];
}

const graph::Tensor& tensor(const graph::Graph& graph, int index)
{
  return graph.tensors[static_cast<std::size_t>(index)];
}

void expect_type(const graph::Graph& graph, const graph::Operator& op, int index, DataType type,
                 const char* role)
{
  const graph::Tensor& t = tensor(graph, index);
  if (t.type != type)
    throw operator_error(op, std::string(role) + " '" + t.name + "' is " + std::string(graph::name_of(t.type)) +
                                 ", expected " + std::string(graph::name_of(type)));
}

// The bias as typed values (empty when the operator has none).
template <typename T>
std::vector<T> read_optional(const TensorBuffers& buffers, int index)
{
  return index == graph::kNoTensor ? std::vector<T>{} : from_bytes<T>(buffers[static_cast<std::size_t>(index)]);
}

template <typename T>
std::vector<T> read(const TensorBuffers& buffers, int index)
{
  return from_bytes<T>(buffers[static_cast<std::size_t>(index)]);
}

template <typename T>
void write(TensorBuffers& buffers, int index, const std::vector<T>& values)
{
  buffers[static_cast<std::size_t>(index)] = to_bytes(values);
}

// CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED.
Step bind_mac(const graph::Graph& graph, const graph::Operator& op)
{
  const int in = input_index(graph, op, 0);
  const int filter = input_index(graph, op, 1);
  const int bias = optional_input_index(graph, op, 2);
  const int out = output_index(graph, op);
  const std::size_t out_elements = tensor(graph, out).elements();

  const bool dense_layer = op.kind == OpKind::FullyConnected;
  const WindowGeometry window = dense_layer ? WindowGeometry{} : window_geometry(graph, op);
  const FullyConnectedGeometry dense = dense_layer ? fully_connected_geometry(graph, op) : FullyConnectedGeometry{};
  // The kernel for the op kind; params and spans pick the int8 or float32 overload.
  const auto run_kernel = [kind = op.kind, window, dense](const auto& params, const auto& input,
                                                          const auto& weights, const auto& biases, auto output) {
    if (kind == OpKind::Conv2D)
      conv2d(window, params, input, weights, biases, output);
    else if (kind == OpKind::DepthwiseConv2D)
      depthwise_conv2d(window, params, input, weights, biases, output);
    else
      fully_connected(dense, params, input, weights, biases, output);
  };

  if (tensor(graph, in).type == DataType::Int8) {
    expect_type(graph, op, filter, DataType::Int8, "filter");
    if (bias != graph::kNoTensor)
      expect_type(graph, op, bias, DataType::Int32, "bias");
    expect_type(graph, op, out, DataType::Int8, "output");
    const quant::MacParams params = quant::mac_params(graph, op);
    return [=](TensorBuffers& buffers) {
      std::vector<std::int8_t> output(out_elements);
      run_kernel(params, std::span<const std::int8_t>(read<std::int8_t>(buffers, in)),
                 std::span<const std::int8_t>(read<std::int8_t>(buffers, filter)),
                 std::span<const std::int32_t>(read_optional<std::int32_t>(buffers, bias)),
                 std::span<std::int8_t>(output));
      write(buffers, out, output);
    };
  }

  expect_type(graph, op, in, DataType::Float32, "input");
  if (bias != graph::kNoTensor)
    expect_type(graph, op, bias, DataType::Float32, "bias");
  expect_type(graph, op, out, DataType::Float32, "output");
  const quant::FloatRange activation = quant::float_activation_range(quant::fused_activation(op));
  // Hybrid: an int8 filter under float activations is dequantized once.
  const bool hybrid = tensor(graph, filter).type == DataType::Int8;
  std::vector<float> dequantized_filter;
  if (hybrid) {
    try {
      dequantized_filter = dequantize_filter(tensor(graph, filter));
    } catch (const std::invalid_argument& e) {
      throw operator_error(op, std::string("hybrid filter: ") + e.what());
    }
  } else {
    expect_type(graph, op, filter, DataType::Float32, "filter");
  }
  return [=](TensorBuffers& buffers) {
    std::vector<float> output(out_elements);
    const std::vector<float> weights = hybrid ? dequantized_filter : read<float>(buffers, filter);
    run_kernel(activation, std::span<const float>(read<float>(buffers, in)), std::span<const float>(weights),
               std::span<const float>(read_optional<float>(buffers, bias)), std::span<float>(output));
    write(buffers, out, output);
  };
}

Step bind_pool(const graph::Graph& graph, const graph::Operator& op)
{
  const int in = input_index(graph, op, 0);
  const int out = output_index(graph, op);
  const WindowGeometry window = window_geometry(graph, op);
  const bool average = op.kind == OpKind::AveragePool2D;
  if (tensor(graph, in).type == DataType::Int8) {
    expect_type(graph, op, out, DataType::Int8, "output");
    const quant::ActivationRange activation = quant::pool_params(graph, op).activation;
    return [=](TensorBuffers& buffers) {
      std::vector<std::int8_t> output(window.output.elements());
      const std::vector<std::int8_t> input = read<std::int8_t>(buffers, in);
      if (average)
        average_pool(window, activation, std::span<const std::int8_t>(input), std::span<std::int8_t>(output));
      else
        max_pool(window, activation, std::span<const std::int8_t>(input), std::span<std::int8_t>(output));
      write(buffers, out, output);
    };
  }
  expect_type(graph, op, in, DataType::Float32, "input");
  expect_type(graph, op, out, DataType::Float32, "output");
  const quant::FloatRange activation = quant::float_activation_range(quant::fused_activation(op));
  return [=](TensorBuffers& buffers) {
    std::vector<float> output(window.output.elements());
    const std::vector<float> input = read<float>(buffers, in);
    if (average)
      average_pool(window, activation, std::span<const float>(input), std::span<float>(output));
    else
      max_pool(window, activation, std::span<const float>(input), std::span<float>(output));
    write(buffers, out, output);
  };
}

Step bind_add(const graph::Graph& graph, const graph::Operator& op)
{
  const int in1 = input_index(graph, op, 0);
  const int in2 = input_index(graph, op, 1);
  const int out = output_index(graph, op);
  const BroadcastShapes shapes{tensor(graph, in1).shape, tensor(graph, in2).shape, tensor(graph, out).shape};
  const std::size_t out_elements = tensor(graph, out).elements();
  const DataType type = tensor(graph, in1).type;
  if (type != DataType::Int8 && type != DataType::Float32)
    throw operator_error(op, "unsupported type " + std::string(graph::name_of(type)));
  expect_type(graph, op, in2, type, "input 2");
  expect_type(graph, op, out, type, "output");
  if (type == DataType::Int8) {
    const quant::AddParams params = quant::add_params(graph, op);
    return [=](TensorBuffers& buffers) {
      std::vector<std::int8_t> output(out_elements);
      add(shapes, params, std::span<const std::int8_t>(read<std::int8_t>(buffers, in1)),
          std::span<const std::int8_t>(read<std::int8_t>(buffers, in2)), std::span<std::int8_t>(output));
      write(buffers, out, output);
    };
  }
  const quant::FloatRange activation = quant::float_activation_range(quant::fused_activation(op));
  return [=](TensorBuffers& buffers) {
    std::vector<float> output(out_elements);
    add(shapes, activation, std::span<const float>(read<float>(buffers, in1)),
        std::span<const float>(read<float>(buffers, in2)), std::span<float>(output));
    write(buffers, out, output);
  };
}

Step bind_softmax(const graph::Graph& graph, const graph::Operator& op)
{
  const int in = input_index(graph, op, 0);
  const int out = output_index(graph, op);
  const graph::Tensor& input = tensor(graph, in);
  if (input.shape.empty() || tensor(graph, out).elements() != input.elements())
    throw operator_error(op, "input and output shapes differ");
  const int depth = input.shape.back();
  if (input.type == DataType::Int8) {
    expect_type(graph, op, out, DataType::Int8, "output");
    const quant::SoftmaxParams params = quant::softmax_params(graph, op);
    return [=](TensorBuffers& buffers) {
      const std::vector<std::int8_t> values = read<std::int8_t>(buffers, in);
      std::vector<std::int8_t> output(values.size());
      softmax(params, depth, std::span<const std::int8_t>(values), std::span<std::int8_t>(output));
      write(buffers, out, output);
    };
  }
  expect_type(graph, op, in, DataType::Float32, "input");
  expect_type(graph, op, out, DataType::Float32, "output");
  const auto* options = std::get_if<graph::SoftmaxParams>(&op.params);
  const float beta = options ? options->beta : 1.0f;
  return [=](TensorBuffers& buffers) {
    const std::vector<float> values = read<float>(buffers, in);
    std::vector<float> output(values.size());
    softmax(beta, depth, std::span<const float>(values), std::span<float>(output));
    write(buffers, out, output);
  };
}

Step bind_quantize(const graph::Graph& graph, const graph::Operator& op)
{
  const int in = input_index(graph, op, 0);
  const int out = output_index(graph, op);
  if (tensor(graph, in).elements() != tensor(graph, out).elements())
    throw operator_error(op, "input and output sizes differ");
  if (tensor(graph, in).type == DataType::Float32) {
    const quant::QuantizeParams params = quant::quantize_params(graph, op);
    return [=](TensorBuffers& buffers) {
      const std::vector<float> values = read<float>(buffers, in);
      std::vector<std::int8_t> output(values.size());
      quantize(params, std::span<const float>(values), std::span<std::int8_t>(output));
      write(buffers, out, output);
    };
  }
  const quant::RequantizeParams params = quant::requantize_params(graph, op);
  return [=](TensorBuffers& buffers) {
    const std::vector<std::int8_t> values = read<std::int8_t>(buffers, in);
    std::vector<std::int8_t> output(values.size());
    requantize(params, std::span<const std::int8_t>(values), std::span<std::int8_t>(output));
    write(buffers, out, output);
  };
}

Step bind_dequantize(const graph::Graph& graph, const graph::Operator& op)
{
  const int in = input_index(graph, op, 0);
  const int out = output_index(graph, op);
  if (tensor(graph, in).elements() != tensor(graph, out).elements())
    throw operator_error(op, "input and output sizes differ");
  const quant::DequantizeParams params = quant::dequantize_params(graph, op);
  return [=](TensorBuffers& buffers) {
    const std::vector<std::int8_t> values = read<std::int8_t>(buffers, in);
    std::vector<float> output(values.size());
    dequantize(params, std::span<const std::int8_t>(values), std::span<float>(output));
    write(buffers, out, output);
  };
}

Step bind_reshape(const graph::Graph& graph, const graph::Operator& op)
{
  const int in = input_index(graph, op, 0); // input 1, the new shape, is in the output tensor already
  const int out = output_index(graph, op);
  expect_type(graph, op, out, tensor(graph, in).type, "output");
  if (tensor(graph, in).bytes() != tensor(graph, out).bytes())
    throw operator_error(op, "input and output sizes differ");
  return [=](TensorBuffers& buffers) {
    const Bytes& input = buffers[static_cast<std::size_t>(in)];
    Bytes output(input.size());
    reshape(input, output);
    buffers[static_cast<std::size_t>(out)] = std::move(output);
  };
}

Step bind_concatenation(const graph::Graph& graph, const graph::Operator& op)
{
  const int out = output_index(graph, op);
  const graph::Tensor& output = tensor(graph, out);
  const auto* options = std::get_if<graph::ConcatParams>(&op.params);
  if (options && options->activation != graph::Activation::None)
    throw operator_error(op, "a fused activation is not supported");
  const int rank = static_cast<int>(output.shape.size());
  const int axis = options ? (options->axis < 0 ? options->axis + rank : options->axis) : rank - 1;
  if (axis < 0 || axis >= rank)
    throw operator_error(op, "axis out of range");

  std::size_t outer = 1, inner = 1;
  for (int d = 0; d < axis; ++d)
    outer *= static_cast<std::size_t>(output.shape[static_cast<std::size_t>(d)]);
  for (int d = axis + 1; d < rank; ++d)
    inner *= static_cast<std::size_t>(output.shape[static_cast<std::size_t>(d)]);

  std::vector<int> inputs;
  std::vector<std::size_t> slice_bytes;
  int axis_total = 0;
  for (std::size_t i = 0; i < op.inputs.size(); ++i) {
    const int index = input_index(graph, op, i);
    const graph::Tensor& t = tensor(graph, index);
    expect_type(graph, op, index, output.type, "input");
    if (static_cast<int>(t.shape.size()) != rank)
      throw operator_error(op, "input '" + t.name + "' has a different rank");
    for (int d = 0; d < rank; ++d)
      if (d != axis && t.shape[static_cast<std::size_t>(d)] != output.shape[static_cast<std::size_t>(d)])
        throw operator_error(op, "input '" + t.name + "' differs from the output off the axis");
    // TFLite's int8 kernel copies bytes: the quantization must be the output's.
    if (output.type == DataType::Int8 && (t.quant.scales != output.quant.scales ||
                                          t.quant.zero_points != output.quant.zero_points))
      throw operator_error(op, "int8 input '" + t.name + "' is quantized differently from the output");
    axis_total += t.shape[static_cast<std::size_t>(axis)];
    inputs.push_back(index);
    slice_bytes.push_back(static_cast<std::size_t>(t.shape[static_cast<std::size_t>(axis)]) * inner *
                          graph::size_of(t.type));
  }
  if (axis_total != output.shape[static_cast<std::size_t>(axis)])
    throw operator_error(op, "the inputs' extents along the axis do not add up to the output's");
  const std::size_t out_bytes = output.bytes();
  return [=](TensorBuffers& buffers) {
    std::vector<ConcatInput> parts;
    for (std::size_t i = 0; i < inputs.size(); ++i)
      parts.push_back({buffers[static_cast<std::size_t>(inputs[i])], slice_bytes[i]});
    Bytes result(out_bytes);
    concatenation(parts, outer, result);
    buffers[static_cast<std::size_t>(out)] = std::move(result);
  };
}

} // namespace

Step bind_operator(const graph::Graph& graph, const graph::Operator& op)
{
  switch (op.kind) {
  case OpKind::Conv2D:
  case OpKind::DepthwiseConv2D:
  case OpKind::FullyConnected: return bind_mac(graph, op);
  case OpKind::AveragePool2D:
  case OpKind::MaxPool2D: return bind_pool(graph, op);
  case OpKind::Add: return bind_add(graph, op);
  case OpKind::Softmax: return bind_softmax(graph, op);
  case OpKind::Quantize: return bind_quantize(graph, op);
  case OpKind::Dequantize: return bind_dequantize(graph, op);
  case OpKind::Reshape: return bind_reshape(graph, op);
  case OpKind::Concatenation: return bind_concatenation(graph, op);
  }
  throw operator_error(op, "not supported by the reference");
}

} // namespace compiler::reference
