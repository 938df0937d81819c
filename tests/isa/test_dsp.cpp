// The ARMv7E-M DSP extension (ARMv7-M ARM A7.7, each instruction's page).
// Expected values are worked by hand from the pseudocode; halfwords come from
// arm-none-eabi-as -mcpu=cortex-m4 -mthumb and arm-none-eabi-objdump -d, with
// the disassembly as the comment.
#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "isa/decoder.hpp"
#include "tests/isa/cpu_fixture.hpp"
#include "tests/isa/exception_helpers.hpp"

using test::CpuFixture;

namespace {

// Runs one 32-bit instruction on `f` with r2 = n, r3 = m (and r4 = a).
void run1(CpuFixture& f, uint16_t hw1, uint16_t hw2, uint32_t n, uint32_t m, uint32_t a = 0) {
  f.r(2) = n;
  f.r(3) = m;
  f.r(4) = a;
  f.run({hw1, hw2}, 1);
}

// Rd = r1, Rn = r2, Rm = r3. Lanes below are listed least significant first.
struct LaneCase {
  std::string_view text;
  uint16_t hw1, hw2;
  uint32_t n, m, result;
  std::optional<uint8_t> ge;  // nothing: GE must be left alone
};

void check_lanes(const LaneCase& c) {
  INFO(c.text);
  CpuFixture f;
  auto& s = f.cpu.state();
  // Start from the opposite of every expected GE bit, so each one must be written.
  const uint8_t before = c.ge ? static_cast<uint8_t>(~*c.ge & 0xF) : 0b1010;
  s.ge = before;
  run1(f, c.hw1, c.hw2, c.n, c.m);
  CHECK(f.r(1) == c.result);
  CHECK(+s.ge == +c.ge.value_or(before));
  CHECK_FALSE(s.q);  // no parallel add/subtract touches Q
}

bool undefined_on(std::string_view core, uint32_t raw) {
  const isa::Decoder dec(*isa::core_profile(core));
  return dec.decode(raw, true).row == isa::Decoder::undefined_row();
}

}  // namespace

TEST_CASE("SADD/SSUB/SASX/SSAX: modulo lanes, GE = lane result >= 0", "[isa][dsp]") {
  const LaneCase cases[] = {
      // 01+7F=128 -> 80 GE; FF+FF=-2 -> FE; 80+80=-256 -> 00; 7F+01=128 -> 80 GE
      {"sadd8 r1, r2, r3", 0xfa82, 0xf103, 0x7F80FF01, 0x0180FF7F, 0x8000FE80, 0b1001},
      // 01-02=-1; 7F-80=255 GE; 00-FF=1 GE; 80-01=-129 -> 7F
      {"ssub8 r1, r2, r3", 0xfac2, 0xf103, 0x80007F01, 0x01FF8002, 0x7F01FFFF, 0b0110},
      // -32768 + -32768 = -65536 -> 0000; 32767 + 1 = 32768 -> 8000 GE (the sum, not the lane, is >= 0)
      {"sadd16 r1, r2, r3", 0xfa92, 0xf103, 0x7FFF8000, 0x00018000, 0x80000000, 0b1100},
      // 5 - 7 = -2; 32767 - -32768 = 65535 -> FFFF GE
      {"ssub16 r1, r2, r3", 0xfad2, 0xf103, 0x7FFF0005, 0x80000007, 0xFFFFFFFE, 0b1100},
      // lo = 3 - 5 = -2; hi = 1 + -1 = 0 GE
      {"sasx r1, r2, r3", 0xfaa2, 0xf103, 0x00010003, 0x0005FFFF, 0x0000FFFE, 0b1100},
      // lo = 3 + 5 = 8 GE; hi = 1 - 2 = -1
      {"ssax r1, r2, r3", 0xfae2, 0xf103, 0x00010003, 0x00050002, 0xFFFF0008, 0b0011},
  };
  for (const auto& c : cases) check_lanes(c);
}

TEST_CASE("UADD/USUB/UASX/USAX: modulo lanes, GE = carry out of sums, no borrow from differences",
          "[isa][dsp]") {
  const LaneCase cases[] = {
      // 7F+01=80; 01+00=01; 80+80=100 GE; FF+01=100 GE
      {"uadd8 r1, r2, r3", 0xfa82, 0xf143, 0xFF80017F, 0x01800001, 0x00000180, 0b1100},
      // 01-02=-1 -> FF; 80-80=0 GE; FF-FE=1 GE; 00-01 -> FF
      {"usub8 r1, r2, r3", 0xfac2, 0xf143, 0x00FF8001, 0x01FE8002, 0xFF0100FF, 0b0110},
      // 8000+7FFF=FFFF; FFFF+0001=10000 -> 0000 GE
      {"uadd16 r1, r2, r3", 0xfa92, 0xf143, 0xFFFF8000, 0x00017FFF, 0x0000FFFF, 0b1100},
      // 8000-8000=0 GE; 0001-0002 -> FFFF
      {"usub16 r1, r2, r3", 0xfad2, 0xf143, 0x00018000, 0x00028000, 0xFFFF0000, 0b0011},
      // lo = 0001 - 0002 -> FFFF; hi = FFFF + 0001 = 10000 -> 0000 GE
      {"uasx r1, r2, r3", 0xfaa2, 0xf143, 0xFFFF0001, 0x00020001, 0x0000FFFF, 0b1100},
      // lo = FFFF + 0001 -> 0000 GE; hi = 0001 - 0002 -> FFFF
      {"usax r1, r2, r3", 0xfae2, 0xf143, 0x0001FFFF, 0x00010002, 0xFFFF0000, 0b0011},
  };
  for (const auto& c : cases) check_lanes(c);
}

