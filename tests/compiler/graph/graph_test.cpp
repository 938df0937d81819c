#include "compiler/graph/graph.hpp"

#include <catch2/catch.hpp>

using namespace compiler::graph;

// TFLite's padding rule (tensorflow/lite/kernels/padding.h): SAME gives
// ceil(in / stride) outputs and puts the smaller half of the padding first.
TEST_CASE("SAME padding: output size and leading padding")
{
  // 49 rows, kernel 10, stride 2 (kws' first conv): out 25, total pad
  // (25-1)*2 + 10 - 49 = 9, 4 before.
  PaddedDim d = pad_dim(Padding::Same, 49, 10, 2, 1);
  CHECK(d.out == 25);
  CHECK(d.pad_before == 4);
  // 96, kernel 3, stride 2: out 48, total (47*2+3-96) = 1, 0 before.
  d = pad_dim(Padding::Same, 96, 3, 2, 1);
  CHECK(d.out == 48);
  CHECK(d.pad_before == 0);
  // dilation 2 turns a 3-tap kernel into 5: 10 in, stride 1, total 4, 2 before.
  d = pad_dim(Padding::Same, 10, 3, 1, 2);
  CHECK(d.out == 10);
  CHECK(d.pad_before == 2);
}

TEST_CASE("VALID padding: only whole windows")
{
  CHECK(pad_dim(Padding::Valid, 10, 3, 1, 1).out == 8);
  CHECK(pad_dim(Padding::Valid, 10, 3, 2, 1).out == 4);  // windows at 0,2,4,6
  CHECK(pad_dim(Padding::Valid, 10, 3, 1, 2).out == 6);  // 5-tap effective
  CHECK(pad_dim(Padding::Valid, 5, 5, 1, 1).out == 1);
  CHECK(pad_dim(Padding::Valid, 10, 3, 1, 1).pad_before == 0);
}

TEST_CASE("tensor sizes follow shape and element type")
{
  Tensor t;
  t.type = DataType::Int8;
  t.shape = {1, 49, 10, 1};
  CHECK(t.elements() == 490);
  CHECK(t.bytes() == 490);
  t.type = DataType::Float32;
  CHECK(t.bytes() == 1960);
  CHECK(name_of(OpKind::DepthwiseConv2D) == "DEPTHWISE_CONV_2D");
  CHECK(name_of(DataType::Int8) == "int8");
}
