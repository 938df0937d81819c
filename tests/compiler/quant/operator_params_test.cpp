#include "compiler/quant/operator_params.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace compiler;
using quant::Multiplier;

namespace {

constexpr std::int32_t kHalf = std::int32_t{1} << 30; // 0.5 in Q0.31

graph::Tensor int8_tensor(std::vector<int> shape, std::vector<float> scales,
                          std::vector<std::int64_t> zero_points)
{
  graph::Tensor t;
  t.type = graph::DataType::Int8;
  t.shape = std::move(shape);
  t.quant.scales = std::move(scales);
  t.quant.zero_points = std::move(zero_points);
  return t;
}

// A one-operator graph: tensors in order, the operator reading all but the last.
graph::Graph one_op(graph::OpKind kind, graph::OpParams params, std::vector<graph::Tensor> tensors)
{
  graph::Graph g;
  g.tensors = std::move(tensors);
  graph::Operator op{kind, {}, {}, params, 7};
  for (int i = 0; i + 1 < static_cast<int>(g.tensors.size()); ++i)
    op.inputs.push_back(i);
  op.outputs.push_back(static_cast<int>(g.tensors.size()) - 1);
  g.ops.push_back(op);
  return g;
}

} // namespace

TEST_CASE("mac_params: per-channel multipliers, offsets and the RELU clamp of a CONV_2D")
{
  graph::ConvParams conv;
  conv.activation = graph::Activation::Relu;
  const graph::Graph g = one_op(graph::OpKind::Conv2D, conv,
                                {int8_tensor({1, 4, 4, 3}, {0.5f}, {3}),
                                 int8_tensor({2, 1, 1, 3}, {0.25f, 0.125f}, {0, 0}),
                                 int8_tensor({1, 4, 4, 2}, {0.0625f}, {-5})});
  const quant::MacParams p = quant::mac_params(g, g.ops[0]);
  CHECK(p.input_offset == -3);
  CHECK(p.filter_offset == 0);
  CHECK(p.output_offset == -5);
  // channel 0: 0.5 * 0.25 / 0.0625 = 2 = 0.5 * 2^2; channel 1: 1 = 0.5 * 2^1.
  REQUIRE(p.output_multipliers.size() == 2);
  CHECK(p.output_multipliers[0] == Multiplier{kHalf, 2});
  CHECK(p.output_multipliers[1] == Multiplier{kHalf, 1});
  // RELU: max(-128, -5 + round(0)) .. 127.
  CHECK(p.activation == quant::ActivationRange{-5, 127});
}

TEST_CASE("mac_params: a per-tensor filter scale is repeated; DEPTHWISE counts channels last")
{
  const graph::Graph g = one_op(graph::OpKind::DepthwiseConv2D, graph::DepthwiseParams{},
                                {int8_tensor({1, 4, 4, 3}, {1.0f}, {0}),
                                 int8_tensor({1, 3, 3, 3}, {0.25f}, {0}),
                                 int8_tensor({1, 4, 4, 3}, {1.0f}, {0})});
  const quant::MacParams p = quant::mac_params(g, g.ops[0]);
  REQUIRE(p.output_multipliers.size() == 3);
  for (const Multiplier& m : p.output_multipliers)
    CHECK(m == Multiplier{kHalf, -1}); // 0.25 = 0.5 * 2^-1
}

TEST_CASE("mac_params: FULLY_CONNECTED keeps the filter's zero point")
{
  const graph::Graph g = one_op(graph::OpKind::FullyConnected, graph::FullyConnectedParams{},
                                {int8_tensor({1, 8}, {0.5f}, {0}),
                                 int8_tensor({4, 8}, {0.5f}, {2}),
                                 int8_tensor({1, 4}, {0.125f}, {1})});
  const quant::MacParams p = quant::mac_params(g, g.ops[0]);
  CHECK(p.filter_offset == -2);
  CHECK(p.output_offset == 1);
  REQUIRE(p.output_multipliers.size() == 4);
  CHECK(p.output_multipliers[3] == Multiplier{kHalf, 2}); // 0.25 / 0.125 = 2
}

TEST_CASE("mac_params: errors name the operator")
{
  graph::Graph g = one_op(graph::OpKind::Conv2D, graph::ConvParams{},
                          {int8_tensor({1, 4, 4, 3}, {0.5f}, {0}),
                           int8_tensor({2, 1, 1, 3}, {0.25f, 0.125f, 1.0f}, {0, 0, 0}),
                           int8_tensor({1, 4, 4, 2}, {0.0625f}, {0})});
  CHECK_THROWS_WITH(quant::mac_params(g, g.ops[0]),
                    Catch::Contains("CONV_2D (operator 7)") && Catch::Contains("3 scales for 2"));
  g.tensors[0].type = graph::DataType::Float32;
  CHECK_THROWS_WITH(quant::mac_params(g, g.ops[0]), Catch::Contains("not int8"));
}

