// The example networks of workloads/networks/: each reads into the graph the
// hand-written arithmetic in its header comment describes (operators, shapes,
// parameter and MAC counts), deterministically, with well-formed int8
// quantization.
#include "compiler/network/network.hpp"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace compiler;
using graph::OpKind;

namespace {

const std::string kDir = EDGESIM_NETWORKS_DIR;

graph::Graph example(const std::string& file) { return network::read_file(kDir + "/" + file); }

std::vector<OpKind> kinds(const graph::Graph& g)
{
  std::vector<OpKind> out;
  for (const auto& op : g.ops)
    out.push_back(op.kind);
  return out;
}

const std::vector<int>& output_shape(const graph::Graph& g, std::size_t op)
{
  return g.tensors[g.ops.at(op).outputs.at(0)].shape;
}

// Weights and biases: every element of a constant tensor.
std::size_t parameters(const graph::Graph& g)
{
  std::size_t n = 0;
  for (const auto& t : g.tensors)
    if (t.is_constant())
      n += t.elements();
  return n;
}

// The issue's MAC formulas, from the graph's shapes: a convolution's output
// elements times its filter's taps per output (kh*kw*in_c), a depthwise
// one's times kh*kw, a fully connected layer's outputs times its inputs.
std::size_t macs(const graph::Graph& g)
{
  std::size_t n = 0;
  for (const auto& op : g.ops) {
    const auto& out = g.tensors[op.outputs[0]];
    if (op.kind == OpKind::Conv2D) {
      const auto& f = g.tensors[op.inputs[1]].shape;  // OHWI
      n += out.elements() * f[1] * f[2] * f[3];
    } else if (op.kind == OpKind::DepthwiseConv2D) {
      const auto& f = g.tensors[op.inputs[1]].shape;  // [1][kh][kw][c]
      n += out.elements() * f[1] * f[2];
    } else if (op.kind == OpKind::FullyConnected) {
      n += out.elements() * g.tensors[op.inputs[1]].shape[1];
    }
  }
  return n;
}

// Quantization every int8 network must have: activations one scale and a
// zero point in range; weights symmetric per output channel; int32 biases
// scaled input scale x filter scale.
void check_int8_quantization(const graph::Graph& g)
{
  for (const auto& t : g.tensors) {
    INFO(t.name);
    if (t.type == graph::DataType::Int8) {
      REQUIRE_FALSE(t.quant.empty());
      REQUIRE(t.quant.scales.size() == t.quant.zero_points.size());
      for (std::size_t i = 0; i < t.quant.scales.size(); ++i) {
        CHECK(t.quant.scales[i] > 0.0f);
        CHECK(std::isfinite(t.quant.scales[i]));
        CHECK(t.quant.zero_points[i] >= -128);
        CHECK(t.quant.zero_points[i] <= 127);
      }
    }
  }
  for (const auto& op : g.ops) {
    if (op.kind != OpKind::Conv2D && op.kind != OpKind::DepthwiseConv2D && op.kind != OpKind::FullyConnected)
      continue;
    const auto& in = g.tensors[op.inputs[0]];
    const auto& w = g.tensors[op.inputs[1]];
    const auto& b = g.tensors[op.inputs[2]];
    INFO(w.name);
    const int axis = op.kind == OpKind::DepthwiseConv2D ? 3 : 0;
    const auto channels = static_cast<std::size_t>(w.shape[axis]);
    CHECK(w.quant.axis == axis);
    REQUIRE(w.quant.scales.size() == channels);
    for (std::int64_t zp : w.quant.zero_points)
      CHECK(zp == 0);
    // Symmetric int8 weights never use -128, and each channel's largest
    // magnitude is 127 (its scale is that magnitude / 127).
    std::vector<int> largest(channels, 0);
    const std::size_t per_channel = w.elements() / channels;
    for (std::size_t i = 0; i < w.elements(); ++i) {
      const int v = static_cast<std::int8_t>(w.data[i]);
      CHECK(v != -128);
      // Axis 0 (OHWI, [out][in]): channels are blocks; axis 3 (depthwise's
      // last): channels interleave.
      const std::size_t c = axis == 0 ? i / per_channel : i % channels;
      largest[c] = std::max(largest[c], std::abs(v));
    }
    for (int m : largest)
      CHECK(m == 127);
    REQUIRE(b.type == graph::DataType::Int32);
    REQUIRE(b.elements() == channels);
    REQUIRE(b.quant.scales.size() == channels);
    for (std::size_t c = 0; c < channels; ++c) {
      CHECK(b.quant.zero_points[c] == 0);
      CHECK(b.quant.scales[c] == Approx(in.quant.scales[0] * w.quant.scales[c]).epsilon(1e-6));
    }
  }
}

// Whether two graphs hold byte-identical constants under the same names.
bool same_constants(const graph::Graph& a, const graph::Graph& b)
{
  if (a.tensors.size() != b.tensors.size())
    return false;
  for (std::size_t i = 0; i < a.tensors.size(); ++i)
    if (a.tensors[i].name != b.tensors[i].name || a.tensors[i].data != b.tensors[i].data)
      return false;
  return true;
}

}  // namespace

