// sim::exit_statistics and exit_report, the early-exit part of `edgesim
// validate`, on samples whose sums and means are worked out by hand.
#include "sim/exit_statistics.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace {

// Four inputs of a network with three exits; the last has no exits-off run.
//   exit 1: 100, 120 cycles   exit 2: 250   exit 3: 400
//   without exits: 400, 410, 405 (the first three)
const std::vector<sim::ExitSample> kSamples = {
    {1, 100, 400},
    {1, 120, 410},
    {2, 250, 405},
    {3, 400, std::nullopt},
};

const std::vector<std::string> kDescriptions = {"after layer 6 (exit1), max_softmax >= 0.82",
                                                "after layer 12 (exit2), margin >= 0.5",
                                                "after layer 14 (probabilities), the final output"};

}  // namespace

TEST_CASE("exit statistics: counts, means and the lower median, the saving over inputs with both runs") {
  const sim::ExitStatistics s = sim::exit_statistics(kSamples, 3);
  REQUIRE(s.exits.size() == 3);
  CHECK(s.exits[0].taken == 2);
  CHECK(s.exits[0].mean_cycles == Approx(110.0));  // (100 + 120) / 2
  CHECK(s.exits[1].taken == 1);
  CHECK(s.exits[1].mean_cycles == Approx(250.0));
  CHECK(s.exits[2].taken == 1);
  CHECK(s.exits[2].mean_cycles == Approx(400.0));
  CHECK(s.inputs == 4);
  CHECK(s.mean_cycles == Approx(217.5));  // 870 / 4
  CHECK(s.median_cycles == 120);          // sorted 100 120 250 400: the lower of the middle two
  CHECK(s.paired == 3);
  CHECK(s.mean_cycles_without == Approx(405.0));       // 1215 / 3
  CHECK(s.mean_saved == Approx(745.0 / 3));            // (1215 - 470) / 3
  CHECK(s.saved_fraction == Approx(745.0 / 1215.0));  // 61.32%
}

TEST_CASE("exit statistics: an exit the network does not have is an error; no samples give zeros") {
  CHECK_THROWS_AS(sim::exit_statistics(std::vector<sim::ExitSample>{{4, 10, std::nullopt}}, 3), std::invalid_argument);
  CHECK_THROWS_AS(sim::exit_statistics(std::vector<sim::ExitSample>{{0, 10, std::nullopt}}, 3), std::invalid_argument);
  const sim::ExitStatistics none = sim::exit_statistics({}, 2);
  CHECK(none.exits.size() == 2);
  CHECK(none.inputs == 0);
  CHECK(none.paired == 0);
  CHECK(none.saved_fraction == 0.0);
}

TEST_CASE("exit report: a row per exit, then the cycles with and without exits and the saving") {
  const std::string report = sim::exit_report(sim::exit_statistics(kSamples, 3), kDescriptions, true);
  INFO(report);
  CHECK(report.starts_with("  exits taken (3 exits, the last is the final output):\n"));
  CHECK(report.find("\n       1      2   50.00%          110  after layer 6 (exit1), max_softmax >= 0.82\n") !=
        std::string::npos);
  CHECK(report.find("\n       2      1   25.00%          250  after layer 12 (exit2), margin >= 0.5\n") !=
        std::string::npos);
  CHECK(report.find("\n       3      1   25.00%          400  after layer 14 (probabilities), the final output\n") !=
        std::string::npos);
  // 217.5 rounds to 218; 745 / 3 = 248.3 to 248; 745 / 1215 = 61.32%.
  CHECK(report.find("  cycles per inference with exits: mean 218, median 120 (4 runs); without exits: mean 405 "
                    "(3 runs)\n") != std::string::npos);
  CHECK(report.ends_with("  cycles saved by the exits: mean 248 per inference (61.32%)\n"));
}

TEST_CASE("exit report: an exit never taken has no mean; without a baseline nothing is saved") {
  const std::vector<sim::ExitSample> only_final = {{3, 400, std::nullopt}, {3, 402, std::nullopt}};
  const std::string report = sim::exit_report(sim::exit_statistics(only_final, 3), kDescriptions, false);
  INFO(report);
  CHECK(report.find("\n       1      0    0.00%            -  after layer 6") != std::string::npos);
  CHECK(report.find("\n       3      2  100.00%          401  after layer 14") != std::string::npos);
  CHECK(report.ends_with("; without exits: not measured (--no-baseline)\n"));
  CHECK(report.find("saved") == std::string::npos);
}