TEST_CASE("add_params: the twice-max-scale rule with left shift 20")
{
  const graph::Graph g = one_op(graph::OpKind::Add, graph::AddParams{},
                                {int8_tensor({1, 4}, {0.5f}, {1}), int8_tensor({1, 4}, {0.25f}, {-2}),
                                 int8_tensor({1, 4}, {1.0f}, {0})});
  const quant::AddParams p = quant::add_params(g, g.ops[0]);
  CHECK(p.input1_offset == -1);
  CHECK(p.input2_offset == 2);
  CHECK(p.output_offset == 0);
  CHECK(p.left_shift == 20);
  // twice the larger scale: 1.0. input 1: 0.5 / 1 = 0.5; input 2: 0.25 / 1 =
  // 0.25; output: 1 / (2^20 * 1.0) = 2^-20 = 0.5 * 2^-19.
  CHECK(p.input1 == Multiplier{kHalf, 0});
  CHECK(p.input2 == Multiplier{kHalf, -1});
  CHECK(p.output == Multiplier{kHalf, -19});
  CHECK(p.activation == quant::ActivationRange{-128, 127});
}

TEST_CASE("softmax_params: beta multiplier with 5 integer bits and diff_min")
{
  // beta 1, input scale 1/16: 2^-4 * 2^26 = 2^22 = 0.5 * 2^23.
  // diff_min = -floor(31 * 2^26 / 2^23) = -248.
  quant::SoftmaxParams p = quant::softmax_params(1.0, 1.0 / 16.0);
  CHECK(p.input_multiplier == kHalf);
  CHECK(p.input_left_shift == 23);
  CHECK(p.diff_min == -248);
  // A huge input scale is capped at 2^31 - 1 = ((2^31 - 1) / 2^31) * 2^31:
  // multiplier 2^31 - 1, shift 31; diff_min -floor(31 / 32) = 0.
  p = quant::softmax_params(1.0, 100.0);
  CHECK(p.input_multiplier == 2147483647);
  CHECK(p.input_left_shift == 31);
  CHECK(p.diff_min == 0);
}

TEST_CASE("softmax_params: the graph form checks the int8 output's quantization")
{
  graph::Graph g = one_op(graph::OpKind::Softmax, graph::SoftmaxParams{2.0f},
                          {int8_tensor({1, 10}, {0.125f}, {0}),
                           int8_tensor({1, 10}, {1.0f / 256.0f}, {-128})});
  // beta 2 * 2^-3 * 2^26 = 2^24 = 0.5 * 2^25; diff_min -floor(31 * 2) = -62.
  const quant::SoftmaxParams p = quant::softmax_params(g, g.ops[0]);
  CHECK(p.input_left_shift == 25);
  CHECK(p.diff_min == -62);
  g.tensors[1].quant.zero_points[0] = 0;
  CHECK_THROWS_WITH(quant::softmax_params(g, g.ops[0]), Catch::Contains("SOFTMAX (operator 7)"));
}

TEST_CASE("quantize, requantize and dequantize parameters")
{
  graph::Tensor f;
  f.type = graph::DataType::Float32;
  f.shape = {1, 4};
  graph::Graph g = one_op(graph::OpKind::Quantize, std::monostate{}, {f, int8_tensor({1, 4}, {0.1f}, {-3})});
  const quant::QuantizeParams q = quant::quantize_params(g, g.ops[0]);
  CHECK(q.scale == 0.1f);
  CHECK(q.zero_point == -3);
  CHECK_THROWS(quant::requantize_params(g, g.ops[0]));

  g = one_op(graph::OpKind::Quantize, std::monostate{},
             {int8_tensor({1, 4}, {0.5f}, {3}), int8_tensor({1, 4}, {0.25f}, {-1})});
  const quant::RequantizeParams r = quant::requantize_params(g, g.ops[0]);
  CHECK(r.input_zero_point == 3);
  CHECK(r.output_zero_point == -1);
  CHECK(r.multiplier == Multiplier{kHalf, 2}); // 0.5 / 0.25 = 2

  g = one_op(graph::OpKind::Dequantize, std::monostate{}, {int8_tensor({1, 4}, {0.5f}, {3}), f});
  const quant::DequantizeParams d = quant::dequantize_params(g, g.ops[0]);
  CHECK(d.scale == 0.5);
  CHECK(d.zero_point == 3);
}
