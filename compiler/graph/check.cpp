#include "compiler/graph/check.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace compiler::graph {
namespace {

// No microcontroller holds a tensor this large (1 GiB of float32); the
// bound keeps element counts, and with kMaxWindow TFLite's int padding
// arithmetic, from overflowing on corrupt shapes.
constexpr std::int64_t kMaxElements = std::int64_t{1} << 28;
constexpr std::int64_t kMaxWindow = std::int64_t{1} << 24;

std::string shape_text(const std::vector<int>& shape)
{
  return fmt::format("[{}]", fmt::join(shape, ","));
}

std::int64_t element_count(const std::vector<int>& shape)
{
  std::int64_t n = 1;
  for (int d : shape)
    n *= d; // shapes are checked (positive, bounded) before this is used
  return n;
}

std::string tensor_label(const Graph& graph, int index)
{
  return fmt::format("tensor {} '{}'", index, graph.tensors[static_cast<std::size_t>(index)].name);
}

void check_quantization(const Tensor& tensor, const std::string& label)
{
  const Quantization& q = tensor.quant;
  if (q.empty())
    return;
  auto fail = [&](const std::string& what) { throw GraphError(label + ": " + what); };
  if (q.zero_points.size() != q.scales.size())
    fail(fmt::format("has {} quantization scales but {} zero points", q.scales.size(),
                     q.zero_points.size()));
  if (q.per_channel()) {
    const int rank = static_cast<int>(tensor.shape.size());
    if (q.axis < 0 || q.axis >= rank)
      fail(fmt::format("quantization axis {} is outside its shape {}", q.axis,
                       shape_text(tensor.shape)));
    if (static_cast<std::int64_t>(q.scales.size()) != tensor.shape[static_cast<std::size_t>(q.axis)])
      fail(fmt::format("has {} per-channel scales, but dimension {} of its shape {} is {}",
                       q.scales.size(), q.axis, shape_text(tensor.shape),
                       tensor.shape[static_cast<std::size_t>(q.axis)]));
  }
  for (float scale : q.scales)
    if (!std::isfinite(scale) || scale <= 0.0f)
      fail(fmt::format("quantization scale {} is not a positive number", scale));
  if (tensor.type == DataType::Int8)
    for (std::int64_t zero_point : q.zero_points)
      if (zero_point < -128 || zero_point > 127)
        fail(fmt::format("int8 zero point {} is outside [-128, 127]", zero_point));
}

void check_tensor(const Graph& graph, int index)
{
  const Tensor& tensor = graph.tensors[static_cast<std::size_t>(index)];
  const std::string label = tensor_label(graph, index);
  auto fail = [&](const std::string& what) { throw GraphError(label + ": " + what); };

  std::int64_t elements = 1;
  for (int d : tensor.shape) {
    if (d < 1)
      fail(fmt::format("shape {} has a dimension below 1", shape_text(tensor.shape)));
    elements *= d;
    if (elements > kMaxElements)
      fail(fmt::format("shape {} has more than 2^28 elements", shape_text(tensor.shape)));
  }
  if (tensor.is_constant() && tensor.data.size() != tensor.bytes())
    fail(fmt::format("holds {} bytes of data, but {} {} elements need {}", tensor.data.size(),
                     shape_text(tensor.shape), name_of(tensor.type), tensor.bytes()));
  check_quantization(tensor, label);
}

// One operator under check: access to its tensors that fails with a message
// naming the operator.
class OperatorCheck {
public:
  OperatorCheck(const Graph& graph, const Operator& op) : graph_(graph), op_(op) {}

  [[noreturn]] void fail(const std::string& what) const
  {
    throw GraphError(fmt::format("operator {} ({}): {}", op_.source_index, name_of(op_.kind), what));
  }

