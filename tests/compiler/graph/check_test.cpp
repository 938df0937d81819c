// graph::check() on hand-built graphs: valid ones pass, each broken one is
// rejected with a message naming the operator (its source_index and TFLite
// name) or the tensor. Expected shapes are worked out by hand from TFLite's
// SAME/VALID rule in the comments.
#include "compiler/graph/check.hpp"

#include <catch2/catch.hpp>

using namespace compiler::graph;
using Catch::Matchers::Contains;

namespace {

Tensor activation(const std::string& name, std::vector<int> shape, float scale = 0.5f,
                  std::int64_t zero_point = 0)
{
  Tensor t;
  t.name = name;
  t.type = DataType::Int8;
  t.shape = std::move(shape);
  t.quant.scales = {scale};
  t.quant.zero_points = {zero_point};
  return t;
}

// A constant of zeros of the right size, quantized with `channels` scales
// along `axis` (0: none).
Tensor constant(const std::string& name, DataType type, std::vector<int> shape, int channels = 0,
                int axis = 0)
{
  Tensor t;
  t.name = name;
  t.type = type;
  t.shape = std::move(shape);
  t.data.assign(t.bytes(), 0);
  if (channels > 0) {
    t.quant.scales.assign(static_cast<std::size_t>(channels), 0.01f);
    t.quant.zero_points.assign(static_cast<std::size_t>(channels), 0);
    t.quant.axis = axis;
  }
  return t;
}

int add(Graph& g, Tensor t)
{
  g.tensors.push_back(std::move(t));
  return static_cast<int>(g.tensors.size() - 1);
}

void add_op(Graph& g, OpKind kind, std::vector<int> inputs, std::vector<int> outputs, OpParams params,
            int source_index = 0)
{
  g.ops.push_back({kind, std::move(inputs), std::move(outputs), std::move(params), source_index});
}

// [1,5,5,2] -> CONV_2D 4 filters 3x3 VALID stride 1 -> [1,3,3,4] (5 - 3 + 1 = 3).
Graph conv_graph(std::vector<int> output_shape = {1, 3, 3, 4}, int source_index = 0)
{
  Graph g;
  const int in = add(g, activation("in", {1, 5, 5, 2}));
  const int w = add(g, constant("w", DataType::Int8, {4, 3, 3, 2}, 4, 0));
  const int b = add(g, constant("b", DataType::Int32, {4}));
  const int out = add(g, activation("out", std::move(output_shape)));
  add_op(g, OpKind::Conv2D, {in, w, b}, {out}, ConvParams{}, source_index);
  g.inputs = {in};
  g.outputs = {out};
  return g;
}

// Two operands of the given shapes added into `out_shape`.
Graph add_graph(std::vector<int> a_shape, std::vector<int> b_shape, std::vector<int> out_shape)
{
  Graph g;
  const int a = add(g, activation("a", std::move(a_shape)));
  const int b = add(g, activation("b", std::move(b_shape)));
  const int out = add(g, activation("sum", std::move(out_shape)));
  add_op(g, OpKind::Add, {a, b}, {out}, AddParams{});
  g.inputs = {a, b};
  g.outputs = {out};
  return g;
}

} // namespace

TEST_CASE("check: a valid convolution passes")
{
  CHECK_NOTHROW(check(conv_graph()));
}

TEST_CASE("check: a convolution with the wrong output shape names the operator and the right shape")
{
  const Graph g = conv_graph({1, 5, 5, 4}, 7);
  CHECK_THROWS_AS(check(g), GraphError);
  CHECK_THROWS_WITH(check(g), Contains("operator 7 (CONV_2D)") && Contains("[1,5,5,4]") &&
                                Contains("give [1,3,3,4]") && Contains("VALID"));
}

