// Pools, ADD, QUANTIZE/DEQUANTIZE, RESHAPE and CONCATENATION on hand-worked cases.
#include "compiler/reference/add.hpp"
#include "compiler/reference/concatenation.hpp"
#include "compiler/reference/pool.hpp"
#include "compiler/reference/quantize.hpp"
#include "compiler/reference/reshape.hpp"
#include "compiler/reference/tensor_data.hpp"

#include <catch2/catch.hpp>

using namespace compiler;
using namespace compiler::reference;
using quant::Multiplier;

namespace {

constexpr std::int32_t kHalf = std::int32_t{1} << 30; // 0.5 in Q0.31

// Input 1x2x3x2, window 2x2, stride 2, SAME: output 1x1x2x2; the second
// window's right column is padding, so it has 2 taps, not 4.
WindowGeometry pool_window()
{
  WindowGeometry g;
  g.input = {1, 2, 3, 2};
  g.output = {1, 1, 2, 2};
  g.kernel_h = g.kernel_w = 2;
  g.stride_h = g.stride_w = 2;
  return g;
}

// Channel 0: rows (-3, -2, 5), (-4, 3, -2); channel 1: rows (-1, 0, -3), (-1, 0, 2).
const std::vector<std::int8_t> kPoolInput{-3, -1, -2, 0, 5, -3, -4, -1, 3, 0, -2, 2};

} // namespace

// Window 0: c0 -3-2-4+3 = -6 / 4 = -1.5 -> -2; c1 -2 / 4 = -0.5 -> -1.
// Window 1 (2 taps): c0 5-2 = 3 / 2 = 1.5 -> 2 (dividing by 4 would give 1);
// c1 -3+2 = -1 / 2 = -0.5 -> -1. Ties go away from zero.
TEST_CASE("average_pool int8: rounds negative ties away from zero over the valid taps")
{
  std::vector<std::int8_t> output(4);
  average_pool(pool_window(), quant::ActivationRange{-128, 127}, std::span<const std::int8_t>(kPoolInput),
               std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{-2, -1, 2, -1});
  // A RELU-style clamp at 0.
  average_pool(pool_window(), quant::ActivationRange{0, 127}, std::span<const std::int8_t>(kPoolInput),
               std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{0, 0, 2, 0});
}

TEST_CASE("average_pool float32 divides by the valid taps")
{
  const std::vector<float> input(kPoolInput.begin(), kPoolInput.end());
  std::vector<float> output(4);
  average_pool(pool_window(), quant::float_activation_range(graph::Activation::None),
               std::span<const float>(input), std::span<float>(output));
  CHECK(output == std::vector<float>{-1.5f, -0.5f, 1.5f, -0.5f});
}

// Window 0: c0 max(-3, -2, -4, 3) = 3, c1 0; window 1: c0 max(5, -2) = 5, c1 2.
TEST_CASE("max_pool int8 and float32")
{
  std::vector<std::int8_t> output(4);
  max_pool(pool_window(), quant::ActivationRange{-128, 4}, std::span<const std::int8_t>(kPoolInput),
           std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{3, 0, 4, 2}); // 5 clamped to 4
  const std::vector<float> input(kPoolInput.begin(), kPoolInput.end());
  std::vector<float> float_output(4);
  max_pool(pool_window(), quant::float_activation_range(graph::Activation::None), std::span<const float>(input),
           std::span<float>(float_output));
  CHECK(float_output == std::vector<float>{3, 0, 5, 2});
}

