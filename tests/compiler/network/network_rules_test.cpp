// The documented rules behind a network's contents (workloads/networks/
// README.md): the SplitMix64 generator and FNV-1a stream names, He-uniform
// weights, per-channel int8 rounding, bias scales, the activation estimates
// and the quantization they choose, and how each key lands in the graph.
#include "compiler/network/estimate.hpp"
#include "compiler/network/network.hpp"
#include "compiler/network/splitmix.hpp"
#include "compiler/network/weights.hpp"

#include <cmath>
#include <cstring>

#include <catch2/catch.hpp>

using namespace compiler;
using namespace compiler::network;
using graph::Activation;
using graph::OpKind;

namespace {

float float_at(const graph::Tensor& t, std::size_t i)
{
  float v = 0;
  std::memcpy(&v, t.data.data() + 4 * i, 4);
  return v;
}

std::int32_t int32_at(const graph::Tensor& t, std::size_t i)
{
  std::int32_t v = 0;
  std::memcpy(&v, t.data.data() + 4 * i, 4);
  return v;
}

}  // namespace

TEST_CASE("SplitMix64 gives the published sequence")
{
  // Rosetta Code, "Pseudo-random numbers/Splitmix64": seed 1234567.
  SplitMix64 rng(1234567);
  CHECK(rng.next() == 0x599ED017FB08FC85u);
  CHECK(rng.next() == 0x2C73F08458540FA5u);
  CHECK(rng.next() == 0x883EBCE5A3F27C77u);
  CHECK(rng.next() == 0x3FBEF740E9177B3Fu);
  CHECK(rng.next() == 0xE3B8346708CB5ECDu);
}

TEST_CASE("FNV-1a 64 gives the published hashes")
{
  // The FNV test vectors (Fowler/Noll/Vo): "", "a", "foobar".
  CHECK(fnv1a64("") == 0xcbf29ce484222325u);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cu);
  CHECK(fnv1a64("foobar") == 0x85944171f73967e8u);
}

TEST_CASE("symmetric draws stay within -1 to 1 and average near 0")
{
  SplitMix64 rng(42);
  double sum = 0;
  double sum_squares = 0;
  constexpr int kDraws = 100000;
  for (int i = 0; i < kDraws; ++i) {
    const double v = rng.next_symmetric();
    REQUIRE(v >= -1.0);
    REQUIRE(v < 1.0);
    sum += v;
    sum_squares += v * v;
  }
  // U[-1, 1): mean 0, mean square 1/3; 5 sigma of 100,000 draws is ~0.01.
  CHECK(std::abs(sum / kDraws) < 0.01);
  CHECK(sum_squares / kDraws == Approx(1.0 / 3.0).epsilon(0.01));
}

TEST_CASE("per-channel symmetric quantization, by hand")
{
  // OHWI [2][1][1][2], axis 0: channel 0 = {0.25, -1.0}, channel 1 = {0.2, -0.05}.
  const PerChannelInt8 a = quantize_per_channel({0.25, -1.0, 0.2, -0.05}, {2, 1, 1, 2}, 0);
  REQUIRE(a.scales.size() == 2);
  CHECK(a.scales[0] == Approx(1.0 / 127));
  CHECK(a.scales[1] == Approx(0.2 / 127));
  // 0.25*127 = 31.75 -> 32; -1*127 = -127; 0.2 -> 127; -0.05*127/0.2 = -31.75 -> -32.
  CHECK(a.values == std::vector<std::int8_t>{32, -127, 127, -32});

  // Depthwise [1][1][2][2], axis 3: channels interleave: channel 0 = {1.0, -0.25},
  // channel 1 = {0.5, 0.1}.
  const PerChannelInt8 b = quantize_per_channel({1.0, 0.5, -0.25, 0.1}, {1, 1, 2, 2}, 3);
  CHECK(b.scales[0] == Approx(1.0 / 127));
  CHECK(b.scales[1] == Approx(0.5 / 127));
  // -0.25*127 = -31.75 -> -32; 0.1*127/0.5 = 25.4 -> 25.
  CHECK(b.values == std::vector<std::int8_t>{127, 127, -32, 25});
}

