// The model's building blocks against the naive reference: the
// requantization primitives on edge and random values, padding_for on every
// small geometry, and single array passes (run_matmul, run_add) on random
// operands.
#include <catch2/catch.hpp>
#include <sstream>

#include "accel/model/array.hpp"
#include "accel/model/layers.hpp"
#include "accel/model/quant.hpp"
#include "tests/accel/naive/compare.hpp"
#include "tests/accel/naive/naive_ops.hpp"
#include "tests/accel/naive/random_cases.hpp"

namespace {

using naive::cases::Random;
using naive::compare::GuardedOutput;

constexpr uint32_t kScalarDraws = 200000;
constexpr uint32_t kPasses = 2000;
constexpr uint32_t kMatmulSeeds = 0x3A730000;
constexpr uint32_t kAddPassSeeds = 0xADDA0000;

}  // namespace

TEST_CASE("requantization primitives: the model matches the reference on edge and random values") {
  Random rng(0x9EA27);
  uint32_t reported = 0;
  uint32_t failures = 0;
  auto fail = [&](const std::string& message) {
    ++failures;
    if (reported++ < 5) FAIL_CHECK(message);
  };
  for (uint32_t draw = 0; draw < kScalarDraws; ++draw) {
    const int32_t a = naive::cases::random_int32_with_edges(rng);
    const int32_t b = naive::cases::random_int32_with_edges(rng);
    const auto exponent = static_cast<int>(rng.between(0, 31));
    const auto r = naive::cases::random_requant(rng);
    const auto offset = static_cast<int32_t>(rng.between(-128, 127));
    std::ostringstream args;
    args << "draw " << draw << ": a=" << a << " b=" << b << " exponent=" << exponent << " multiplier=" << r.multiplier
         << " shift=" << r.shift << " output_offset=" << offset;

    const int32_t high_mul = naive::saturating_rounding_doubling_high_mul(a, b);
    if (accel::model::saturating_rounding_doubling_high_mul(a, b) != high_mul) {
      fail("saturating_rounding_doubling_high_mul " + args.str() + " reference=" + std::to_string(high_mul));
    }
    const int32_t divided = naive::rounding_divide_by_pot(a, exponent);
    if (accel::model::rounding_divide_by_pot(a, exponent) != divided) {
      fail("rounding_divide_by_pot " + args.str() + " reference=" + std::to_string(divided));
    }
    const int32_t scaled = naive::multiply_by_quantized_multiplier(a, r.multiplier, r.shift);
    if (accel::model::multiply_by_quantized_multiplier(a, r.multiplier, r.shift) != scaled) {
      fail("multiply_by_quantized_multiplier " + args.str() + " reference=" + std::to_string(scaled));
    }
    const int8_t requantized = naive::requantize(a, r, offset, -128, 127);
    if (accel::model::requantize(a, r, offset, -128, 127) != requantized) {
      fail("requantize " + args.str() + " reference=" + std::to_string(requantized));
    }
  }
  REQUIRE(failures == 0);
}

TEST_CASE("padding_for: the model matches TFLite's sizes on every small geometry") {
  using accel::model::Padding;
  for (Padding p : {Padding::Same, Padding::Valid}) {
    for (uint32_t in = 1; in <= 20; ++in) {
      for (uint32_t kernel = 1; kernel <= 6; ++kernel) {
        for (uint32_t stride = 1; stride <= 4; ++stride) {
          for (uint32_t dilation = 1; dilation <= 4; ++dilation) {
            const uint32_t effective = (kernel - 1) * dilation + 1;
            if (p == Padding::Valid && in < effective) continue;  // no output: not a layer
            const auto expected = naive::padding_for(p, in, kernel, stride, dilation);
            const auto actual = accel::model::padding_for(p, in, kernel, stride, dilation);
            INFO((p == Padding::Same ? "same" : "valid")
                 << " in=" << in << " kernel=" << kernel << " stride=" << stride << " dilation=" << dilation);
            REQUIRE(actual.out == expected.out);
            REQUIRE(actual.pad_before == expected.pad_before);
          }
        }
      }
    }
  }
}

TEST_CASE("run_matmul: one array pass matches the naive product on random operands") {
  uint32_t failures = 0;
  for (uint32_t index = 0; index < kPasses; ++index) {
    const auto c = naive::cases::make_matmul_case(kMatmulSeeds + index);
    const auto job = c.job();
    std::vector<int8_t> expected(size_t{c.m} * c.n);
    naive::matmul(job, expected);
    GuardedOutput actual(expected.size());
    std::optional<std::string> message;
    if (auto what = naive::compare::exception_from([&] { accel::model::run_matmul(job, actual.span()); })) {
      message = describe(c) + "\n  the model threw: " + *what;
    } else {
      message = naive::compare::mismatch(describe(c), expected, actual,
                                         [&](size_t i) { return naive::compare::row_column_position(i, c.n); });
    }
    if (message && failures++ < 5) FAIL_CHECK("pass " << index << ": " << *message);
  }
  REQUIRE(failures == 0);
}

TEST_CASE("run_add: one add pass matches the naive ADD on random operands") {
  uint32_t failures = 0;
  for (uint32_t index = 0; index < kPasses; ++index) {
    const auto c = naive::cases::make_add_case(kAddPassSeeds + index);
    // One pass of the add unit: the model's contract has no size limit on
    // `count`, so the case's whole tensor is one job.
    accel::model::AddJob job;
    job.count = static_cast<uint32_t>(c.input1.size());
    job.a = c.input1;
    job.b = c.input2;
    job.params = c.params;
    std::vector<int8_t> expected(c.input1.size());
    naive::add(c.params, c.input1, c.input2, expected);
    GuardedOutput actual(expected.size());
    std::optional<std::string> message;
    if (auto what = naive::compare::exception_from([&] { accel::model::run_add(job, actual.span()); })) {
      message = describe(c) + "\n  the model threw: " + *what;
    } else {
      message = naive::compare::mismatch(describe(c), expected, actual,
                                         [](size_t i) { return "(element " + std::to_string(i) + ")"; });
    }
    for (size_t e = 0; e < c.input1.size() && !message; ++e) {
      const int8_t element = accel::model::add_element(c.input1[e], c.input2[e], c.params);
      if (element != expected[e]) {
        message = describe(c) + "\n  add_element at " + std::to_string(e) +
                  ": reference=" + std::to_string(expected[e]) + " model=" + std::to_string(element);
      }
    }
    if (message && failures++ < 5) FAIL_CHECK("pass " << index << ": " << *message);
  }
  REQUIRE(failures == 0);
}