TEST_CASE("check: SAME padding with stride 2 and dilation 2 gives ceil(in / stride)")
{
  // 5 rows, stride 2, SAME: ceil(5/2) = 3 whatever the (dilated) kernel.
  Graph g = conv_graph({1, 3, 3, 4});
  g.ops[0].params = ConvParams{2, 2, 2, 2, Padding::Same, Activation::Relu};
  CHECK_NOTHROW(check(g));
  // VALID with the dilated 5x5 window and stride 2: (5 - 5) / 2 + 1 = 1.
  g.ops[0].params = ConvParams{2, 2, 2, 2, Padding::Valid, Activation::None};
  CHECK_THROWS_WITH(check(g), Contains("give [1,1,1,4]"));
}

TEST_CASE("check: a convolution without its filter is rejected")
{
  Graph g = conv_graph();
  g.ops[0].inputs = {0, kNoTensor}; // no filter, no bias
  CHECK_THROWS_WITH(check(g), Contains("operator 0 (CONV_2D): has no filter (input 1)"));

  // A filter that is an activation, not a constant.
  Graph h = conv_graph();
  h.tensors[1].data.clear();
  CHECK_THROWS_WITH(check(h), Contains("operator 0 (CONV_2D): filter 'w' is not a constant tensor"));

  // Without a bias the convolution is fine.
  Graph k = conv_graph();
  k.ops[0].inputs = {0, 1, kNoTensor};
  CHECK_NOTHROW(check(k));
}

TEST_CASE("check: operator arity, parameters and tensor indices")
{
  Graph g = conv_graph();
  g.ops[0].inputs.push_back(0);
  CHECK_THROWS_WITH(check(g), Contains("operator 0 (CONV_2D): has 4 inputs, needs 2 to 3"));

  g = conv_graph();
  g.ops[0].inputs[0] = 9;
  CHECK_THROWS_WITH(check(g), Contains("input 0 refers to tensor 9, but the graph has 4 tensors"));

  g = conv_graph();
  g.ops[0].params = PoolParams{};
  CHECK_THROWS_WITH(check(g), Contains("operator 0 (CONV_2D): has no convolution parameters"));

  g = conv_graph();
  g.ops[0].params = ConvParams{0, 1, 1, 1, Padding::Same, Activation::None};
  CHECK_THROWS_WITH(check(g), Contains("window parameters") && Contains("between 1 and 2^24"));
}

TEST_CASE("check: ADD operands of different shapes are rejected (no broadcasting yet)")
{
  CHECK_NOTHROW(check(add_graph({1, 2, 2, 3}, {1, 2, 2, 3}, {1, 2, 2, 3})));
  CHECK_THROWS_WITH(check(add_graph({1, 2, 2, 3}, {1, 2, 2, 1}, {1, 2, 2, 3})),
                    Contains("operator 0 (ADD): operand shapes [1,2,2,3] and [1,2,2,1] differ") &&
                      Contains("broadcasting is not supported yet"));
  CHECK_THROWS_WITH(check(add_graph({1, 2, 2, 3}, {1, 2, 2, 3}, {1, 2, 3, 2})),
                    Contains("operator 0 (ADD): output 'sum' has shape [1,2,3,2]"));
}

TEST_CASE("check: depthwise channels are input channels x depth multiplier")
{
  // [1,4,4,2], multiplier 2 -> 4 channels, 3x3 SAME stride 1 -> [1,4,4,4].
  Graph g;
  const int in = add(g, activation("in", {1, 4, 4, 2}));
  const int w = add(g, constant("dw", DataType::Int8, {1, 3, 3, 4}, 4, 3));
  const int out = add(g, activation("out", {1, 4, 4, 4}));
  add_op(g, OpKind::DepthwiseConv2D, {in, w}, {out},
         DepthwiseParams{1, 1, 1, 1, 2, Padding::Same, Activation::Relu6});
  g.inputs = {in};
  g.outputs = {out};
  CHECK_NOTHROW(check(g));

  std::get<DepthwiseParams>(g.ops[0].params).depth_multiplier = 1;
  CHECK_THROWS_WITH(check(g), Contains("operator 0 (DEPTHWISE_CONV_2D)") &&
                                Contains("2 input channels x depth multiplier 1 give 2"));

  // Per-channel scales along axis 0 of a depthwise filter: the tensor
  // check sees 4 scales for a dimension of 1.
  std::get<DepthwiseParams>(g.ops[0].params).depth_multiplier = 2;
  g.tensors[1].quant.axis = 0;
  CHECK_THROWS_WITH(check(g), Contains("tensor 1 'dw'") && Contains("4 per-channel scales"));
}

