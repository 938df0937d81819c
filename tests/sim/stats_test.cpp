#include "sim/stats.hpp"

#include <catch2/catch.hpp>

TEST_CASE("stats: values land at their dotted paths, evaluated at dump time") {
  sim::StatsRegistry r;
  uint64_t cycles = 0;
  r.add("core.cycles", "cycle", "core clock cycles", [&] { return cycles; });
  r.add_constant("memory.flash.reads", "count", "reads", uint64_t{7});
  r.add_constant("host.mips", "MIPS", "speed", 12.5);
  r.add_constant("sim.stop_reason", "", "why", std::string("exit"));
  cycles = 42;
  const auto j = r.to_json();
  REQUIRE(j["core"]["cycles"] == 42);
  REQUIRE(j["memory"]["flash"]["reads"] == 7);
  REQUIRE(j["host"]["mips"] == 12.5);
  REQUIRE(j["sim"]["stop_reason"] == "exit");
  REQUIRE(j["meta"]["core.cycles"]["unit"] == "cycle");
  REQUIRE(j["meta"]["core.cycles"]["description"] == "core clock cycles");
}

TEST_CASE("stats: names must be unique, well formed, and not both value and group") {
  sim::StatsRegistry r;
  r.add_constant("core.cycles", "cycle", "", uint64_t{1});
  REQUIRE_THROWS(r.add_constant("core.cycles", "cycle", "", uint64_t{1}));
  REQUIRE_THROWS(r.add_constant("core", "", "", uint64_t{1}));
  REQUIRE_THROWS(r.add_constant("core.cycles.total", "", "", uint64_t{1}));
  REQUIRE_THROWS(r.add_constant("core..x", "", "", uint64_t{1}));
  REQUIRE_THROWS(r.add_constant("meta.x", "", "", uint64_t{1}));
  REQUIRE_THROWS(r.add_constant("a/b", "", "", uint64_t{1}));
  REQUIRE_NOTHROW(r.add_constant("core.cycles_total", "", "", uint64_t{1}));
}

TEST_CASE("stats: numeric name segments are object keys, beside named ones") {
  sim::StatsRegistry r;
  r.add_constant("layers.0.cycles", "cycle", "", uint64_t{5});
  r.add_constant("layers.12.cycles", "cycle", "", uint64_t{7});
  r.add_constant("layers.outside.cycles", "cycle", "", uint64_t{3});
  const auto j = r.to_json();
  REQUIRE(j["layers"].is_object());
  REQUIRE(j["layers"].size() == 3);  // an array would have 13 slots
  REQUIRE(j["layers"]["0"]["cycles"] == 5);
  REQUIRE(j["layers"]["12"]["cycles"] == 7);
  REQUIRE(j["layers"]["outside"]["cycles"] == 3);
}