TEST_CASE("Q/UQ lanes saturate at the lane bounds and leave GE and Q alone", "[isa][dsp]") {
  const LaneCase cases[] = {
      // 7F+01 -> 7F; 10+20=30; 80+FF=-129 -> 80; 7F+01 -> 7F
      {"qadd8 r1, r2, r3", 0xfa82, 0xf113, 0x7F80107F, 0x01FF2001, 0x7F80307F, std::nullopt},
      // 00-80=128 -> 7F; 05-03=2; 7F-FF=128 -> 7F; 80-01=-129 -> 80
      {"qsub8 r1, r2, r3", 0xfac2, 0xf113, 0x807F0500, 0x01FF0380, 0x807F027F, std::nullopt},
      // 0x8000 + -1 -> 8000; 0x7FFF + 1 -> 7FFF
      {"qadd16 r1, r2, r3", 0xfa92, 0xf113, 0x7FFF8000, 0x0001FFFF, 0x7FFF8000, std::nullopt},
      // 0x7FFF - -1 -> 7FFF; 0x8000 - 1 -> 8000
      {"qsub16 r1, r2, r3", 0xfad2, 0xf113, 0x80007FFF, 0x0001FFFF, 0x80007FFF, std::nullopt},
      // lo = 0x8000 - 1 -> 8000; hi = 0x7FFF + 1 -> 7FFF
      {"qasx r1, r2, r3", 0xfaa2, 0xf113, 0x7FFF8000, 0x00010001, 0x7FFF8000, std::nullopt},
      // lo = 0x7FFF + 1 -> 7FFF; hi = 0x8000 - 1 -> 8000
      {"qsax r1, r2, r3", 0xfae2, 0xf113, 0x80007FFF, 0x00010001, 0x80007FFF, std::nullopt},
      // 01+02=03; 7F+7F=FE; 80+80=100 -> FF; FF+01=100 -> FF
      {"uqadd8 r1, r2, r3", 0xfa82, 0xf153, 0xFF807F01, 0x01807F02, 0xFFFFFE03, std::nullopt},
      // 05-03=2; 7F-7E=1; 80-81 -> 0; 00-01 -> 0
      {"uqsub8 r1, r2, r3", 0xfac2, 0xf153, 0x00807F05, 0x01817E03, 0x00000102, std::nullopt},
      // 1234+0001=1235; FFFF+0001 -> FFFF
      {"uqadd16 r1, r2, r3", 0xfa92, 0xf153, 0xFFFF1234, 0x00010001, 0xFFFF1235, std::nullopt},
      // 1234-0234=1000; 0000-0001 -> 0
      {"uqsub16 r1, r2, r3", 0xfad2, 0xf153, 0x00001234, 0x00010234, 0x00001000, std::nullopt},
      // lo = 0001 - 0002 -> 0; hi = FFF0 + 0020 -> FFFF
      {"uqasx r1, r2, r3", 0xfaa2, 0xf153, 0xFFF00001, 0x00020020, 0xFFFF0000, std::nullopt},
      // lo = FFF0 + 0020 -> FFFF; hi = 0001 - 0002 -> 0
      {"uqsax r1, r2, r3", 0xfae2, 0xf153, 0x0001FFF0, 0x00200002, 0x0000FFFF, std::nullopt},
  };
  for (const auto& c : cases) check_lanes(c);
}

TEST_CASE("SH/UH lanes halve the exact result, rounding toward minus infinity", "[isa][dsp]") {
  const LaneCase cases[] = {
      // (-1+0)>>1 = -1 -> FF (not 0); (1+0)>>1 = 0; (-3+0)>>1 = -2 -> FE; (3+0)>>1 = 1
      {"shadd8 r1, r2, r3", 0xfa82, 0xf123, 0x03FD01FF, 0x00000000, 0x01FE00FF, std::nullopt},
      // the 17-bit sum is kept: (-32768 + -32768)/2 = 8000; (32767 + 32767)/2 = 7FFF
      {"shadd16 r1, r2, r3", 0xfa92, 0xf123, 0x7FFF8000, 0x7FFF8000, 0x7FFF8000, std::nullopt},
      // (0-2)>>1 = -1; (0-1)>>1 = -1; (127 - -128)>>1 = 127; (-128 - 127)>>1 = -128
      {"shsub8 r1, r2, r3", 0xfac2, 0xf123, 0x807F0000, 0x7F800102, 0x807FFFFF, std::nullopt},
      // (0-1)>>1 = -1 -> FFFF; (-32768 - 32767)>>1 = -32768 -> 8000
      {"shsub16 r1, r2, r3", 0xfad2, 0xf123, 0x80000000, 0x7FFF0001, 0x8000FFFF, std::nullopt},
      // lo = (0 - 1)>>1 = -1; hi = (1 + 2)>>1 = 1
      {"shasx r1, r2, r3", 0xfaa2, 0xf123, 0x00010000, 0x00010002, 0x0001FFFF, std::nullopt},
      // lo = (3 + 2)>>1 = 2; hi = (0 - 1)>>1 = -1
      {"shsax r1, r2, r3", 0xfae2, 0xf123, 0x00000003, 0x00020001, 0xFFFF0002, std::nullopt},
      // (0+1)>>1 = 0; (1+0)>>1 = 0; (FF+01)>>1 = 80 (the carry is kept); (FF+FF)>>1 = FF
      {"uhadd8 r1, r2, r3", 0xfa82, 0xf163, 0xFFFF0100, 0xFF010001, 0xFF800000, std::nullopt},
      // (8001+8000)>>1 = 8000; (FFFF+FFFF)>>1 = FFFF
      {"uhadd16 r1, r2, r3", 0xfa92, 0xf163, 0xFFFF8001, 0xFFFF8000, 0xFFFF8000, std::nullopt},
      // (1-2)>>1 = -1 -> FF; (FF-00)>>1 = 7F; (0-1)>>1 -> FF; (00-FF)>>1 = -128 -> 80
      {"uhsub8 r1, r2, r3", 0xfac2, 0xf163, 0x0000FF01, 0xFF010002, 0x80FF7FFF, std::nullopt},
      // (FFFF-0)>>1 = 7FFF; (0-FFFF)>>1 = -32768 -> 8000
      {"uhsub16 r1, r2, r3", 0xfad2, 0xf163, 0x0000FFFF, 0xFFFF0000, 0x80007FFF, std::nullopt},
      // lo = (0000 - 0001)>>1 -> FFFF; hi = (FFFF + FFFF)>>1 = FFFF
      {"uhasx r1, r2, r3", 0xfaa2, 0xf163, 0xFFFF0000, 0x0001FFFF, 0xFFFFFFFF, std::nullopt},
      // lo = (FFFF + FFFF)>>1 = FFFF; hi = (0 - 3)>>1 = -2 -> FFFE
      {"uhsax r1, r2, r3", 0xfae2, 0xf163, 0x0000FFFF, 0xFFFF0003, 0xFFFEFFFF, std::nullopt},
  };
  for (const auto& c : cases) check_lanes(c);
}