TEST_CASE("check: per-channel scales must match the output channels")
{
  Graph g = conv_graph();
  g.tensors[1].quant.scales.pop_back();
  g.tensors[1].quant.zero_points.pop_back();
  CHECK_THROWS_WITH(check(g), Contains("tensor 1 'w': has 3 per-channel scales, but dimension 0 of "
                                       "its shape [4,3,3,2] is 4"));
  // Scales along the input-channel axis (3) are the wrong axis for CONV_2D
  // even when their count fits that axis: 2 scales for 4 output channels.
  Graph h = conv_graph();
  h.tensors[1].quant.scales = {0.1f, 0.2f};
  h.tensors[1].quant.zero_points = {0, 0};
  h.tensors[1].quant.axis = 3;
  CHECK_THROWS_WITH(check(h), Contains("operator 0 (CONV_2D): int8 filter 'w' has 2 quantization "
                                       "scales, needs 1 or one per output channel (4)"));
}

TEST_CASE("check: int8 quantization: zero points in range, activations per tensor")
{
  Graph g = conv_graph();
  g.tensors[0].quant.zero_points = {200};
  CHECK_THROWS_WITH(check(g), Contains("tensor 0 'in': int8 zero point 200 is outside [-128, 127]"));

  g = conv_graph();
  g.tensors[3].quant = {};
  CHECK_THROWS_WITH(check(g), Contains("operator 0 (CONV_2D): output 'out' is int8 but has 0 "
                                       "quantization scales, needs 1"));

  g = conv_graph();
  g.tensors[0].quant.zero_points = {1, 2};
  CHECK_THROWS_WITH(check(g), Contains("has 1 quantization scales but 2 zero points"));
}

TEST_CASE("check: int8 softmax output is quantized with scale 1/256 and zero point -128")
{
  auto softmax_graph = [](float scale, std::int64_t zero_point) {
    Graph g;
    const int in = add(g, activation("logits", {1, 10}, 0.1f, 3));
    const int out = add(g, activation("probs", {1, 10}, scale, zero_point));
    add_op(g, OpKind::Softmax, {in}, {out}, SoftmaxParams{1.0f}, 4);
    g.inputs = {in};
    g.outputs = {out};
    return g;
  };
  CHECK_NOTHROW(check(softmax_graph(1.0f / 256, -128)));
  CHECK_THROWS_WITH(check(softmax_graph(1.0f / 128, -128)),
                    Contains("operator 4 (SOFTMAX): int8 output 'probs'") &&
                      Contains("needs 1/256 and -128"));
  CHECK_THROWS_WITH(check(softmax_graph(1.0f / 256, 0)), Contains("needs 1/256 and -128"));
}

