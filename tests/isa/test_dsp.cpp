// DSP extension subset: lane arithmetic and GE flags worked by hand from the
// ARMv7-M ARM pseudocode for UADD8, SEL and UXTAH.
#include <catch2/catch.hpp>

#include "isa/decoder.hpp"
#include "tests/isa/cpu_fixture.hpp"

using test::CpuFixture;

TEST_CASE("UADD8 sets GE per byte lane and SEL picks lanes by GE", "[isa][dsp]") {
  CpuFixture f;
  f.r(2) = 0xFF80017F;
  f.r(12) = 0x01800001;
  f.r(4) = 0x11223344;
  f.run({
            0xfa82, 0xf24c,  // uadd8 r2, r2, ip
            0xfaa4, 0xf28c,  // sel r2, r4, ip
        },
        1);
  // lanes (LSB first): 7F+01=80, 01+00=01, 80+80=100, FF+01=100
  CHECK(f.r(2) == 0x00000180);
  CHECK(f.cpu.state().ge == 0b1100);
  f.cpu.step_one();  // lanes 3,2 from r4; lanes 1,0 from ip
  CHECK(f.r(2) == 0x11220001);
}

TEST_CASE("UXTAH adds a rotated, zero-extended halfword", "[isa][dsp]") {
  CpuFixture f;
  f.r(2) = 0x10000000;
  f.r(3) = 0x00ABCD12;
  f.run({0xfa12, 0xf193}, 1);  // uxtah r1, r2, r3, ror #8
  CHECK(f.r(1) == 0x1000ABCD);
}

TEST_CASE("the DSP subset is UNDEFINED without the DSP extension", "[isa][dsp]") {
  const isa::Decoder m3(*isa::core_profile("cortex-m3"));
  CHECK(m3.decode(0xFA82F24C, true).row == isa::Decoder::undefined_row());
}
