// The functional model (accel::model::conv2d, depthwise_conv2d,
// fully_connected, add: lowered into array passes) against the naive loop
// nests, on 2,000 random cases per operation. Every element must agree.
// A failure names the case's seed: make_*_case(seed) rebuilds it.
#include <catch2/catch.hpp>

#include "accel/model/ops.hpp"
#include "tests/accel/naive/compare.hpp"
#include "tests/accel/naive/naive_ops.hpp"
#include "tests/accel/naive/random_cases.hpp"

namespace {

using naive::cases::AddCase;
using naive::cases::ConvCase;
using naive::cases::DepthwiseCase;
using naive::cases::FullyConnectedCase;
using naive::compare::ClampTally;
using naive::compare::GuardedOutput;

constexpr uint32_t kCasesPerOperation = 2000;
// Each operation's seeds start elsewhere, so no two operations share a stream.
constexpr uint32_t kConvSeeds = 0xC0E00000;
constexpr uint32_t kDepthwiseSeeds = 0xDE900000;
constexpr uint32_t kFullyConnectedSeeds = 0xFC000000;
constexpr uint32_t kAddSeeds = 0xADD00000;
// Failure messages after which a test stops reporting (a systematic bug would
// otherwise print a thousand of them); the count of failures still grows.
constexpr uint32_t kReportedFailures = 5;

// Counts failing cases, reports the first few.
class Failures {
 public:
  void record(const std::string& message) {
    if (count_++ < kReportedFailures) FAIL_CHECK(message);
  }
  uint32_t count() const { return count_; }

 private:
  uint32_t count_ = 0;
};

std::string model_threw(const std::string& description, const std::string& what) {
  return description + "\n  the model threw: " + what;
}

std::optional<std::string> check(const ConvCase& c, ClampTally& tally) {
  const auto& w = c.shape.window;
  std::vector<int8_t> expected(naive::conv2d_output_size(c.shape));
  naive::conv2d(c.shape, c.mac.quant, c.mac.operands(expected));
  tally.add(expected, c.mac.quant.act_min, c.mac.quant.act_max);
  GuardedOutput actual(expected.size());
  if (auto what = naive::compare::exception_from(
          [&] { accel::model::conv2d(c.shape, c.mac.quant, c.mac.operands(actual.span()), c.mac.array); })) {
    return model_threw(describe(c), *what);
  }
  return naive::compare::mismatch(describe(c), expected, actual, [&](size_t i) {
    return naive::compare::nhwc_position(i, w.out_h, w.out_w, c.shape.out_c);
  });
}

std::optional<std::string> check(const DepthwiseCase& c, ClampTally& tally) {
  const auto& w = c.shape.window;
  std::vector<int8_t> expected(naive::depthwise_output_size(c.shape));
  naive::depthwise_conv2d(c.shape, c.mac.quant, c.mac.operands(expected));
  tally.add(expected, c.mac.quant.act_min, c.mac.quant.act_max);
  GuardedOutput actual(expected.size());
  if (auto what = naive::compare::exception_from(
          [&] { accel::model::depthwise_conv2d(c.shape, c.mac.quant, c.mac.operands(actual.span()), c.mac.array); })) {
    return model_threw(describe(c), *what);
  }
  return naive::compare::mismatch(describe(c), expected, actual, [&](size_t i) {
    return naive::compare::nhwc_position(i, w.out_h, w.out_w, c.shape.out_c());
  });
}

std::optional<std::string> check(const FullyConnectedCase& c, ClampTally& tally) {
  std::vector<int8_t> expected(size_t{c.shape.batch} * c.shape.out_features);
  naive::fully_connected(c.shape, c.mac.quant, c.mac.operands(expected));
  tally.add(expected, c.mac.quant.act_min, c.mac.quant.act_max);
  GuardedOutput actual(expected.size());
  if (auto what = naive::compare::exception_from(
          [&] { accel::model::fully_connected(c.shape, c.mac.quant, c.mac.operands(actual.span()), c.mac.array); })) {
    return model_threw(describe(c), *what);
  }
  return naive::compare::mismatch(describe(c), expected, actual, [&](size_t i) {
    return naive::compare::row_column_position(i, c.shape.out_features);
  });
}

std::optional<std::string> check(const AddCase& c, ClampTally& tally) {
  std::vector<int8_t> expected(c.input1.size());
  naive::add(c.params, c.input1, c.input2, expected);
  tally.add(expected, c.params.act_min, c.params.act_max);
  GuardedOutput actual(expected.size());
  if (auto what = naive::compare::exception_from(
          [&] { accel::model::add(c.params, c.input1, c.input2, actual.span(), c.array); })) {
    return model_threw(describe(c), *what);
  }
  return naive::compare::mismatch(describe(c), expected, actual,
                                  [](size_t i) { return "(element " + std::to_string(i) + ")"; });
}

// Runs kCasesPerOperation cases built by `make` from consecutive seeds;
// `observe` sees each case (for the coverage counts).
template <typename MakeCase, typename Observe>
uint32_t run_cases(uint32_t first_seed, MakeCase make, ClampTally& tally, Observe observe) {
  Failures failures;
  for (uint32_t index = 0; index < kCasesPerOperation; ++index) {
    const auto c = make(first_seed + index);
    observe(c);
    if (auto message = check(c, tally)) failures.record("case " + std::to_string(index) + ": " + *message);
  }
  return failures.count();
}

bool uses(const char* padding, const char* kind) { return std::string(padding) == kind; }

}  // namespace

