// The reader on models built here: what it maps, and each error it reports.
#include "compiler/tflite/reader.hpp"

#include "model_builder.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace graph = compiler::graph;
namespace reader = compiler::tflite;
using namespace tflite_test;
using Catch::Matchers::Contains;
using schema::BuiltinOperator;
using schema::BuiltinOptions;
using schema::TensorType;

namespace {

graph::Graph read(const std::vector<std::uint8_t>& bytes)
{
  return reader::read_bytes(bytes, "test.tflite");
}

// One ADD of two [1,2,2,1] tensors of `type` (int8 and int16 get a scale).
std::vector<std::uint8_t> one_add_model(TensorType type, schema::ActivationFunctionType activation)
{
  ModelBuilder m;
  const QuantSpec q = type == TensorType::FLOAT32 ? QuantSpec{} : QuantSpec{{0.5f}, {0}};
  const int a = m.tensor("a", type, {1, 2, 2, 1}, q);
  const int b = m.tensor("b", type, {1, 2, 2, 1}, q);
  const int sum = m.tensor("sum", type, {1, 2, 2, 1}, q);
  m.op(BuiltinOperator::ADD, {a, b}, {sum}, BuiltinOptions::AddOptions,
       schema::CreateAddOptions(m.fbb(), activation).Union());
  m.inputs({a, b});
  m.outputs({sum});
  return m.finish();
}

} // namespace

TEST_CASE("an int8 model maps to the graph: tensors, quantization, constants, operators")
{
  const graph::Graph g = read(small_int8_model());
  CHECK(g.name == "test.tflite");
  REQUIRE(g.tensors.size() == 5);
  REQUIRE(g.ops.size() == 2);
  CHECK(g.inputs == std::vector<int>{0});
  CHECK(g.outputs == std::vector<int>{4});

  const graph::Tensor& input = g.tensors[0];
  CHECK(input.name == "input");
  CHECK(input.type == graph::DataType::Int8);
  CHECK(input.shape == std::vector<int>{1, 4, 4, 2});
  CHECK(input.quant.scales == std::vector<float>{0.5f});
  CHECK(input.quant.zero_points == std::vector<std::int64_t>{-3});
  CHECK_FALSE(input.is_constant());

  const graph::Tensor& filter = g.tensors[1];
  CHECK(filter.quant.per_channel());
  CHECK(filter.quant.scales == std::vector<float>{0.25f, 0.125f, 0.0625f});
  CHECK(filter.quant.axis == 0);
  REQUIRE(filter.data.size() == 54);
  CHECK(static_cast<std::int8_t>(filter.data[0]) == -27); // the builder's i - 27
  CHECK(static_cast<std::int8_t>(filter.data[53]) == 26);

  const graph::Tensor& bias = g.tensors[2];
  CHECK(bias.type == graph::DataType::Int32);
  REQUIRE(bias.data.size() == 12);
  // -200 little-endian: 0x38 0xFF 0xFF 0xFF
  CHECK(bias.data[4] == 0x38);
  CHECK(bias.data[7] == 0xFF);

  const graph::Operator& conv = g.ops[0];
  CHECK(conv.kind == graph::OpKind::Conv2D);
  CHECK(conv.inputs == std::vector<int>{0, 1, 2});
  CHECK(conv.outputs == std::vector<int>{3});
  CHECK(conv.source_index == 0);
  const auto& cp = std::get<graph::ConvParams>(conv.params);
  CHECK(cp.padding == graph::Padding::Same);
  CHECK(cp.activation == graph::Activation::Relu6);
  CHECK(cp.stride_h == 1);
  CHECK(cp.dilation_w == 1); // the schema's default

  const graph::Operator& pool = g.ops[1];
  CHECK(pool.kind == graph::OpKind::MaxPool2D);
  CHECK(pool.source_index == 1);
  const auto& pp = std::get<graph::PoolParams>(pool.params);
  CHECK(pp.padding == graph::Padding::Valid);
  CHECK(pp.filter_h == 2);
  CHECK(pp.filter_w == 2);
  CHECK(pp.stride_w == 2);
}