TEST_CASE("ds_cnn_kws: DS-CNN's operators, shapes, parameters and MACs")
{
  const graph::Graph g = example("ds_cnn_kws.yaml");
  CHECK(g.name == "ds_cnn_kws");
  const std::vector<OpKind> expected{
      OpKind::Conv2D,          OpKind::DepthwiseConv2D, OpKind::Conv2D,          OpKind::DepthwiseConv2D,
      OpKind::Conv2D,          OpKind::DepthwiseConv2D, OpKind::Conv2D,          OpKind::DepthwiseConv2D,
      OpKind::Conv2D,          OpKind::AveragePool2D,   OpKind::Reshape,         OpKind::FullyConnected,
      OpKind::Softmax};
  CHECK(kinds(g) == expected);
  REQUIRE(g.inputs.size() == 1);
  CHECK(g.tensors[g.inputs[0]].shape == std::vector<int>{1, 49, 10, 1});
  // conv1: SAME, stride 2: ceil(49/2) = 25, ceil(10/2) = 5.
  CHECK(output_shape(g, 0) == std::vector<int>{1, 25, 5, 64});
  for (std::size_t op = 1; op <= 8; ++op)
    CHECK(output_shape(g, op) == std::vector<int>{1, 25, 5, 64});
  CHECK(output_shape(g, 9) == std::vector<int>{1, 1, 1, 64});
  CHECK(output_shape(g, 10) == std::vector<int>{1, 64});
  CHECK(output_shape(g, 11) == std::vector<int>{1, 12});
  CHECK(output_shape(g, 12) == std::vector<int>{1, 12});
  REQUIRE(g.outputs.size() == 1);
  CHECK(g.outputs[0] == g.ops.back().outputs[0]);

  // conv1's filter OHWI [64][10][4][1]: 64*10*4*1 weights + 64 biases.
  const auto& conv1 = g.ops[0];
  CHECK(g.tensors[conv1.inputs[1]].shape == std::vector<int>{64, 10, 4, 1});
  CHECK(g.tensors[conv1.inputs[2]].shape == std::vector<int>{64});
  const auto& p = std::get<graph::ConvParams>(conv1.params);
  CHECK(p.stride_h == 2);
  CHECK(p.stride_w == 2);
  CHECK(p.padding == graph::Padding::Same);
  CHECK(p.activation == graph::Activation::Relu);
  // dw1's filter [1][3][3][64].
  CHECK(g.tensors[g.ops[1].inputs[1]].shape == std::vector<int>{1, 3, 3, 64});
  // FC weights [12][64].
  CHECK(g.tensors[g.ops[11].inputs[1]].shape == std::vector<int>{12, 64});
  const auto& pool = std::get<graph::PoolParams>(g.ops[9].params);
  CHECK(pool.filter_h == 25);
  CHECK(pool.filter_w == 5);

  // 2,624 + 4*(640 + 4,160) + 780 (header of ds_cnn_kws.yaml).
  CHECK(parameters(g) == 22604);
  // 320,000 + 4*(72,000 + 512,000) + 768.
  CHECK(macs(g) == 2656768);
  check_int8_quantization(g);
}