// Input 1: scale 0.5, zero point 1; input 2: scale 0.25, zero point -2;
// output scale 1, zero point 0 (the multipliers of compiler.quant's ADD case).
TEST_CASE("add int8: different input scales, rounding of halves")
{
  quant::AddParams p;
  p.input1_offset = -1;
  p.input2_offset = 2;
  p.input1 = Multiplier{kHalf, 0};   // 0.5 / (2 * 0.5)
  p.input2 = Multiplier{kHalf, -1};  // 0.25 / (2 * 0.5)
  p.output = Multiplier{kHalf, -19}; // 1 / (2^20 * 1)
  p.activation = {-128, 127};
  const BroadcastShapes shapes{{4}, {4}, {4}};
  // reals: a = 0.5 (q - 1), b = 0.25 (q + 2)
  //   (5, 6):   2.0 + 2.0 = 4
  //   (2, 0):   0.5 + 0.5 = 1
  //   (2, -2):  0.5 + 0   = 0.5 -> 1
  //   (0, -2): -0.5 + 0   = -0.5 -> -1
  const std::vector<std::int8_t> a{5, 2, 2, 0};
  const std::vector<std::int8_t> b{6, 0, -2, -2};
  std::vector<std::int8_t> output(4);
  add(shapes, p, std::span<const std::int8_t>(a), std::span<const std::int8_t>(b), std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{4, 1, 1, -1});
  p.activation = {0, 127}; // RELU
  add(shapes, p, std::span<const std::int8_t>(a), std::span<const std::int8_t>(b), std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{4, 1, 1, 0});
}

TEST_CASE("add float32 broadcasts the trailing dimensions")
{
  const BroadcastShapes shapes{{1, 2, 2}, {2}, {1, 2, 2}};
  const std::vector<float> a{1, 2, 3, 4};
  const std::vector<float> b{10, 20};
  std::vector<float> output(4);
  add(shapes, quant::float_activation_range(graph::Activation::None), std::span<const float>(a),
      std::span<const float>(b), std::span<float>(output));
  CHECK(output == std::vector<float>{11, 22, 13, 24});
  add(shapes, quant::float_activation_range(graph::Activation::Relu6), std::span<const float>(a),
      std::span<const float>(b), std::span<float>(output));
  CHECK(output == std::vector<float>{6, 6, 6, 6});
  const BroadcastShapes bad{{1, 2, 2}, {3}, {1, 2, 2}};
  std::vector<float> three{1, 2, 3};
  CHECK_THROWS(add(bad, quant::float_activation_range(graph::Activation::None), std::span<const float>(a),
                   std::span<const float>(three), std::span<float>(output)));
}

// scale 0.5, zero point -3: x / 0.5 rounded half away from zero, plus -3.
TEST_CASE("quantize float32 -> int8")
{
  const quant::QuantizeParams p{0.5f, -3};
  const std::vector<float> input{1.25f, -1.25f, 0.74f, 100.0f, -100.0f, 0.0f};
  std::vector<std::int8_t> output(input.size());
  quantize(p, std::span<const float>(input), std::span<std::int8_t>(output));
  // 2.5 -> 3 -> 0; -2.5 -> -3 -> -6; 1.48 -> 1 -> -2; 200 -> 197 -> 127; -203 -> -128; -3
  CHECK(output == std::vector<std::int8_t>{0, -6, -2, 127, -128, -3});
}

TEST_CASE("requantize int8 -> int8 and dequantize int8 -> float32")
{
  // (scale 0.5, zp 3) -> (scale 0.25, zp -1): (q - 3) * 2 - 1.
  const quant::RequantizeParams r{3, -1, Multiplier{kHalf, 2}};
  const std::vector<std::int8_t> input{5, 100, -128, 3};
  std::vector<std::int8_t> output(4);
  requantize(r, std::span<const std::int8_t>(input), std::span<std::int8_t>(output));
  CHECK(output == std::vector<std::int8_t>{3, 127, -128, -1}); // 3, 193 -> 127, -263 -> -128, -1

  const quant::DequantizeParams d{0.5, 3};
  std::vector<float> real(4);
  dequantize(d, std::span<const std::int8_t>(input), std::span<float>(real));
  CHECK(real == std::vector<float>{1.0f, 48.5f, -65.5f, 0.0f});
}

TEST_CASE("reshape copies bytes; concatenation interleaves slices per outer index")
{
  const Bytes in{1, 2, 3, 4};
  Bytes out(4);
  reshape(in, out);
  CHECK(out == in);

  // [2][1] and [2][2] joined on the last axis: rows (a0, b0, b1), (a1, b2, b3).
  const Bytes a{1, 2};
  const Bytes b{10, 11, 12, 13};
  Bytes joined(6);
  concatenation({{a, 1}, {b, 2}}, 2, joined);
  CHECK(joined == Bytes{1, 10, 11, 2, 12, 13});
}