  // Input and output counts, and every index in range (kNoTensor allowed
  // among the inputs; input() rejects it where an input is required).
  void expect_arity(std::size_t min_inputs, std::size_t max_inputs, std::size_t outputs) const
  {
    const std::size_t n_in = op_.inputs.size();
    if (n_in < min_inputs || n_in > max_inputs)
      fail(min_inputs == max_inputs
             ? fmt::format("has {} inputs, needs {}", n_in, min_inputs)
             : fmt::format("has {} inputs, needs {} to {}", n_in, min_inputs, max_inputs));
    if (op_.outputs.size() != outputs)
      fail(fmt::format("has {} outputs, needs {}", op_.outputs.size(), outputs));
    for (std::size_t i = 0; i < n_in; ++i)
      if (op_.inputs[i] != kNoTensor && !in_range(op_.inputs[i]))
        fail(fmt::format("input {} refers to tensor {}, but the graph has {} tensors", i,
                         op_.inputs[i], graph_.tensors.size()));
    for (std::size_t i = 0; i < op_.outputs.size(); ++i)
      if (!in_range(op_.outputs[i]))
        fail(fmt::format("output {} refers to tensor {}, but the graph has {} tensors", i,
                         op_.outputs[i], graph_.tensors.size()));
  }

  bool has_input(std::size_t i) const
  {
    return i < op_.inputs.size() && op_.inputs[i] != kNoTensor;
  }

  const Tensor& input(std::size_t i, std::string_view role) const
  {
    if (!has_input(i))
      fail(fmt::format("has no {} (input {})", role, i));
    return graph_.tensors[static_cast<std::size_t>(op_.inputs[i])];
  }

  // Weights and biases are compiled into flash: they must be constants.
  const Tensor& constant_input(std::size_t i, std::string_view role) const
  {
    const Tensor& t = input(i, role);
    if (!t.is_constant())
      fail(fmt::format("{} '{}' is not a constant tensor", role, t.name));
    return t;
  }

  const Tensor& output() const { return graph_.tensors[static_cast<std::size_t>(op_.outputs[0])]; }

  template <class Params>
  const Params& params(std::string_view what) const
  {
    const Params* p = std::get_if<Params>(&op_.params);
    if (!p)
      fail(fmt::format("has no {} parameters", what));
    return *p;
  }

  void expect_rank(const Tensor& t, std::size_t rank, std::string_view role) const
  {
    if (t.shape.size() != rank)
      fail(fmt::format("{} '{}' has shape {}, needs rank {}", role, t.name, shape_text(t.shape), rank));
  }

  void expect_output_shape(const std::vector<int>& expected, std::string_view because) const
  {
    const Tensor& out = output();
    if (out.shape != expected)
      fail(fmt::format("output '{}' has shape {}, but {} give {}", out.name, shape_text(out.shape),
                       because, shape_text(expected)));
  }

  void expect_window(int stride_h, int stride_w, int kernel_h, int kernel_w, int dilation_h,
                     int dilation_w) const
  {
    for (int v : {stride_h, stride_w, kernel_h, kernel_w, dilation_h, dilation_w})
      if (v < 1 || v > kMaxWindow)
        fail(fmt::format("window parameters (stride {}x{}, kernel {}x{}, dilation {}x{}) must be "
                         "between 1 and 2^24",
                         stride_h, stride_w, kernel_h, kernel_w, dilation_h, dilation_w));
    const std::int64_t effective_h = std::int64_t{kernel_h - 1} * dilation_h + 1;
    const std::int64_t effective_w = std::int64_t{kernel_w - 1} * dilation_w + 1;
    if (effective_h > kMaxWindow || effective_w > kMaxWindow)
      fail(fmt::format("dilated kernel {}x{} is too large", effective_h, effective_w));
  }

  // Per-tensor quantization (one scale), as TFLite's int8 activations have.
  void expect_per_tensor_quant(const Tensor& t, std::string_view role) const
  {
    if (t.quant.scales.size() != 1)
      fail(fmt::format("{} '{}' is int8 but has {} quantization scales, needs 1", role, t.name,
                       t.quant.scales.size()));
  }