TEST_CASE("int32 biases: scale input x filter, rounded to nearest")
{
  const Int32Bias b = quantize_bias({1.0, -0.3}, 0.5f, {0.01f, 0.02f});
  CHECK(b.scales[0] == Approx(0.005));
  CHECK(b.scales[1] == Approx(0.01));
  CHECK(b.values == std::vector<std::int32_t>{200, -30});  // 1/0.005, -0.3/0.01
}

TEST_CASE("quantization covers the estimate's mean +- 4 sigma and 0, by hand")
{
  // U[0, 1]: mean 1/2, variance 1/12, non-negative: [0, 0.5 + 4*0.288675]
  // = [0, 1.654701] over 255 steps, zero point -128.
  const Estimate unit = estimate_uniform(0.0, 1.0);
  CHECK(unit.mean_of(0) == Approx(0.5));
  CHECK(unit.variance_of(0) == Approx(1.0 / 12));
  CHECK(unit.non_negative);
  graph::Quantization q = quantization_for(unit, Activation::None);
  CHECK(q.scales[0] == Approx(1.654701 / 255).epsilon(1e-6));
  CHECK(q.zero_points[0] == -128);

  // U[-1, 3]: mean 1, variance 16/12, sd 1.154701: [1 - 4.618802, 1 +
  // 4.618802] = [-3.618802, 5.618802], scale 9.237604/255 = 0.0362259, zero
  // point round(-128 + 3.618802/0.0362259) = round(-28.10) = -28.
  const Estimate signed_range = estimate_uniform(-1.0, 3.0);
  CHECK_FALSE(signed_range.non_negative);
  q = quantization_for(signed_range, Activation::None);
  CHECK(q.scales[0] == Approx(0.0362259).epsilon(1e-5));
  CHECK(q.zero_points[0] == -28);
  // ReLU drops the negative part: [0, 5.618802].
  q = quantization_for(signed_range, Activation::Relu);
  CHECK(q.scales[0] == Approx(5.618802 / 255).epsilon(1e-6));
  CHECK(q.zero_points[0] == -128);
  // ReLU6 caps at 6: mean 10 would reach 10 + 4*1.15.
  q = quantization_for(estimate_uniform(8.0, 12.0), Activation::Relu6);
  CHECK(q.scales[0] == Approx(6.0 / 255));
  // The widest channel decides: channel 1 reaches 2 + 4*3 = 14.
  q = quantization_for(Estimate{{0.0, 2.0}, {1.0, 9.0}, true}, Activation::None);
  CHECK(q.scales[0] == Approx(14.0 / 255));
}

