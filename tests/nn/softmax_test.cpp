// SOFTMAX, int8 (workloads/nn/nn_softmax.c) and its fixed-point functions
// (nn_fixedpoint.c): the functions against the real ones within bounds from
// their algorithms, the kernel on inputs whose answer is known exactly (n
// equal inputs give 1/n) and against a float softmax rounded to the output
// scale 1/256 on random rows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "nn_fixedpoint.h"
#include "nn_ops.h"

namespace {

constexpr double kQ31 = 2147483648.0;  // 2^31
constexpr double kQ26 = 67108864.0;    // 2^26: Q5.26's unit

// The kernel's parameters as TFLite's Prepare derives them (softmax.cc,
// PreprocessSoftmaxScaling and CalculateInputRadius with 5 integer bits).
nn_softmax_params softmax_params(double beta, double input_scale) {
  const double real = std::min(beta * input_scale * kQ26, kQ31 - 1.0);
  int exponent = 0;
  const double fraction = std::frexp(real, &exponent);  // real = fraction * 2^exponent, [0.5, 1)
  int64_t multiplier = std::llround(fraction * kQ31);
  if (multiplier == static_cast<int64_t>(kQ31)) {
    multiplier /= 2;
    ++exponent;
  }
  nn_softmax_params p{};
  p.input_multiplier = static_cast<int32_t>(multiplier);
  p.input_left_shift = exponent;
  p.diff_min = -static_cast<int32_t>(std::floor(31.0 * kQ26 / std::ldexp(1.0, exponent)));
  return p;
}

std::vector<int8_t> softmax(const nn_softmax_params& p, const std::vector<int8_t>& in,
                            int32_t rows) {
  std::vector<int8_t> out(in.size());
  nn_softmax_s8(&p, in.data(), out.data(), rows, static_cast<int32_t>(in.size()) / rows);
  return out;
}

}  // namespace

TEST_CASE("nn_softmax: TFLite's parameters for input scale 1/16", "[nn][softmax]") {
  // beta * scale * 2^26 = 2^22 = 0.5 * 2^23: multiplier 2^30, left shift 23;
  // diff_min = -floor(31 * 2^26 / 2^23) = -248.
  const nn_softmax_params p = softmax_params(1.0, 1.0 / 16);
  CHECK(p.input_multiplier == (1 << 30));
  CHECK(p.input_left_shift == 23);
  CHECK(p.diff_min == -248);
}

TEST_CASE("nn_exp_on_negative_values_q5: exp within the series' bound", "[nn][softmax]") {
  // exp(0) is 1, which Q0.31 holds as its largest value.
  CHECK(nn_exp_on_negative_values_q5(0) == INT32_MAX);
  // The Taylor series to x^4 around -1/8 for |x| <= 1/8 errs by at most
  // exp(-1/8) (1/8)^5 / 5! = 2.2e-7; the table's products add a few units
  // of 2^-31 each: 3e-7 bounds the whole.
  double worst = 0;
  for (int64_t raw = 0; raw > -(int64_t{32} << 26); raw -= 4093) {  // [-32, 0], a prime step
    const double a = raw / kQ26;
    const double got = nn_exp_on_negative_values_q5(static_cast<int32_t>(raw)) / kQ31;
    worst = std::max(worst, std::fabs(got - std::exp(a)));
  }
  CHECK(worst < 3e-7);
  // exp(-1): the quarter's series, then exp(-1/4) and exp(-1/2) from the table.
  CHECK(nn_exp_on_negative_values_q5(-(1 << 26)) / kQ31 == Approx(std::exp(-1.0)).margin(3e-7));
}

