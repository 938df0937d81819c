// SOFTMAX's fixed-point arithmetic against gemmlowp itself (Debian's
// libgemmlowp-dev, the library TFLite's reference kernels use): exp and
// 1/(1+x) bit for bit over their ranges, and the int8 SOFTMAX bit for bit
// against TFLite's reference algorithm composed here from gemmlowp's
// FixedPoint types. Skipped (with a warning) where the header is missing.
#include <catch2/catch.hpp>

#ifdef EDGESIM_HAVE_GEMMLOWP

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include <fixedpoint/fixedpoint.h>

#include "nn_fixedpoint.h"
#include "nn_ops.h"

namespace {

using ScaledDiff = gemmlowp::FixedPoint<int32_t, 5>;  // Q5.26
using Accumulator = gemmlowp::FixedPoint<int32_t, 12>;
using Unit = gemmlowp::FixedPoint<int32_t, 0>;

int32_t gemmlowp_exp(int32_t raw) {
  return gemmlowp::exp_on_negative_values(ScaledDiff::FromRaw(raw)).raw();
}

int32_t gemmlowp_one_over_one_plus_x(int32_t raw) {
  return gemmlowp::one_over_one_plus_x_for_x_in_0_1(Unit::FromRaw(raw)).raw();
}

// TFLite's reference int8 SOFTMAX (reference_ops::Softmax for int8 in and
// out), one row, on gemmlowp's types.
std::vector<int8_t> reference_softmax(const nn_softmax_params& p, const std::vector<int8_t>& row) {
  const int32_t max = *std::max_element(row.begin(), row.end());
  auto exp_of = [&](int32_t diff) {
    const int32_t scaled =
        gemmlowp::SaturatingRoundingDoublingHighMul(diff * (1 << p.input_left_shift), p.input_multiplier);
    return gemmlowp::exp_on_negative_values(ScaledDiff::FromRaw(scaled));
  };
  Accumulator sum = Accumulator::Zero();
  for (int8_t v : row)
    if (v - max >= p.diff_min) sum = sum + gemmlowp::Rescale<12>(exp_of(v - max));
  // GetReciprocal
  const int headroom_plus_one = __builtin_clz(static_cast<uint32_t>(sum.raw()));
  const int num_bits_over_unit = 12 - headroom_plus_one;
  const int32_t shifted_minus_one =
      static_cast<int32_t>((static_cast<uint32_t>(sum.raw()) << headroom_plus_one) - (1u << 31));
  const Unit scale = gemmlowp::one_over_one_plus_x_for_x_in_0_1(Unit::FromRaw(shifted_minus_one));
  std::vector<int8_t> out;
  for (int8_t v : row) {
    if (v - max < p.diff_min) {
      out.push_back(-128);
      continue;
    }
    const int32_t unsaturated =
        gemmlowp::RoundingDivideByPOT((scale * exp_of(v - max)).raw(), num_bits_over_unit + 31 - 8);
    out.push_back(static_cast<int8_t>(std::clamp(unsaturated - 128, -128, 127)));
  }
  return out;
}

}  // namespace

TEST_CASE("nn_fixedpoint: exp and 1/(1+x) equal gemmlowp's bit for bit", "[nn][softmax]") {
  // Every 997th raw value over [-32, 0] and [0, 1), and the ends.
  for (int64_t raw = 0; raw >= INT32_MIN; raw -= 997) {
    INFO("exp of raw " << raw);
    REQUIRE(nn_exp_on_negative_values_q5(static_cast<int32_t>(raw)) == gemmlowp_exp(static_cast<int32_t>(raw)));
  }
  CHECK(nn_exp_on_negative_values_q5(INT32_MIN) == gemmlowp_exp(INT32_MIN));
  for (int64_t raw = 0; raw <= INT32_MAX; raw += 997) {
    INFO("1/(1+x) of raw " << raw);
    REQUIRE(nn_one_over_one_plus_x(static_cast<int32_t>(raw)) ==
            gemmlowp_one_over_one_plus_x(static_cast<int32_t>(raw)));
  }
  CHECK(nn_one_over_one_plus_x(INT32_MAX) == gemmlowp_one_over_one_plus_x(INT32_MAX));
}

TEST_CASE("nn_softmax: bit for bit TFLite's reference on random rows", "[nn][softmax]") {
  std::mt19937 rng(0x6E31);
  std::uniform_int_distribution<int> value(-128, 127), depth_of(1, 64), shift_of(0, 30);
  std::uniform_int_distribution<int32_t> multiplier_of(1 << 30, INT32_MAX);
  for (int trial = 0; trial < 5000; ++trial) {
    // Any multiplier in [0.5, 1) and left shift, with TFLite's diff_min for them.
    nn_softmax_params p{};
    p.input_multiplier = multiplier_of(rng);
    p.input_left_shift = shift_of(rng);
    p.diff_min = -static_cast<int32_t>(std::floor(31.0 * 67108864.0 / std::ldexp(1.0, p.input_left_shift)));
    std::vector<int8_t> row(depth_of(rng));
    for (int8_t& v : row) v = static_cast<int8_t>(value(rng));
    std::vector<int8_t> got(row.size());
    nn_softmax_s8(&p, row.data(), got.data(), 1, static_cast<int32_t>(row.size()));
    INFO("trial " << trial << " multiplier " << p.input_multiplier << " shift " << p.input_left_shift);
    REQUIRE(got == reference_softmax(p, row));
  }
}

#else

TEST_CASE("nn_fixedpoint: against gemmlowp (skipped)", "[nn][softmax]") {
  WARN("libgemmlowp-dev is not installed (scripts/setup.sh installs it): the bit-exact "
       "comparison of SOFTMAX's fixed-point arithmetic with gemmlowp is skipped");
}

#endif