  // int8 weights: one scale, or one per output channel along channel_axis.
  void expect_weight_quant(const Tensor& w, int channels, int channel_axis, std::string_view role) const
  {
    if (w.type != DataType::Int8)
      return;
    const std::size_t n = w.quant.scales.size();
    if (n != 1 && n != static_cast<std::size_t>(channels))
      fail(fmt::format("int8 {} '{}' has {} quantization scales, needs 1 or one per output channel ({})",
                       role, w.name, n, channels));
    if (n > 1 && w.quant.axis != channel_axis)
      fail(fmt::format("int8 {} '{}' is quantized per channel along axis {}, needs axis {}", role,
                       w.name, w.quant.axis, channel_axis));
  }

  // An int8 operator's activations are quantized per tensor.
  void expect_int8_activation_quant() const
  {
    const Tensor& in = input(0, "input");
    if (in.type != DataType::Int8)
      return;
    expect_per_tensor_quant(in, "input");
    expect_per_tensor_quant(output(), "output");
  }

  // Operators that move values without arithmetic (pooling picks or
  // averages, reshape copies) keep the quantization of their input.
  void expect_same_quant_as_input() const
  {
    const Tensor& in = input(0, "input");
    const Tensor& out = output();
    if (in.type != DataType::Int8)
      return;
    if (in.quant.scales != out.quant.scales || in.quant.zero_points != out.quant.zero_points)
      fail(fmt::format("output '{}' is quantized differently from input '{}' (scale {} vs {}, zero "
                       "point {} vs {}); this operator does not requantize",
                       out.name, in.name, fmt::join(out.quant.scales, ","),
                       fmt::join(in.quant.scales, ","), fmt::join(out.quant.zero_points, ","),
                       fmt::join(in.quant.zero_points, ",")));
  }

  void expect_bias(int channels) const
  {
    if (!has_input(2))
      return;
    const Tensor& bias = constant_input(2, "bias");
    if (element_count(bias.shape) != channels)
      fail(fmt::format("bias '{}' has shape {}, needs {} elements (one per output channel)",
                       bias.name, shape_text(bias.shape), channels));
  }

private:
  bool in_range(int index) const
  {
    return index >= 0 && static_cast<std::size_t>(index) < graph_.tensors.size();
  }