TEST_CASE("UADD8 then SEL picks byte lanes by GE", "[isa][dsp]") {
  CpuFixture f;
  f.r(2) = 0xFF80017F;
  f.r(12) = 0x01800001;
  f.r(4) = 0x11223344;
  f.run({
            0xfa82, 0xf24c,  // uadd8 r2, r2, ip
            0xfaa4, 0xf28c,  // sel r2, r4, ip
        },
        1);
  CHECK(f.r(2) == 0x00000180);
  CHECK(f.cpu.state().ge == 0b1100);
  f.cpu.step_one();  // lanes 3,2 from r4; lanes 1,0 from ip
  CHECK(f.r(2) == 0x11220001);
}

TEST_CASE("QADD/QSUB/QDADD/QDSUB saturate to 32 bits and set Q", "[isa][dsp]") {
  // Operand order: QADD Rd, Rm, Rn computes Rm + Rn; QSUB Rm - Rn; QD* double Rn.
  struct Case {
    std::string_view text;
    uint16_t hw1, hw2;
    uint32_t rm, rn, result;
    bool q;
  };
  const Case cases[] = {
      {"qadd r1, r2, r3", 0xfa83, 0xf182, 0x7FFFFFFF, 1, 0x7FFFFFFF, true},
      {"qadd r1, r2, r3", 0xfa83, 0xf182, 0x80000000, 0xFFFFFFFF, 0x80000000, true},
      {"qadd r1, r2, r3", 0xfa83, 0xf182, 0x7FFFFFFE, 1, 0x7FFFFFFF, false},  // exactly the maximum
      {"qsub r1, r2, r3", 0xfa83, 0xf1a2, 0x80000000, 1, 0x80000000, true},
      {"qsub r1, r2, r3", 0xfa83, 0xf1a2, 0x80000000, 0, 0x80000000, false},
      {"qsub r1, r2, r3", 0xfa83, 0xf1a2, 0, 0x80000000, 0x7FFFFFFF, true},
      // 2 * 0x40000000 saturates to 0x7FFFFFFF; -1 + that does not: Q from the doubling alone
      {"qdadd r1, r2, r3", 0xfa83, 0xf192, 0xFFFFFFFF, 0x40000000, 0x7FFFFFFE, true},
      {"qdadd r1, r2, r3", 0xfa83, 0xf192, 5, 3, 11, false},
      // 2 * 0xBFFFFFFF saturates to 0x80000000; 0 - that saturates again
      {"qdsub r1, r2, r3", 0xfa83, 0xf1b2, 0, 0xBFFFFFFF, 0x7FFFFFFF, true},
      // 2 * 0xC0000000 = 0x80000000 exactly; -1 - (-2^31) = 0x7FFFFFFF fits
      {"qdsub r1, r2, r3", 0xfa83, 0xf1b2, 0xFFFFFFFF, 0xC0000000, 0x7FFFFFFF, false},
  };
  for (const auto& c : cases) {
    INFO(c.text << " with Rm " << std::hex << c.rm << ", Rn " << c.rn);
    CpuFixture f;
    run1(f, c.hw1, c.hw2, c.rm, c.rn);
    CHECK(f.r(1) == c.result);
    CHECK(f.cpu.state().q == c.q);
  }
}

TEST_CASE("Q is sticky: later non-saturating instructions leave it set", "[isa][dsp]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0xfa83, 0xf182,  // qadd r1, r2, r3
      0xfa83, 0xf182,  // qadd r1, r2, r3
      0xfb22, 0x4103,  // smlad r1, r2, r3, r4
      0xfa92, 0xf113,  // qadd16 r1, r2, r3
      0xf322, 0x010f,  // ssat16 r1, #16, r2
      0x196d,          // adds r5, r5, r5
  });
  f.r(2) = 0x7FFFFFFF;
  f.r(3) = 1;
  f.cpu.step_one();
  CHECK(s.q);
  f.r(2) = 2;
  f.cpu.step_one();  // 2 + 1: no saturation
  CHECK(f.r(1) == 3);
  CHECK(s.q);
  f.r(4) = 7;
  f.cpu.step_one();  // 2*1 + 0*0 + 7
  CHECK(f.r(1) == 9);
  f.cpu.step_one();
  f.cpu.step_one();
  f.r(5) = 0x80000000;
  f.cpu.step_one();  // sets N Z C V from 2^31 + 2^31, not Q
  CHECK((s.z && s.c && s.v && !s.n));
  CHECK(s.q);
}

