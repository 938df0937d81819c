// Whole graphs through reference::Interpreter.
#include "compiler/reference/interpreter.hpp"

#include "graph_builder.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace compiler;
using namespace compiler::reference;
using graph::DataType;
using graph::OpKind;
using test_support::GraphBuilder;

namespace {

// input 1x2x2x1 -> CONV_2D 1x1, 2 channels, RELU6 -> AVERAGE_POOL_2D 2x2
// VALID -> RESHAPE [1, 2] -> FULLY_CONNECTED 3 -> SOFTMAX. Every int8 tensor
// has scale 1 and zero point 0 (the softmax output 1/256, -128), so the
// integer arithmetic is exact until the softmax.
struct SmallNetwork {
  GraphBuilder b;
  int input, conv, pool, flat, logits, probabilities;
};

SmallNetwork small_network(DataType type)
{
  const bool int8 = type == DataType::Int8;
  const float scale = int8 ? 1.0f : 0.0f;
  SmallNetwork n;
  GraphBuilder& b = n.b;
  n.input = b.activation("input", type, {1, 2, 2, 1}, scale);
  int filter, conv_bias, weights, fc_bias;
  if (int8) {
    filter = b.constant("filter", DataType::Int8, {2, 1, 1, 1}, std::vector<std::int8_t>{2, -1}, {1.0f, 1.0f});
    conv_bias = b.constant("conv_bias", DataType::Int32, {2}, std::vector<std::int32_t>{0, 4});
    weights = b.constant("weights", DataType::Int8, {3, 2}, std::vector<std::int8_t>{1, 0, 0, 1, 1, 1}, {1.0f});
    fc_bias = b.constant("fc_bias", DataType::Int32, {3}, std::vector<std::int32_t>{0, 0, -3});
  } else {
    filter = b.constant("filter", DataType::Float32, {2, 1, 1, 1}, std::vector<float>{2, -1});
    conv_bias = b.constant("conv_bias", DataType::Float32, {2}, std::vector<float>{0, 4});
    weights = b.constant("weights", DataType::Float32, {3, 2}, std::vector<float>{1, 0, 0, 1, 1, 1});
    fc_bias = b.constant("fc_bias", DataType::Float32, {3}, std::vector<float>{0, 0, -3});
  }
  n.conv = b.activation("conv", type, {1, 2, 2, 2}, scale);
  n.pool = b.activation("pool", type, {1, 1, 1, 2}, scale);
  n.flat = b.activation("flat", type, {1, 2}, scale);
  n.logits = b.activation("logits", type, {1, 3}, scale);
  n.probabilities = b.activation("probabilities", type, {1, 3}, int8 ? 1.0f / 256.0f : 0.0f, -128);
  const int shape = b.constant("shape", DataType::Int32, {2}, std::vector<std::int32_t>{1, 2});

  graph::ConvParams conv;
  conv.activation = graph::Activation::Relu6;
  b.op(OpKind::Conv2D, {n.input, filter, conv_bias}, n.conv, conv);
  graph::PoolParams pool;
  pool.filter_h = pool.filter_w = 2;
  b.op(OpKind::AveragePool2D, {n.conv}, n.pool, pool);
  b.op(OpKind::Reshape, {n.pool, shape}, n.flat);
  b.op(OpKind::FullyConnected, {n.flat, weights, fc_bias}, n.logits, graph::FullyConnectedParams{});
  b.op(OpKind::Softmax, {n.logits}, n.probabilities, graph::SoftmaxParams{1.0f});
  b.g.inputs = {n.input};
  b.g.outputs = {n.probabilities};
  return n;
}

} // namespace

