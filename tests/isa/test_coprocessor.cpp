// Coprocessor instructions with no coprocessor present raise UsageFault
// NOCP (ARMv7-M ARM A5.3.18, B3.2.15), not UNDEFINSTR.
#include <catch2/catch.hpp>

#include "tests/isa/cpu_fixture.hpp"

using test::CpuFixture;

TEST_CASE("MRC and LDC to absent coprocessors fault with NOCP", "[isa][coprocessor]") {
  for (auto code : {std::initializer_list<uint16_t>{0xee11, 0x0f10},    // mrc p15, 0, r0, c1, c0, 0
                    std::initializer_list<uint16_t>{0xed90, 0x1500}}) {  // ldc p5, c1, [r0]
    CpuFixture f;
    f.bus.write32(4 * isa::kHardFault, 0x200 | 1);  // a HardFault handler, so no lockup
    f.r(0) = 0x4000;
    f.run(code, 1);
    uint32_t cfsr = 0;
    f.cpu.scs().read(0xE000ED28, 4, cfsr);
    CHECK(cfsr == (1u << 19));  // NOCP only
    CHECK(f.cpu.state().exception == isa::kHardFault);  // UsageFault disabled: escalated
    CHECK(f.cpu.state().pc == 0x200);
  }
}
