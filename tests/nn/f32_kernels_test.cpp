// The float32 kernels (workloads/nn/nn_f32_*.c): hand-worked cases (a 3x3
// all-ones kernel with SAME padding gives neighbourhood sums, OHWI and
// depthwise layouts, the clamp), the documented summation order (a case
// whose result depends on it), and random CONV_2D, DEPTHWISE_CONV_2D and
// FULLY_CONNECTED layers against a naive double-precision reference.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "nn_ops_f32.h"

namespace {

using Floats = std::vector<float>;

constexpr float kInf = std::numeric_limits<float>::infinity();
const nn_f32_activation kNone{-kInf, kInf};

const Floats kOneToNine{1, 2, 3, 4, 5, 6, 7, 8, 9};  // 3x3, one channel

nn_window window(int32_t in_h, int32_t in_w, int32_t kernel_h, int32_t kernel_w, int32_t stride,
                 int32_t dilation, nn_padding padding) {
  nn_window w{};
  w.in_h = in_h;
  w.in_w = in_w;
  w.kernel_h = kernel_h;
  w.kernel_w = kernel_w;
  w.stride_h = w.stride_w = stride;
  w.dilation_h = w.dilation_w = dilation;
  nn_padding_for(padding, in_h, kernel_h, stride, dilation, &w.out_h, &w.pad_top);
  nn_padding_for(padding, in_w, kernel_w, stride, dilation, &w.out_w, &w.pad_left);
  return w;
}

// The input element that tap (ky, kx) of output (oy, ox) reads, or none:
// written from TFLite's origin-plus-offset form, independently of nn_tap.
bool input_position(const nn_window& w, int32_t oy, int32_t ox, int32_t ky, int32_t kx,
                    int32_t* y, int32_t* x) {
  *y = (oy * w.stride_h - w.pad_top) + ky * w.dilation_h;
  *x = (ox * w.stride_w - w.pad_left) + kx * w.dilation_w;
  return *y >= 0 && *y < w.in_h && *x >= 0 && *x < w.in_w;
}

// A reference value and the sum of its terms' magnitudes (the error bound's scale).
struct Reference {
  double value = 0, magnitude = 0;
  void add(double term) {
    value += term;
    magnitude += std::fabs(term);
  }
};

// float's rounding errors over n terms stay below n * 2^-24 of the terms'
// magnitudes; 1e-5 of it is far above that for these sizes and far below
// any indexing mistake.
void check_close(float got, const Reference& r) {
  INFO("got " << got << " reference " << r.value);
  REQUIRE(std::fabs(got - r.value) <= 1e-5 * (r.magnitude + 1e-30));
}

Floats random_floats(std::mt19937& rng, size_t n) {
  std::uniform_real_distribution<float> d(-2.0f, 2.0f);
  Floats v(n);
  for (float& x : v) x = d(rng);
  return v;
}

}  // namespace

TEST_CASE("nn_f32_conv2d: a 3x3 all-ones kernel with SAME padding sums neighbourhoods", "[nn][f32]") {
  nn_conv_shape s{};
  s.batch = s.in_c = s.out_c = 1;
  s.window = window(3, 3, 3, 3, 1, 1, NN_PADDING_SAME);
  const Floats ones(9, 1.0f);
  Floats out(9);
  // Corners: 1+2+4+5 = 12, 2+3+5+6 = 16, 4+5+7+8 = 24, 5+6+8+9 = 28; edges:
  // 1+..+6 = 21, 1+2+4+5+7+8 = 27, 2+3+5+6+8+9 = 33, 4+..+9 = 39; centre 45.
  nn_f32_conv2d(&s, &kNone, kOneToNine.data(), ones.data(), nullptr, out.data());
  CHECK(out == Floats{12, 21, 16, 27, 45, 33, 24, 39, 28});
  // Bias 0.5, then the clamp at 40: 45.5 -> 40.
  const float bias = 0.5f;
  const nn_f32_activation at_most_40{-kInf, 40.0f};
  nn_f32_conv2d(&s, &at_most_40, kOneToNine.data(), ones.data(), &bias, out.data());
  CHECK(out == Floats{12.5f, 21.5f, 16.5f, 27.5f, 40, 33.5f, 24.5f, 39.5f, 28.5f});
}

TEST_CASE("nn_f32_conv2d: OHWI weights, NHWC output", "[nn][f32]") {
  // 1x1 kernel, 2 in, 2 out channels; weights[oc][0][0][ic]: {1, 10},
  // {100, 1000}. Pixel (2, 3): 2 + 30 = 32 and 200 + 3000 = 3200; pixel
  // (-1, 0.5): -1 + 5 = 4 and -100 + 500 = 400.
  nn_conv_shape s{};
  s.batch = 1;
  s.in_c = s.out_c = 2;
  s.window = window(1, 2, 1, 1, 1, 1, NN_PADDING_VALID);
  const Floats in{2, 3, -1, 0.5f};
  const Floats weights{1, 10, 100, 1000};
  Floats out(4);
  nn_f32_conv2d(&s, &kNone, in.data(), weights.data(), nullptr, out.data());
  CHECK(out == Floats{32, 3200, 4, 400});
}

