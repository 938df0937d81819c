// QUANTIZE (float32 -> int8, int8 -> int8), DEQUANTIZE and CONCATENATION,
// int8 (workloads/nn/nn_quantize.c, nn_concat.c), on cases worked out by
// hand from TFLite's definitions: AffineQuantize's round(x / scale) in
// double with ties away from zero, Requantize's fixed-point multiply, and
// the concatenation's slice order.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "nn_ops.h"

namespace {

using Bytes = std::vector<int8_t>;

Bytes quantize(nn_affine_quant q, const std::vector<float>& in) {
  Bytes out(in.size());
  nn_quantize_f32_s8(&q, in.data(), out.data(), static_cast<uint32_t>(in.size()));
  return out;
}

Bytes requantize(nn_requant_params p, const Bytes& in) {
  Bytes out(in.size());
  nn_requantize_s8_s8(&p, in.data(), out.data(), static_cast<uint32_t>(in.size()));
  return out;
}

}  // namespace

TEST_CASE("nn_quantize_f32_s8: half steps round away from zero, then saturate", "[nn][quantize]") {
  // Scale 0.5, zero point 0: x / 0.5 = 2x.
  //   0.25 -> 0.5 -> 1;  -0.25 -> -1;  0.75 -> 1.5 -> 2;  1.25 -> 2.5 -> 3;
  //   -1.25 -> -3;  0.2 -> 0.4 -> 0;  -0.2 -> 0;  100 -> 200 -> 127;
  //   -100 -> -128;  NaN -> -128 (what TFLite gets on x86: INT_MIN, clamped).
  const float nan = std::numeric_limits<float>::quiet_NaN();
  CHECK(quantize({0.5f, 0}, {0.25f, -0.25f, 0.75f, 1.25f, -1.25f, 0.2f, -0.2f, 100.0f, -100.0f, nan}) ==
        Bytes{1, -1, 2, 3, -3, 0, 0, 127, -128, -128});
  // Zero point 10: 0.25 -> 1 + 10 = 11;  -64 -> -128 + 10 = -118;
  // 58.75 -> 117.5 -> 118 + 10 = 128 -> 127;  -70 -> -140 + 10 = -130 -> -128;
  // 1e30 and -infinity saturate.
  const float inf = std::numeric_limits<float>::infinity();
  CHECK(quantize({0.5f, 10}, {0.25f, -64.0f, 58.75f, -70.0f, 1e30f, -inf}) ==
        Bytes{11, -118, 127, -128, 127, -128});
}

TEST_CASE("nn_quantize_f32_s8: divides in float, as TFLite's reference quantize", "[nn][quantize]") {
  // TFLite: TfLiteRound(val / static_cast<float>(scale)). 0.1f is
  // 0.100000001490116...: the exact quotient 0.25 / 0.1f = 2.4999999627 is
  // rounded to the float 2.5f first, which then rounds away from zero to 3.
  // (A double division would give 2.)
  REQUIRE(0.25f / 0.1f == 2.5f);
  REQUIRE(static_cast<double>(0.25f) / static_cast<double>(0.1f) < 2.5);
  CHECK(quantize({0.1f, 0}, {0.25f, -0.25f}) == Bytes{3, -3});
}

TEST_CASE("nn_dequantize_s8_f32: scale * (q - zero point)", "[nn][quantize]") {
  const nn_affine_quant q{0.5f, -128};
  const Bytes in{-128, 127, 0};
  std::vector<float> out(in.size());
  nn_dequantize_s8_f32(&q, in.data(), out.data(), 3);
  CHECK(out == std::vector<float>{0.0f, 127.5f, 64.0f});  // 0, 255/2, 128/2: exact

  // TFLite multiplies in double and rounds to float once: (13 - 3) * 0.1f.
  const nn_affine_quant tenth{0.1f, 3};
  const Bytes thirteen{13, -128};
  nn_dequantize_s8_f32(&tenth, thirteen.data(), out.data(), 2);
  CHECK(out[0] == static_cast<float>(static_cast<double>(0.1f) * 10));
  CHECK(out[1] == static_cast<float>(static_cast<double>(0.1f) * -131));
}

TEST_CASE("nn_requantize_s8_s8: TFLite's fixed-point rescale, rounded, saturated", "[nn][quantize]") {
  // Multiplier 2^30 (0.5 in Q31), shift -1: x / 4. The high multiply halves
  // exactly for even x, the rounding shift halves again, ties away from zero:
  //   6 -> 3 -> 1.5 -> 2;  -6 -> -3 -> -2;  2 -> 1 -> 0.5 -> 1;  -2 -> -1;
  //   8 -> 2;  -128 -> -32;  0 -> 0.
  CHECK(requantize({0, 1 << 30, -1, 0}, {6, -6, 2, -2, 8, -128, 0}) ==
        Bytes{2, -2, 1, -1, 2, -32, 0});
  // Shift 3 with 2^30: x * 4. Input zero point -5 (offset 5), output zero
  // point -3: -5 -> 0 -> -3;  3 -> 8 * 4 - 3 = 29;  100 -> 105 * 4 - 3 = 417
  // -> 127;  -128 -> -123 * 4 - 3 = -495 -> -128.
  CHECK(requantize({5, 1 << 30, 3, -3}, {-5, 3, 100, -128}) == Bytes{-3, 29, 127, -128});
}

TEST_CASE("nn_concat_s8: each input's slice in turn, per outer index", "[nn][concat]") {
  // [outer 2][axis][inner 2]: A has axis 1, B axis 2, C axis 1.
  const Bytes a{1, 2, /**/ 3, 4};
  const Bytes b{10, 11, 12, 13, /**/ 14, 15, 16, 17};
  const Bytes c{-1, -2, /**/ -3, -4};
  const nn_concat_input_s8 inputs[] = {{a.data(), 1, nullptr}, {b.data(), 2, nullptr},
                                       {c.data(), 1, nullptr}};
  Bytes out(16);
  nn_concat_s8(inputs, 3, 2, 2, out.data());
  CHECK(out == Bytes{1, 2, 10, 11, 12, 13, -1, -2, /**/ 3, 4, 14, 15, 16, 17, -3, -4});
}

TEST_CASE("nn_concat_s8: an input with its own quantization is requantized", "[nn][concat]") {
  // B's scale is half the output's (multiplier 2^30, shift 0: x / 2), its
  // zero point 0, the output's 1: 10 -> 5 + 1 = 6, 12 -> 7, ..., 26 -> 14.
  const Bytes a{1, 2, /**/ 3, 4};
  const Bytes b{10, 12, 14, 16, /**/ 20, 22, 24, 26};
  const nn_requant_params half{0, 1 << 30, 0, 1};
  const nn_concat_input_s8 inputs[] = {{a.data(), 1, nullptr}, {b.data(), 2, &half}};
  Bytes out(12);
  nn_concat_s8(inputs, 2, 2, 2, out.data());
  CHECK(out == Bytes{1, 2, 6, 7, 8, 9, /**/ 3, 4, 11, 12, 13, 14});
}
