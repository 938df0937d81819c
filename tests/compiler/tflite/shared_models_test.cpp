// The six MLPerf Tiny models read and pass graph::check(); their operators,
// inputs and outputs are those of the published architectures (MLPerf Tiny's
// reference models: DS-CNN for keyword spotting, MobileNetV1-0.25 for visual
// wake words, ResNet-8 for image classification, a fully connected
// autoencoder for anomaly detection).
#include "compiler/tflite/reader.hpp"

#include "shared_models.hpp"

#include <catch2/catch.hpp>

#include <vector>

namespace graph = compiler::graph;
namespace reader = compiler::tflite;
using namespace tflite_test;
using graph::DataType;
using graph::OpKind;

namespace {

std::vector<OpKind> kinds(const graph::Graph& g)
{
  std::vector<OpKind> result;
  for (const graph::Operator& op : g.ops)
    result.push_back(op.kind);
  return result;
}

std::vector<OpKind> repeat(std::vector<OpKind> head, const std::vector<OpKind>& block, int times,
                           const std::vector<OpKind>& tail)
{
  for (int i = 0; i < times; ++i)
    head.insert(head.end(), block.begin(), block.end());
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

const graph::Tensor& input_of(const graph::Graph& g) { return g.tensors[static_cast<std::size_t>(g.inputs.at(0))]; }
const graph::Tensor& output_of(const graph::Graph& g) { return g.tensors[static_cast<std::size_t>(g.outputs.at(0))]; }
const graph::Tensor& operand(const graph::Graph& g, const graph::Operator& op, std::size_t i)
{
  return g.tensors[static_cast<std::size_t>(op.inputs.at(i))];
}

const std::vector<OpKind> kClassifierTail{OpKind::AveragePool2D, OpKind::Reshape,
                                          OpKind::FullyConnected, OpKind::Softmax};

// DS-CNN: CONV_2D, 4 x (DEPTHWISE_CONV_2D, CONV_2D), pool, reshape, FC, softmax.
const std::vector<OpKind> kKwsOps =
  repeat({OpKind::Conv2D}, {OpKind::DepthwiseConv2D, OpKind::Conv2D}, 4, kClassifierTail);

// ResNet-8: a stem conv and three residual stacks (two 3x3 convs, a 1x1
// strided shortcut conv in the second and third), each ending in ADD.
const std::vector<OpKind> kResnetOps{
  OpKind::Conv2D, OpKind::Conv2D, OpKind::Conv2D, OpKind::Add,
  OpKind::Conv2D, OpKind::Conv2D, OpKind::Conv2D, OpKind::Add,
  OpKind::Conv2D, OpKind::Conv2D, OpKind::Conv2D, OpKind::Add,
  OpKind::AveragePool2D, OpKind::Reshape, OpKind::FullyConnected, OpKind::Softmax};

graph::Graph read_model(const char* file) { return reader::read_file(mlperf_tiny_dir() / file); }

} // namespace

TEST_CASE("kws int8 (DS-CNN): operators, shapes, per-channel filters")
{
  if (!have_mlperf_tiny()) {
    WARN(missing_models_message());
    return;
  }
  const graph::Graph g = read_model("kws_ref_model.tflite");
  CHECK(g.name == "kws_ref_model");
  CHECK(kinds(g) == kKwsOps);
  CHECK(input_of(g).type == DataType::Int8);
  CHECK(input_of(g).shape == std::vector<int>{1, 49, 10, 1});
  CHECK(output_of(g).type == DataType::Int8);
  CHECK(output_of(g).shape == std::vector<int>{1, 12}); // 12 keyword classes

  // The first layer: 64 filters of 10x4, stride 2, SAME (DS-CNN's design).
  const graph::Operator& first = g.ops[0];
  const graph::Tensor& filter = operand(g, first, 1);
  CHECK(filter.shape == std::vector<int>{64, 10, 4, 1});
  CHECK(filter.quant.scales.size() == 64);
  CHECK(filter.quant.axis == 0);
  const auto& p = std::get<graph::ConvParams>(first.params);
  CHECK(p.stride_h == 2);
  CHECK(p.stride_w == 2);
  CHECK(p.padding == graph::Padding::Same);
  CHECK(p.activation == graph::Activation::Relu);
  CHECK(operand(g, first, 2).type == DataType::Int32);

  // Depthwise filters are quantized per channel along their last axis.
  const graph::Tensor& dw_filter = operand(g, g.ops[1], 1);
  CHECK(dw_filter.shape == std::vector<int>{1, 3, 3, 64});
  CHECK(dw_filter.quant.scales.size() == 64);
  CHECK(dw_filter.quant.axis == 3);
  CHECK(std::get<graph::DepthwiseParams>(g.ops[1].params).depth_multiplier == 1);

  // int8 softmax output: scale 1/256, zero point -128 (TFLite's rule).
  CHECK(output_of(g).quant.scales.at(0) == Approx(1.0 / 256));
  CHECK(output_of(g).quant.zero_points.at(0) == -128);
}

TEST_CASE("kws float32 (hybrid): float activations, int8 conv filters")
{
  if (!have_mlperf_tiny()) {
    WARN(missing_models_message());
    return;
  }
  const graph::Graph g = read_model("kws_ref_model_float32.tflite");
  CHECK(kinds(g) == kKwsOps);
  CHECK(input_of(g).type == DataType::Float32);
  CHECK(input_of(g).shape == std::vector<int>{1, 49, 10, 1});
  CHECK(output_of(g).type == DataType::Float32);
  CHECK(output_of(g).shape == std::vector<int>{1, 12});
  int hybrid_convs = 0;
  for (const graph::Operator& op : g.ops)
    if (op.kind == OpKind::Conv2D && operand(g, op, 1).type == DataType::Int8) {
      ++hybrid_convs;
      CHECK_FALSE(operand(g, op, 1).quant.empty());
      CHECK(operand(g, op, 2).type == DataType::Float32);
    }
  CHECK(hybrid_convs == 5);
}

TEST_CASE("vww int8 (MobileNetV1-0.25, 96x96): 13 depthwise-separable blocks")
{
  if (!have_mlperf_tiny()) {
    WARN(missing_models_message());
    return;
  }
  const graph::Graph g = read_model("vww_96_int8.tflite");
  CHECK(kinds(g) == repeat({OpKind::Conv2D}, {OpKind::DepthwiseConv2D, OpKind::Conv2D}, 13, kClassifierTail));
  CHECK(input_of(g).type == DataType::Int8);
  CHECK(input_of(g).shape == std::vector<int>{1, 96, 96, 3});
  CHECK(output_of(g).shape == std::vector<int>{1, 2}); // person / no person
  // Width 0.25: 32 * 0.25 = 8 stem filters, 1024 * 0.25 = 256 at the end.
  CHECK(operand(g, g.ops[0], 1).shape == std::vector<int>{8, 3, 3, 3});
  CHECK(operand(g, g.ops[0], 1).quant.scales.size() == 8);
  CHECK(operand(g, g.ops[26], 1).shape.at(0) == 256);
}

TEST_CASE("resnet int8 and float32 (ResNet-8): three residual stacks")
{
  if (!have_mlperf_tiny()) {
    WARN(missing_models_message());
    return;
  }
  for (const char* file : {"pretrainedResnet_quant.tflite", "pretrainedResnet.tflite"}) {
    INFO(file);
    const graph::Graph g = read_model(file);
    const DataType type = std::string(file).find("quant") != std::string::npos ? DataType::Int8
                                                                                 : DataType::Float32;
    CHECK(kinds(g) == kResnetOps);
    CHECK(input_of(g).type == type);
    CHECK(input_of(g).shape == std::vector<int>{1, 32, 32, 3});
    CHECK(output_of(g).type == type);
    CHECK(output_of(g).shape == std::vector<int>{1, 10}); // CIFAR-10 classes
    // Stacks of 16, 32 and 64 filters.
    CHECK(operand(g, g.ops[0], 1).shape.at(0) == 16);
    CHECK(operand(g, g.ops[4], 1).shape.at(0) == 32);
    CHECK(operand(g, g.ops[8], 1).shape.at(0) == 64);
    if (type == DataType::Int8)
      CHECK(operand(g, g.ops[8], 1).quant.scales.size() == 64);
  }
}

TEST_CASE("ad int8 (autoencoder): ten fully connected layers 640-128-128-128-128-8-...-640")
{
  if (!have_mlperf_tiny()) {
    WARN(missing_models_message());
    return;
  }
  const graph::Graph g = read_model("ad01_int8.tflite");
  CHECK(kinds(g) == std::vector<OpKind>(10, OpKind::FullyConnected));
  CHECK(input_of(g).type == DataType::Int8);
  CHECK(input_of(g).shape == std::vector<int>{1, 640});
  CHECK(output_of(g).shape == std::vector<int>{1, 640});
  const std::vector<int> widths{128, 128, 128, 128, 8, 128, 128, 128, 128, 640};
  for (std::size_t i = 0; i < widths.size(); ++i)
    CHECK(operand(g, g.ops[i], 1).shape.at(0) == widths[i]);
}
