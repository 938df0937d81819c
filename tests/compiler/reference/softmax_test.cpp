// SOFTMAX int8 against the float definition, and float32.
#include "compiler/reference/softmax.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

using namespace compiler;
using namespace compiler::reference;

namespace {

// The int8 output a perfect softmax would give: round(p * 256) - 128, clamped.
std::vector<int> ideal_int8(const std::vector<std::int8_t>& q, double scale, double beta)
{
  const int max_q = *std::max_element(q.begin(), q.end());
  double sum = 0.0;
  for (std::int8_t v : q)
    sum += std::exp(beta * scale * (v - max_q));
  std::vector<int> ideal;
  for (std::int8_t v : q) {
    const double p = std::exp(beta * scale * (v - max_q)) / sum;
    ideal.push_back(std::clamp(static_cast<int>(std::lround(p * 256.0)) - 128, -128, 127));
  }
  return ideal;
}

std::vector<std::int8_t> run_int8(const std::vector<std::int8_t>& input, double scale, double beta, int depth)
{
  std::vector<std::int8_t> output(input.size());
  softmax(quant::softmax_params(beta, scale), depth, std::span<const std::int8_t>(input),
          std::span<std::int8_t>(output));
  return output;
}

} // namespace

// Input scale 0.1: q (0, -10, -20) are differences 0, -1, -2.
// p = (1, e^-1, e^-2) / 1.503215 = (0.665241, 0.244728, 0.090031);
// p * 256 = (170.30, 62.65, 23.05) -> (170, 63, 23) - 128 = (42, -65, -105).
TEST_CASE("softmax int8: a known distribution within 1 of round(p * 256) - 128")
{
  const std::vector<std::int8_t> out = run_int8({0, -10, -20}, 0.1, 1.0, 3);
  CHECK(std::abs(out[0] - 42) <= 1);
  CHECK(std::abs(out[1] - -65) <= 1);
  CHECK(std::abs(out[2] - -105) <= 1);
}

// Input scale 1: the beta multiplier is 2^26 = 0.5 * 2^27, shift 27, so
// diff_min = -floor(31 * 2^26 / 2^27) = -15. A difference of -16 is left
// out (exactly -128) and the maximum takes everything: 256 - 128 clamps to 127.
TEST_CASE("softmax int8: differences below diff_min give -128")
{
  const std::vector<std::int8_t> out = run_int8({0, -16}, 1.0, 1.0, 2);
  CHECK(out == std::vector<std::int8_t>{127, -128});
}

TEST_CASE("softmax int8: random rows stay within 1 of the float definition")
{
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> value(-128, 127);
  std::uniform_int_distribution<int> depth_of(2, 40);
  const double scales[] = {0.02, 0.0625, 0.1, 0.25};
  for (int trial = 0; trial < 400; ++trial) {
    const int depth = depth_of(rng);
    const double scale = scales[trial % 4];
    const double beta = trial % 5 == 0 ? 0.5 : 1.0;
    std::vector<std::int8_t> row(static_cast<std::size_t>(depth));
    for (auto& v : row)
      v = static_cast<std::int8_t>(value(rng));
    const std::vector<std::int8_t> out = run_int8(row, scale, beta, depth);
    const std::vector<int> ideal = ideal_int8(row, scale, beta);
    for (int c = 0; c < depth; ++c) {
      INFO("trial " << trial << " element " << c);
      REQUIRE(std::abs(out[static_cast<std::size_t>(c)] - ideal[static_cast<std::size_t>(c)]) <= 1);
    }
  }
}

TEST_CASE("softmax int8: rows are independent")
{
  // Two rows of 3 (the first the known distribution, the second uniform).
  const std::vector<std::int8_t> out = run_int8({0, -10, -20, 5, 5, 5}, 0.1, 1.0, 3);
  CHECK(std::abs(out[0] - 42) <= 1);
  // 1/3 * 256 = 85.33 -> 85 - 128 = -43 for each.
  CHECK(std::abs(out[3] - -43) <= 1);
  CHECK(out[3] == out[4]);
  CHECK(out[4] == out[5]);
}

// exp((x - max) * beta) / sum, compared with the same formula in double.
TEST_CASE("softmax float32 with beta")
{
  const std::vector<float> input{1.0f, 2.0f, 3.0f, -1.0f};
  std::vector<float> output(4);
  softmax(2.0f, 4, std::span<const float>(input), std::span<float>(output));
  double sum = 0.0;
  for (float x : input)
    sum += std::exp(2.0 * (x - 3.0));
  for (std::size_t i = 0; i < input.size(); ++i)
    CHECK(output[i] == Approx(std::exp(2.0 * (input[i] - 3.0)) / sum).epsilon(1e-6));
}
