#include "compiler/quant/operator_params.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace compiler::quant {
namespace {

[[noreturn]] void fail(const graph::Operator& op, const std::string& what)
{
  throw std::invalid_argument(std::string(graph::name_of(op.kind)) + " (operator " +
                              std::to_string(op.source_index) + "): " + what);
}

const graph::Tensor& tensor_at(const graph::Graph& graph, const graph::Operator& op,
                               const std::vector<int>& indices, std::size_t position,
                               const char* role)
{
  if (position >= indices.size() || indices[position] == graph::kNoTensor)
    fail(op, std::string("missing ") + role);
  const int index = indices[position];
  if (index < 0 || static_cast<std::size_t>(index) >= graph.tensors.size())
    fail(op, std::string(role) + " tensor index " + std::to_string(index) + " out of range");
  return graph.tensors[static_cast<std::size_t>(index)];
}

const graph::Tensor& input(const graph::Graph& graph, const graph::Operator& op,
                           std::size_t position, const char* role)
{
  return tensor_at(graph, op, op.inputs, position, role);
}

const graph::Tensor& output(const graph::Graph& graph, const graph::Operator& op)
{
  return tensor_at(graph, op, op.outputs, 0, "output");
}

// A per-tensor quantized int8 activation's scale and zero point.
struct TensorQuant {
  float scale;
  std::int32_t zero_point;
};

TensorQuant int8_quant(const graph::Graph& graph, const graph::Operator& op,
                       const graph::Tensor& tensor, const char* role)
{
  if (tensor.type != graph::DataType::Int8)
    fail(op, std::string(role) + " '" + tensor.name + "' is " +
                 std::string(graph::name_of(tensor.type)) + ", not int8");
  if (tensor.quant.empty())
    fail(op, std::string(role) + " '" + tensor.name + "' has no quantization");
  if (tensor.quant.per_channel())
    fail(op, std::string(role) + " '" + tensor.name + "' must be quantized per tensor");
  const std::int64_t zero_point = tensor.quant.zero_points.empty() ? 0 : tensor.quant.zero_points[0];
  if (!(tensor.quant.scales[0] > 0.0f))
    fail(op, std::string(role) + " '" + tensor.name + "' has a non-positive scale");
  return {tensor.quant.scales[0], static_cast<std::int32_t>(zero_point)};
}

} // namespace

MacParams mac_params(const graph::Graph& graph, const graph::Operator& op)
{
  if (op.kind != graph::OpKind::Conv2D && op.kind != graph::OpKind::DepthwiseConv2D &&
      op.kind != graph::OpKind::FullyConnected)
    fail(op, "not a convolution or fully connected operator");
  const TensorQuant in = int8_quant(graph, op, input(graph, op, 0, "input"), "input");
  const graph::Tensor& filter = input(graph, op, 1, "filter");
  const TensorQuant out = int8_quant(graph, op, output(graph, op), "output");
  if (filter.type != graph::DataType::Int8 || filter.quant.empty())
    fail(op, "filter '" + filter.name + "' is not quantized int8");

  // Output channels: CONV_2D's and FULLY_CONNECTED's filters lead with them,
  // DEPTHWISE's end with them.
  if (filter.shape.empty())
    fail(op, "filter '" + filter.name + "' has no shape");
  const int channels = op.kind == graph::OpKind::DepthwiseConv2D ? filter.shape.back() : filter.shape[0];
  const std::size_t scale_count = filter.quant.scales.size();
  if (scale_count != 1 && scale_count != static_cast<std::size_t>(channels))
    fail(op, "filter '" + filter.name + "' has " + std::to_string(scale_count) + " scales for " +
                 std::to_string(channels) + " output channels");

  MacParams params;
  params.input_offset = -in.zero_point;
  params.output_offset = out.zero_point;
  const std::int64_t filter_zero_point = filter.quant.zero_points.empty() ? 0 : filter.quant.zero_points[0];
  if (op.kind == graph::OpKind::FullyConnected) {
    params.filter_offset = static_cast<std::int32_t>(-filter_zero_point);
  } else {
    for (std::int64_t zp : filter.quant.zero_points)
      if (zp != 0)
        fail(op, "filter '" + filter.name + "' has a non-zero zero point");
  }

  params.output_multipliers.reserve(static_cast<std::size_t>(channels));
  for (int c = 0; c < channels; ++c) {
    const float filter_scale = filter.quant.scales[scale_count == 1 ? 0 : static_cast<std::size_t>(c)];
    double effective;
    if (op.kind == graph::OpKind::FullyConnected && scale_count == 1) {
      // TFLite's GetQuantizedConvolutionMultipler: the input*filter product is
      // formed in float before the division in double.
      const float product = in.scale * filter_scale;
      effective = static_cast<double>(product) / static_cast<double>(out.scale);
    } else {
      // PopulateConvolutionQuantizationParams: everything in double.
      effective = static_cast<double>(in.scale) * static_cast<double>(filter_scale) /
                  static_cast<double>(out.scale);
    }
    params.output_multipliers.push_back(quantize_multiplier(effective));
  }
  params.activation = quantized_activation_range(fused_activation(op), out.scale, out.zero_point);
  return params;
}

