// Data-processing instructions; expected values worked out by hand from the
// ARMv7-M ARM pseudocode (A7.7): results, N/Z/C/V, and shifter carry-out.
#include <catch2/catch.hpp>

#include "tests/isa/cpu_fixture.hpp"

using test::CpuFixture;

TEST_CASE("16- and 32-bit arithmetic and logic set flags as the manual says", "[isa][dp]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0x2080,          // movs r0, #0x80
      0x0641,          // lsls r1, r0, #25
      0x1dc2,          // adds r2, r0, #7
      0xf100, 0x23ff,  // add.w r3, r0, #0xFF00FF00
      0xf1b0, 0x0481,  // subs.w r4, r0, #0x81
      0x4245,          // negs r5, r0
      0xf06f, 0x0600,  // mvn.w r6, #0
      0xea16, 0x6700,  // ands.w r7, r6, r0, lsl #24
      0x2880,          // cmp r0, #0x80
      0x17f9,          // asrs r1, r7, #31
  });
  f.cpu.step_one();
  CHECK(f.r(0) == 0x80);
  f.cpu.step_one();  // 0x80 << 25: bit 7 is the last shifted out
  CHECK(f.r(1) == 0);
  CHECK((s.z && s.c && !s.n));
  f.cpu.step_one();
  CHECK(f.r(2) == 0x87);
  CHECK((!s.n && !s.z && !s.c && !s.v));
  f.cpu.step_one();  // no S: flags stay
  CHECK(f.r(3) == 0xFF00FF80);
  CHECK((!s.z && !s.c));
  f.cpu.step_one();  // 0x80 - 0x81 borrows: C clear
  CHECK(f.r(4) == 0xFFFFFFFF);
  CHECK((s.n && !s.z && !s.c && !s.v));
  f.cpu.step_one();
  CHECK(f.r(5) == 0xFFFFFF80);
  CHECK((s.n && !s.c && !s.v));
  f.cpu.step_one();
  CHECK(f.r(6) == 0xFFFFFFFF);
  f.cpu.step_one();  // carry-out of LSL #24 is bit 8 of r0, which is 0
  CHECK(f.r(7) == 0x80000000);
  CHECK((s.n && !s.z && !s.c));
  f.cpu.step_one();
  CHECK((s.z && s.c && !s.n && !s.v));
  f.cpu.step_one();  // ASR #31 carry-out is bit 30
  CHECK(f.r(1) == 0xFFFFFFFF);
  CHECK((s.n && !s.c));
  CHECK(f.cpu.state().pc == CpuFixture::kCode + 0x1c);
}

TEST_CASE("LR is a valid destination where only SP and PC are forbidden", "[isa][dp]") {
  CpuFixture f;
  f.r(0) = 0x0000AB00;
  f.r(1) = 0x00010000;  // 15 leading zeros
  f.r(2) = 4;
  f.run({
            0xfab1, 0xfe81,  // clz lr, r1
        },
        1);
  CHECK(f.r(14) == 15);
  f.bus.code(CpuFixture::kCode + 4, {0xfa5f, 0xfe90, 0xfa01, 0xfe02});  // uxtb.w lr, r0, ror #8; lsl.w lr, r1, r2
  f.cpu.step_one();
  CHECK(f.r(14) == 0xAB);
  f.cpu.step_one();
  CHECK(f.r(14) == 0x00100000);
}