TEST_CASE("ds_cnn_kws_f32: the float twin has float tensors and the same real weights")
{
  const graph::Graph f = example("ds_cnn_kws_f32.yaml");
  const graph::Graph q = example("ds_cnn_kws.yaml");
  REQUIRE(kinds(f) == kinds(q));
  CHECK(parameters(f) == 22604);
  CHECK(macs(f) == 2656768);
  for (const auto& t : f.tensors) {
    INFO(t.name);
    CHECK(t.type == graph::DataType::Float32);
    CHECK(t.quant.empty());
  }
  // The int8 weights are the float ones rounded per channel: w ~ q * scale
  // within half a step.
  const auto& fw = f.tensors[f.ops[0].inputs[1]];
  const auto& qw = q.tensors[q.ops[0].inputs[1]];
  REQUIRE(fw.elements() == qw.elements());
  const std::size_t per_channel = qw.elements() / 64;
  for (std::size_t i = 0; i < qw.elements(); ++i) {
    float real = 0;
    std::memcpy(&real, fw.data.data() + 4 * i, 4);
    const float scale = qw.quant.scales[i / per_channel];
    CHECK(std::abs(real - static_cast<std::int8_t>(qw.data[i]) * scale) <= 0.5f * scale * 1.0001f);
  }
}

TEST_CASE("mobilenet_v1_blocks: stem and six depthwise-separable blocks")
{
  const graph::Graph g = example("mobilenet_v1_blocks.yaml");
  REQUIRE(g.ops.size() == 17);
  CHECK(g.ops[0].kind == OpKind::Conv2D);
  for (std::size_t block = 0; block < 6; ++block) {
    CHECK(g.ops[1 + 2 * block].kind == OpKind::DepthwiseConv2D);
    CHECK(g.ops[2 + 2 * block].kind == OpKind::Conv2D);
  }
  // Spatial size halves at the stem, dw2, dw4 and dw6: 64 -> 32 -> 16 -> 8 -> 4.
  CHECK(output_shape(g, 0) == std::vector<int>{1, 32, 32, 8});
  CHECK(output_shape(g, 2) == std::vector<int>{1, 32, 32, 16});
  CHECK(output_shape(g, 3) == std::vector<int>{1, 16, 16, 16});
  CHECK(output_shape(g, 4) == std::vector<int>{1, 16, 16, 32});
  CHECK(output_shape(g, 7) == std::vector<int>{1, 8, 8, 32});
  CHECK(output_shape(g, 10) == std::vector<int>{1, 8, 8, 64});
  CHECK(output_shape(g, 11) == std::vector<int>{1, 4, 4, 64});
  CHECK(output_shape(g, 12) == std::vector<int>{1, 4, 4, 128});
  CHECK(output_shape(g, 13) == std::vector<int>{1, 1, 1, 128});
  CHECK(output_shape(g, 16) == std::vector<int>{1, 2});
  CHECK(std::get<graph::DepthwiseParams>(g.ops[3].params).stride_h == 2);
  CHECK(std::get<graph::ConvParams>(g.ops[0].params).activation == graph::Activation::Relu6);
  // Header arithmetic: 224 + 224 + 704 + 1,376 + 2,432 + 4,800 + 8,960 + 258.
  CHECK(parameters(g) == 18978);
  CHECK(macs(g) == 1518848);
  check_int8_quantization(g);
  // ReLU6 bounds an activation to [0, 6]: its scale is at most 6/255.
  const auto& stem_out = g.tensors[g.ops[0].outputs[0]];
  CHECK(stem_out.quant.zero_points[0] == -128);
  CHECK(stem_out.quant.scales[0] <= 6.0f / 255.0f * 1.000001f);
}