AddParams add_params(const graph::Graph& graph, const graph::Operator& op)
{
  if (op.kind != graph::OpKind::Add)
    fail(op, "not an ADD");
  const TensorQuant in1 = int8_quant(graph, op, input(graph, op, 0, "input 1"), "input 1");
  const TensorQuant in2 = int8_quant(graph, op, input(graph, op, 1, "input 2"), "input 2");
  const TensorQuant out = int8_quant(graph, op, output(graph, op), "output");

  AddParams params;
  params.input1_offset = -in1.zero_point;
  params.input2_offset = -in2.zero_point;
  params.output_offset = out.zero_point;
  params.left_shift = 20;
  // Both inputs go to a common scale of twice the larger one, so each
  // rescaled input is at most half the range: their sum cannot overflow.
  const double twice_max_input_scale = 2.0 * static_cast<double>(std::max(in1.scale, in2.scale));
  params.input1 = quantize_multiplier(static_cast<double>(in1.scale) / twice_max_input_scale);
  params.input2 = quantize_multiplier(static_cast<double>(in2.scale) / twice_max_input_scale);
  params.output = quantize_multiplier(
      twice_max_input_scale / (static_cast<double>(1 << params.left_shift) * static_cast<double>(out.scale)));
  params.activation = quantized_activation_range(fused_activation(op), out.scale, out.zero_point);
  return params;
}

PoolParams pool_params(const graph::Graph& graph, const graph::Operator& op)
{
  if (op.kind != graph::OpKind::AveragePool2D && op.kind != graph::OpKind::MaxPool2D)
    fail(op, "not a pooling operator");
  const TensorQuant in = int8_quant(graph, op, input(graph, op, 0, "input"), "input");
  const TensorQuant out = int8_quant(graph, op, output(graph, op), "output");
  if (in.scale != out.scale || in.zero_point != out.zero_point)
    fail(op, "input and output quantization differ (the int8 kernel averages raw values)");
  return {quantized_activation_range(fused_activation(op), out.scale, out.zero_point)};
}

SoftmaxParams softmax_params(double beta, double input_scale)
{
  constexpr int kIntegerBits = kSoftmaxScaledDiffIntegerBits;
  // Scale differences to Q5.26; a larger multiplier is capped, which only
  // matters where exp() rounds to zero anyway.
  const double max_real_multiplier = static_cast<double>((std::int64_t{1} << 31) - 1);
  const double real = std::min(beta * input_scale * static_cast<double>(1 << (31 - kIntegerBits)),
                               max_real_multiplier);
  const Multiplier m = quantize_multiplier(real);
  if (real <= 1.0 || m.shift < 0)
    throw std::invalid_argument("SOFTMAX: beta * input_scale too small for the int8 kernel");

  // The largest difference magnitude whose rescaled value still fits the
  // Q5.26 range: (2^5 - 1) * 2^26 / 2^left_shift, floored.
  const double max_input_rescaled = static_cast<double>((1 << kIntegerBits) - 1) *
                                    static_cast<double>(std::int64_t{1} << (31 - kIntegerBits)) /
                                    static_cast<double>(std::int64_t{1} << m.shift);
  SoftmaxParams params;
  params.input_multiplier = m.multiplier;
  params.input_left_shift = m.shift;
  params.diff_min = -static_cast<std::int32_t>(std::floor(max_input_rescaled));
  return params;
}

SoftmaxParams softmax_params(const graph::Graph& graph, const graph::Operator& op)
{
  if (op.kind != graph::OpKind::Softmax)
    fail(op, "not a SOFTMAX");
  const TensorQuant in = int8_quant(graph, op, input(graph, op, 0, "input"), "input");
  const TensorQuant out = int8_quant(graph, op, output(graph, op), "output");
  // TFLite's int8 softmax writes probabilities with scale 1/256, zero point -128.
  if (out.scale != 1.0f / 256.0f || out.zero_point != -128)
    fail(op, "int8 output must have scale 1/256 and zero point -128");
  const auto* options = std::get_if<graph::SoftmaxParams>(&op.params);
  const float beta = options ? options->beta : 1.0f;
  try {
    return softmax_params(static_cast<double>(beta), static_cast<double>(in.scale));
  } catch (const std::invalid_argument& e) {
    fail(op, e.what());
  }
}

QuantizeParams quantize_params(const graph::Graph& graph, const graph::Operator& op)
{
  if (op.kind != graph::OpKind::Quantize)
    fail(op, "not a QUANTIZE");
  if (input(graph, op, 0, "input").type != graph::DataType::Float32)
    fail(op, "input must be float32 (int8 inputs requantize)");
  const TensorQuant out = int8_quant(graph, op, output(graph, op), "output");
  return {out.scale, out.zero_point};
}

RequantizeParams requantize_params(const graph::Graph& graph, const graph::Operator& op)
{
  if (op.kind != graph::OpKind::Quantize)
    fail(op, "not a QUANTIZE");
  const TensorQuant in = int8_quant(graph, op, input(graph, op, 0, "input"), "input");
  const TensorQuant out = int8_quant(graph, op, output(graph, op), "output");
  return {in.zero_point, out.zero_point,
          quantize_multiplier(static_cast<double>(in.scale) / static_cast<double>(out.scale))};
}

DequantizeParams dequantize_params(const graph::Graph& graph, const graph::Operator& op)
{
  if (op.kind != graph::OpKind::Dequantize)
    fail(op, "not a DEQUANTIZE");
  const TensorQuant in = int8_quant(graph, op, input(graph, op, 0, "input"), "input");
  if (output(graph, op).type != graph::DataType::Float32)
    fail(op, "output must be float32");
  return {static_cast<double>(in.scale), in.zero_point};
}

} // namespace compiler::quant