TEST_CASE("SSAT16/USAT16 saturate each halfword and set Q", "[isa][dsp]") {
  SECTION("ssat16 #8: -129 -> -128, 128 -> 127") {
    CpuFixture f;
    run1(f, 0xf322, 0x0107, 0x0080FF7F, 0);  // ssat16 r1, #8, r2
    CHECK(f.r(1) == 0x007FFF80);
    CHECK(f.cpu.state().q);
  }
  SECTION("ssat16 #16 never saturates") {
    CpuFixture f;
    run1(f, 0xf322, 0x010f, 0x80007FFF, 0);  // ssat16 r1, #16, r2
    CHECK(f.r(1) == 0x80007FFF);
    CHECK_FALSE(f.cpu.state().q);
  }
  SECTION("ssat16 #1: the range is -1..0") {
    CpuFixture f;
    run1(f, 0xf322, 0x0100, 0xFFFF0001, 0);  // ssat16 r1, #1, r2
    CHECK(f.r(1) == 0xFFFF0000);
    CHECK(f.cpu.state().q);
  }
  SECTION("usat16 #8 takes signed halfwords: 256 -> 255, -1 -> 0") {
    CpuFixture f;
    run1(f, 0xf3a2, 0x0108, 0xFFFF0100, 0);  // usat16 r1, #8, r2
    CHECK(f.r(1) == 0x000000FF);
    CHECK(f.cpu.state().q);
  }
  SECTION("usat16 #15: 32767 fits") {
    CpuFixture f;
    run1(f, 0xf3a2, 0x010f, 0x7FFF0000, 0);  // usat16 r1, #15, r2
    CHECK(f.r(1) == 0x7FFF0000);
    CHECK_FALSE(f.cpu.state().q);
  }
  SECTION("usat16 #0: everything becomes 0, positive values saturate") {
    CpuFixture f;
    run1(f, 0xf3a2, 0x0100, 0x00000001, 0);  // usat16 r1, #0, r2
    CHECK(f.r(1) == 0);
    CHECK(f.cpu.state().q);
  }
}

TEST_CASE("SMLA<x><y>/SMUL<x><y>: halfword products; only the accumulation sets Q", "[isa][dsp]") {
  struct Case {
    std::string_view text;
    uint16_t hw1, hw2;
    uint32_t n, m, a, result;
    bool q;
  };
  const Case cases[] = {
      // Rn top -32768 * Rm bottom -32768 = 2^30, + 2^30 = 2^31: overflow
      {"smlatb r1, r2, r3, r4", 0xfb12, 0x4123, 0x80000000, 0x00008000, 0x40000000, 0x80000000, true},
      // Rn bottom -1 * Rm top 3 + 10 = 7
      {"smlabt r1, r2, r3, r4", 0xfb12, 0x4113, 0x0000FFFF, 0x00030000, 10, 7, false},
      {"smlabb r1, r2, r3, r4", 0xfb12, 0x4103, 0x7FFF0004, 0x7FFF0005, 0xFFFFFFFF, 19, false},
      {"smlatt r1, r2, r3, r4", 0xfb12, 0x4133, 0x7FFF0004, 0x7FFF0005, 0, 0x3FFF0001, false},
      // (-32768)^2 = 0x40000000: SMUL cannot overflow
      {"smultt r1, r2, r3", 0xfb12, 0xf133, 0x80001234, 0x80005678, 0, 0x40000000, false},
      {"smulbb r1, r2, r3", 0xfb12, 0xf103, 0x1234FFFE, 0x56780003, 0, 0xFFFFFFFA, false},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CpuFixture f;
    run1(f, c.hw1, c.hw2, c.n, c.m, c.a);
    CHECK(f.r(1) == c.result);
    CHECK(f.cpu.state().q == c.q);
  }
}

TEST_CASE("SMLAW<y>/SMULW<y>: bits 47:16 of word x halfword, Q on accumulate overflow", "[isa][dsp]") {
  SECTION("smulwb: -2^31 * -2^15 = 2^46 -> 2^30") {
    CpuFixture f;
    run1(f, 0xfb32, 0xf103, 0x80000000, 0x00008000);  // smulwb r1, r2, r3
    CHECK(f.r(1) == 0x40000000);
  }
  SECTION("smulwt: -0x12345 >> 16 rounds down to -2") {
    CpuFixture f;
    run1(f, 0xfb32, 0xf113, 0x00012345, 0xFFFF0000);  // smulwt r1, r2, r3
    CHECK(f.r(1) == 0xFFFFFFFE);
  }
  SECTION("smlawb: (2^16 * 2 + (2^31-1) << 16) >> 16 = 2^31 + 1 overflows") {
    CpuFixture f;
    run1(f, 0xfb32, 0x4103, 0x00010000, 0x00000002, 0x7FFFFFFF);  // smlawb r1, r2, r3, r4
    CHECK(f.r(1) == 0x80000001);
    CHECK(f.cpu.state().q);
  }
  SECTION("smlawt: (2^31-1)(2^15-1) + (2^31-1) << 16, bits 47:16 = 0xBFFF7FFE, overflow") {
    CpuFixture f;
    run1(f, 0xfb32, 0x4113, 0x7FFFFFFF, 0x7FFF0000, 0x7FFFFFFF);  // smlawt r1, r2, r3, r4
    CHECK(f.r(1) == 0xBFFF7FFE);
    CHECK(f.cpu.state().q);
  }
  SECTION("smlawb without overflow leaves Q clear") {
    CpuFixture f;
    run1(f, 0xfb32, 0x4103, 0x00030000, 0x00000005, 0xFFFFFFFF);  // 3*2^16*5 >> 16 = 15, -1
    CHECK(f.r(1) == 14);
    CHECK_FALSE(f.cpu.state().q);
  }
}