TEST_CASE("squeezenet_fire: fire modules concatenate their expands, bypass adds")
{
  const graph::Graph g = example("squeezenet_fire.yaml");
  const std::vector<OpKind> expected{
      OpKind::Conv2D,        OpKind::MaxPool2D,     OpKind::Conv2D, OpKind::Conv2D, OpKind::Conv2D,
      OpKind::Concatenation, OpKind::Conv2D,        OpKind::Conv2D, OpKind::Conv2D, OpKind::Concatenation,
      OpKind::Add,           OpKind::MaxPool2D,     OpKind::Conv2D, OpKind::Conv2D, OpKind::Conv2D,
      OpKind::Concatenation, OpKind::Conv2D,        OpKind::AveragePool2D, OpKind::Reshape, OpKind::Softmax};
  CHECK(kinds(g) == expected);
  CHECK(output_shape(g, 1) == std::vector<int>{1, 16, 16, 24});
  CHECK(output_shape(g, 5) == std::vector<int>{1, 16, 16, 32});   // 16 + 16 channels
  CHECK(output_shape(g, 10) == std::vector<int>{1, 16, 16, 32});
  CHECK(output_shape(g, 15) == std::vector<int>{1, 8, 8, 64});    // 32 + 32
  CHECK(output_shape(g, 17) == std::vector<int>{1, 1, 1, 10});
  // Both expands read the squeeze: the 3x3 one names it.
  CHECK(g.ops[3].inputs[0] == g.ops[2].outputs[0]);
  CHECK(g.ops[4].inputs[0] == g.ops[2].outputs[0]);
  CHECK(g.ops[5].inputs == std::vector<int>{g.ops[3].outputs[0], g.ops[4].outputs[0]});
  // The bypass adds fire2 and fire3.
  CHECK(g.ops[10].inputs == std::vector<int>{g.ops[5].outputs[0], g.ops[9].outputs[0]});
  // The graph's concatenation axis counts from the front: -1 of NHWC is 3.
  CHECK(std::get<graph::ConcatParams>(g.ops[5].params).axis == 3);
  CHECK(parameters(g) == 10122);
  CHECK(macs(g) == 1835008);
  check_int8_quantization(g);
  // TFLite's int8 concatenation copies bytes: each input is quantized as
  // the output.
  for (std::size_t op : {5, 9, 15}) {
    const auto& out = g.tensors[g.ops[op].outputs[0]];
    for (int in : g.ops[op].inputs) {
      CHECK(g.tensors[in].quant.scales == out.quant.scales);
      CHECK(g.tensors[in].quant.zero_points == out.quant.zero_points);
    }
  }
  // Max pooling keeps its input's quantization.
  CHECK(g.tensors[g.ops[1].outputs[0]].quant.scales == g.tensors[g.ops[0].outputs[0]].quant.scales);
  CHECK(g.tensors[g.ops[1].outputs[0]].quant.zero_points == g.tensors[g.ops[0].outputs[0]].quant.zero_points);
}

TEST_CASE("resnet8: three stages, projection shortcuts where the shape changes")
{
  const graph::Graph g = example("resnet8.yaml");
  const std::vector<OpKind> expected{
      OpKind::Conv2D, OpKind::Conv2D, OpKind::Conv2D, OpKind::Add,
      OpKind::Conv2D, OpKind::Conv2D, OpKind::Conv2D, OpKind::Add,
      OpKind::Conv2D, OpKind::Conv2D, OpKind::Conv2D, OpKind::Add,
      OpKind::AveragePool2D, OpKind::Reshape, OpKind::FullyConnected, OpKind::Softmax};
  CHECK(kinds(g) == expected);
  CHECK(output_shape(g, 3) == std::vector<int>{1, 32, 32, 16});
  CHECK(output_shape(g, 6) == std::vector<int>{1, 16, 16, 32});  // 1x1 stride-2 projection
  CHECK(output_shape(g, 7) == std::vector<int>{1, 16, 16, 32});
  CHECK(output_shape(g, 11) == std::vector<int>{1, 8, 8, 64});
  CHECK(output_shape(g, 15) == std::vector<int>{1, 10});
  // Stage 1's add: the stem and stage1_b; stage 2's projection reads stage 1.
  CHECK(g.ops[3].inputs == std::vector<int>{g.ops[0].outputs[0], g.ops[2].outputs[0]});
  CHECK(g.ops[6].inputs[0] == g.ops[3].outputs[0]);
  CHECK(std::get<graph::AddParams>(g.ops[3].params).activation == graph::Activation::Relu);
  CHECK(parameters(g) == 77706);
  CHECK(macs(g) == 12501632);
  check_int8_quantization(g);
}

