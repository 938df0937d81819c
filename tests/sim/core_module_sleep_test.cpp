// sim::CoreModule: a sleeping core advances time; a device interrupt wakes
// it in the cycle it arrives; with nothing left that could wake it, the run ends as a hang.
#include <catch2/catch.hpp>

#include "core_bench.hpp"

namespace {
// Raises IRQ 0 of a core at a given time.
struct Waker : sc_core::sc_module {
  SC_HAS_PROCESS(Waker);
  sim::CoreModule& core;
  sc_core::sc_time when;
  Waker(sc_core::sc_module_name n, sim::CoreModule& c, sc_core::sc_time t) : sc_core::sc_module(n), core(c), when(t) {
    SC_THREAD(run);
  }
  void run() {
    wait(when);
    core.set_irq_level(0, true);
  }
};

sim::CoreModuleConfig config() {
  return {.profile = *isa::core_profile("cortex-m4"), .clock_hz = 25'000'000, .quantum = sc_core::sc_time(10, sc_core::SC_US)};
}
}  // namespace

TEST_CASE("core module: an interrupt wakes the sleeping core; nothing to wake it is a hang") {
  using namespace test;
  Bench woken("woken", config());
  // Enable IRQ 0 (NVIC_ISER0 = 1), sleep, and exit with 7 if execution ever
  // continues; the IRQ 0 handler (vector 16) exits with 42.
  woken.code(kCodeBase, {ldr_literal(0, 3), movs(1, 1), str_imm(1, 0, 0), kWfi, movs(1, 7), kBkptExit, kNop, kNop});
  woken.word(kCodeBase + 0x10, 0xE000E100);
  woken.word(16 * 4, (kCodeBase + 0x40) | 1);
  woken.code(kCodeBase + 0x40, {movs(1, 42), kBkptExit});
  Waker waker("waker", woken.core, sc_core::sc_time(50, sc_core::SC_US));

  Bench asleep("asleep", config());
  asleep.code(kCodeBase, {kWfi, kBranchSelf});

  woken.core.stop_simulation_when_done(false);
  asleep.core.stop_simulation_when_done(false);
  simulate({&woken, &asleep});

  REQUIRE(woken.core.end() == sim::CoreEnd::Exit);
  REQUIRE(woken.core.cpu().exit_code() == 42);
  // Woken at 50 us = cycle 1250 exactly (not at the end of its 250-cycle
  // quantum), then exception entry (12 cycles on the M4) and the handler's
  // MOVS and BKPT.
  const uint64_t cycles = woken.core.cpu().cycles();
  REQUIRE(cycles >= 1250 + 12);
  REQUIRE(cycles < 1250 + 12 + 10);
  // Asleep from the WFI (after 4 instructions) to cycle 1250.
  REQUIRE(woken.core.cpu().sleep_cycles() > 1250 - 20);
  REQUIRE(woken.core.cpu().sleep_cycles() <= 1250 - 4);

  REQUIRE(asleep.core.end() == sim::CoreEnd::Hang);
  REQUIRE(asleep.core.hang_pc() == kCodeBase + 2);  // resumes after the WFI
}
