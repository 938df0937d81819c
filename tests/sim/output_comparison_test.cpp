// sim::OutputComparison, the per-output statistics of `edgesim validate`,
// on outputs whose differences are worked out by hand.
#include "sim/output_comparison.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

namespace {

using compiler::graph::DataType;
using Bytes = std::vector<std::uint8_t>;

compiler::graph::Tensor tensor(DataType type, int elements) {
  compiler::graph::Tensor t;
  t.name = "out";
  t.type = type;
  t.shape = {1, elements};
  return t;
}

Bytes int8_bytes(std::initializer_list<int> values) {
  Bytes b;
  for (int v : values) b.push_back(static_cast<std::uint8_t>(static_cast<std::int8_t>(v)));
  return b;
}

Bytes float_bytes(std::initializer_list<float> values) {
  Bytes b(values.size() * sizeof(float));
  std::memcpy(b.data(), values.begin(), b.size());
  return b;
}

}  // namespace

TEST_CASE("output comparison: int8 counts steps, exact elements and exact inputs") {
  sim::OutputComparison c(tensor(DataType::Int8, 4), 1e-5);
  REQUIRE(c.add(int8_bytes({1, -2, 3, 127}), int8_bytes({1, -2, 3, 127})));
  // 4 vs 2 is 2 steps; -128 vs 127 is the whole range, 255 steps.
  REQUIRE_FALSE(c.add(int8_bytes({1, 4, 3, -128}), int8_bytes({1, 2, 3, 127})));
  CHECK(c.last_difference() == "2 of 4 elements differ, by up to 255 steps (element 1: 4, expected 2)");
  CHECK(c.max_step_difference() == 255);
  CHECK(c.elements() == 8);
  CHECK(c.exact_elements() == 6);
  CHECK(c.inputs() == 2);
  CHECK(c.exact_inputs() == 1);
  CHECK(c.matching_inputs() == 1);
  // The tolerance is for float outputs only: one step is a mismatch.
  REQUIRE_FALSE(c.add(int8_bytes({0, 0, 0, 1}), int8_bytes({0, 0, 0, 0})));
  CHECK(c.max_step_difference() == 255);
}

TEST_CASE("output comparison: float32 relative error against the tolerance") {
  // 4 + 2^-20 against 4: absolute 2^-20 = 9.5367431640625e-07, relative 2^-22 = 2.384185791015625e-07.
  const float near_four = 4.0f + std::ldexp(1.0f, -20);
  sim::OutputComparison loose(tensor(DataType::Float32, 3), 1e-6);
  REQUIRE(loose.add(float_bytes({near_four, 0.0f, -1.5f}), float_bytes({4.0f, 0.0f, -1.5f})));
  CHECK(loose.max_abs_error() == std::ldexp(1.0, -20));
  CHECK(loose.max_rel_error() == std::ldexp(1.0, -22));
  CHECK(loose.exact_inputs() == 0);
  CHECK(loose.exact_elements() == 2);

  sim::OutputComparison tight(tensor(DataType::Float32, 3), 1e-7);
  REQUIRE_FALSE(tight.add(float_bytes({near_four, 0.0f, -1.5f}), float_bytes({4.0f, 0.0f, -1.5f})));
  CHECK(tight.last_difference().starts_with("1 of 3 elements differ by more than 1e-07 relative (element 0: "));
  CHECK(tight.matching_inputs() == 0);
}

TEST_CASE("output comparison: an expected 0 must be met exactly") {
  sim::OutputComparison c(tensor(DataType::Float32, 2), 0.5);
  REQUIRE_FALSE(c.add(float_bytes({1.0f, std::ldexp(1.0f, -30)}), float_bytes({1.0f, 0.0f})));
  CHECK(c.max_rel_error() == std::numeric_limits<double>::infinity());
  CHECK(c.max_abs_error() == std::ldexp(1.0, -30));
}

TEST_CASE("output comparison: a dump of the wrong size is an error, not a result") {
  sim::OutputComparison c(tensor(DataType::Int8, 4), 1e-5);
  REQUIRE_THROWS_AS(c.add(int8_bytes({1, 2, 3}), int8_bytes({1, 2, 3, 4})), std::invalid_argument);
  CHECK(c.inputs() == 0);
}