TEST_CASE("nn_one_over_one_plus_x and nn_reciprocal", "[nn][softmax]") {
  // Three Newton-Raphson steps from 48/17 - 32/17 d leave an error of
  // (1/17)^8 = 1.4e-10; the Q2.29 arithmetic (unit 1.9e-9) a few units more.
  double worst = 0;
  for (int64_t raw = 0; raw < (int64_t{1} << 31); raw += 1000003) {
    const double x = raw / kQ31;
    const double got = nn_one_over_one_plus_x(static_cast<int32_t>(raw)) / kQ31;
    worst = std::max(worst, std::fabs(got - 1.0 / (1.0 + x)));
  }
  CHECK(worst < 1e-8);

  // 3 in Q12.19 is 2^1 * 1.5: num_bits_over_unit 1 and 1/1.5 = 2/3.
  int num_bits_over_unit = -1;
  const int32_t r = nn_reciprocal(3 << 19, 12, &num_bits_over_unit);
  CHECK(num_bits_over_unit == 1);
  CHECK(r / kQ31 == Approx(2.0 / 3.0).margin(1e-8));
  // 1 in Q12.19 (2^19): clz 12, num_bits_over_unit 0, 1/(1 + 0) just below 1.
  nn_reciprocal(1 << 19, 12, &num_bits_over_unit);
  CHECK(num_bits_over_unit == 0);
}

TEST_CASE("nn_softmax: n equal inputs give 1/n", "[nn][softmax]") {
  // Output scale 1/256, zero point -128: 1/n is 256/n - 128 rounded.
  // n=1: 256 -> 128, clamped to 127; n=2: 0; n=3: 85.33 -> 85, -43;
  // n=4: -64; n=8: -96; n=10: 25.6 -> 26, -102.
  const nn_softmax_params p = softmax_params(1.0, 1.0 / 16);
  const struct {
    size_t n;
    int8_t expected;
  } cases[] = {{1, 127}, {2, 0}, {3, -43}, {4, -64}, {8, -96}, {10, -102}};
  for (const auto& c : cases) {
    for (int8_t value : {int8_t{-128}, int8_t{0}, int8_t{127}}) {
      INFO("n " << c.n << " value " << int{value});
      CHECK(softmax(p, std::vector<int8_t>(c.n, value), 1) ==
            std::vector<int8_t>(c.n, c.expected));
    }
  }
}

TEST_CASE("nn_softmax: differences below diff_min give -128", "[nn][softmax]") {
  // Scale 1/16: diff_min -248. -128 - 127 = -255 < -248: the second element
  // is cut off (-128) and the first alone sums to 1 (127 after the clamp).
  const nn_softmax_params p = softmax_params(1.0, 1.0 / 16);
  CHECK(softmax(p, {127, -128}, 1) == std::vector<int8_t>{127, -128});
  // Each row has its own maximum: row 1 is two equal values, 1/2 each.
  CHECK(softmax(p, {127, -128, /**/ -100, -100}, 2) == std::vector<int8_t>{127, -128, 0, 0});
}

TEST_CASE("nn_softmax: within one step of the float softmax on random rows", "[nn][softmax]") {
  // The fixed-point exp and reciprocal err by < 1e-6, far below the
  // output's step of 1/256: the result is the float answer rounded, give or
  // take one step where the answer sits near a rounding boundary.
  std::mt19937 rng(0x50F7);
  std::uniform_int_distribution<int> value(-128, 127), depth_of(1, 40);
  const double scales[] = {1.0 / 16, 0.1, 0.05, 0.25, 0.01};
  const double betas[] = {1.0, 0.5, 2.0};
  int exact = 0, total = 0;
  for (double scale : scales) {
    for (double beta : betas) {
      const nn_softmax_params p = softmax_params(beta, scale);
      for (int trial = 0; trial < 200; ++trial) {
        const int depth = depth_of(rng);
        std::vector<int8_t> row(depth);
        for (int8_t& v : row) v = static_cast<int8_t>(value(rng));
        const std::vector<int8_t> got = softmax(p, row, 1);
        const int max = *std::max_element(row.begin(), row.end());
        double sum = 0;
        for (int8_t v : row) sum += std::exp(beta * scale * (v - max));
        for (int c = 0; c < depth; ++c) {
          const double probability = std::exp(beta * scale * (row[c] - max)) / sum;
          const long expected = std::min(127L, std::lround(probability * 256) - 128);
          INFO("scale " << scale << " beta " << beta << " depth " << depth << " p " << probability);
          REQUIRE(std::labs(got[c] - expected) <= 1);
          exact += got[c] == expected;
          ++total;
        }
      }
    }
  }
  // Near-boundary cases are rare: nearly every output is the rounded answer.
  CHECK(exact > total * 0.99);
}