TEST_CASE("conv2d: the model matches the naive loop nest on 2000 random shapes") {
  ClampTally tally;
  uint32_t same = 0, valid = 0, explicit_padding = 0, no_bias = 0, dilated = 0, strided = 0, multi_batch = 0;
  const uint32_t failures = run_cases(kConvSeeds, naive::cases::make_conv_case, tally, [&](const ConvCase& c) {
    const auto& w = c.shape.window;
    same += uses(c.padding, "same");
    valid += uses(c.padding, "valid");
    explicit_padding += uses(c.padding, "explicit");
    no_bias += c.mac.bias.empty();
    dilated += w.dilation_h > 1 || w.dilation_w > 1;
    strided += w.stride_h > 1 || w.stride_w > 1;
    multi_batch += c.shape.batch > 1;
  });
  INFO("same " << same << ", valid " << valid << ", explicit " << explicit_padding << ", no bias " << no_bias
               << ", dilated " << dilated << ", strided " << strided << ", batch > 1 " << multi_batch
               << ", share of outputs inside the clamp " << tally.inside_share());
  REQUIRE(failures == 0);
  // The generator covers what this test claims to cover.
  CHECK(same >= 400);
  CHECK(valid >= 400);
  CHECK(explicit_padding >= 400);
  CHECK(no_bias >= 200);
  CHECK(dilated >= 600);
  CHECK(strided >= 1000);
  CHECK(multi_batch >= 1000);
  CHECK(tally.inside_share() > 0.3);
}

TEST_CASE("depthwise_conv2d: the model matches the naive loop nest on 2000 random shapes") {
  ClampTally tally;
  uint32_t multiplier_over_cols = 0, multiplied = 0, no_bias = 0, explicit_padding = 0;
  const uint32_t failures =
      run_cases(kDepthwiseSeeds, naive::cases::make_depthwise_case, tally, [&](const DepthwiseCase& c) {
        multiplier_over_cols += c.shape.depth_multiplier > c.mac.array.cols;
        multiplied += c.shape.depth_multiplier > 1;
        no_bias += c.mac.bias.empty();
        explicit_padding += uses(c.padding, "explicit");
      });
  INFO("depth_multiplier > cols " << multiplier_over_cols << ", depth_multiplier > 1 " << multiplied << ", no bias "
                                  << no_bias << ", explicit " << explicit_padding
                                  << ", share of outputs inside the clamp " << tally.inside_share());
  REQUIRE(failures == 0);
  CHECK(multiplier_over_cols >= 200);
  CHECK(multiplied >= 1000);
  CHECK(no_bias >= 200);
  CHECK(explicit_padding >= 400);
  CHECK(tally.inside_share() > 0.3);
}

TEST_CASE("fully_connected: the model matches the naive loop nest on 2000 random shapes") {
  ClampTally tally;
  uint32_t batch_over_rows = 0, features_over_cols = 0, no_bias = 0;
  const uint32_t failures =
      run_cases(kFullyConnectedSeeds, naive::cases::make_fully_connected_case, tally, [&](const FullyConnectedCase& c) {
        batch_over_rows += c.shape.batch > c.mac.array.rows;
        features_over_cols += c.shape.out_features > c.mac.array.cols;
        no_bias += c.mac.bias.empty();
      });
  INFO("batch > rows " << batch_over_rows << ", out_features > cols " << features_over_cols << ", no bias " << no_bias
                       << ", share of outputs inside the clamp " << tally.inside_share());
  REQUIRE(failures == 0);
  CHECK(batch_over_rows >= 200);
  CHECK(features_over_cols >= 1000);
  CHECK(no_bias >= 200);
  CHECK(tally.inside_share() > 0.3);
}

TEST_CASE("add: the model matches the naive loop nest on 2000 random tensors") {
  ClampTally tally;
  uint32_t extreme_offsets = 0, other_left_shift = 0;
  const uint32_t failures = run_cases(kAddSeeds, naive::cases::make_add_case, tally, [&](const AddCase& c) {
    extreme_offsets += c.params.input1_offset == 128 || c.params.input1_offset == -127;
    other_left_shift += c.params.left_shift != 20;
  });
  INFO("input1_offset at an end " << extreme_offsets << ", left_shift != 20 " << other_left_shift
                                  << ", share of outputs inside the clamp " << tally.inside_share());
  REQUIRE(failures == 0);
  CHECK(extreme_offsets >= 400);
  CHECK(other_left_shift >= 100);
  CHECK(tally.inside_share() > 0.3);
}
