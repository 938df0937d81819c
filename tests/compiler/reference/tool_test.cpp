// The pieces of edgesim_reference: the inference byte layout, the seeded
// random inputs (bit for bit the C++ standard's mt19937_64), and one
// operator cut out of a graph.
#include "compiler/reference/interpreter.hpp"
#include "compiler/reference/tool/inference_bytes.hpp"
#include "compiler/reference/tool/random_inputs.hpp"
#include "compiler/reference/tool/single_operator.hpp"

#include "graph_builder.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>

using namespace compiler;
using namespace compiler::reference;
using namespace compiler::reference::tool;
using graph::DataType;
using graph::OpKind;
using test_support::GraphBuilder;

namespace {

// input 1x2x2x1 int8 -> ADD(input, input) -> FULLY_CONNECTED 2 -> output;
// also a float32 second input, to check the byte layout of mixed inputs.
struct TwoLayer {
  GraphBuilder b;
  int input, doubled, output, extra;
};

TwoLayer two_layer_graph()
{
  TwoLayer n;
  GraphBuilder& b = n.b;
  n.input = b.activation("input", DataType::Int8, {1, 2, 2, 1}, 1.0f);
  n.doubled = b.activation("doubled", DataType::Int8, {1, 2, 2, 1}, 1.0f);
  n.output = b.activation("output", DataType::Int8, {1, 2}, 1.0f);
  n.extra = b.activation("extra", DataType::Float32, {3});
  const int weights = b.constant("weights", DataType::Int8, {2, 4}, std::vector<std::int8_t>{1, 1, 1, 1, 1, -1, 0, 0},
                                 {1.0f});
  b.op(OpKind::Add, {n.input, n.input}, n.doubled, graph::AddParams{});
  b.op(OpKind::FullyConnected, {n.doubled, weights, graph::kNoTensor}, n.output, graph::FullyConnectedParams{});
  b.g.inputs = {n.input};
  b.g.outputs = {n.output};
  return n;
}

} // namespace

TEST_CASE("tool: inferences split by their tensors' sizes, and join back")
{
  TwoLayer n = two_layer_graph();
  const std::vector<int> tensors{n.input, n.extra}; // 4 + 12 bytes per inference
  Bytes bytes(32);
  for (std::size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<std::uint8_t>(i);

  CHECK(inference_bytes(n.b.g, tensors) == 16);
  const std::vector<Inference> split = split_inferences(n.b.g, tensors, bytes);
  REQUIRE(split.size() == 2);
  CHECK(split[1][0] == Bytes{16, 17, 18, 19});
  REQUIRE(split[1][1].size() == 12);
  CHECK(split[1][1].front() == 20);
  CHECK(split[1][1].back() == 31);

  Bytes joined;
  for (const Inference& inference : split)
    append_inference(inference, joined);
  CHECK(joined == bytes);

  CHECK_THROWS_AS(split_inferences(n.b.g, tensors, Bytes(17)), std::invalid_argument);
  CHECK_THROWS_AS(split_inferences(n.b.g, tensors, Bytes{}), std::invalid_argument);
}

TEST_CASE("tool: random inputs are mt19937_64's draws, so every host makes the same bytes")
{
  GraphBuilder b;
  b.g.inputs = {b.activation("bytes", DataType::Int8, {10000}, 1.0f),
                b.activation("floats", DataType::Float32, {10000})};

  // The C++ standard fixes the 10000th draw of a default-seeded
  // mt19937_64: 9981545732273789042 = 0x8a8592f5817ed872.
  std::mt19937_64 rng;
  const Inference inputs = random_inputs(b.g, rng);
  REQUIRE(inputs.size() == 2);
  CHECK(static_cast<std::int8_t>(inputs[0].back()) == 0x72); // its low byte, 114

  // The float input takes draws 10001..20000; re-seed to put the 10000th
  // draw last: its top 24 bits 0x8a8592 = 9078162, / 2^23 - 1 = 689554 / 2^23.
  GraphBuilder f;
  f.g.inputs = {f.activation("floats", DataType::Float32, {10000})};
  std::mt19937_64 fresh;
  const std::vector<float> floats = from_bytes<float>(random_inputs(f.g, fresh)[0]);
  CHECK(floats.back() == 689554.0f / 8388608.0f);
  for (float v : floats)
    REQUIRE((v >= -1.0f && v < 1.0f));

  std::mt19937_64 again;
  CHECK(random_inputs(b.g, again) == inputs);

  GraphBuilder wide;
  wide.g.inputs = {wide.activation("wide", DataType::Int32, {2})};
  CHECK_THROWS_AS(random_inputs(wide.g, rng), std::invalid_argument);
}

TEST_CASE("tool: one operator cut out runs on given inputs as it does inside the graph")
{
  TwoLayer n = two_layer_graph();
  const graph::Graph& g = n.b.g;

  CHECK(producers_of_inputs(g, 0) == std::vector<int>{-1, -1}); // ADD reads the network input twice
  CHECK(producers_of_inputs(g, 1) == std::vector<int>{0});      // FC reads ADD's output (weights are constant)

  const graph::Graph fc = single_operator_graph(g, 1);
  CHECK(fc.ops.size() == 1);
  CHECK(fc.ops[0].kind == OpKind::FullyConnected);
  CHECK(fc.inputs == std::vector<int>{n.doubled});
  CHECK(fc.outputs == std::vector<int>{n.output});

  // Whole graph: input (1, 2, 3, 4) doubles to (2, 4, 6, 8); FC rows sum
  // all four (20) and take the first two's difference (-2).
  Interpreter whole(g);
  const std::vector<Bytes> out = whole.run({to_bytes(std::vector<std::int8_t>{1, 2, 3, 4})});
  CHECK(from_bytes<std::int8_t>(out[0]) == std::vector<std::int8_t>{20, -2});

  // The FC alone, fed (5, 1, 0, 0) in place of ADD's output: (6, 4).
  Interpreter alone(fc);
  const std::vector<Bytes> cut = alone.run({to_bytes(std::vector<std::int8_t>{5, 1, 0, 0})});
  CHECK(from_bytes<std::int8_t>(cut[0]) == std::vector<std::int8_t>{6, 4});

  CHECK_THROWS_AS(single_operator_graph(g, 2), std::out_of_range);
  CHECK_THROWS_AS(producers_of_inputs(g, -1), std::out_of_range);
}
