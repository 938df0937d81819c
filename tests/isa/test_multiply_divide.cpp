// Multiplies and divides (ARMv7-M ARM A7.7.74 MLA, A7.7.75 MLS, A7.7.84 MUL,
// A7.7.127 SDIV, A7.7.138 SMLAL, A7.7.149 SMULL, A7.7.184 UDIV, A7.7.189
// UMLAL, A7.7.190 UMULL). Products worked out by hand; halfwords from
// arm-none-eabi-as -mcpu=cortex-m4 -mthumb.
#include <catch2/catch.hpp>

#include "tests/isa/cpu_fixture.hpp"
#include "tests/isa/exception_helpers.hpp"

using test::CpuFixture;
namespace scs = test::scs;

TEST_CASE("MULS sets N and Z only, and no flags inside IT; MUL.W/MLA/MLS truncate", "[isa][mul]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0x4348,          // 0x100: muls r0, r1, r0
      0x4348,          // 0x102: muls r0, r1, r0
      0xbf08,          // 0x104: it eq
      0x4348,          // 0x106: muleq r0, r1, r0
      0xfb03, 0xf204,  // 0x108: mul r2, r3, r4
      0xfb06, 0x8507,  // 0x10c: mla r5, r6, r7, r8
      0xfb06, 0x8917,  // 0x110: mls r9, r6, r7, r8
  });
  f.r(0) = 0x10000;
  f.r(1) = 0x10000;
  s.c = s.v = true;
  f.cpu.step_one();  // 2^32 wraps to 0
  CHECK(f.r(0) == 0);
  CHECK((s.z && !s.n && s.c && s.v));
  f.r(0) = 0xFFFFFFFD;  // -3
  f.r(1) = 5;
  f.cpu.step_one();
  CHECK(f.r(0) == 0xFFFFFFF1);  // -15
  CHECK((s.n && !s.z && s.c && s.v));
  s.z = true;
  s.n = false;
  f.r(0) = 0;
  f.cpu.step_one();
  f.cpu.step_one();  // 0 * 5 inside IT: flags stay
  CHECK(f.r(0) == 0);
  CHECK((s.z && !s.n));
  f.r(3) = 0x12345678;
  f.r(4) = 0x10;
  f.r(6) = 1000;
  f.r(7) = 3000;
  f.r(8) = 7;
  f.cpu.step_one();
  CHECK(f.r(2) == 0x23456780);
  f.cpu.step_one();
  CHECK(f.r(5) == 3000007);
  f.cpu.step_one();  // 7 - 3000000
  CHECK(f.r(9) == 0xFFD23947);
  CHECK((s.z && !s.n));  // 32-bit forms never set flags
}

TEST_CASE("UMULL/SMULL/UMLAL/SMLAL produce 64-bit results in RdHi:RdLo", "[isa][mul]") {
  CpuFixture f;
  f.bus.code(CpuFixture::kCode, {
      0xfba2, 0x0103,  // 0x100: umull r0, r1, r2, r3
      0xfb82, 0x4503,  // 0x104: smull r4, r5, r2, r3
      0xfbe2, 0x6703,  // 0x108: umlal r6, r7, r2, r3
      0xfbc2, 0x8903,  // 0x10c: smlal r8, r9, r2, r3
  });
  f.r(2) = 0x80000000;  // 2^31 unsigned, -2^31 signed
  f.r(3) = 0x7FFFFFFF;
  f.r(6) = 0xFFFFFFFF;  // r7:r6 = 0x1_FFFFFFFF
  f.r(7) = 1;
  f.r(9) = 0x40000000;  // r9:r8 = 2^62
  f.r(8) = 0;
  for (int i = 0; i < 4; ++i) f.cpu.step_one();
  // 2^31 * (2^31 - 1) = 2^62 - 2^31
  CHECK(f.r(1) == 0x3FFFFFFF);
  CHECK(f.r(0) == 0x80000000);
  // -(2^62 - 2^31)
  CHECK(f.r(5) == 0xC0000000);
  CHECK(f.r(4) == 0x80000000);
  // 0x3FFFFFFF_80000000 + 0x1_FFFFFFFF: the low word carries into the high word
  CHECK(f.r(7) == 0x40000001);
  CHECK(f.r(6) == 0x7FFFFFFF);
  // 2^62 - (2^62 - 2^31) = 2^31
  CHECK(f.r(9) == 0);
  CHECK(f.r(8) == 0x80000000);
}

TEST_CASE("SDIV/UDIV round towards zero; INT_MIN / -1 is INT_MIN; x / 0 is 0", "[isa][div]") {
  CpuFixture f;
  f.bus.code(CpuFixture::kCode, {
      0xfb91, 0xf0f2,  // 0x100: sdiv r0, r1, r2
      0xfbb4, 0xf3f5,  // 0x104: udiv r3, r4, r5
  });
  const struct {
    uint32_t n, m, sdiv, udiv;
  } cases[] = {
      {0xFFFFFFF9, 2, 0xFFFFFFFD, 0x7FFFFFFC},           // -7 / 2 = -3
      {7, 0xFFFFFFFE, 0xFFFFFFFD, 0},                     // 7 / -2 = -3
      {0x80000000, 0xFFFFFFFF, 0x80000000, 0},            // overflow wraps to INT_MIN
      {0xFFFFFFFF, 0x10, 0, 0x0FFFFFFF},                  // -1 / 16 = 0
      {100, 0, 0, 0},                                     // no trap: 0
  };
  for (const auto& c : cases) {
    INFO(std::hex << c.n << " / " << c.m);
    f.cpu.state().pc = CpuFixture::kCode;
    f.r(1) = f.r(4) = c.n;
    f.r(2) = f.r(5) = c.m;
    f.r(0) = f.r(3) = 0xAA;
    f.cpu.step_one();
    f.cpu.step_one();
    CHECK(f.r(0) == c.sdiv);
    CHECK(f.r(3) == c.udiv);
  }
}

TEST_CASE("Divide by zero with CCR.DIV_0_TRP raises DIVBYZERO", "[isa][div]") {
  for (const bool usage_fault_enabled : {true, false}) {
    INFO("UsageFault enabled: " << usage_fault_enabled);
    for (const uint16_t hw1 : {0xfb91, 0xfbb1}) {  // sdiv r0, r1, r2 / udiv r0, r1, r2
      CpuFixture f;
      auto& s = f.cpu.state();
      test::install_handler(f, isa::kUsageFault, 0x300);
      test::install_handler(f, isa::kHardFault, 0x380);
      if (usage_fault_enabled) test::write_word(f, scs::kShcsr, scs::kUsgFaultEna);
      test::write_word(f, scs::kCcr, test::read_word(f, scs::kCcr) | scs::kDiv0Trp);
      f.bus.code(CpuFixture::kCode, {hw1, 0xf0f2});
      f.r(0) = 0xAA;
      f.r(1) = 5;
      f.r(2) = 0;
      f.cpu.step_one();
      CHECK(s.exception == (usage_fault_enabled ? isa::kUsageFault : isa::kHardFault));
      CHECK(test::read_word(f, scs::kCfsr) == scs::kDivByZero);
      CHECK(test::read_word(f, scs::kHfsr) == (usage_fault_enabled ? 0 : scs::kForced));
      CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == CpuFixture::kCode);
      CHECK(test::stacked(f, f.r(13), test::kR0) == 0xAA);  // Rd not written
    }
  }
}
