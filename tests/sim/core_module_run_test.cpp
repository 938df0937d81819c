// sim::CoreModule: instruction limit, time kept in step with cycles without
// drift, DMI traffic counted. One simulation in this process.
#include <catch2/catch.hpp>

#include "core_bench.hpp"

TEST_CASE("core module: runs to the instruction limit; time and traffic follow the cycles") {
  // A RAM full of zeros is a stream of `movs r0, r0` (LSL #0): one cycle,
  // one 16-bit fetch each.
  sim::CoreModuleConfig config{
      .profile = *isa::core_profile("cortex-m4"),
      .clock_hz = 168'000'000,
      .quantum = sc_core::sc_time(1, sc_core::SC_US),  // 168 cycles: several syncs
      .max_instructions = 1000,
  };
  test::Bench b("limit", config);
  test::simulate({&b});

  REQUIRE(b.core.end() == sim::CoreEnd::InstructionLimit);
  REQUIRE(b.core.cpu().instructions() == 1000);
  REQUIRE(b.core.cpu().cycles() == 1000);
  REQUIRE(b.core.cpu().state().pc == test::kCodeBase + 2000);
  // 1000 cycles at 168 MHz = 5.952380952 us, floored to the picosecond:
  // derived from the cycle count, not from a rounded period times 1000.
  REQUIRE(sc_core::sc_time_stamp() == sc_core::sc_time(5'952'380, sc_core::SC_PS));

  // Every fetch went through DMI, and was counted into the RAM's totals.
  const auto t = b.ram.traffic();
  REQUIRE(t.fetches == 1000);
  REQUIRE(t.fetch_bytes == 2000);
  REQUIRE(b.ram.storage().transport_traffic().reads == 0);
  // The reset exception read SP and PC: debug reads, not traffic.
  REQUIRE(t.reads == 0);
  REQUIRE(t.writes == 0);
}