TEST_CASE("nn_f32_depthwise_conv2d: depth multiplier 2", "[nn][f32]") {
  // 2x2 image of one channel {1, 2, 3, 4}, 2x2 kernel VALID: one output
  // pixel, channels 0 and 1 (multiplier 2). weights[ky][kx][oc]: oc 0 all
  // ones (sum 10), oc 1 {1, 10, 100, 1000} (1 + 20 + 300 + 4000 = 4321);
  // bias {0.5, -1}.
  nn_depthwise_shape s{};
  s.batch = s.in_c = 1;
  s.depth_multiplier = 2;
  s.window = window(2, 2, 2, 2, 1, 1, NN_PADDING_VALID);
  const Floats in{1, 2, 3, 4};
  const Floats weights{1, 1, 1, 10, 1, 100, 1, 1000};
  const Floats bias{0.5f, -1};
  Floats out(2);
  nn_f32_depthwise_conv2d(&s, &kNone, in.data(), weights.data(), bias.data(), out.data());
  CHECK(out == Floats{10.5f, 4320});
}

TEST_CASE("nn_f32_fully_connected: rows of weights, bias, RELU", "[nn][f32]") {
  // W = {{1, 0, -1}, {0.5, 0.5, 0.5}}, bias {1, 0}. Batch 0 {1, 2, 3}:
  // 1 - 3 + 1 = -1 -> 0 (RELU), 3. Batch 1 {0, 0, 1}: -1 + 1 = 0, 0.5.
  nn_fully_connected_shape s{2, 3, 2};
  const Floats in{1, 2, 3, 0, 0, 1};
  const Floats weights{1, 0, -1, 0.5f, 0.5f, 0.5f};
  const Floats bias{1, 0};
  const nn_f32_activation relu{0.0f, kInf};
  Floats out(4);
  nn_f32_fully_connected(&s, &relu, in.data(), weights.data(), bias.data(), out.data());
  CHECK(out == Floats{0, 3, 0, 0.5f});
}

TEST_CASE("nn_f32 kernels sum in the documented order: taps, then the bias", "[nn][f32]") {
  // Inputs {1e8, -1e8, 1}, weights 1, bias 1. In the documented order:
  // 0 + 1e8 - 1e8 + 1 = 1, + bias = 2. Bias first would give 1e8 + 1 = 1e8
  // (float's step at 1e8 is 8), - 1e8 + 1 = 1; the taps in reverse,
  // 1 - 1e8 = -1e8, + 1e8 = 0, + 1 = 1.
  const Floats in{1e8f, -1e8f, 1};
  const Floats weights{1, 1, 1};
  const float bias = 1;
  float out = 0;
  nn_fully_connected_shape fc{1, 3, 1};
  nn_f32_fully_connected(&fc, &kNone, in.data(), weights.data(), &bias, &out);
  CHECK(out == 2.0f);
  // CONV_2D: the same three values as input channels of a 1x1 pixel...
  nn_conv_shape conv{};
  conv.batch = conv.out_c = 1;
  conv.in_c = 3;
  conv.window = window(1, 1, 1, 1, 1, 1, NN_PADDING_VALID);
  out = 0;
  nn_f32_conv2d(&conv, &kNone, in.data(), weights.data(), &bias, &out);
  CHECK(out == 2.0f);
  // ...and as taps of a 1x3 kernel (ky, then kx).
  conv.in_c = 1;
  conv.window = window(1, 3, 1, 3, 1, 1, NN_PADDING_VALID);
  out = 0;
  nn_f32_conv2d(&conv, &kNone, in.data(), weights.data(), &bias, &out);
  CHECK(out == 2.0f);
  nn_depthwise_shape dw{};
  dw.batch = dw.in_c = dw.depth_multiplier = 1;
  dw.window = conv.window;
  out = 0;
  nn_f32_depthwise_conv2d(&dw, &kNone, in.data(), weights.data(), &bias, &out);
  CHECK(out == 2.0f);
}