TEST_CASE("check: RESHAPE keeps the element count, FULLY_CONNECTED shapes follow the weights")
{
  // [1,1,1,8] -> RESHAPE [1,8] -> FC 3x8 -> [1,3]
  Graph g;
  const int in = add(g, activation("pooled", {1, 1, 1, 8}));
  const int flat = add(g, activation("flat", {1, 8}));
  const int w = add(g, constant("w", DataType::Int8, {3, 8}, 3, 0));
  const int out = add(g, activation("logits", {1, 3}));
  add_op(g, OpKind::Reshape, {in}, {flat}, std::monostate{}, 0);
  add_op(g, OpKind::FullyConnected, {flat, w}, {out}, FullyConnectedParams{}, 1);
  g.inputs = {in};
  g.outputs = {out};
  CHECK_NOTHROW(check(g));

  Graph bad_reshape = g;
  bad_reshape.tensors[1].shape = {1, 6};
  bad_reshape.tensors[2] = constant("w", DataType::Int8, {3, 6}, 3, 0);
  CHECK_THROWS_WITH(check(bad_reshape),
                    Contains("operator 0 (RESHAPE): input 'pooled' [1,1,1,8] has 8 elements but "
                             "output 'flat' [1,6] has 6"));

  Graph bad_fc = g;
  bad_fc.tensors[3].shape = {3};
  CHECK_THROWS_WITH(check(bad_fc), Contains("operator 1 (FULLY_CONNECTED): output 'logits' has "
                                            "shape [3], but input [1,8] and weights [3,8] give [1,3]"));

  // keep_num_dims: [2,4,8] x [3,8]^T -> [2,4,3]; without it, [8,3].
  Graph keep;
  const int x = add(keep, activation("x", {2, 4, 8}));
  const int kw = add(keep, constant("w", DataType::Int8, {3, 8}, 1, 0));
  const int y = add(keep, activation("y", {2, 4, 3}));
  add_op(keep, OpKind::FullyConnected, {x, kw}, {y}, FullyConnectedParams{Activation::None, true});
  keep.inputs = {x};
  keep.outputs = {y};
  CHECK_NOTHROW(check(keep));
  std::get<FullyConnectedParams>(keep.ops[0].params).keep_num_dims = false;
  CHECK_THROWS_WITH(check(keep), Contains("give [8,3]"));
}

TEST_CASE("check: CONCATENATION joins along its axis")
{
  Graph g;
  const int a = add(g, activation("a", {1, 2, 2, 3}));
  const int b = add(g, activation("b", {1, 2, 2, 5}));
  const int out = add(g, activation("joined", {1, 2, 2, 8}));
  add_op(g, OpKind::Concatenation, {a, b}, {out}, ConcatParams{-1, Activation::None});
  g.inputs = {a, b};
  g.outputs = {out};
  CHECK_NOTHROW(check(g));
  g.tensors[2].shape = {1, 2, 2, 7};
  CHECK_THROWS_WITH(check(g), Contains("operator 0 (CONCATENATION)") && Contains("give [1,2,2,8]"));
  g.tensors[2].shape = {1, 2, 2, 8};
  g.ops[0].params = ConcatParams{1, Activation::None};
  CHECK_THROWS_WITH(check(g), Contains("input 1 'b' has shape [1,2,2,5], which does not match"));
}

TEST_CASE("check: operators run on what exists; tensors are written once")
{
  // The ADD reads 'b', which no one produces and is not a graph input.
  Graph g = add_graph({1, 2}, {1, 2}, {1, 2});
  g.inputs = {0};
  CHECK_THROWS_WITH(check(g), Contains("operator 0 (ADD): reads tensor 1 'b', which is neither a "
                                       "graph input"));

  // A second ADD writing the first one's output.
  Graph h = add_graph({1, 2}, {1, 2}, {1, 2});
  add_op(h, OpKind::Add, {0, 1}, {2}, AddParams{}, 1);
  CHECK_THROWS_WITH(check(h), Contains("operator 1 (ADD): writes tensor 2 'sum', which already holds"));

  Graph k = conv_graph();
  k.outputs = {0, 5};
  CHECK_THROWS_WITH(check(k), Contains("graph output refers to tensor 5"));
}

TEST_CASE("check: tensor shapes and constant sizes")
{
  Graph g = conv_graph();
  g.tensors[2].data.pop_back();
  CHECK_THROWS_WITH(check(g), Contains("tensor 2 'b': holds 15 bytes of data, but [4] int32 "
                                       "elements need 16"));
  g = conv_graph();
  g.tensors[0].shape = {1, -5, 5, 2};
  CHECK_THROWS_WITH(check(g), Contains("tensor 0 'in': shape [1,-5,5,2] has a dimension below 1"));
  g = conv_graph();
  g.tensors[0].shape = {65536, 65536, 1, 2};
  CHECK_THROWS_WITH(check(g), Contains("more than 2^28 elements"));
}
