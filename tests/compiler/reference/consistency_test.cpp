// The int8 reference against the float32 reference on the same network: an
// int8 graph and its float twin (weights and biases the int8 ones
// dequantized, the input the int8 input dequantized) must agree, layer by
// layer, to within a few output quantization steps. This ties the integer
// kernels to the float definitions independently of any hand-worked case.
#include "compiler/reference/interpreter.hpp"

#include "graph_builder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <array>
#include <random>

using namespace compiler;
using namespace compiler::reference;
using graph::DataType;
using graph::OpKind;
using test_support::GraphBuilder;

namespace {

struct Affine {
  float scale = 0.0f;
  std::int64_t zero_point = 0;
};

// Asymmetric int8 quantization covering [min, max] (and 0).
Affine calibrate(const std::vector<float>& values)
{
  const float lo = std::min(0.0f, *std::min_element(values.begin(), values.end()));
  const float hi = std::max(0.0f, *std::max_element(values.begin(), values.end()));
  Affine a;
  a.scale = std::max(hi - lo, 1e-6f) / 255.0f;
  a.zero_point = std::clamp<std::int64_t>(std::llround(-128.0 - lo / a.scale), -128, 127);
  return a;
}

// Weights of one layer: int8 per output channel (symmetric), the float
// values they stand for, and a float bias.
struct Layer {
  std::vector<int> filter_shape;
  int channel_axis = 0; // 0 for OHWI and FC, 3 for depthwise
  std::vector<float> real_filter;
  std::vector<float> real_bias;
  std::vector<std::int8_t> q_filter;
  std::vector<float> scales;
};

Layer random_layer(std::mt19937& rng, std::vector<int> shape, int channel_axis)
{
  Layer l;
  l.filter_shape = std::move(shape);
  l.channel_axis = channel_axis;
  std::size_t size = 1;
  for (int d : l.filter_shape)
    size *= static_cast<std::size_t>(d);
  const int channels = l.filter_shape[static_cast<std::size_t>(channel_axis)];
  std::size_t inner = 1;
  for (std::size_t d = static_cast<std::size_t>(channel_axis) + 1; d < l.filter_shape.size(); ++d)
    inner *= static_cast<std::size_t>(l.filter_shape[d]);
  std::normal_distribution<float> weight(0.0f, 0.4f);
  std::vector<float> w(size);
  for (float& v : w)
    v = weight(rng);
  l.scales.assign(static_cast<std::size_t>(channels), 1e-6f);
  for (std::size_t i = 0; i < size; ++i) {
    float& s = l.scales[(i / inner) % static_cast<std::size_t>(channels)];
    s = std::max(s, std::abs(w[i]) / 127.0f);
  }
  for (std::size_t i = 0; i < size; ++i) {
    const float s = l.scales[(i / inner) % static_cast<std::size_t>(channels)];
    l.q_filter.push_back(static_cast<std::int8_t>(std::clamp<long>(std::lround(w[i] / s), -127, 127)));
    l.real_filter.push_back(static_cast<float>(l.q_filter.back()) * s);
  }
  std::uniform_real_distribution<float> bias(-0.5f, 0.5f);
  for (int c = 0; c < channels; ++c)
    l.real_bias.push_back(bias(rng));
  return l;
}

// int32 bias on the input scale times the channel's filter scale; the float
// twin uses exactly what that stands for.
std::vector<std::int32_t> quantize_bias(Layer& l, float input_scale)
{
  std::vector<std::int32_t> q;
  for (std::size_t c = 0; c < l.real_bias.size(); ++c) {
    const double unit = static_cast<double>(input_scale) * static_cast<double>(l.scales[c]);
    q.push_back(static_cast<std::int32_t>(std::llround(l.real_bias[c] / unit)));
    l.real_bias[c] = static_cast<float>(q.back() * unit);
  }
  return q;
}

// input 1x8x8x3 -> CONV_2D 3x3 SAME 4 (RELU6) -> DEPTHWISE 3x3 stride 2 SAME
// (RELU) -> AVERAGE_POOL_2D 2x2 -> ADD (itself) -> RESHAPE [1, 16] ->
// FULLY_CONNECTED 5 -> SOFTMAX. `quant` holds each activation's
// quantization (empty: build the float graph).
struct Network {
  graph::Graph g;
  std::vector<int> activations; // tensor index of input, conv, dw, pool, add, flat, fc, softmax
};

Network build(const std::vector<Affine>& quant, std::vector<Layer> layers)
{
  const bool int8 = !quant.empty();
  const DataType type = int8 ? DataType::Int8 : DataType::Float32;
  const std::vector<std::vector<int>> shapes{{1, 8, 8, 3}, {1, 8, 8, 4}, {1, 4, 4, 4}, {1, 2, 2, 4},
                                             {1, 2, 2, 4}, {1, 16},      {1, 5},       {1, 5}};
  const char* names[] = {"input", "conv", "dw", "pool", "add", "flat", "fc", "softmax"};
  GraphBuilder b;
  Network n;
  for (std::size_t i = 0; i < shapes.size(); ++i)
    n.activations.push_back(int8 ? b.activation(names[i], type, shapes[i], quant[i].scale, quant[i].zero_point)
                                 : b.activation(names[i], type, shapes[i]));
  if (int8) { // the int8 pool's input and output share one quantization
    b.g.tensors[static_cast<std::size_t>(n.activations[3])].quant =
        b.g.tensors[static_cast<std::size_t>(n.activations[2])].quant;
    b.g.tensors[static_cast<std::size_t>(n.activations[5])].quant =
        b.g.tensors[static_cast<std::size_t>(n.activations[4])].quant;
  }
  const int mac_inputs[] = {0, 1, 5}; // activation feeding conv, depthwise, fc
  std::vector<int> filters, biases;
  for (std::size_t l = 0; l < layers.size(); ++l) {
    Layer& layer = layers[l];
    if (int8) {
      const float in_scale = quant[static_cast<std::size_t>(mac_inputs[l])].scale;
      filters.push_back(b.constant("w", DataType::Int8, layer.filter_shape, layer.q_filter, layer.scales,
                                   layer.channel_axis));
      biases.push_back(b.constant("b", DataType::Int32, {static_cast<int>(layer.real_bias.size())},
                                  quantize_bias(layer, in_scale)));
    } else {
      filters.push_back(b.constant("w", DataType::Float32, layer.filter_shape, layer.real_filter));
      biases.push_back(b.constant("b", DataType::Float32, {static_cast<int>(layer.real_bias.size())},
                                  layer.real_bias));
    }
  }
  const auto& a = n.activations;
  graph::ConvParams conv;
  conv.padding = graph::Padding::Same;
  conv.activation = graph::Activation::Relu6;
  b.op(OpKind::Conv2D, {a[0], filters[0], biases[0]}, a[1], conv);
  graph::DepthwiseParams dw;
  dw.padding = graph::Padding::Same;
  dw.stride_h = dw.stride_w = 2;
  dw.activation = graph::Activation::Relu;
  b.op(OpKind::DepthwiseConv2D, {a[1], filters[1], biases[1]}, a[2], dw);
  graph::PoolParams pool;
  pool.filter_h = pool.filter_w = pool.stride_h = pool.stride_w = 2;
  b.op(OpKind::AveragePool2D, {a[2]}, a[3], pool);
  b.op(OpKind::Add, {a[3], a[3]}, a[4], graph::AddParams{});
  b.op(OpKind::Reshape, {a[4]}, a[5]);
  b.op(OpKind::FullyConnected, {a[5], filters[2], biases[2]}, a[6], graph::FullyConnectedParams{});
  b.op(OpKind::Softmax, {a[6]}, a[7], graph::SoftmaxParams{1.0f});
  b.g.inputs = {a[0]};
  b.g.outputs = {a[7]};
  n.g = std::move(b.g);
  return n;
}

} // namespace

