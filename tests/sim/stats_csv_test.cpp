// --stats-csv: the header, one row per stat in registration order, RFC 4180
// quoting, and numbers as the JSON has them.
#include "sim/csv.hpp"
#include "sim/stats_csv.hpp"

#include <limits>

#include <catch2/catch.hpp>

TEST_CASE("stats_csv: fields with a comma, quote or line break are quoted, quotes doubled") {
  REQUIRE(sim::csv_field("core.cycles") == "core.cycles");
  REQUIRE(sim::csv_field("") == "");
  REQUIRE(sim::csv_field("reads, fetches included") == "\"reads, fetches included\"");
  REQUIRE(sim::csv_field("the \"ART\" cache") == "\"the \"\"ART\"\" cache\"");
  REQUIRE(sim::csv_field("two\nlines") == "\"two\nlines\"");
  REQUIRE(sim::csv_row({"a", "b,c", ""}) == "a,\"b,c\",\n");
}

TEST_CASE("stats_csv: name,value,unit,description per stat, in registration order") {
  sim::StatsRegistry r;
  r.add_constant("core.cycles", "cycle", "core clock cycles, sleep included", uint64_t{18446744073709551615u});
  r.add_constant("core.stall.memory", "cycle", "stalls", int64_t{-3});
  r.add_constant("core.cpi", "cycle/instruction", "cycles per instruction", 1.0 / 3.0);
  r.add_constant("energy.total_pj", "pJ", "all", 2.5e6);
  r.add_constant("host.mips", "MIPS", "speed", std::numeric_limits<double>::quiet_NaN());
  r.add_constant("sim.platform", "", "platform \"name\"", std::string("stm32f407"));
  const std::string expected =
      "name,value,unit,description\n"
      "core.cycles,18446744073709551615,cycle,\"core clock cycles, sleep included\"\n"
      "core.stall.memory,-3,cycle,stalls\n"
      "core.cpi,0.3333333333333333,cycle/instruction,cycles per instruction\n"  // the shortest text of 1/3 as a double
      "energy.total_pj,2500000,pJ,all\n"
      "host.mips,,MIPS,speed\n"  // null in the JSON
      "sim.platform,stm32f407,,\"platform \"\"name\"\"\"\n";
  REQUIRE(sim::stats_csv(r) == expected);
}
