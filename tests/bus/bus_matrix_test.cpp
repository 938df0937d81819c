#include <catch2/catch.hpp>

#include "bus/bus_matrix.hpp"

using namespace bus;

TEST_CASE("bus matrix: masters by name; the priority list orders them, the rest follow in master order") {
  BusMatrix m({"core.fetch", "core.data", "dma0", "dma1"}, Policy::FixedPriority, {"dma1", "core.data"});
  REQUIRE(m.master("dma0") == MasterId{2});
  REQUIRE_FALSE(m.master("gpu"));
  REQUIRE(m.priority_order() == std::vector<std::string>{"dma1", "core.data", "core.fetch", "dma0"});
  REQUIRE(m.policy() == Policy::FixedPriority);
}

TEST_CASE("bus matrix: one port per memory, at a stable address") {
  BusMatrix m({"core.fetch", "core.data"}, Policy::RoundRobin, {});
  SlavePort& sram = m.add_port("sram");
  m.add_port("flash");
  REQUIRE(&m.add_port("sram") == &sram);
  REQUIRE(m.port("sram") == &sram);
  REQUIRE(m.port("ccm") == nullptr);
  REQUIRE(m.ports().size() == 2);
}

TEST_CASE("bus matrix: unknown or repeated names in the priority list are errors") {
  REQUIRE_THROWS_AS(BusMatrix({"core.fetch", "core.data"}, Policy::FixedPriority, {"dma"}), std::invalid_argument);
  REQUIRE_THROWS_AS(BusMatrix({"core.fetch", "core.data"}, Policy::FixedPriority, {"core.data", "core.data"}),
                    std::invalid_argument);
}

TEST_CASE("arbitration policies by name") {
  REQUIRE(parse_policy("round_robin") == Policy::RoundRobin);
  REQUIRE(parse_policy("fixed_priority") == Policy::FixedPriority);
  REQUIRE_FALSE(parse_policy("lottery"));
  REQUIRE(policy_name(Policy::RoundRobin) == "round_robin");
}