  const Graph& graph_;
  const Operator& op_;
};

std::string padding_text(Padding padding)
{
  return padding == Padding::Same ? "SAME" : "VALID";
}

// What CONV_2D and DEPTHWISE_CONV_2D share: the window, a bias of out_c
// channels, and the output shape TFLite's padding rule gives.
template <typename Params>
void expect_convolution(const OperatorCheck& c, const Params& p, const Tensor& in, const Tensor& filter, int out_c)
{
  c.expect_window(p.stride_h, p.stride_w, filter.shape[1], filter.shape[2], p.dilation_h, p.dilation_w);
  c.expect_bias(out_c);
  const PaddedDim h = pad_dim(p.padding, in.shape[1], filter.shape[1], p.stride_h, p.dilation_h);
  const PaddedDim w = pad_dim(p.padding, in.shape[2], filter.shape[2], p.stride_w, p.dilation_w);
  c.expect_output_shape(
    {in.shape[0], h.out, w.out, out_c},
    fmt::format("input {}, filter {}, stride {}x{}, dilation {}x{} and {} padding",
                shape_text(in.shape), shape_text(filter.shape), p.stride_h, p.stride_w,
                p.dilation_h, p.dilation_w, padding_text(p.padding)));
}

void check_conv(const OperatorCheck& c)
{
  c.expect_arity(2, 3, 1);
  const auto& p = c.params<ConvParams>("convolution");
  const Tensor& in = c.input(0, "input");
  const Tensor& filter = c.constant_input(1, "filter");
  c.expect_rank(in, 4, "input");
  c.expect_rank(filter, 4, "filter");
  const int out_c = filter.shape[0];
  if (filter.shape[3] != in.shape[3])
    c.fail(fmt::format("filter '{}' {} takes {} input channels, but input '{}' {} has {} (grouped "
                       "convolution is not supported)",
                       filter.name, shape_text(filter.shape), filter.shape[3], in.name,
                       shape_text(in.shape), in.shape[3]));
  expect_convolution(c, p, in, filter, out_c);
  c.expect_weight_quant(filter, out_c, 0, "filter");
  c.expect_int8_activation_quant();
}

void check_depthwise(const OperatorCheck& c)
{
  c.expect_arity(2, 3, 1);
  const auto& p = c.params<DepthwiseParams>("depthwise convolution");
  const Tensor& in = c.input(0, "input");
  const Tensor& filter = c.constant_input(1, "filter");
  c.expect_rank(in, 4, "input");
  c.expect_rank(filter, 4, "filter");
  if (filter.shape[0] != 1)
    c.fail(fmt::format("filter '{}' has shape {}, needs [1,kernel_h,kernel_w,channels]", filter.name,
                       shape_text(filter.shape)));
  const int out_c = filter.shape[3];
  if (p.depth_multiplier < 1 || std::int64_t{in.shape[3]} * p.depth_multiplier != out_c)
    c.fail(fmt::format("filter '{}' has {} channels, but {} input channels x depth multiplier {} "
                       "give {}",
                       filter.name, out_c, in.shape[3], p.depth_multiplier,
                       std::int64_t{in.shape[3]} * p.depth_multiplier));
  expect_convolution(c, p, in, filter, out_c);
  c.expect_weight_quant(filter, out_c, 3, "filter");
  c.expect_int8_activation_quant();
}

void check_fully_connected(const OperatorCheck& c)
{
  c.expect_arity(2, 3, 1);
  const auto& p = c.params<FullyConnectedParams>("fully connected");
  const Tensor& in = c.input(0, "input");
  const Tensor& weights = c.constant_input(1, "weights");
  c.expect_rank(weights, 2, "weights");
  if (in.shape.empty())
    c.fail(fmt::format("input '{}' is a scalar", in.name));
  const int out_features = weights.shape[0];
  const int in_features = weights.shape[1];
  const std::int64_t in_elements = element_count(in.shape);
  if (in_elements % in_features != 0)
    c.fail(fmt::format("input '{}' {} has {} elements, not a multiple of the weights' {} input "
                       "features",
                       in.name, shape_text(in.shape), in_elements, in_features));
  c.expect_bias(out_features);
  std::vector<int> expected;
  if (p.keep_num_dims) {
    if (in.shape.back() != in_features)
      c.fail(fmt::format("keeps the input's dimensions, but input '{}' {} does not end in the "
                         "weights' {} input features",
                         in.name, shape_text(in.shape), in_features));
    expected = in.shape;
    expected.back() = out_features;
  } else {
    expected = {static_cast<int>(in_elements / in_features), out_features};
  }
  c.expect_output_shape(expected, fmt::format("input {} and weights {}", shape_text(in.shape),
                                              shape_text(weights.shape)));
  c.expect_weight_quant(weights, out_features, 0, "weights");
  c.expect_int8_activation_quant();
}

void check_pool(const OperatorCheck& c)
{
  c.expect_arity(1, 1, 1);
  const auto& p = c.params<PoolParams>("pooling");
  const Tensor& in = c.input(0, "input");
  c.expect_rank(in, 4, "input");
  c.expect_window(p.stride_h, p.stride_w, p.filter_h, p.filter_w, 1, 1);
  const PaddedDim h = pad_dim(p.padding, in.shape[1], p.filter_h, p.stride_h, 1);
  const PaddedDim w = pad_dim(p.padding, in.shape[2], p.filter_w, p.stride_w, 1);
  c.expect_output_shape({in.shape[0], h.out, w.out, in.shape[3]},
                        fmt::format("input {}, a {}x{} window, stride {}x{} and {} padding",
                                    shape_text(in.shape), p.filter_h, p.filter_w, p.stride_h,
                                    p.stride_w, padding_text(p.padding)));
  c.expect_int8_activation_quant();
  c.expect_same_quant_as_input();
}

void check_add(const OperatorCheck& c)
{
  c.expect_arity(2, 2, 1);
  c.params<AddParams>("add");
  const Tensor& a = c.input(0, "first operand");
  const Tensor& b = c.input(1, "second operand");
  if (a.shape != b.shape)
    c.fail(fmt::format("operand shapes {} and {} differ (broadcasting is not supported yet)",
                       shape_text(a.shape), shape_text(b.shape)));
  c.expect_output_shape(a.shape, "the operands");
  c.expect_int8_activation_quant();
  if (b.type == DataType::Int8)
    c.expect_per_tensor_quant(b, "second operand");
}

void check_concatenation(const OperatorCheck& c, std::size_t n_inputs)
{
  c.expect_arity(1, n_inputs < 1 ? 1 : n_inputs, 1);
  const auto& p = c.params<ConcatParams>("concatenation");
  const Tensor& first = c.input(0, "input");
  const int rank = static_cast<int>(first.shape.size());
  const int axis = p.axis < 0 ? p.axis + rank : p.axis;
  if (axis < 0 || axis >= rank)
    c.fail(fmt::format("axis {} is outside the inputs' rank {}", p.axis, rank));
  std::vector<int> expected = first.shape;
  std::int64_t joined = 0;
  for (std::size_t i = 0; i < n_inputs; ++i) {
    const Tensor& in = c.input(i, "input");
    std::vector<int> a = in.shape, b = first.shape;
    if (a.size() == b.size()) {
      a[static_cast<std::size_t>(axis)] = 0;
      b[static_cast<std::size_t>(axis)] = 0;
    }
    if (a != b)
      c.fail(fmt::format("input {} '{}' has shape {}, which does not match input 0's {} outside "
                         "axis {}",
                         i, in.name, shape_text(in.shape), shape_text(first.shape), axis));
    joined += in.shape[static_cast<std::size_t>(axis)];
    if (in.type == DataType::Int8)
      c.expect_per_tensor_quant(in, "input");
  }
  if (joined > kMaxElements)
    c.fail("joins more than 2^28 elements along its axis");
  expected[static_cast<std::size_t>(axis)] = static_cast<int>(joined);
  c.expect_output_shape(expected, fmt::format("the inputs joined along axis {}", axis));
  c.expect_int8_activation_quant();
}

void check_reshape(const OperatorCheck& c)
{
  // The optional second input (the new shape) repeats what the output's
  // shape says.
  c.expect_arity(1, 2, 1);
  const Tensor& in = c.input(0, "input");
  const Tensor& out = c.output();
  if (element_count(in.shape) != element_count(out.shape))
    c.fail(fmt::format("input '{}' {} has {} elements but output '{}' {} has {}", in.name,
                       shape_text(in.shape), element_count(in.shape), out.name,
                       shape_text(out.shape), element_count(out.shape)));
  c.expect_int8_activation_quant();
  c.expect_same_quant_as_input();
}

void check_softmax(const OperatorCheck& c)
{
  c.expect_arity(1, 1, 1);
  c.params<SoftmaxParams>("softmax");
  const Tensor& in = c.input(0, "input");
  if (in.shape.empty())
    c.fail(fmt::format("input '{}' is a scalar", in.name));
  c.expect_output_shape(in.shape, "the input");
  c.expect_int8_activation_quant();
  // TFLite's int8 softmax writes probabilities in [0, 1) with this fixed
  // quantization: q = p * 256 - 128.
  const Tensor& out = c.output();
  if (out.type != DataType::Int8)
    return;
  c.expect_per_tensor_quant(out, "output");
  if ((std::fabs(out.quant.scales[0] - 1.0f / 256.0f) > 1e-8f || out.quant.zero_points[0] != -128))
    c.fail(fmt::format("int8 output '{}' has scale {} and zero point {}, needs 1/256 and -128",
                       out.name, out.quant.scales[0], out.quant.zero_points[0]));
}

void check_quantize(const OperatorCheck& c)
{
  c.expect_arity(1, 1, 1);
  const Tensor& in = c.input(0, "input");
  c.expect_output_shape(in.shape, "the input");
  c.expect_per_tensor_quant(c.output(), "output");
  if (in.type == DataType::Int8)
    c.expect_per_tensor_quant(in, "input");
}

void check_dequantize(const OperatorCheck& c)
{
  c.expect_arity(1, 1, 1);
  const Tensor& in = c.input(0, "input");
  c.expect_output_shape(in.shape, "the input");
  c.expect_per_tensor_quant(in, "input");
}

void check_operator(const Graph& graph, const Operator& op)
{
  const OperatorCheck c(graph, op);
  switch (op.kind) {
  case OpKind::Conv2D: return check_conv(c);
  case OpKind::DepthwiseConv2D: return check_depthwise(c);
  case OpKind::FullyConnected: return check_fully_connected(c);
  case OpKind::AveragePool2D:
  case OpKind::MaxPool2D: return check_pool(c);
  case OpKind::Add: return check_add(c);
  case OpKind::Concatenation: return check_concatenation(c, op.inputs.size());
  case OpKind::Reshape: return check_reshape(c);
  case OpKind::Softmax: return check_softmax(c);
  case OpKind::Quantize: return check_quantize(c);
  case OpKind::Dequantize: return check_dequantize(c);
  }
  c.fail("unknown operator kind");
}

void check_graph_ends(const Graph& graph)
{
  if (graph.ops.empty())
    throw GraphError("the graph has no operators");
  if (graph.outputs.empty())
    throw GraphError("the graph has no outputs");
  auto check_indices = [&](const std::vector<int>& indices, std::string_view what) {
    for (int index : indices)
      if (index < 0 || static_cast<std::size_t>(index) >= graph.tensors.size())
        throw GraphError(fmt::format("graph {} refers to tensor {}, but the graph has {} tensors",
                                     what, index, graph.tensors.size()));
  };
  check_indices(graph.inputs, "input");
  check_indices(graph.outputs, "output");
}

// Every operator's inputs exist when it runs (graph inputs, constants or
// earlier outputs), each tensor is written once, and the graph's outputs
// are produced.
void check_dataflow(const Graph& graph)
{
  std::vector<bool> available(graph.tensors.size(), false);
  for (int index : graph.inputs)
    available[static_cast<std::size_t>(index)] = true;
  for (std::size_t i = 0; i < graph.tensors.size(); ++i)
    if (graph.tensors[i].is_constant())
      available[i] = true;
  for (const Operator& op : graph.ops) {
    const OperatorCheck c(graph, op);
    for (int index : op.inputs)
      if (index != kNoTensor && !available[static_cast<std::size_t>(index)])
        c.fail(fmt::format("reads {}, which is neither a graph input, a constant, nor an earlier "
                           "operator's output",
                           tensor_label(graph, index)));
    for (int index : op.outputs) {
      if (available[static_cast<std::size_t>(index)])
        c.fail(fmt::format("writes {}, which already holds a graph input, a constant or an earlier "
                           "operator's output",
                           tensor_label(graph, index)));
      available[static_cast<std::size_t>(index)] = true;
    }
  }
  for (int index : graph.outputs)
    if (!available[static_cast<std::size_t>(index)])
      throw GraphError(fmt::format("graph output {} is never produced", tensor_label(graph, index)));
}

} // namespace

void check(const Graph& graph)
{
  for (std::size_t i = 0; i < graph.tensors.size(); ++i)
    check_tensor(graph, static_cast<int>(i));
  check_graph_ends(graph);
  for (const Operator& op : graph.ops)
    check_operator(graph, op);
  check_dataflow(graph);
}

} // namespace compiler::graph
