// The portable int8 kernels (workloads/nn, C, compiled for the host)
// against the accelerator's functional model (accel::model, the golden
// reference): the requantization primitives on edge values, and 1,000
// random cases per operation from the naive tests' generator (odd shapes,
// strides, dilations, paddings, extreme zero points, multipliers and
// shifts, narrow clamps). Every output byte must agree.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "accel/model/ops.hpp"
#include "accel/model/quant.hpp"
#include "nn_ops.h"
#include "nn_quant.h"
#include "tests/accel/naive/naive_ops.hpp"
#include "tests/accel/naive/random_cases.hpp"

namespace {

using naive::cases::MacCase;

constexpr uint32_t kCasesPerOperation = 1000;

// The C kernels' quantization for a case: requant as two int32 arrays.
struct CQuant {
  std::vector<int32_t> multipliers, shifts;
  nn_mac_quant quant{};

  explicit CQuant(const MacCase& mac) {
    for (const accel::model::Requant& r : mac.requant) {
      multipliers.push_back(r.multiplier);
      shifts.push_back(r.shift);
    }
    quant = {.input_offset = mac.quant.input_offset, .output_offset = mac.quant.output_offset,
             .act_min = mac.quant.act_min, .act_max = mac.quant.act_max,
             .multipliers = multipliers.data(), .shifts = shifts.data()};
  }
};

const int32_t* bias_of(const MacCase& mac) { return mac.bias.empty() ? nullptr : mac.bias.data(); }

nn_window window_of(const accel::model::Window2d& w) {
  auto i = [](uint32_t v) { return static_cast<int32_t>(v); };
  return {.in_h = i(w.in_h), .in_w = i(w.in_w), .out_h = i(w.out_h), .out_w = i(w.out_w),
          .kernel_h = i(w.kernel_h), .kernel_w = i(w.kernel_w), .stride_h = i(w.stride_h),
          .stride_w = i(w.stride_w), .dilation_h = i(w.dilation_h), .dilation_w = i(w.dilation_w),
          .pad_top = i(w.pad_top), .pad_left = i(w.pad_left)};
}

// The first differing index, or -1.
long first_difference(const std::vector<int8_t>& a, const std::vector<int8_t>& b) {
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return static_cast<long>(i);
  return -1;
}

}  // namespace

TEST_CASE("nn_quant: the requantization primitives equal the model's", "[accel][nn]") {
  naive::cases::Random rng(0x9A47001);
  for (int i = 0; i < 100000; ++i) {
    const int32_t a = naive::cases::random_int32_with_edges(rng);
    const int32_t b = naive::cases::random_int32_with_edges(rng);
    const int exponent = static_cast<int>(rng.between(0, 31));
    const accel::model::Requant r = naive::cases::random_requant(rng);
    INFO("a " << a << " b " << b << " exponent " << exponent << " multiplier " << r.multiplier << " shift "
              << r.shift);
    REQUIRE(nn_saturating_rounding_doubling_high_mul(a, b) ==
            accel::model::saturating_rounding_doubling_high_mul(a, b));
    REQUIRE(nn_rounding_divide_by_pot(a, exponent) == accel::model::rounding_divide_by_pot(a, exponent));
    REQUIRE(nn_multiply_by_quantized_multiplier(a, r.multiplier, r.shift) ==
            accel::model::multiply_by_quantized_multiplier(a, r.multiplier, r.shift));
    const int32_t offset = static_cast<int32_t>(rng.between(-128, 127));
    REQUIRE(nn_requantize(a, r.multiplier, r.shift, offset, -100, 90) ==
            accel::model::requantize(a, r, offset, -100, 90));
  }
  CHECK(nn_saturating_rounding_doubling_high_mul(INT32_MIN, INT32_MIN) == INT32_MAX);
  CHECK(nn_rounding_divide_by_pot(-3, 1) == -2);  // -1.5: away from zero
  CHECK(nn_rounding_divide_by_pot(5, 1) == 3);    // 2.5
}

TEST_CASE("nn_padding_for: TFLite's SAME and VALID as the model computes them", "[accel][nn]") {
  for (uint32_t in = 1; in <= 20; ++in)
    for (uint32_t kernel = 1; kernel <= 5; ++kernel)
      for (uint32_t stride = 1; stride <= 3; ++stride)
        for (uint32_t dilation = 1; dilation <= 3; ++dilation)
          for (const auto padding : {accel::model::Padding::Same, accel::model::Padding::Valid}) {
            const auto expected = accel::model::padding_for(padding, in, kernel, stride, dilation);
            int32_t out = -1, pad = -1;
            nn_padding_for(padding == accel::model::Padding::Same ? NN_PADDING_SAME : NN_PADDING_VALID,
                           static_cast<int32_t>(in), static_cast<int32_t>(kernel), static_cast<int32_t>(stride),
                           static_cast<int32_t>(dilation), &out, &pad);
            INFO("in " << in << " kernel " << kernel << " stride " << stride << " dilation " << dilation);
            CHECK(out == static_cast<int32_t>(expected.out));
            CHECK(pad == static_cast<int32_t>(expected.pad_before));
          }
}