TEST_CASE("nn_f32 pooling: taps inside the image, clamp", "[nn][f32]") {
  nn_pool_shape s{};
  s.batch = s.channels = 1;
  s.window = window(3, 3, 3, 3, 1, 1, NN_PADDING_SAME);
  s.window.dilation_h = s.window.dilation_w = 0;  // ignored by pooling
  Floats out(9);
  // The neighbourhood sums above over their tap counts 4, 6, 4 / 6, 9, 6 / 4, 6, 4.
  nn_f32_avg_pool2d(&s, &kNone, kOneToNine.data(), out.data());
  CHECK(out == Floats{3, 3.5f, 4, 4.5f, 5, 5.5f, 6, 6.5f, 7});

  // 3x3 SAME stride 2 over -(1..9): windows {1,2,4,5} {2,3,5,6} {4,5,7,8}
  // {5,6,8,9}, maxima -1, -2, -4, -5 (the padding is not 0); clamped at
  // -4.5 from below.
  Floats negated;
  for (float v : kOneToNine) negated.push_back(-v);
  s.window = window(3, 3, 3, 3, 2, 1, NN_PADDING_SAME);
  out.resize(4);
  nn_f32_max_pool2d(&s, &kNone, negated.data(), out.data());
  CHECK(out == Floats{-1, -2, -4, -5});
  const nn_f32_activation at_least{-4.5f, kInf};
  nn_f32_max_pool2d(&s, &at_least, negated.data(), out.data());
  CHECK(out == Floats{-1, -2, -4, -4.5f});
}

TEST_CASE("nn_f32_add and nn_f32_concat", "[nn][f32]") {
  // {1, 2, 0.5} + {3, -5, 0.25} = {4, -3, 0.75}, clamped to [-1, 3].
  const Floats a{1, 2, 0.5f}, b{3, -5, 0.25f};
  const nn_f32_activation range{-1, 3};
  Floats out(3);
  nn_f32_add(&range, a.data(), b.data(), out.data(), 3);
  CHECK(out == Floats{3, -1, 0.75f});

  // [outer 2][axis][inner 2]: A axis 1, B axis 2.
  const Floats x{1, 2, 3, 4}, y{10, 11, 12, 13, 14, 15, 16, 17};
  const nn_concat_input_f32 inputs[] = {{x.data(), 1}, {y.data(), 2}};
  Floats joined(12);
  nn_f32_concat(inputs, 2, 2, 2, joined.data());
  CHECK(joined == Floats{1, 2, 10, 11, 12, 13, 3, 4, 14, 15, 16, 17});
}

TEST_CASE("nn_f32_softmax: exact ratios, beta, no overflow", "[nn][f32]") {
  Floats out(4);
  // Four equal values: expf(0) = 1 each, 1/4 exactly.
  const Floats equal(4, 7.0f);
  nn_f32_softmax(1.0f, equal.data(), out.data(), 1, 4);
  CHECK(out == Floats(4, 0.25f));
  // {0, ln 3}: exps 1 and 3, so 1/4 and 3/4; with beta = ln 3, {0, 1} is
  // the same row. {1000, 1000 + ln 3}: the maximum is subtracted first,
  // or expf(1000) would overflow.
  const float ln3 = std::log(3.0f);
  const Floats rows{0, ln3, 1000, 1000 + ln3};
  nn_f32_softmax(1.0f, rows.data(), out.data(), 2, 2);
  CHECK(out[0] == Approx(0.25).margin(1e-6));
  CHECK(out[1] == Approx(0.75).margin(1e-6));
  CHECK(out[2] == Approx(0.25).margin(1e-4));  // 1000 + ln 3 rounds to a multiple of 2^-14
  CHECK(out[3] == Approx(0.75).margin(1e-4));
  const Floats unit{0, 1};
  nn_f32_softmax(ln3, unit.data(), out.data(), 1, 2);
  CHECK(out[0] == Approx(0.25).margin(1e-6));
  CHECK(out[1] == Approx(0.75).margin(1e-6));
  // {1, 2, 3}: e^-2, e^-1, 1 over their sum.
  const Floats three{1, 2, 3};
  nn_f32_softmax(1.0f, three.data(), out.data(), 1, 3);
  const double sum = std::exp(-2.0) + std::exp(-1.0) + 1.0;
  CHECK(out[0] == Approx(std::exp(-2.0) / sum).epsilon(1e-6));
  CHECK(out[1] == Approx(std::exp(-1.0) / sum).epsilon(1e-6));
  CHECK(out[2] == Approx(1.0 / sum).epsilon(1e-6));
}