TEST_CASE("read_file names the graph after the file and reports missing files")
{
  const auto dir = std::filesystem::temp_directory_path() / "edgesim_tflite_reader_test";
  std::filesystem::create_directories(dir);
  const auto path = dir / "tiny_net.tflite";
  const std::vector<std::uint8_t> bytes = small_int8_model();
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  CHECK(reader::read_file(path).name == "tiny_net");

  CHECK_THROWS_WITH(reader::read_file(dir / "absent.tflite"),
                    Contains("absent.tflite") && Contains("no such file"));
  CHECK_THROWS_WITH(reader::read_file(dir), Contains("edgesim_tflite_reader_test") &&
                                              Contains("not a regular file"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("an unsupported operator is named with its index, and the supported ones are listed")
{
  ModelBuilder m;
  const int in = m.tensor("in", TensorType::FLOAT32, {1, 4});
  const int mid = m.tensor("mid", TensorType::FLOAT32, {1, 4});
  const int out = m.tensor("out", TensorType::FLOAT32, {1, 4});
  m.op(BuiltinOperator::RESHAPE, {in}, {mid});
  m.op(BuiltinOperator::TANH, {mid}, {out});
  m.inputs({in});
  m.outputs({out});
  CHECK_THROWS_AS(read(m.finish()), reader::ReadError);
  CHECK_THROWS_WITH(read(m.finish()),
                    Contains("test.tflite: operator 1 (TANH) is not supported") &&
                      Contains("edgesim supports: CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED") &&
                      Contains("QUANTIZE, DEQUANTIZE"));
}

TEST_CASE("an operator code above 127 is read from builtin_code (deprecated_builtin_code saturates)")
{
  ModelBuilder m;
  const int in = m.tensor("in", TensorType::FLOAT32, {1, 4});
  const int out = m.tensor("out", TensorType::FLOAT32, {1, 4});
  m.op(BuiltinOperator::GELU, {in}, {out}); // 150, stored as 127 + 150
  m.inputs({in});
  m.outputs({out});
  CHECK_THROWS_WITH(read(m.finish()), Contains("operator 0 (GELU) is not supported"));
}

TEST_CASE("a CUSTOM operator is named with its custom code")
{
  ModelBuilder m;
  const int in = m.tensor("in", TensorType::INT8, {1, 4}, {{1.0f}, {0}});
  const int out = m.tensor("out", TensorType::INT8, {1, 4}, {{1.0f}, {0}});
  m.op(BuiltinOperator::CUSTOM, {in}, {out}, BuiltinOptions::NONE, 0, "TFLite_Detection_PostProcess");
  m.inputs({in});
  m.outputs({out});
  CHECK_THROWS_WITH(read(m.finish()),
                    Contains("operator 0 (CUSTOM 'TFLite_Detection_PostProcess') is not supported"));
}

TEST_CASE("int16 activations are rejected naming operator, tensor and type")
{
  CHECK_THROWS_WITH(read(one_add_model(TensorType::INT16, schema::ActivationFunctionType::NONE)),
                    Contains("test.tflite: operator 0 (ADD): tensor 'a' (input 0) has type INT16") &&
                      Contains("int8 and float32 activations"));
  // The same model with int8 or float32 tensors reads.
  CHECK(read(one_add_model(TensorType::INT8, schema::ActivationFunctionType::RELU)).ops.size() == 1);
  const graph::Graph g = read(one_add_model(TensorType::FLOAT32, schema::ActivationFunctionType::RELU_N1_TO_1));
  CHECK(std::get<graph::AddParams>(g.ops[0].params).activation == graph::Activation::ReluN1To1);
}

TEST_CASE("fused activations other than NONE/RELU/RELU6/RELU_N1_TO_1 are rejected")
{
  CHECK_THROWS_WITH(read(one_add_model(TensorType::INT8, schema::ActivationFunctionType::TANH)),
                    Contains("operator 0 (ADD): fused activation TANH is not supported"));
  CHECK_THROWS_WITH(read(one_add_model(TensorType::INT8, schema::ActivationFunctionType::SIGN_BIT)),
                    Contains("SIGN_BIT"));
}

TEST_CASE("a model with two subgraphs is rejected, saying how many")
{
  ModelBuilder m;
  const int in = m.tensor("in", TensorType::FLOAT32, {1, 4});
  const int out = m.tensor("out", TensorType::FLOAT32, {1, 4});
  m.op(BuiltinOperator::RESHAPE, {in}, {out});
  m.inputs({in});
  m.outputs({out});
  const std::vector<std::uint8_t> bytes = m.finish(2);
  CHECK_THROWS_WITH(read(bytes), Contains("test.tflite") && Contains("2 subgraphs"));
}

TEST_CASE("hybrid convolution: int8 filter under float32 activations reads, int16 filter does not")
{
  auto model = [](TensorType filter_type) {
    ModelBuilder m;
    const int in = m.tensor("in", TensorType::FLOAT32, {1, 3, 3, 1});
    const int w = m.tensor("w", filter_type, {2, 1, 1, 1}, {{0.5f}, {0}},
                           filter_type == TensorType::INT8 ? std::vector<std::uint8_t>{1, 2}
                                                           : std::vector<std::uint8_t>{1, 0, 2, 0});
    const int b = m.tensor("b", TensorType::FLOAT32, {2}, {},
                           bytes_of(std::vector<float>{0.5f, -0.5f}));
    const int out = m.tensor("out", TensorType::FLOAT32, {1, 3, 3, 2});
    m.op(BuiltinOperator::CONV_2D, {in, w, b}, {out}, BuiltinOptions::Conv2DOptions,
         schema::CreateConv2DOptions(m.fbb(), schema::Padding::VALID, 1, 1).Union());
    m.inputs({in});
    m.outputs({out});
    return m.finish();
  };
  const graph::Graph g = read(model(TensorType::INT8));
  CHECK(g.tensors[1].type == graph::DataType::Int8);
  CHECK(g.tensors[2].type == graph::DataType::Float32);
  CHECK_THROWS_WITH(read(model(TensorType::INT16)),
                    Contains("operator 0 (CONV_2D): tensor 'w' (filter, input 1) has type INT16") &&
                      Contains("float32 or int8 (hybrid) weights"));
}

TEST_CASE("an int8 convolution with a float bias is rejected")
{
  ModelBuilder m;
  const int in = m.tensor("in", TensorType::INT8, {1, 1, 1, 1}, {{1.0f}, {0}});
  const int w = m.tensor("w", TensorType::INT8, {1, 1, 1, 1}, {{1.0f}, {0}}, {3});
  const int b = m.tensor("b", TensorType::FLOAT32, {1}, {}, bytes_of(std::vector<float>{1.0f}));
  const int out = m.tensor("out", TensorType::INT8, {1, 1, 1, 1}, {{1.0f}, {0}});
  m.op(BuiltinOperator::CONV_2D, {in, w, b}, {out}, BuiltinOptions::Conv2DOptions,
       schema::CreateConv2DOptions(m.fbb(), schema::Padding::VALID, 1, 1).Union());
  m.inputs({in});
  m.outputs({out});
  CHECK_THROWS_WITH(read(m.finish()), Contains("tensor 'b' (bias, input 2) has type FLOAT32") &&
                                        Contains("int32 bias"));
}

TEST_CASE("missing options, unsupported options and bad indices are errors naming the operator")
{
  SECTION("CONV_2D without Conv2DOptions")
  {
    ModelBuilder m;
    const int in = m.tensor("in", TensorType::FLOAT32, {1, 1, 1, 1});
    const int w = m.tensor("w", TensorType::FLOAT32, {1, 1, 1, 1}, {}, bytes_of(std::vector<float>{1}));
    const int out = m.tensor("out", TensorType::FLOAT32, {1, 1, 1, 1});
    m.op(BuiltinOperator::CONV_2D, {in, w, -1}, {out});
    m.inputs({in});
    m.outputs({out});
    CHECK_THROWS_WITH(read(m.finish()), Contains("operator 0 (CONV_2D): has no Conv2DOptions"));
  }
  SECTION("FULLY_CONNECTED with shuffled weights")
  {
    ModelBuilder m;
    const int in = m.tensor("in", TensorType::INT8, {1, 4}, {{1.0f}, {0}});
    const int w = m.tensor("w", TensorType::INT8, {1, 4}, {{1.0f}, {0}}, {1, 2, 3, 4});
    const int out = m.tensor("out", TensorType::INT8, {1, 1}, {{1.0f}, {0}});
    m.op(BuiltinOperator::FULLY_CONNECTED, {in, w}, {out}, BuiltinOptions::FullyConnectedOptions,
         schema::CreateFullyConnectedOptions(m.fbb(), schema::ActivationFunctionType::NONE,
                                             schema::FullyConnectedOptionsWeightsFormat::SHUFFLED4x16INT8)
           .Union());
    m.inputs({in});
    m.outputs({out});
    CHECK_THROWS_WITH(read(m.finish()),
                      Contains("operator 0 (FULLY_CONNECTED): weights format SHUFFLED4x16INT8"));
  }
  SECTION("an input index beyond the tensors")
  {
    ModelBuilder m;
    const int in = m.tensor("in", TensorType::FLOAT32, {1, 4});
    const int out = m.tensor("out", TensorType::FLOAT32, {1, 4});
    m.op(BuiltinOperator::SOFTMAX, {7}, {out}, BuiltinOptions::SoftmaxOptions,
         schema::CreateSoftmaxOptions(m.fbb(), 1.0f).Union());
    m.inputs({in});
    m.outputs({out});
    CHECK_THROWS_WITH(read(m.finish()),
                      Contains("operator 0 (SOFTMAX): input 0 refers to tensor 7, but the subgraph has 2"));
  }
}

TEST_CASE("graph::check problems come back as ReadError naming the file")
{
  // A RESHAPE whose output holds 6 elements for the input's 4.
  ModelBuilder m;
  const int in = m.tensor("in", TensorType::FLOAT32, {1, 4});
  const int out = m.tensor("out", TensorType::FLOAT32, {2, 3});
  m.op(BuiltinOperator::RESHAPE, {in}, {out});
  m.inputs({in});
  m.outputs({out});
  const std::vector<std::uint8_t> bytes = m.finish();
  CHECK_THROWS_AS(read(bytes), reader::ReadError);
  CHECK_THROWS_WITH(read(bytes), Contains("test.tflite: operator 0 (RESHAPE)") &&
                                   Contains("4 elements") && Contains("has 6"));
}

TEST_CASE("QUANTIZE, CONCATENATION and DEQUANTIZE read with their parameters")
{
  // float [1,4] -> QUANTIZE -> int8 [1,4]; CONCATENATION with itself on
  // axis -1 -> [1,8]; DEQUANTIZE -> float [1,8].
  ModelBuilder m;
  const int x = m.tensor("x", TensorType::FLOAT32, {1, 4});
  const int q = m.tensor("q", TensorType::INT8, {1, 4}, {{0.25f}, {5}});
  const int joined = m.tensor("joined", TensorType::INT8, {1, 8}, {{0.25f}, {5}});
  const int y = m.tensor("y", TensorType::FLOAT32, {1, 8});
  m.op(BuiltinOperator::QUANTIZE, {x}, {q});
  m.op(BuiltinOperator::CONCATENATION, {q, q}, {joined}, BuiltinOptions::ConcatenationOptions,
       schema::CreateConcatenationOptions(m.fbb(), -1, schema::ActivationFunctionType::RELU).Union());
  m.op(BuiltinOperator::DEQUANTIZE, {joined}, {y});
  m.inputs({x});
  m.outputs({y});
  const graph::Graph g = read(m.finish());
  REQUIRE(g.ops.size() == 3);
  CHECK(g.ops[0].kind == graph::OpKind::Quantize);
  CHECK(std::holds_alternative<std::monostate>(g.ops[0].params));
  CHECK(g.ops[1].kind == graph::OpKind::Concatenation);
  const auto& cp = std::get<graph::ConcatParams>(g.ops[1].params);
  CHECK(cp.axis == -1);
  CHECK(cp.activation == graph::Activation::Relu);
  CHECK(g.ops[2].kind == graph::OpKind::Dequantize);
  CHECK(g.tensors[1].quant.zero_points == std::vector<std::int64_t>{5});

  // DEQUANTIZE must produce float32.
  ModelBuilder bad;
  const int a = bad.tensor("a", TensorType::INT8, {1, 4}, {{0.25f}, {5}});
  const int b = bad.tensor("b", TensorType::INT8, {1, 4}, {{0.25f}, {5}});
  bad.op(BuiltinOperator::DEQUANTIZE, {a}, {b});
  bad.inputs({a});
  bad.outputs({b});
  CHECK_THROWS_WITH(read(bad.finish()),
                    Contains("operator 0 (DEQUANTIZE): tensor 'b' (output) has type INT8") &&
                      Contains("DEQUANTIZE must produce float32"));
}
