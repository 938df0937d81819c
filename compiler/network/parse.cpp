#include "compiler/network/parse.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

namespace compiler::network {

namespace {

using graph::Activation;
using graph::OpKind;
using graph::Padding;

constexpr int kMaxDim = 1 << 16;        // no MCU tensor comes near
constexpr int kMaxWindow = 255;         // kernel, pool, stride, dilation
constexpr double kMaxScale = 1e6;

constexpr std::array<std::string_view, 2> kTypes{"int8", "float32"};
constexpr std::array<std::string_view, 2> kPaddings{"valid", "same"};
constexpr std::array<std::string_view, 4> kActivations{"none", "relu", "relu6", "relu_n1_to_1"};
constexpr std::array<std::string_view, 3> kExitRules{"max_softmax", "margin", "entropy"};
// An entropy threshold above ln(65536) (the most classes a dimension can
// hold) could never fail; the builder checks it against the exit's classes.
constexpr double kMaxEntropy = 11.1;

struct OpName {
  std::string_view name;
  OpKind kind;
};
constexpr std::array<OpName, 11> kOps{{
    {"conv2d", OpKind::Conv2D},
    {"depthwise_conv2d", OpKind::DepthwiseConv2D},
    {"fully_connected", OpKind::FullyConnected},
    {"average_pool2d", OpKind::AveragePool2D},
    {"max_pool2d", OpKind::MaxPool2D},
    {"add", OpKind::Add},
    {"concatenation", OpKind::Concatenation},
    {"reshape", OpKind::Reshape},
    {"softmax", OpKind::Softmax},
    {"quantize", OpKind::Quantize},
    {"dequantize", OpKind::Dequantize},
}};

// Names become C identifiers in generated code and keys in reports.
bool is_identifier(const std::string& s)
{
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0])))
    return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::string checked_name(Fields& fields, const std::string& key, const std::string& name)
{
  if (!is_identifier(name))
    fields.fail(key, fmt::format("'{}' is not a name (a letter, then letters, digits or '_')", name));
  return name;
}

graph::DataType read_type(Fields& fields, const std::string& key, graph::DataType fallback)
{
  const std::string type =
      fields.optional_choice(key, kTypes, fallback == graph::DataType::Int8 ? "int8" : "float32");
  return type == "int8" ? graph::DataType::Int8 : graph::DataType::Float32;
}

Padding read_padding(Fields& fields)
{
  return fields.optional_choice("padding", kPaddings, "valid") == "same" ? Padding::Same : Padding::Valid;
}

Activation read_activation(Fields& fields)
{
  const std::string name = fields.optional_choice("activation", kActivations, "none");
  if (name == "relu")
    return Activation::Relu;
  if (name == "relu6")
    return Activation::Relu6;
  if (name == "relu_n1_to_1")
    return Activation::ReluN1To1;
  return Activation::None;
}

QuantizationSpec read_quantization_keys(Fields& fields)
{
  QuantizationSpec q;
  q.scale = static_cast<float>(fields.number("scale", 0.0, kMaxScale));
  if (!(q.scale > 0.0f))
    fields.fail("scale", "must be greater than 0");
  q.zero_point = fields.integer("zero_point", -128, 127);
  return q;
}

std::vector<int> read_shape(Fields& fields, const std::string& key, int min)
{
  const auto dims = fields.integers(key, min, kMaxDim);
  if (dims.empty() || dims.size() > 4)
    fields.fail(key, "expected 1 to 4 dimensions");
  return std::vector<int>(dims.begin(), dims.end());
}

InputSpec read_input(Fields fields, graph::DataType network_type)
{
  InputSpec in;
  in.name = checked_name(fields, "name", fields.optional_text("name", "input"));
  in.type = read_type(fields, "type", network_type);
  in.shape = read_shape(fields, "shape", 1);
  if (in.type == graph::DataType::Int8) {
    // The input's quantization also says which real values it can carry.
    QuantizationSpec q = read_quantization_keys(fields);
    in.quantization = q;
    in.low = q.scale * static_cast<double>(-128 - q.zero_point);
    in.high = q.scale * static_cast<double>(127 - q.zero_point);
  } else if (const auto range = fields.optional_numbers("range", -kMaxScale, kMaxScale); !range.empty()) {
    if (range.size() != 2 || !(range[0] < range[1]))
      fields.fail("range", "expected [low, high] with low < high");
    in.low = range[0];
    in.high = range[1];
  }
  in.where = fields.locations();
  fields.finish();
  return in;
}

// The window keys of a convolution or a depthwise convolution.
template <typename Params>
void read_convolution_window(Fields& fields, LayerSpec& layer, Params& params)
{
  layer.kernel = fields.height_width("kernel", 1, kMaxWindow);
  const HeightWidth stride = fields.optional_height_width("stride", HeightWidth{}, 1, kMaxWindow);
  const HeightWidth dilation = fields.optional_height_width("dilation", HeightWidth{}, 1, kMaxWindow);
  params.stride_h = stride.h;
  params.stride_w = stride.w;
  params.dilation_h = dilation.h;
  params.dilation_w = dilation.w;
  params.padding = read_padding(fields);
  params.activation = read_activation(fields);
  layer.bias = fields.optional_bool("bias", true);
}

void read_output_override(Fields& fields, LayerSpec& layer)
{
  if (auto output = fields.optional_map("output")) {
    layer.output = read_quantization_keys(*output);
    output->finish();
  }
}