TEST_CASE("nn_f32 MAC kernels equal a double-precision reference on random layers", "[nn][f32]") {
  std::mt19937 rng(0xF32);
  std::uniform_int_distribution<int32_t> size(1, 9), small(1, 3), channels(1, 6), coin(0, 1);
  for (int trial = 0; trial < 300; ++trial) {
    const int32_t in_h = size(rng), in_w = size(rng), kernel_h = small(rng), kernel_w = small(rng);
    const int32_t stride = small(rng), dilation = small(rng), batch = small(rng);
    const nn_padding padding = coin(rng) ? NN_PADDING_SAME : NN_PADDING_VALID;
    const nn_window w = window(in_h, in_w, kernel_h, kernel_w, stride, dilation, padding);
    if (w.out_h <= 0 || w.out_w <= 0) continue;  // VALID with a kernel larger than the image
    const bool with_bias = coin(rng);
    const nn_f32_activation act = coin(rng) ? kNone : nn_f32_activation{-1.0f, 1.5f};
    auto activate = [&](double v) { return std::fmin(std::fmax(v, act.min), act.max); };
    INFO("trial " << trial);

    // CONV_2D
    nn_conv_shape cs{batch, channels(rng), channels(rng), w};
    const Floats in = random_floats(rng, size_t(batch) * in_h * in_w * cs.in_c);
    const Floats weights = random_floats(rng, size_t(cs.out_c) * kernel_h * kernel_w * cs.in_c);
    const Floats bias = random_floats(rng, cs.out_c);
    Floats out(size_t(batch) * w.out_h * w.out_w * cs.out_c);
    nn_f32_conv2d(&cs, &act, in.data(), weights.data(), with_bias ? bias.data() : nullptr,
                  out.data());
    size_t i = 0;
    for (int32_t b = 0; b < batch; ++b)
      for (int32_t oy = 0; oy < w.out_h; ++oy)
        for (int32_t ox = 0; ox < w.out_w; ++ox)
          for (int32_t oc = 0; oc < cs.out_c; ++oc) {
            Reference r;
            for (int32_t ky = 0; ky < kernel_h; ++ky)
              for (int32_t kx = 0; kx < kernel_w; ++kx) {
                int32_t y, x;
                if (!input_position(w, oy, ox, ky, kx, &y, &x)) continue;
                for (int32_t ic = 0; ic < cs.in_c; ++ic)
                  r.add(double(in[((size_t(b) * in_h + y) * in_w + x) * cs.in_c + ic]) *
                        weights[((size_t(oc) * kernel_h + ky) * kernel_w + kx) * cs.in_c + ic]);
              }
            if (with_bias) r.add(bias[oc]);
            r.value = activate(r.value);
            check_close(out[i++], r);
          }

    // DEPTHWISE_CONV_2D
    nn_depthwise_shape ds{batch, channels(rng), small(rng), w};
    const int32_t out_c = ds.in_c * ds.depth_multiplier;
    const Floats dw_in = random_floats(rng, size_t(batch) * in_h * in_w * ds.in_c);
    const Floats dw_weights = random_floats(rng, size_t(kernel_h) * kernel_w * out_c);
    const Floats dw_bias = random_floats(rng, out_c);
    Floats dw_out(size_t(batch) * w.out_h * w.out_w * out_c);
    nn_f32_depthwise_conv2d(&ds, &act, dw_in.data(), dw_weights.data(),
                            with_bias ? dw_bias.data() : nullptr, dw_out.data());
    i = 0;
    for (int32_t b = 0; b < batch; ++b)
      for (int32_t oy = 0; oy < w.out_h; ++oy)
        for (int32_t ox = 0; ox < w.out_w; ++ox)
          for (int32_t oc = 0; oc < out_c; ++oc) {
            const int32_t ic = oc / ds.depth_multiplier;
            Reference r;
            for (int32_t ky = 0; ky < kernel_h; ++ky)
              for (int32_t kx = 0; kx < kernel_w; ++kx) {
                int32_t y, x;
                if (!input_position(w, oy, ox, ky, kx, &y, &x)) continue;
                r.add(double(dw_in[((size_t(b) * in_h + y) * in_w + x) * ds.in_c + ic]) *
                      dw_weights[(size_t(ky) * kernel_w + kx) * out_c + oc]);
              }
            if (with_bias) r.add(dw_bias[oc]);
            r.value = activate(r.value);
            check_close(dw_out[i++], r);
          }

    // FULLY_CONNECTED: the conv's input as batch rows of in_h * in_w * in_c.
    nn_fully_connected_shape fs{batch, in_h * in_w * cs.in_c, cs.out_c};
    const Floats fc_weights = random_floats(rng, size_t(fs.out_features) * fs.in_features);
    Floats fc_out(size_t(batch) * fs.out_features);
    nn_f32_fully_connected(&fs, &act, in.data(), fc_weights.data(),
                           with_bias ? bias.data() : nullptr, fc_out.data());
    i = 0;
    for (int32_t b = 0; b < batch; ++b)
      for (int32_t o = 0; o < fs.out_features; ++o) {
        Reference r;
        for (int32_t k = 0; k < fs.in_features; ++k)
          r.add(double(in[size_t(b) * fs.in_features + k]) * fc_weights[size_t(o) * fs.in_features + k]);
        if (with_bias) r.add(bias[o]);
        r.value = activate(r.value);
        check_close(fc_out[i++], r);
      }
  }
}