TEST_CASE("estimates through layers, by hand")
{
  const Estimate in{{1.0, 2.0}, {1.0, 4.0}, false};  // two channels
  // Dense: output o reads block o; block element j reads channel j % 2.
  // o0: w = [1, -1, 2, 0.5], bias 0.5: mean 1 - 2 + 2 + 1 + 0.5 = 2.5,
  //     variance 1*1 + 1*4 + 4*1 + 0.25*4 = 10.
  // o1: w = [0, 0, 0, 1], bias -1: mean 2 - 1 = 1, variance 4.
  const Estimate dense = through_dense(in, {1, -1, 2, 0.5, 0, 0, 0, 1}, 2, {0.5, -1});
  CHECK(dense.mean == std::vector<double>{2.5, 1.0});
  CHECK(dense.variance == std::vector<double>{10.0, 4.0});
  // Depthwise, multiplier 2, 2 taps, layout [tap][4 outputs]: tap 0 =
  // [1, 2, 3, 4], tap 1 = [1, 1, 1, 1]; outputs 0, 1 read channel 0, outputs
  // 2, 3 channel 1. o2: mean (3+1)*2 = 8, variance (9+1)*4 = 40.
  const Estimate depthwise = through_depthwise(in, {1, 2, 3, 4, 1, 1, 1, 1}, 4, 2, {});
  CHECK(depthwise.mean == std::vector<double>{2.0, 3.0, 8.0, 10.0});
  CHECK(depthwise.variance == std::vector<double>{2.0, 5.0, 40.0, 68.0});

  // ReLU of N(0, 1): mean phi(0) = 0.398942, mean square 1/2, variance
  // 0.5 - 0.398942^2 = 0.340845.
  Estimate relu = through_activation(Estimate{{0.0}, {1.0}, false}, Activation::Relu);
  CHECK(relu.mean[0] == Approx(0.398942).epsilon(1e-5));
  CHECK(relu.variance[0] == Approx(0.340845).epsilon(1e-5));
  CHECK(relu.non_negative);
  // ReLU of N(1, 4): z = 0.5, Phi = 0.691462, phi = 0.352065: mean
  // 0.691462 + 2*0.352065 = 1.395593; mean square 5*0.691462 + 2*0.352065
  // = 4.161443; variance 4.161443 - 1.395593^2 = 2.213763.
  relu = through_activation(Estimate{{1.0}, {4.0}, false}, Activation::Relu);
  CHECK(relu.mean[0] == Approx(1.395593).epsilon(1e-5));
  CHECK(relu.variance[0] == Approx(2.213763).epsilon(1e-5));
  CHECK(through_activation(in, Activation::None).mean == in.mean);

  // Add: means and variances add.
  const Estimate sum = through_add(in, Estimate{{1.0, 1.0}, {2.0, 2.0}, false});
  CHECK(sum.mean == std::vector<double>{2.0, 3.0});
  CHECK(sum.variance == std::vector<double>{3.0, 6.0});
  // All channels as one: means 1 and 3, variances 1: mean 2, mean square
  // (2 + 10)/2 = 6, variance 2.
  const Estimate one = collapse(Estimate{{1.0, 3.0}, {1.0, 1.0}, false});
  CHECK(one.mean == std::vector<double>{2.0});
  CHECK(one.variance[0] == Approx(2.0));
  // Average of 4: variance / 4. Maximum of 4: mean + sqrt(2 ln 4) sd =
  // 1 + 1.665109 * 1.
  CHECK(through_average(in, 4).variance == std::vector<double>{0.25, 1.0});
  CHECK(through_maximum(in, 4).mean[0] == Approx(1.0 + 1.665109).epsilon(1e-6));
  // Concatenation along channels appends them; along another axis mixes.
  const Estimate joined = through_concatenation({in, one}, {2, 1}, true);
  CHECK(joined.mean == std::vector<double>{1.0, 2.0, 2.0});
  const Estimate mixed = through_concatenation({in, Estimate{{3.0, 2.0}, {1.0, 4.0}, false}}, {2, 2}, false);
  CHECK(mixed.mean == std::vector<double>{2.0, 2.0});
  CHECK(mixed.variance[0] == Approx(2.0));  // (2 + 10)/2 - 4
  CHECK(mixed.variance[1] == Approx(4.0));
  CHECK_FALSE(mixed.non_negative);
}

TEST_CASE("an int8 layer's output quantization follows its drawn weight")
{
  // One input, one weight, no bias. The input covers [0.01*(-128+128),
  // 0.01*(127+128)] = [0, 2.55]: mean 1.275, variance 2.55^2/12 = 0.541875.
  // The output w*x: mean 1.275 w, sd 0.736122 |w|; its range holds
  // mean +- 4 sd and 0.
  const graph::Graph g = read_string(R"(network: one
type: int8
seed: 11
input: {shape: [1, 1], scale: 0.01, zero_point: -128}
layers:
  - {name: fc, op: fully_connected, units: 1, bias: false}
)", "one.yaml");
  // The drawn weight: sqrt(6 / 1) * (2 * unit - 1), unit from "fc/weights".
  SplitMix64 stream(11 ^ fnv1a64("fc/weights"));
  const double w = std::sqrt(6.0) * (2.0 * static_cast<double>(stream.next() >> 11) / 9007199254740992.0 - 1.0);
  const double low = std::min(0.0, 1.275 * w - 4 * 0.736122 * std::abs(w));
  const double high = std::max(0.0, 1.275 * w + 4 * 0.736122 * std::abs(w));
  const auto& out = g.tensors[g.ops[0].outputs[0]];
  CHECK(out.quant.scales[0] == Approx((high - low) / 255).epsilon(1e-5));
  CHECK(out.quant.zero_points[0] == std::lround(-128 - low / ((high - low) / 255)));
  CHECK(g.ops[0].inputs[2] == graph::kNoTensor);
}