TEST_CASE("nn_conv2d equals the model on random cases", "[accel][nn]") {
  for (uint32_t seed = 0xC0E10000; seed < 0xC0E10000 + kCasesPerOperation; ++seed) {
    const naive::cases::ConvCase c = naive::cases::make_conv_case(seed);
    std::vector<int8_t> expected(naive::conv2d_output_size(c.shape)), actual(expected.size());
    accel::model::conv2d(c.shape, c.mac.quant, c.mac.operands(expected), c.mac.array);
    const CQuant q(c.mac);
    const nn_conv_shape shape{.batch = static_cast<int32_t>(c.shape.batch),
                              .in_c = static_cast<int32_t>(c.shape.in_c),
                              .out_c = static_cast<int32_t>(c.shape.out_c),
                              .window = window_of(c.shape.window)};
    nn_conv2d(&shape, &q.quant, c.mac.input.data(), c.mac.weights.data(), bias_of(c.mac), actual.data());
    INFO(naive::cases::describe(c));
    REQUIRE(first_difference(expected, actual) == -1);
  }
}

TEST_CASE("nn_depthwise_conv2d equals the model on random cases", "[accel][nn]") {
  for (uint32_t seed = 0xDE910000; seed < 0xDE910000 + kCasesPerOperation; ++seed) {
    const naive::cases::DepthwiseCase c = naive::cases::make_depthwise_case(seed);
    std::vector<int8_t> expected(naive::depthwise_output_size(c.shape)), actual(expected.size());
    accel::model::depthwise_conv2d(c.shape, c.mac.quant, c.mac.operands(expected), c.mac.array);
    const CQuant q(c.mac);
    const nn_depthwise_shape shape{.batch = static_cast<int32_t>(c.shape.batch),
                                   .in_c = static_cast<int32_t>(c.shape.in_c),
                                   .depth_multiplier = static_cast<int32_t>(c.shape.depth_multiplier),
                                   .window = window_of(c.shape.window)};
    nn_depthwise_conv2d(&shape, &q.quant, c.mac.input.data(), c.mac.weights.data(), bias_of(c.mac),
                        actual.data());
    INFO(naive::cases::describe(c));
    REQUIRE(first_difference(expected, actual) == -1);
  }
}

TEST_CASE("nn_fully_connected equals the model on random cases", "[accel][nn]") {
  for (uint32_t seed = 0xFC010000; seed < 0xFC010000 + kCasesPerOperation; ++seed) {
    const naive::cases::FullyConnectedCase c = naive::cases::make_fully_connected_case(seed);
    std::vector<int8_t> expected(size_t{c.shape.batch} * c.shape.out_features), actual(expected.size());
    accel::model::fully_connected(c.shape, c.mac.quant, c.mac.operands(expected), c.mac.array);
    const CQuant q(c.mac);
    const nn_fully_connected_shape shape{.batch = static_cast<int32_t>(c.shape.batch),
                                         .in_features = static_cast<int32_t>(c.shape.in_features),
                                         .out_features = static_cast<int32_t>(c.shape.out_features)};
    nn_fully_connected(&shape, &q.quant, c.mac.input.data(), c.mac.weights.data(), bias_of(c.mac),
                       actual.data());
    INFO(naive::cases::describe(c));
    REQUIRE(first_difference(expected, actual) == -1);
  }
}

TEST_CASE("nn_add equals the model on random cases", "[accel][nn]") {
  for (uint32_t seed = 0xADD10000; seed < 0xADD10000 + kCasesPerOperation; ++seed) {
    const naive::cases::AddCase c = naive::cases::make_add_case(seed);
    std::vector<int8_t> expected(c.input1.size()), actual(expected.size());
    accel::model::add(c.params, c.input1, c.input2, expected, c.array);
    const accel::model::AddParams& p = c.params;
    const nn_add_params params{.input1_offset = p.input1_offset, .input2_offset = p.input2_offset,
                               .left_shift = p.left_shift,
                               .input1_multiplier = p.input1.multiplier, .input1_shift = p.input1.shift,
                               .input2_multiplier = p.input2.multiplier, .input2_shift = p.input2.shift,
                               .output_multiplier = p.output.multiplier, .output_shift = p.output.shift,
                               .output_offset = p.output_offset, .act_min = p.act_min, .act_max = p.act_max};
    nn_add(&params, c.input1.data(), c.input2.data(), actual.data(), static_cast<uint32_t>(actual.size()));
    INFO(naive::cases::describe(c));
    REQUIRE(first_difference(expected, actual) == -1);
  }
}