TEST_CASE("SMUAD/SMLAD/SMUSD/SMLSD: dual 16-bit products, X swaps Rm's halfwords", "[isa][dsp]") {
  struct Case {
    std::string_view text;
    uint16_t hw1, hw2;
    uint32_t n, m, a, result;
    bool q;
  };
  const Case cases[] = {
      // 2^30 + 2^30 = 2^31: SMUAD's one overflow case
      {"smuad r1, r2, r3", 0xfb22, 0xf103, 0x80008000, 0x80008000, 0, 0x80000000, true},
      {"smlad r1, r2, r3, r4", 0xfb22, 0x4103, 0x00020003, 0x00040005, 100, 123, false},  // 3*5 + 2*4 + 100
      {"smladx r1, r2, r3, r4", 0xfb22, 0x4113, 0x00020003, 0x00040005, 100, 122, false},  // 3*4 + 2*5 + 100
      {"smuadx r1, r2, r3", 0xfb22, 0xf113, 0x00020003, 0x00040005, 0, 22, false},
      // 2(2^15-1)^2 + 2^31-1 = 2^32 - 2^17 + 1: overflow
      {"smlad r1, r2, r3, r4", 0xfb22, 0x4103, 0x7FFF7FFF, 0x7FFF7FFF, 0x7FFFFFFF, 0xFFFE0001, true},
      // the products sum to 2^31 but the accumulated result 2^31 - 1 fits: no Q (Unicorn 2.0.1 sets it)
      {"smlad r1, r2, r3, r4", 0xfb22, 0x4103, 0x80008000, 0x80008000, 0xFFFFFFFF, 0x7FFFFFFF, false},
      {"smusd r1, r2, r3", 0xfb42, 0xf103, 0x00020003, 0x00040005, 0, 7, false},   // 3*5 - 2*4
      {"smusdx r1, r2, r3", 0xfb42, 0xf113, 0x00020003, 0x00040005, 0, 2, false},  // 3*4 - 2*5
      // 2^30 - (-2^15 * (2^15-1)) = 2^31 - 2^15: the largest difference, no Q
      {"smusd r1, r2, r3", 0xfb42, 0xf103, 0x80008000, 0x7FFF8000, 0, 0x7FFF8000, false},
      // ... + 2^15 = 2^31: SMLSD overflows
      {"smlsd r1, r2, r3, r4", 0xfb42, 0x4103, 0x80008000, 0x7FFF8000, 0x8000, 0x80000000, true},
      {"smlsdx r1, r2, r3, r4", 0xfb42, 0x4113, 0x00020003, 0x00040005, 0xFFFFFFFE, 0, false},  // 12 - 10 - 2
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CpuFixture f;
    run1(f, c.hw1, c.hw2, c.n, c.m, c.a);
    CHECK(f.r(1) == c.result);
    CHECK(f.cpu.state().q == c.q);
  }
}

TEST_CASE("SMLALD/SMLSLD/SMLAL<x><y>: 64-bit accumulation in RdHi:RdLo, no Q", "[isa][dsp]") {
  // RdLo = r1, RdHi = r2, Rn = r3, Rm = r4
  auto run_long = [](uint16_t hw1, uint16_t hw2, uint32_t n, uint32_t m, uint32_t hi, uint32_t lo) {
    auto f = std::make_unique<CpuFixture>();
    f->r(1) = lo;
    f->r(2) = hi;
    f->r(3) = n;
    f->r(4) = m;
    f->run({hw1, hw2}, 1);
    CHECK_FALSE(f->cpu.state().q);
    return std::pair{f->r(2), f->r(1)};
  };
  // 2^30 + 2^30 + 0x80000000 = 2^32: the carry reaches RdHi
  CHECK(run_long(0xfbc3, 0x12c4, 0x80008000, 0x80008000, 0, 0x80000000) == std::pair{1u, 0u});  // smlald r1, r2, r3, r4
  // 1*2 + -1*5 = -3, sign-extended into RdHi
  CHECK(run_long(0xfbc3, 0x12c4, 0xFFFF0001, 0x00050002, 0, 0) ==
        std::pair{0xFFFFFFFFu, 0xFFFFFFFDu});  // smlald r1, r2, r3, r4
  // X: 3*4 - 2*5 = 2, plus -1
  CHECK(run_long(0xfbd3, 0x12d4, 0x00020003, 0x00040005, 0xFFFFFFFF, 0xFFFFFFFF) ==
        std::pair{0u, 1u});  // smlsldx r1, r2, r3, r4
  CHECK(run_long(0xfbd3, 0x12c4, 0x00020003, 0x00040005, 0, 0) == std::pair{0u, 7u});  // smlsld: 15 - 8
  // Rn top -32768 * Rm bottom 32767 = -0x3FFF8000, plus 2^32
  CHECK(run_long(0xfbc3, 0x12a4, 0x80000000, 0x00007FFF, 1, 0) == std::pair{0u, 0xC0008000u});  // smlaltb
  CHECK(run_long(0xfbc3, 0x1284, 0x00000003, 0x00000005, 0, 0) == std::pair{0u, 15u});          // smlalbb
  CHECK(run_long(0xfbc3, 0x1294, 0x00000003, 0xFFFF0000, 0, 0) ==
        std::pair{0xFFFFFFFFu, 0xFFFFFFFDu});  // smlalbt: 3 * -1
  CHECK(run_long(0xfbc3, 0x12b4, 0x7FFF0000, 0x7FFF0000, 0x12345678, 0) ==
        std::pair{0x12345678u, 0x3FFF0001u});  // smlaltt
}

TEST_CASE("SMMUL/SMMLA/SMMLS: the high word, R adds 0x80000000 first", "[isa][dsp]") {
  struct Case {
    std::string_view text;
    uint16_t hw1, hw2;
    uint32_t n, m, a, result;
  };
  const Case cases[] = {
      // 2^30 * 3 = 0x0_C0000000: truncated 0, rounded 1
      {"smmul r1, r2, r3", 0xfb52, 0xf103, 0x40000000, 3, 0, 0},
      {"smmulr r1, r2, r3", 0xfb52, 0xf113, 0x40000000, 3, 0, 1},
      // -1 * 1 = 0xFFFFFFFF_FFFFFFFF: truncation rounds down to -1; rounding gives 0
      {"smmul r1, r2, r3", 0xfb52, 0xf103, 0xFFFFFFFF, 1, 0, 0xFFFFFFFF},
      {"smmulr r1, r2, r3", 0xfb52, 0xf113, 0xFFFFFFFF, 1, 0, 0},
      // (-2^31)^2 = 2^62
      {"smmulr r1, r2, r3", 0xfb52, 0xf113, 0x80000000, 0x80000000, 0, 0x40000000},
      // 5 << 32 + 0xC0000000
      {"smmla r1, r2, r3, r4", 0xfb52, 0x4103, 0x40000000, 3, 5, 5},
      {"smmlar r1, r2, r3, r4", 0xfb52, 0x4113, 0x40000000, 3, 5, 6},
      // (2^31-1) << 32 + (2^31-1)^2 = 0xBFFFFFFE_00000001 (bits 63:32 of the exact sum)
      {"smmla r1, r2, r3, r4", 0xfb52, 0x4103, 0x7FFFFFFF, 0x7FFFFFFF, 0x7FFFFFFF, 0xBFFFFFFE},
      // 1 << 32 - 1 = 0x0_FFFFFFFF: 0; rounded 0x1_7FFFFFFF: 1
      {"smmls r1, r2, r3, r4", 0xfb62, 0x4103, 1, 1, 1, 0},
      {"smmlsr r1, r2, r3, r4", 0xfb62, 0x4113, 1, 1, 1, 1},
      // 0 - (-2^31 * 2^31-1) = 2^62 - 2^31 = 0x3FFFFFFF_80000000
      {"smmls r1, r2, r3, r4", 0xfb62, 0x4103, 0x80000000, 0x7FFFFFFF, 0, 0x3FFFFFFF},
      {"smmlsr r1, r2, r3, r4", 0xfb62, 0x4113, 0x80000000, 0x7FFFFFFF, 0, 0x40000000},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CpuFixture f;
    run1(f, c.hw1, c.hw2, c.n, c.m, c.a);
    CHECK(f.r(1) == c.result);
    CHECK_FALSE(f.cpu.state().q);
  }
}

