// sim::CoreModule: device accesses go through b_transport with the local
// time as delay, and a device's latency becomes core wait cycles. Two cores
// run the same program against devices of different latency.
#include <catch2/catch.hpp>

#include "core_bench.hpp"

namespace {
void program(test::Bench& b) {
  using namespace test;
  b.code(kCodeBase, {
                        ldr_literal(0, 1),  // 0x100: r0 = [0x108] = device base
                        ldr_imm(1, 0, 0),   // 0x102: r1 = device[0]
                        str_imm(1, 0, 1),   // 0x104: device[4] = r1
                        kBkptExit,          // 0x106: exit(r1)
                    });
  b.word(kCodeBase + 8, kDeviceBase);
  b.probe->value = 42;
}

sim::CoreModuleConfig config() {
  return {.profile = *isa::core_profile("cortex-m4"), .clock_hz = 25'000'000, .quantum = sc_core::sc_time(10, sc_core::SC_US)};
}
}  // namespace

TEST_CASE("core module: device accesses use b_transport; device latency becomes wait cycles") {
  test::Bench fast("fast", config());
  test::Bench slow("slow", config(), sc_core::sc_time(7 * 40, sc_core::SC_NS));  // 7 cycles at 25 MHz
  test::Bench waiting("waiting", config(), sc_core::sc_time(7 * 40, sc_core::SC_NS));
  waiting.probe->waits = true;  // synchronises instead of annotating
  program(fast);
  program(slow);
  program(waiting);
  for (auto* b : {&fast, &slow, &waiting}) b->core.stop_simulation_when_done(false);
  test::simulate({&fast, &slow, &waiting});

  for (auto* b : {&fast, &slow, &waiting}) {
    REQUIRE(b->core.end() == sim::CoreEnd::Exit);
    REQUIRE(b->core.cpu().exit_code() == 42);
    REQUIRE(b->probe->written == std::vector<uint32_t>{42});
    REQUIRE(b->probe->access_times.size() == 2);
    // The device saw the core's own time for each access, in order, not
    // the start of the quantum.
    REQUIRE(b->probe->access_times[0] > sc_core::SC_ZERO_TIME);
    REQUIRE(b->probe->access_times[1] > b->probe->access_times[0]);
  }
  // Two accesses of 7 wait cycles each, annotated or waited out.
  REQUIRE(slow.core.cpu().cycles() - fast.core.cpu().cycles() == 14);
  REQUIRE(waiting.core.cpu().cycles() == slow.core.cpu().cycles());
  REQUIRE(waiting.probe->access_times == slow.probe->access_times);
  REQUIRE(slow.probe->access_times[1] - slow.probe->access_times[0] ==
          fast.probe->access_times[1] - fast.probe->access_times[0] + sc_core::sc_time(280, sc_core::SC_NS));
  REQUIRE(fast.core.cpu().instructions() == 4);
}
