// The lockup message names the instruction that faulted first and its
// address, even though the core locks up later, entering a HardFault that
// has no handler (ARMv7-M ARM B1.5.15).
#include <catch2/catch.hpp>

#include "core_bench.hpp"
#include "sim/lockup_report.hpp"

TEST_CASE("lockup report: undefined instruction and bus fault, HardFault vector 0") {
  using namespace test;
  sim::CoreModuleConfig config{.profile = *isa::core_profile("cortex-m4"), .clock_hz = 25'000'000};
  Bench undef("undef", config);
  undef.code(kCodeBase, {kNop, kNop, kUdf});
  Bench unmapped("unmapped", config);
  // r0 = 0x90000000 (unmapped), then ldr r1, [r0]
  unmapped.code(kCodeBase, {ldr_literal(0, 1), ldr_imm(1, 0, 0), kNop, kNop});
  unmapped.word(kCodeBase + 8, 0x90000000);
  undef.core.stop_simulation_when_done(false);
  unmapped.core.stop_simulation_when_done(false);
  simulate({&undef, &unmapped});

  REQUIRE(undef.core.end() == sim::CoreEnd::Lockup);
  REQUIRE(sim::describe_lockup(undef.core.cpu()) ==
          "lockup at PC 0x00000104 after undefined instruction (UsageFault UNDEFINSTR), escalated to HardFault, "
          "which has no handler (vector 0x00000000)");
  REQUIRE(unmapped.core.end() == sim::CoreEnd::Lockup);
  REQUIRE(sim::describe_lockup(unmapped.core.cpu()) ==
          "lockup at PC 0x00000102 after data bus error (BusFault PRECISERR) (address 0x90000000), escalated to "
          "HardFault, which has no handler (vector 0x00000000)");
}