TEST_CASE("UMAAL: Rn * Rm + RdHi + RdLo always fits 64 bits", "[isa][dsp]") {
  CpuFixture f;
  f.bus.code(CpuFixture::kCode, {
      0xfbe3, 0x1264,  // umaal r1, r2, r3, r4
      0xfbe3, 0x1264,  // umaal r1, r2, r3, r4
  });
  f.r(1) = f.r(2) = f.r(3) = f.r(4) = 0xFFFFFFFF;
  f.cpu.step_one();  // (2^32-1)^2 + 2(2^32-1) = 2^64 - 1
  CHECK(f.r(2) == 0xFFFFFFFF);
  CHECK(f.r(1) == 0xFFFFFFFF);
  f.r(1) = 1;
  f.r(2) = 2;
  f.r(3) = f.r(4) = 0x10000;
  f.cpu.step_one();  // 2^32 + 2 + 1
  CHECK(f.r(2) == 1);
  CHECK(f.r(1) == 3);
}

TEST_CASE("USAD8/USADA8 sum absolute byte differences", "[isa][dsp]") {
  // |80-7F| + |10-20| + |FF-00| + |00-FF| = 1 + 16 + 255 + 255 = 527
  CpuFixture f;
  run1(f, 0xfb72, 0xf103, 0x00FF1080, 0xFF00207F);  // usad8 r1, r2, r3
  CHECK(f.r(1) == 527);
  CpuFixture g;
  run1(g, 0xfb72, 0x4103, 0x00FF1080, 0xFF00207F, 0xFFFFFFF0);  // usada8 r1, r2, r3, r4: wraps
  CHECK(g.r(1) == 0x1FF);
}

TEST_CASE("SXTB16/UXTB16/SXTAB16/UXTAB16 and SXTAB/SXTAH/UXTAB extend rotated bytes", "[isa][dsp]") {
  struct Case {
    std::string_view text;
    uint16_t hw1, hw2;
    uint32_t n, m, result;
  };
  const Case cases[] = {
      // ROR(0x80FF7F01, 8) = 0x0180FF7F: bytes 0 and 2 are 7F and 80
      {"sxtb16 r1, r2, ror #8", 0xfa2f, 0xf192, 0x80FF7F01, 0, 0xFF80007F},
      // ROR(0x80FF7F01, 16) = 0x7F0180FF: bytes FF and 01
      {"uxtb16 r1, r2, ror #16", 0xfa3f, 0xf1a2, 0x80FF7F01, 0, 0x000100FF},
      // lo = FFFF + 1 wraps to 0000 without carrying into hi = 7FFF + 1
      {"sxtab16 r1, r2, r3", 0xfa22, 0xf183, 0x7FFFFFFF, 0x00010001, 0x80000000},
      {"sxtab16 r1, r2, r3", 0xfa22, 0xf183, 0x00050005, 0x00FE0080, 0x0003FF85},
      // ROR(0x80FF7F01, 24) = 0xFF7F0180: bytes 80 and 7F; FFFF + 80 wraps within the lane
      {"uxtab16 r1, r2, r3, ror #24", 0xfa32, 0xf1b3, 0x0001FFFF, 0x80FF7F01, 0x0080007F},
      {"sxtab r1, r2, r3", 0xfa42, 0xf183, 0x10, 0x12345680, 0xFFFFFF90},
      {"sxtah r1, r2, r3, ror #8", 0xfa02, 0xf193, 0, 0x00800000, 0xFFFF8000},
      {"uxtab r1, r2, r3", 0xfa52, 0xf183, 0xFFFFFFFF, 0x12345680, 0x7F},
      {"uxtah r1, r2, r3", 0xfa12, 0xf183, 0x10000000, 0xABCD8001, 0x10008001},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CpuFixture f;
    run1(f, c.hw1, c.hw2, c.n, c.m);
    CHECK(f.r(1) == c.result);
  }
}

TEST_CASE("PKHBT/PKHTB pack halfwords; PKHTB's imm 0 is ASR #32", "[isa][dsp]") {
  struct Case {
    std::string_view text;
    uint16_t hw1, hw2;
    uint32_t n, m, result;
  };
  const Case cases[] = {
      {"pkhbt r1, r2, r3", 0xeac2, 0x0103, 0x11112222, 0xABCD1234, 0xABCD2222},
      {"pkhbt r1, r2, r3, lsl #4", 0xeac2, 0x1103, 0x11112222, 0x0ABCD000, 0xABCD2222},
      {"pkhtb r1, r2, r3, asr #4", 0xeac2, 0x1123, 0x11112222, 0x000ABCD0, 0x1111ABCD},
      {"pkhtb r1, r2, r3, asr #32", 0xeac2, 0x0123, 0x11112222, 0x80000000, 0x1111FFFF},
      {"pkhtb r1, r2, r3, asr #32", 0xeac2, 0x0123, 0x11112222, 0x7FFFFFFF, 0x11110000},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CpuFixture f;
    run1(f, c.hw1, c.hw2, c.n, c.m);
    CHECK(f.r(1) == c.result);
  }
}