TEST_CASE("int8 and float32 references agree within a few output steps, layer by layer")
{
  std::mt19937 rng(11);
  const std::vector<Layer> layers{random_layer(rng, {4, 3, 3, 3}, 0), random_layer(rng, {1, 3, 3, 4}, 3),
                                  random_layer(rng, {5, 16}, 0)};
  std::uniform_real_distribution<float> pixel(-1.0f, 1.0f);

  for (int trial = 0; trial < 5; ++trial) {
    std::vector<float> x(8 * 8 * 3);
    for (float& v : x)
      v = pixel(rng);

    // Calibrate every activation's quantization on a float run (the bias
    // quantization depends on it, so the float twin is rebuilt after).
    Network calibration = build({}, layers);
    Interpreter calibrated(calibration.g);
    calibrated.run({to_bytes(x)});
    std::vector<Affine> quant;
    for (int index : calibration.activations)
      quant.push_back(calibrate(calibrated.tensor_as<float>(index)));
    quant[7] = {1.0f / 256.0f, -128}; // TFLite's int8 softmax output

    // The int8 input, and exactly the values it stands for.
    std::vector<std::int8_t> q_input;
    std::vector<float> real_input;
    for (float v : x) {
      q_input.push_back(static_cast<std::int8_t>(
          std::clamp<long>(std::lround(v / quant[0].scale) + quant[0].zero_point, -128, 127)));
      real_input.push_back(static_cast<float>(q_input.back() - quant[0].zero_point) * quant[0].scale);
    }

    Network int8_net = build(quant, layers);
    std::vector<Layer> twin_layers = layers;
    for (std::size_t l = 0; l < twin_layers.size(); ++l) // the float twin's biases: the int8 ones, dequantized
      quantize_bias(twin_layers[l], quant[static_cast<std::size_t>(std::array{0, 1, 5}[l])].scale);
    Network float_net = build({}, twin_layers);
    Interpreter int8_run(int8_net.g);
    Interpreter float_run(float_net.g);
    int8_run.run({to_bytes(q_input)});
    float_run.run({to_bytes(real_input)});

    for (std::size_t i = 1; i < int8_net.activations.size(); ++i) {
      const graph::Tensor& t = int8_net.g.tensors[static_cast<std::size_t>(int8_net.activations[i])];
      const float scale = t.quant.scales[0];
      const std::int64_t zero_point = t.quant.zero_points[0];
      const std::vector<std::int8_t> q = int8_run.tensor_as<std::int8_t>(int8_net.activations[i]);
      const std::vector<float> f = float_run.tensor_as<float>(float_net.activations[i]);
      // The first layer sees identical inputs, weights and biases: only its
      // output rounding (at most one step with TFLite's double rounding)
      // differs. Later layers also inherit their inputs' rounding.
      const double allowed_steps = i == 1 ? 1.0 : 4.0;
      double worst = 0.0;
      for (std::size_t k = 0; k < q.size(); ++k)
        worst = std::max(worst, std::abs((q[k] - zero_point) * static_cast<double>(scale) - f[k]) / scale);
      INFO("trial " << trial << ", layer " << t.name << ": worst difference " << worst << " steps");
      CHECK(worst <= allowed_steps);
    }
  }
}