// input (1, 2, 3, 4):
//   conv  ch0 = 2x -> (2, 4, 6, 8) -> RELU6 (2, 4, 6, 6); ch1 = 4 - x -> (3, 2, 1, 0)
//   pool  ch0 18 / 4 = 4.5 -> 5; ch1 6 / 4 = 1.5 -> 2
//   fc    (5, 2, 5 + 2 - 3 = 4)
//   softmax of (5, 2, 4): p = (1, e^-3, e^-1) / 1.417666 = (0.7054, 0.0351, 0.2595)
//         * 256 = (180.6, 9.0, 66.4) -> (181, 9, 66) - 128 = (53, -119, -62), within 1
TEST_CASE("interpreter int8: conv -> relu6 -> avgpool -> reshape -> fc -> softmax, every layer")
{
  SmallNetwork n = small_network(DataType::Int8);
  Interpreter interpreter(n.b.g);
  const std::vector<Bytes> out = interpreter.run({to_bytes(std::vector<std::int8_t>{1, 2, 3, 4})});
  CHECK(interpreter.tensor_as<std::int8_t>(n.conv) == std::vector<std::int8_t>{2, 3, 4, 2, 6, 1, 6, 0});
  CHECK(interpreter.tensor_as<std::int8_t>(n.pool) == std::vector<std::int8_t>{5, 2});
  CHECK(interpreter.tensor_as<std::int8_t>(n.flat) == std::vector<std::int8_t>{5, 2});
  CHECK(interpreter.tensor_as<std::int8_t>(n.logits) == std::vector<std::int8_t>{5, 2, 4});
  REQUIRE(out.size() == 1);
  const std::vector<std::int8_t> p = from_bytes<std::int8_t>(out[0]);
  CHECK(std::abs(p[0] - 53) <= 1);
  CHECK(std::abs(p[1] - -119) <= 1);
  CHECK(std::abs(p[2] - -62) <= 1);

  // A second run with other inputs replaces every activation: input
  // (0, 0, 0, 0): conv (0, 4) everywhere, pool (0, 4), fc (0, 4, 1).
  interpreter.run({to_bytes(std::vector<std::int8_t>{0, 0, 0, 0})});
  CHECK(interpreter.tensor_as<std::int8_t>(n.logits) == std::vector<std::int8_t>{0, 4, 1});
}

// The same network in float: pool (4.5, 1.5), fc (4.5, 1.5, 3), softmax in double.
TEST_CASE("interpreter float32: the same network")
{
  SmallNetwork n = small_network(DataType::Float32);
  const std::vector<Bytes> out = run(n.b.g, {to_bytes(std::vector<float>{1, 2, 3, 4})});
  const std::vector<float> p = from_bytes<float>(out[0]);
  const double sum = 1.0 + std::exp(-3.0) + std::exp(-1.5);
  CHECK(p[0] == Approx(1.0 / sum).epsilon(1e-6));
  CHECK(p[1] == Approx(std::exp(-3.0) / sum).epsilon(1e-6));
  CHECK(p[2] == Approx(std::exp(-1.5) / sum).epsilon(1e-6));
}

// float32 activations with an int8 filter quantized per output channel:
// scales (0.5, 0.25), q (4, -8) -> (2, -2): ch0 = 2x, ch1 = -2x.
TEST_CASE("interpreter: a hybrid CONV_2D dequantizes its filter per channel")
{
  GraphBuilder b;
  const int in = b.activation("in", DataType::Float32, {1, 1, 2, 1});
  const int filter = b.constant("filter", DataType::Int8, {2, 1, 1, 1}, std::vector<std::int8_t>{4, -8},
                                {0.5f, 0.25f}, 0);
  const int out = b.activation("out", DataType::Float32, {1, 1, 2, 2});
  b.op(OpKind::Conv2D, {in, filter, graph::kNoTensor}, out, graph::ConvParams{});
  b.g.inputs = {in};
  b.g.outputs = {out};
  const std::vector<Bytes> result = run(b.g, {to_bytes(std::vector<float>{1.5f, -3.0f})});
  CHECK(from_bytes<float>(result[0]) == std::vector<float>{3.0f, -3.0f, -6.0f, 6.0f});
}

TEST_CASE("interpreter: errors name the operator")
{
  SmallNetwork n = small_network(DataType::Int8);
  // An int16 activation is not supported.
  n.b.g.tensors[static_cast<std::size_t>(n.pool)].type = DataType::Int16;
  CHECK_THROWS_WITH(Interpreter(n.b.g), Catch::Contains("AVERAGE_POOL_2D (operator 1)"));

  // An operator reading a tensor nothing wrote.
  SmallNetwork m = small_network(DataType::Int8);
  std::swap(m.b.g.ops[0], m.b.g.ops[1]);
  CHECK_THROWS_WITH(Interpreter(m.b.g), Catch::Contains("before any operator writes it"));

  // Wrong input size at run time.
  SmallNetwork k = small_network(DataType::Int8);
  Interpreter interpreter(k.b.g);
  CHECK_THROWS_WITH(interpreter.run({Bytes(3)}), Catch::Contains("needs 4 bytes"));
}