TEST_CASE("early_exit_kws: DS-CNN with three side exits, in the order they run")
{
  const graph::Graph g = example("early_exit_kws.yaml");
  // Four blocks of 7 operators' worth: the backbone's conv1, dw1, pw1, then
  // each side exit's pool, reshape, fully connected, softmax (header counts).
  REQUIRE(g.ops.size() == 25);
  REQUIRE(g.exits.size() == 3);
  const graph::ExitRule rules[] = {graph::ExitRule::MaxSoftmax, graph::ExitRule::Margin, graph::ExitRule::Entropy};
  const double thresholds[] = {0.82, 0.5, 1.55};
  for (std::size_t k = 0; k < 3; ++k) {
    INFO("exit " << k + 1);
    const graph::Exit& exit = g.exits[k];
    CHECK(exit.rule == rules[k]);
    CHECK(exit.threshold == thresholds[k]);
    // conv1 dw1 pw1 + 4 branch operators = 7; each later block adds dw, pw + 4.
    CHECK(exit.last_op == 6 + 6 * static_cast<int>(k));
    CHECK(g.ops[exit.last_op].kind == OpKind::Softmax);
    CHECK(g.ops[exit.last_op].outputs[0] == exit.tensor);
    CHECK(g.tensors[exit.tensor].name == "exit" + std::to_string(k + 1));
    CHECK(g.tensors[exit.tensor].shape == std::vector<int>{1, 12});
  }
  REQUIRE(g.outputs.size() == 1);
  CHECK(g.tensors[g.outputs[0]].name == "probabilities");
  // 2,624 + 4*(640 + 4,160) + 4*780 (header of early_exit_kws.yaml).
  CHECK(parameters(g) == 24944);
  // 320,000 + 4*(72,000 + 512,000) + 4*768.
  CHECK(macs(g) == 2659072);
  check_int8_quantization(g);
}

TEST_CASE("every example fits an stm32f407 (1 MiB flash, 128 KiB SRAM)")
{
  for (const char* file : {"ds_cnn_kws.yaml", "ds_cnn_kws_f32.yaml", "mobilenet_v1_blocks.yaml",
                           "squeezenet_fire.yaml", "resnet8.yaml", "early_exit_kws.yaml"}) {
    INFO(file);
    const graph::Graph g = example(file);
    std::size_t constant_bytes = 0;
    for (const auto& t : g.tensors)
      if (t.is_constant())
        constant_bytes += t.bytes();
    CHECK(constant_bytes < 512 * 1024);  // half the flash, the rest for code
    // Every operator's inputs and output are live at once: a lower bound of
    // any arena, which must leave room for the stack.
    for (const auto& op : g.ops) {
      std::size_t live = g.tensors[op.outputs[0]].bytes();
      for (int in : op.inputs)
        if (in != graph::kNoTensor && !g.tensors[in].is_constant())
          live += g.tensors[in].bytes();
      CHECK(live <= 96 * 1024);
    }
  }
}

TEST_CASE("the same file gives the same weights, another seed other weights")
{
  const graph::Graph a = example("resnet8.yaml");
  const graph::Graph b = example("resnet8.yaml");
  CHECK(same_constants(a, b));
  // The same layer with another seed: its weights and biases change.
  const graph::Graph c = network::read_string(R"(
network: tiny
type: int8
seed: 4
input: {shape: [1, 4, 4, 2], scale: 0.1, zero_point: 0}
layers:
  - {name: conv, op: conv2d, filters: 3, kernel: 3, padding: same}
)", "seed4");
  const graph::Graph d = network::read_string(R"(
network: tiny
type: int8
seed: 5
input: {shape: [1, 4, 4, 2], scale: 0.1, zero_point: 0}
layers:
  - {name: conv, op: conv2d, filters: 3, kernel: 3, padding: same}
)", "seed5");
  REQUIRE(c.tensors.size() == d.tensors.size());
  CHECK(c.tensors[1].name == "conv/weights");
  CHECK(c.tensors[1].data != d.tensors[1].data);
  CHECK(c.tensors[2].data != d.tensors[2].data);
}