TEST_CASE("every DSP encoding from the assembler decodes to its row", "[isa][dsp][decoder]") {
  struct Case {
    uint32_t raw;
    std::string_view row;  // arm-none-eabi-objdump's disassembly in the comment
  };
  const Case cases[] = {
      {0xFA82F103, "SADD8 T1"},    {0xFA92F103, "SADD16 T1"},  {0xFAA2F103, "SASX T1"},     // sadd8/sadd16/sasx r1, r2, r3
      {0xFAE2F103, "SSAX T1"},     {0xFAD2F103, "SSUB16 T1"},  {0xFAC2F103, "SSUB8 T1"},    // ssax/ssub16/ssub8
      {0xFA82F113, "QADD8 T1"},    {0xFA92F113, "QADD16 T1"},  {0xFAA2F113, "QASX T1"},     // qadd8/qadd16/qasx
      {0xFAE2F113, "QSAX T1"},     {0xFAD2F113, "QSUB16 T1"},  {0xFAC2F113, "QSUB8 T1"},    // qsax/qsub16/qsub8
      {0xFA82F123, "SHADD8 T1"},   {0xFA92F123, "SHADD16 T1"}, {0xFAA2F123, "SHASX T1"},    // shadd8/shadd16/shasx
      {0xFAE2F123, "SHSAX T1"},    {0xFAD2F123, "SHSUB16 T1"}, {0xFAC2F123, "SHSUB8 T1"},   // shsax/shsub16/shsub8
      {0xFA82F143, "UADD8 T1"},    {0xFA92F143, "UADD16 T1"},  {0xFAA2F143, "UASX T1"},     // uadd8/uadd16/uasx
      {0xFAE2F143, "USAX T1"},     {0xFAD2F143, "USUB16 T1"},  {0xFAC2F143, "USUB8 T1"},    // usax/usub16/usub8
      {0xFA82F153, "UQADD8 T1"},   {0xFA92F153, "UQADD16 T1"}, {0xFAA2F153, "UQASX T1"},    // uqadd8/uqadd16/uqasx
      {0xFAE2F153, "UQSAX T1"},    {0xFAD2F153, "UQSUB16 T1"}, {0xFAC2F153, "UQSUB8 T1"},   // uqsax/uqsub16/uqsub8
      {0xFA82F163, "UHADD8 T1"},   {0xFA92F163, "UHADD16 T1"}, {0xFAA2F163, "UHASX T1"},    // uhadd8/uhadd16/uhasx
      {0xFAE2F163, "UHSAX T1"},    {0xFAD2F163, "UHSUB16 T1"}, {0xFAC2F163, "UHSUB8 T1"},   // uhsax/uhsub16/uhsub8
      {0xFAA2F183, "SEL T1"},                                                                 // sel r1, r2, r3
      {0xFA83F182, "QADD T1"},     {0xFA83F192, "QDADD T1"},                                 // qadd/qdadd r1, r2, r3
      {0xFA83F1A2, "QSUB T1"},     {0xFA83F1B2, "QDSUB T1"},                                 // qsub/qdsub r1, r2, r3
      {0xF322010F, "SSAT16 T1"},   {0xF3220100, "SSAT16 T1"},                                // ssat16 r1, #16 / #1, r2
      {0xF3A2010F, "USAT16 T1"},   {0xF3A20100, "USAT16 T1"},                                // usat16 r1, #15 / #0, r2
      {0xFB124103, "SMLA<x><y> T1"}, {0xFB124133, "SMLA<x><y> T1"},                          // smlabb/smlatt r1, r2, r3, r4
      {0xFB12F103, "SMUL<x><y> T1"}, {0xFB12F133, "SMUL<x><y> T1"},                          // smulbb/smultt r1, r2, r3
      {0xFB324103, "SMLAW<y> T1"}, {0xFB324113, "SMLAW<y> T1"},                              // smlawb/smlawt r1, r2, r3, r4
      {0xFB32F103, "SMULW<y> T1"}, {0xFB32F113, "SMULW<y> T1"},                              // smulwb/smulwt r1, r2, r3
      {0xFB224103, "SMLAD{X} T1"}, {0xFB224113, "SMLAD{X} T1"},                              // smlad/smladx r1, r2, r3, r4
      {0xFB424103, "SMLSD{X} T1"}, {0xFB424113, "SMLSD{X} T1"},                              // smlsd/smlsdx r1, r2, r3, r4
      {0xFB22F103, "SMUAD{X} T1"}, {0xFB22F113, "SMUAD{X} T1"},                              // smuad/smuadx r1, r2, r3
      {0xFB42F103, "SMUSD{X} T1"}, {0xFB42F113, "SMUSD{X} T1"},                              // smusd/smusdx r1, r2, r3
      {0xFBC312C4, "SMLALD{X} T1"}, {0xFBC312D4, "SMLALD{X} T1"},                            // smlald/smlaldx r1, r2, r3, r4
      {0xFBD312C4, "SMLSLD{X} T1"}, {0xFBD312D4, "SMLSLD{X} T1"},                            // smlsld/smlsldx r1, r2, r3, r4
      {0xFB52F103, "SMMUL{R} T1"}, {0xFB52F113, "SMMUL{R} T1"},                              // smmul/smmulr r1, r2, r3
      {0xFB524103, "SMMLA{R} T1"}, {0xFB524113, "SMMLA{R} T1"},                              // smmla/smmlar r1, r2, r3, r4
      {0xFB624103, "SMMLS{R} T1"}, {0xFB624113, "SMMLS{R} T1"},                              // smmls/smmlsr r1, r2, r3, r4
      {0xFBC31284, "SMLAL<x><y> T1"}, {0xFBC312B4, "SMLAL<x><y> T1"},                        // smlalbb/smlaltt r1, r2, r3, r4
      {0xFBE31264, "UMAAL T1"},                                                               // umaal r1, r2, r3, r4
      {0xFB72F103, "USAD8 T1"},    {0xFB724103, "USADA8 T1"},                                // usad8 r1, r2, r3 / usada8 ..., r4
      {0xFA2FF182, "SXTB16 T1"},   {0xFA3FF1A2, "UXTB16 T1"},                                // sxtb16 r1, r2 / uxtb16 r1, r2, ror #16
      {0xFA22F183, "SXTAB16 T1"},  {0xFA32F1B3, "UXTAB16 T1"},                               // sxtab16 r1, r2, r3 / uxtab16 ..., ror #24
      {0xFA42F183, "SXTAB T1"},    {0xFA02F193, "SXTAH T1"},                                 // sxtab r1, r2, r3 / sxtah ..., ror #8
      {0xFA52F183, "UXTAB T1"},    {0xFA12F183, "UXTAH T1"},                                 // uxtab / uxtah r1, r2, r3
      {0xEAC20103, "PKHBT/PKHTB T1"}, {0xEAC21123, "PKHBT/PKHTB T1"},                        // pkhbt r1, r2, r3 / pkhtb ..., asr #4
      {0xEAC20123, "PKHBT/PKHTB T1"},                                                         // pkhtb r1, r2, r3, asr #32
      // Neighbours that must keep their own rows
      {0xF3220141, "SSAT T1"},     // ssat r1, #2, r2, asr #1
      {0xFA4FF182, "SXTB T2"},     // sxtb.w r1, r2 (SXTAB with Rn = PC)
      {0xFBC31204, "SMLAL T1"},    // smlal r1, r2, r3, r4
      {0xFBE31204, "UMLAL T1"},    // umlal r1, r2, r3, r4
  };
  const isa::Decoder m4(*isa::core_profile("cortex-m4"));
  for (const auto& c : cases) {
    INFO(std::hex << c.raw << " should be " << c.row);
    CHECK(isa::Decoder::row(m4.decode(c.raw, true).row).name == c.row);
  }
  // PKHTB with imm 0 decodes to ASR #32 (DecodeImmShift)
  const isa::Decoded d = m4.decode(0xEAC20123, true);
  CHECK(d.shift == isa::ShiftType::ASR);
  CHECK(d.shift_n == 32);
}