TEST_CASE("float weights follow the documented recipe")
{
  const graph::Graph g = read_string(R"(network: tiny
type: float32
seed: 9
input: {shape: [1, 3], range: [-1, 1]}
layers:
  - {name: fc, op: fully_connected, units: 2}
)", "tiny.yaml");
  REQUIRE(g.ops.size() == 1);
  const auto& w = g.tensors[g.ops[0].inputs[1]];
  const auto& b = g.tensors[g.ops[0].inputs[2]];
  CHECK(w.name == "fc/weights");
  CHECK(w.shape == std::vector<int>{2, 3});
  // Stream "fc/weights": SplitMix64(seed ^ FNV-1a("fc/weights")); value =
  // sqrt(6 / fan_in) * (2 * (next >> 11) / 2^53 - 1), fan_in 3.
  SplitMix64 weights(9 ^ fnv1a64("fc/weights"));
  for (std::size_t i = 0; i < 6; ++i) {
    const double unit = static_cast<double>(weights.next() >> 11) / 9007199254740992.0;
    CHECK(float_at(w, i) == static_cast<float>(std::sqrt(2.0) * (2.0 * unit - 1.0)));
  }
  // Biases within a tenth of the weighted sum's expected RMS: the input
  // U[-1, 1] has rms sqrt(1/3); He weights make it sqrt(2/3).
  SplitMix64 biases(9 ^ fnv1a64("fc/bias"));
  for (std::size_t i = 0; i < 2; ++i) {
    const double unit = static_cast<double>(biases.next() >> 11) / 9007199254740992.0;
    CHECK(float_at(b, i) == static_cast<float>(0.1 * std::sqrt(2.0 / 3.0) * (2.0 * unit - 1.0)));
  }
}

