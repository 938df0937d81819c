// The integer form of the early-exit rules: thresholds in 1/256 of
// probability (rounded up: p >= t is u >= 256 t) or 2^-24 nat (rounded down:
// H <= t), and the -p ln p table; expected values worked out by hand (and
// with Python's math.log for the table).
#include "compiler/quant/exit_units.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

using compiler::graph::ExitRule;
using compiler::quant::entropy_units;
using compiler::quant::exit_threshold_units;

TEST_CASE("probability thresholds in 1/256, rounded up")
{
  CHECK(exit_threshold_units(ExitRule::MaxSoftmax, 0.6) == 154);   // 153.6
  CHECK(exit_threshold_units(ExitRule::Margin, 0.3) == 77);        // 76.8
  CHECK(exit_threshold_units(ExitRule::MaxSoftmax, 0.5) == 128);   // exactly 128: p = 0.5 passes
  CHECK(exit_threshold_units(ExitRule::Margin, 0.1953125) == 50);  // 50/256 exactly
  CHECK(exit_threshold_units(ExitRule::Margin, 0.1953126) == 51);
  CHECK(exit_threshold_units(ExitRule::MaxSoftmax, 1.0) == 256);   // no int8 score reaches it (u <= 255)
  CHECK_THROWS_AS(exit_threshold_units(ExitRule::MaxSoftmax, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(exit_threshold_units(ExitRule::Margin, 1.01), std::invalid_argument);
}

TEST_CASE("entropy thresholds in 2^-24 nat, rounded down")
{
  CHECK(exit_threshold_units(ExitRule::Entropy, 1.2) == 20132659);   // 1.2 * 16,777,216 = 20,132,659.2
  CHECK(exit_threshold_units(ExitRule::Entropy, 0.5) == 8388608);    // exact
  CHECK(exit_threshold_units(ExitRule::Entropy, 1.3863) == 23258254);
  CHECK_THROWS_AS(exit_threshold_units(ExitRule::Entropy, 0.0), std::invalid_argument);
}

TEST_CASE("entropy terms: -p ln p per int8 softmax level, in 2^-24 nat")
{
  const auto& h = entropy_units();
  CHECK(h[0] == 0);                 // 0 ln 0 = 0
  CHECK(h[128] == 5814540);         // 0.5 ln 2 * 2^24 = 5,814,539.98
  CHECK(h[64] == 5814540);          // 0.25 ln 4 = 0.5 ln 2
  CHECK(h[1] == 363409);            // (1/256) ln 256 * 2^24 = 363,408.75
  CHECK(h[255] == 65408);           // 65,407.83
  CHECK(h[96] == 6170844);          // 0.375 ln(8/3) * 2^24 = 6,170,844.09, near the peak at 1/e
  for (std::size_t u = 1; u < h.size(); ++u)
    CHECK(h[u] <= 6171993);          // 2^24 / e = 6,171,992.85: -p ln p is largest at p = 1/e
}