TEST_CASE("DSP rows reject the manual's UNPREDICTABLE and UNDEFINED forms", "[isa][dsp][decoder]") {
  const auto undefined = [](uint32_t raw) { return undefined_on("cortex-m4", raw); };
  // Hand-made from the assembler's r1, r2, r3 forms (it refuses these)
  CHECK(undefined(0xFA9DF103));  // sadd16 r1, sp, r3
  CHECK(undefined(0xFA92FF03));  // sadd16 pc, r2, r3
  CHECK(undefined(0xFA92F10D));  // sadd16 r1, r2, sp
  CHECK(undefined(0xFA8FF182));  // qadd r1, r2, pc
  CHECK(undefined(0xFA8DF182));  // qadd r1, r2, sp (Rn)
  CHECK(undefined(0xF32D0107));  // ssat16 r1, #8, sp
  CHECK(undefined(0xF3A20F08));  // usat16 pc, #8, r2
  CHECK(undefined(0xFB12D103));  // smlabb r1, r2, r3, sp
  CHECK(undefined(0xFB1DF103));  // smulbb r1, sp, r3
  CHECK(undefined(0xFB62F103));  // smmls r1, r2, r3, pc: no SMMLS without Ra
  CHECK(undefined(0xFB72D103));  // usada8 r1, r2, r3, sp
  CHECK(undefined(0xFBC311C4));  // smlald r1, r1, r3, r4: RdHi == RdLo
  CHECK(undefined(0xFBE3D264));  // umaal sp, r2, r3, r4
  CHECK(undefined(0xFBC3F2A4));  // smlaltb pc, r2, r3, r4
  CHECK(undefined(0xFA4DF183));  // sxtab r1, sp, r3 (Rn = PC is SXTB)
  CHECK(undefined(0xFA2FF18D));  // sxtb16 r1, sp
  CHECK(undefined(0xEAD20103));  // pkhbt with S = 1
  CHECK(undefined(0xEAC20113));  // pkhbt with T = 1
  CHECK(undefined(0xEAC20D03));  // pkhbt sp, r2, r3
  CHECK(undefined(0xEACF0103));  // pkhbt r1, pc, r3
}

TEST_CASE("the DSP extension is UNDEFINED on Cortex-M3 and Cortex-M0+", "[isa][dsp]") {
  for (uint32_t raw : {0xFA92F103u, 0xFB224103u, 0xF3220107u, 0xEAC20123u}) {  // sadd16, smlad, ssat16, pkhtb
    INFO(std::hex << raw);
    CHECK_FALSE(undefined_on("cortex-m4", raw));
    CHECK_FALSE(undefined_on("cortex-m7", raw));
    CHECK_FALSE(undefined_on("cortex-m33", raw));
    CHECK(undefined_on("cortex-m3", raw));
    CHECK(undefined_on("cortex-m0plus", raw));
  }
  SECTION("executing SMLAD on Cortex-M3 is a UsageFault UNDEFINSTR (escalated: not enabled)") {
    CpuFixture f("cortex-m3");
    test::install_handler(f, isa::kHardFault, 0x300);
    f.r(1) = 0x5A5A5A5A;
    run1(f, 0xfb22, 0x4103, 0x00020003, 0x00040005, 100);  // smlad r1, r2, r3, r4
    CHECK(f.cpu.state().exception == isa::kHardFault);
    CHECK(test::read_word(f, test::scs::kCfsr) == test::scs::kUndefInstr);
    CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == CpuFixture::kCode);
    CHECK(f.r(1) == 0x5A5A5A5A);
  }
  SECTION("executing SADD16 on Cortex-M0+ is a HardFault") {
    CpuFixture f("cortex-m0plus");
    test::install_handler(f, isa::kHardFault, 0x300);
    f.r(1) = 0x5A5A5A5A;
    run1(f, 0xfa92, 0xf103, 1, 2);  // sadd16 r1, r2, r3
    CHECK(f.cpu.state().exception == isa::kHardFault);
    CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == CpuFixture::kCode);
    CHECK(f.r(1) == 0x5A5A5A5A);
  }
}