TEST_CASE("each key lands in the graph")
{
  const graph::Graph g = read_string(R"(network: parts
type: int8
seed: 1
input: {name: x, shape: [1, 6, 6, 2], scale: 0.25, zero_point: 10}
layers:
  - {name: dw, op: depthwise_conv2d, kernel: 3, depth_multiplier: 2, dilation: 2, padding: same, bias: false}
  - {name: conv, op: conv2d, filters: 3, kernel: [3, 1], stride: [2, 1], output: {scale: 0.125, zero_point: 5}}
  - {name: joined, op: concatenation, inputs: [conv, conv], axis: -2}
  - {op: reshape, shape: [-1, 36]}
  - {name: fc, op: fully_connected, units: 5, activation: relu}
  - {name: real, op: dequantize}
  - {name: again, op: quantize, output: {scale: 0.5, zero_point: -1}}
  - {name: prob, op: softmax, beta: 0.5}
outputs: [prob, fc]
)", "parts.yaml");
  REQUIRE(g.ops.size() == 8);
  const auto tensor_of = [&](std::size_t op) -> const graph::Tensor& { return g.tensors[g.ops[op].outputs[0]]; };

  // The input: its quantization as written.
  const auto& x = g.tensors[g.inputs.at(0)];
  CHECK(x.name == "x");
  CHECK(x.quant.scales == std::vector<float>{0.25f});
  CHECK(x.quant.zero_points == std::vector<std::int64_t>{10});

  // dw: 2 channels x multiplier 2 = 4, filter [1][3][3][4], no bias.
  const auto& dw = g.ops[0];
  CHECK(dw.kind == OpKind::DepthwiseConv2D);
  CHECK(g.tensors[dw.inputs[1]].shape == std::vector<int>{1, 3, 3, 4});
  CHECK(dw.inputs[2] == graph::kNoTensor);
  const auto& dwp = std::get<graph::DepthwiseParams>(dw.params);
  CHECK(dwp.depth_multiplier == 2);
  CHECK(dwp.dilation_h == 2);
  CHECK(dwp.dilation_w == 2);
  CHECK(tensor_of(0).shape == std::vector<int>{1, 6, 6, 4});
  // Its quantization by the rule: one scale, a zero point that 0 hits.
  REQUIRE(tensor_of(0).quant.scales.size() == 1);
  CHECK(tensor_of(0).quant.zero_points[0] >= -128);
  CHECK(tensor_of(0).quant.zero_points[0] <= 127);

  // conv: VALID, kernel 3x1, stride 2x1 on 6x6: (6-3)/2+1 = 2 rows, 6 columns.
  CHECK(tensor_of(1).shape == std::vector<int>{1, 2, 6, 3});
  CHECK(g.tensors[g.ops[1].inputs[1]].shape == std::vector<int>{3, 3, 1, 4});
  CHECK(tensor_of(1).quant.scales == std::vector<float>{0.125f});
  CHECK(tensor_of(1).quant.zero_points == std::vector<std::int64_t>{5});
  const auto& conv_p = std::get<graph::ConvParams>(g.ops[1].params);
  CHECK(conv_p.stride_h == 2);
  CHECK(conv_p.stride_w == 1);
  CHECK(conv_p.padding == graph::Padding::Valid);
  // Its bias scale: dw's output scale x each filter channel's scale.
  const auto& bias = g.tensors[g.ops[1].inputs[2]];
  const auto& filter = g.tensors[g.ops[1].inputs[1]];
  for (std::size_t c = 0; c < 3; ++c)
    CHECK(bias.quant.scales[c] == tensor_of(0).quant.scales[0] * filter.quant.scales[c]);

  // Concatenation on axis -2 of a 4-D tensor is axis 2: widths 6 + 6.
  CHECK(std::get<graph::ConcatParams>(g.ops[2].params).axis == 2);
  CHECK(tensor_of(2).shape == std::vector<int>{1, 2, 12, 3});
  CHECK(g.ops[2].inputs == std::vector<int>{g.ops[1].outputs[0], g.ops[1].outputs[0]});

  // reshape [-1, 36] of 1*2*12*3 = 72 elements: [2, 36], named by its index,
  // its input's quantization kept.
  CHECK(tensor_of(3).name == "reshape_3");
  CHECK(tensor_of(3).shape == std::vector<int>{2, 36});
  CHECK(tensor_of(3).quant.scales == tensor_of(2).quant.scales);
  CHECK(g.ops[3].inputs.size() == 1);

  // fully_connected: batch 2, 36 features, weights [5][36]; ReLU: zero point -128.
  CHECK(tensor_of(4).shape == std::vector<int>{2, 5});
  CHECK(g.tensors[g.ops[4].inputs[1]].shape == std::vector<int>{5, 36});
  CHECK(tensor_of(4).quant.zero_points[0] == -128);

  // dequantize to float32, quantize back with the given quantization.
  CHECK(tensor_of(5).type == graph::DataType::Float32);
  CHECK(tensor_of(5).quant.empty());
  CHECK(tensor_of(6).type == graph::DataType::Int8);
  CHECK(tensor_of(6).quant.scales == std::vector<float>{0.5f});
  CHECK(tensor_of(6).quant.zero_points == std::vector<std::int64_t>{-1});

  // softmax: beta as given, TFLite's int8 output 1/256, -128.
  CHECK(std::get<graph::SoftmaxParams>(g.ops[7].params).beta == 0.5f);
  CHECK(tensor_of(7).quant.scales == std::vector<float>{1.0f / 256});
  CHECK(tensor_of(7).quant.zero_points == std::vector<std::int64_t>{-128});

  // Outputs in the order named.
  CHECK(g.outputs == std::vector<int>{g.ops[7].outputs[0], g.ops[4].outputs[0]});
  for (std::size_t i = 0; i < g.ops.size(); ++i)
    CHECK(g.ops[i].source_index == static_cast<int>(i));
}

TEST_CASE("an int8 bias is the real bias over input x filter scale")
{
  // One 1x1 filter on one channel: its real bias b is in [-0.1 r, 0.1 r] for
  // the pre-activation rms r, and its int32 value round(b / scale).
  const graph::Graph g = read_string(R"(network: one
type: int8
seed: 3
input: {shape: [1, 1, 1, 1], scale: 1.0, zero_point: 0}
layers:
  - {name: c, op: conv2d, filters: 1, kernel: 1}
)", "one.yaml");
  const auto& b = g.tensors[g.ops[0].inputs[2]];
  SplitMix64 stream(3 ^ fnv1a64("c/bias"));
  const double unit = static_cast<double>(stream.next() >> 11) / 9007199254740992.0;
  // Input U[-128, 127]: mean square (128^2 - 128*127 + 127^2)/3 = 5419;
  // pre-activation rms sqrt(2 * 5419) = 104.11.
  const double real = 0.1 * std::sqrt(2.0 * (128.0 * 128 - 128.0 * 127 + 127.0 * 127) / 3.0) * (2 * unit - 1);
  CHECK(int32_at(b, 0) == static_cast<std::int32_t>(std::round(real / b.quant.scales[0])));
  CHECK(b.quant.scales[0] == g.tensors[g.ops[0].inputs[1]].quant.scales[0]);  // input scale 1
}