void read_op_keys(Fields& fields, LayerSpec& layer)
{
  switch (layer.op) {
  case OpKind::Conv2D: {
    graph::ConvParams params;
    layer.channels = static_cast<int>(fields.integer("filters", 1, kMaxDim));
    read_convolution_window(fields, layer, params);
    layer.params = params;
    break;
  }
  case OpKind::DepthwiseConv2D: {
    graph::DepthwiseParams params;
    params.depth_multiplier = static_cast<int>(fields.optional_integer("depth_multiplier", 1, 1, kMaxWindow));
    read_convolution_window(fields, layer, params);
    layer.params = params;
    break;
  }
  case OpKind::FullyConnected: {
    graph::FullyConnectedParams params;
    layer.channels = static_cast<int>(fields.integer("units", 1, kMaxDim));
    params.activation = read_activation(fields);
    layer.bias = fields.optional_bool("bias", true);
    layer.params = params;
    break;
  }
  case OpKind::AveragePool2D:
  case OpKind::MaxPool2D: {
    graph::PoolParams params;
    const HeightWidth pool = fields.height_width("pool", 1, kMaxWindow);
    const HeightWidth stride = fields.optional_height_width("stride", pool, 1, kMaxWindow);  // as Keras
    params.filter_h = pool.h;
    params.filter_w = pool.w;
    params.stride_h = stride.h;
    params.stride_w = stride.w;
    params.padding = read_padding(fields);
    params.activation = read_activation(fields);
    layer.params = params;
    break;
  }
  case OpKind::Add: {
    graph::AddParams params;
    params.activation = read_activation(fields);
    layer.params = params;
    break;
  }
  case OpKind::Concatenation: {
    graph::ConcatParams params;
    params.axis = static_cast<int>(fields.optional_integer("axis", -1, -4, 3));
    params.activation = read_activation(fields);
    layer.params = params;
    break;
  }
  case OpKind::Reshape: {
    const auto dims = fields.integers("shape", -1, kMaxDim);
    if (dims.empty() || dims.size() > 4)
      fields.fail("shape", "expected 1 to 4 dimensions");
    if (std::count(dims.begin(), dims.end(), 0) > 0)
      fields.fail("shape", "dimensions must be positive (or one -1, inferred)");
    if (std::count(dims.begin(), dims.end(), -1) > 1)
      fields.fail("shape", "at most one dimension may be -1");
    layer.shape.assign(dims.begin(), dims.end());
    break;
  }
  case OpKind::Softmax: {
    graph::SoftmaxParams params;
    params.beta = static_cast<float>(fields.optional_number("beta", 1.0, 0.0, kMaxScale));
    if (!(params.beta > 0.0f))
      fields.fail("beta", "must be greater than 0");
    layer.params = params;
    break;
  }
  case OpKind::Quantize:
  case OpKind::Dequantize:
    break;
  }
}

LayerSpec read_layer(Fields fields, std::size_t index)
{
  LayerSpec layer;
  layer.at = fields.here();
  const std::string op = fields.text("op");
  const auto found = std::find_if(kOps.begin(), kOps.end(), [&](const OpName& o) { return o.name == op; });
  if (found == kOps.end()) {
    std::vector<std::string_view> names;
    for (const auto& o : kOps)
      names.push_back(o.name);
    fields.fail("op", fmt::format("unknown operator '{}' (known: {})", op, fmt::join(names, ", ")));
  }
  layer.op = found->kind;
  layer.name = checked_name(fields, "name", fields.optional_text("name", fmt::format("{}_{}", op, index)));
  layer.inputs = fields.names("inputs");
  read_op_keys(fields, layer);
  // Every layer may carry `output:`; the builder says where the operator
  // fixes its output quantization itself.
  read_output_override(fields, layer);
  layer.where = fields.locations();
  fields.finish();
  return layer;
}

// The rule reads probabilities: max_softmax and margin lie in (0, 1],
// entropy in (0, ln classes) (checked by the builder, which knows the classes).
ExitSpec read_exit(Fields fields)
{
  ExitSpec exit;
  exit.at = fields.text("at");
  exit.where_at = fields.where("at");
  if (!fields.has("rule"))
    fields.missing("rule", "max_softmax, margin or entropy");
  const std::string rule = fields.optional_choice("rule", kExitRules, "max_softmax");
  exit.rule = rule == "margin" ? graph::ExitRule::Margin
              : rule == "entropy" ? graph::ExitRule::Entropy
                                  : graph::ExitRule::MaxSoftmax;
  exit.threshold = fields.number("threshold", 0.0, exit.rule == graph::ExitRule::Entropy ? kMaxEntropy : 1.0);
  exit.where_threshold = fields.where("threshold");
  if (!(exit.threshold > 0.0))
    fields.fail("threshold", "must be greater than 0");
  fields.finish();
  return exit;
}

}  // namespace

NetworkSpec parse(const YAML::Node& root, const std::string& file)
{
  Fields fields(root, file, "");
  NetworkSpec net;
  net.name = checked_name(fields, "network", fields.text("network"));
  if (!fields.has("type"))
    fields.missing("type", "int8 or float32");
  net.type = read_type(fields, "type", graph::DataType::Int8);
  net.seed = fields.optional_unsigned("seed", 0);
  net.input = read_input(fields.map("input"), net.type);
  std::vector<Fields> layers = fields.maps("layers");
  if (layers.empty())
    fields.fail("layers", "a network needs at least one layer");
  for (std::size_t i = 0; i < layers.size(); ++i)
    net.layers.push_back(read_layer(std::move(layers[i]), i));
  net.outputs = fields.names("outputs");
  net.outputs_at = fields.where("outputs");
  if (fields.has("exits"))
    for (Fields& exit : fields.maps("exits"))
      net.exits.push_back(read_exit(std::move(exit)));
  fields.finish();
  return net;
}

}  // namespace compiler::network
