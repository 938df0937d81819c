// Branches (ARMv7-M ARM A7.7.12 B, A7.7.18 BL, A7.7.19 BLX, A7.7.20 BX,
// A7.7.21 CBNZ/CBZ, A7.7.185 TBB/TBH) and their IT-block rules (A7.3).
// Halfwords from arm-none-eabi-as -mcpu=cortex-m4 -mthumb; the listed
// addresses are where the code sits (CpuFixture::kCode = 0x100). Targets are
// PC + imm with PC = instruction address + 4, worked out by hand.
#include <catch2/catch.hpp>

#include "tests/isa/cpu_fixture.hpp"
#include "tests/isa/exception_helpers.hpp"

using test::CpuFixture;
namespace scs = test::scs;

TEST_CASE("B: 16- and 32-bit, forward and backward, conditional taken and not", "[isa][branch]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0x2000,          // 0x100: movs r0, #0
      0xe000,          // 0x102: b fwd
      0x2063,          // 0x104: movs r0, #99
      0x3001,          // 0x106: fwd: adds r0, #1
      0x2803,          // 0x108: cmp r0, #3
      0xd1fc,          // 0x10a: bne fwd
      0xf000, 0x8002,  // 0x10c: beq.w far
      0x2101,          // 0x110: movs r1, #1
      0xbf00,          // 0x112: nop
      0xf47f, 0xaff7,  // 0x114: far: bne.w fwd
      0xf7ff, 0xbff5,  // 0x118: b.w fwd
  });
  f.cpu.step_one();
  f.cpu.step_one();  // B T2 forward
  CHECK(s.pc == 0x106);
  for (uint32_t i = 1; i <= 2; ++i) {
    f.cpu.step_one();
    f.cpu.step_one();
    f.cpu.step_one();  // B T1 backward, taken while r0 != 3
    CHECK(f.r(0) == i);
    CHECK(s.pc == 0x106);
  }
  f.cpu.step_one();
  f.cpu.step_one();
  f.cpu.step_one();  // not taken
  CHECK(f.r(0) == 3);
  CHECK(s.pc == 0x10c);
  f.cpu.step_one();  // B T3 forward, taken
  CHECK(s.pc == 0x114);
  f.cpu.step_one();  // B T3 backward, not taken
  CHECK(s.pc == 0x118);
  f.cpu.step_one();  // B T4 backward
  CHECK(s.pc == 0x106);
  CHECK(f.r(1) == 0);
}

TEST_CASE("B.W and BL reach +-16 MiB: S, J1 and J2 as the manual combines them", "[isa][branch]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0xf0ff, 0xf7fe,  // 0x100: bl .+0x500000       (S=0, I1=0, I2=1)
      0xf5ff, 0xf7fe,  // 0x104: bl .-0x600000       (S=1, I1=1, I2=0)
      0xf123, 0xba29,  // 0x108: b.w .+0x123456
      0xf7ff, 0xbffd,  // 0x10c: b.w .-2
      0xf03f, 0xa7fc,  // 0x110: beq.w .+0x80000-4   (S=0, J1=1, J2=0)
      0xf53f, 0xa7fe,  // 0x114: bmi.w .-0x80000     (S=1, J1=J2=0)
  });
  s.z = s.n = true;
  const struct {
    uint32_t at, target;
  } cases[] = {{0x100, 0x500100}, {0x104, 0xFFA00104}, {0x108, 0x12355E},
               {0x10c, 0x10A},    {0x110, 0x8010C},    {0x114, 0xFFF80114}};
  for (const auto& c : cases) {
    INFO("branch at " << std::hex << c.at);
    s.pc = c.at;
    f.cpu.step_one();
    CHECK(s.pc == c.target);
  }
  CHECK(f.r(14) == 0x109);  // the second BL: next instruction 0x108, Thumb bit set
}

TEST_CASE("BL sets LR to the next instruction with bit 0 set; BX LR returns", "[isa][branch]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0xf000, 0xf802,  // 0x100: bl f
      0x2107,          // 0x104: movs r1, #7
      0xe7fe,          // 0x106: b .
      0x202a,          // 0x108: f: movs r0, #42
      0x4770,          // 0x10a: bx lr
  });
  f.cpu.step_one();
  CHECK(s.pc == 0x108);
  CHECK(f.r(14) == 0x105);
  f.cpu.step_one();
  f.cpu.step_one();
  CHECK(s.pc == 0x104);
  CHECK(s.thumb);
  f.cpu.step_one();
  CHECK(f.r(0) == 42);
  CHECK(f.r(1) == 7);
  f.cpu.step_one();  // b . stays put
  CHECK(s.pc == 0x106);
}

TEST_CASE("BLX (register) links and interworks; an even target faults INVSTATE there", "[isa][branch]") {
  for (const bool blx : {true, false}) {
    CpuFixture f;
    auto& s = f.cpu.state();
    test::install_handler(f, isa::kUsageFault, 0x300);
    test::write_word(f, scs::kShcsr, scs::kUsgFaultEna);
    f.bus.code(CpuFixture::kCode, {blx ? uint16_t{0x4798}    // 0x100: blx r3
                                       : uint16_t{0x4718}});  // 0x100: bx r3
    f.bus.code(0x200, {0x2005});                               // 0x200: movs r0, #5
    f.r(3) = 0x201;
    f.cpu.step_one();
    CHECK(s.pc == 0x200);
    CHECK(s.thumb);
    CHECK(f.r(14) == (blx ? 0x103u : 0xFFFFFFFFu));  // LR is untouched by BX (reset value)
    f.cpu.step_one();
    CHECK(f.r(0) == 5);

    // Bit 0 clear: EPSR.T becomes 0 and the instruction at the target faults.
    s.pc = CpuFixture::kCode;
    f.r(3) = 0x200;
    f.cpu.step_one();
    CHECK(s.pc == 0x200);
    CHECK_FALSE(s.thumb);
    f.cpu.step_one();
    CHECK(s.exception == isa::kUsageFault);
    CHECK(s.pc == 0x300);
    CHECK((test::read_word(f, scs::kCfsr) & scs::kInvState));
    CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == 0x200);
    CHECK((test::stacked(f, f.r(13), test::kXpsr) & (1u << 24)) == 0);  // stacked EPSR.T clear
    CHECK(f.r(0) == 5);
  }
}

TEST_CASE("CBZ and CBNZ branch forward on Rn zero / non-zero", "[isa][branch]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0xb100,  // 0x100: cbz r0, 1f
      0x2201,  // 0x102: movs r2, #1
      0xb900,  // 0x104: 1: cbnz r0, 2f
      0x2301,  // 0x106: movs r3, #1
      0xb909,  // 0x108: 2: cbnz r1, 3f
      0xbf00,  // 0x10a: nop
      0xbf00,  // 0x10c: nop
      0xb3f9,  // 0x10e: 3: cbz r1, .+130   (i:imm5 = 63: the largest offset)
  });
  f.r(0) = 0;
  f.r(1) = 5;
  s.z = false;  // CBZ does not look at the flags
  f.cpu.step_one();
  CHECK(s.pc == 0x104);
  f.cpu.step_one();
  CHECK(s.pc == 0x106);
  f.cpu.step_one();
  f.cpu.step_one();
  CHECK(s.pc == 0x10e);
  f.cpu.step_one();
  CHECK(s.pc == 0x110);
  f.r(1) = 0;
  s.pc = 0x10e;
  f.cpu.step_one();
  CHECK(s.pc == 0x190);
  CHECK(f.r(2) == 0);
  CHECK(f.r(3) == 1);
}

TEST_CASE("TBB with a PC-relative byte table and TBH with a halfword table", "[isa][branch]") {
  SECTION("TBB [PC, Rm]: the table follows the instruction") {
    for (uint32_t index = 0; index < 3; ++index) {
      CpuFixture f;
      f.bus.code(CpuFixture::kCode, {
          0xe8df, 0xf001,  // 0x100: tbb [pc, r1]
          0x0402, 0x0006,  // 0x104: tbl: .byte (case0-tbl)/2, (case1-tbl)/2, (case2-tbl)/2, 0
          0x200a,          // 0x108: case0: movs r0, #10
          0xe002,          // 0x10a: b done
          0x200b,          // 0x10c: case1: movs r0, #11
          0xe000,          // 0x10e: b done
          0x200c,          // 0x110: case2: movs r0, #12
          0xe7fe,          // 0x112: done: b done
      });
      f.r(1) = index;
      f.cpu.step_one();
      CHECK(f.cpu.state().pc == 0x108 + 4 * index);
      for (int i = 0; i < 3; ++i) f.cpu.step_one();
      CHECK(f.r(0) == 10 + index);
      CHECK(f.cpu.state().pc == 0x112);
    }
  }
  SECTION("TBH [Rn, Rm, LSL #1]: entries are halfwords") {
    CpuFixture f;
    f.bus.code(CpuFixture::kCode, {
        0xe8d2, 0xf011,  // 0x100: tbh [r2, r1, lsl #1]
    });
    f.bus.code(0x2000, {0x0010, 0x0180, 0xffff});
    f.r(2) = 0x2000;
    const uint32_t targets[] = {0x104 + 0x20, 0x104 + 0x300, 0x104 + 0x1fffe};
    for (uint32_t index = 0; index < 3; ++index) {
      f.cpu.state().pc = CpuFixture::kCode;
      f.r(1) = index;
      f.cpu.step_one();
      CHECK(f.cpu.state().pc == targets[index]);
    }
  }
}

TEST_CASE("IT: each instruction tests the flags as they are when it runs", "[isa][branch][it]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0x2805,  // 0x100: cmp r0, #5
      0xbf06,  // 0x102: itte eq
      0x2101,  // 0x104: moveq r1, #1
      0x3201,  // 0x106: addeq r2, r2, #1     (ADDS T2 encoding: no flags inside IT)
      0x2301,  // 0x108: movne r3, #1
      0x1c14,  // 0x10a: adds r4, r2, #0      (same kind of encoding outside IT: flags)
      0x2901,  // 0x10c: cmp r1, #1
      0xbf06,  // 0x10e: itte eq
      0x2902,  // 0x110: cmpeq r1, #2         (CMP sets flags inside IT too)
      0x2502,  // 0x112: moveq r5, #2
      0x2603,  // 0x114: movne r6, #3
  });
  f.r(0) = 5;
  f.r(2) = 0x7FFFFFFF;
  f.r(3) = f.r(5) = f.r(6) = 0xAA;
  f.cpu.step_one();
  f.cpu.step_one();
  CHECK(s.itstate == 0x06);  // firstcond EQ, mask 0110
  f.cpu.step_one();
  CHECK(f.r(1) == 1);
  f.cpu.step_one();  // 0x7FFFFFFF + 1 would set N and V and clear Z
  CHECK(f.r(2) == 0x80000000);
  CHECK((s.z && s.c && !s.n && !s.v));
  f.cpu.step_one();  // NE fails
  CHECK(f.r(3) == 0xAA);
  CHECK(s.itstate == 0);
  CHECK(s.pc == 0x10a);
  f.cpu.step_one();
  CHECK(f.r(4) == 0x80000000);
  CHECK((s.n && !s.z && !s.c && !s.v));
  f.cpu.step_one();  // Z = 1
  f.cpu.step_one();  // itte eq
  f.cpu.step_one();  // 1 - 2: Z = 0, so the next EQ fails and the NE passes
  CHECK((!s.z && s.n));
  f.cpu.step_one();
  f.cpu.step_one();
  CHECK(f.r(5) == 0xAA);
  CHECK(f.r(6) == 3);
  CHECK(s.pc == 0x116);
}

TEST_CASE("IT: false conditions skip; a branch may end the block", "[isa][branch][it]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0xbf1c,          // 0x100: itt ne
      0x2505,          // 0x102: movne r5, #5
      0x2606,          // 0x104: movne r6, #6
      0xbf08,          // 0x106: it eq
      0xe7f4,          // 0x108: beq .-20       (B T2: unconditional encoding, last in block)
      0xbf18,          // 0x10a: it ne
      0xf000, 0xb87e,  // 0x10c: bne.w .+0x100  (B T4)
      0xbf18,          // 0x110: it ne
      0x4770,          // 0x112: bxne lr
  });
  s.z = true;
  f.cpu.step_one();
  f.cpu.step_one();
  f.cpu.step_one();
  CHECK(s.pc == 0x106);
  CHECK(f.r(5) == 0);
  CHECK(f.r(6) == 0);
  f.cpu.step_one();
  f.cpu.step_one();  // taken: 0x108 + 4 - 24
  CHECK(s.pc == 0xF4);
  s.pc = 0x10a;
  f.cpu.step_one();
  f.cpu.step_one();  // not taken
  CHECK(s.pc == 0x110);
  s.z = false;
  f.r(14) = 0x201;
  f.cpu.step_one();
  f.cpu.step_one();
  CHECK(s.pc == 0x200);
  CHECK(s.itstate == 0);
}

TEST_CASE("IT: UNPREDICTABLE placements are UNDEFINED and keep ITSTATE for the handler", "[isa][branch][it]") {
  // The assembler refuses these; halfwords come from assembling each
  // instruction on its own.
  const struct {
    const char* what;
    uint16_t code[2];
  } cases[] = {
      {"B<c> T1 inside IT", {0xbf08, 0xd0f4}},  // it eq; beq.n (conditional encoding)
      {"BX not last", {0xbf04, 0x4770}},        // itt eq; bx lr
      {"CBZ inside IT", {0xbf08, 0xb110}},      // it eq; cbz r0, .+8
      {"IT inside IT", {0xbf04, 0xbf08}},       // itt eq; it eq
      {"CPSIE inside IT", {0xbf08, 0xb662}},    // it eq; cpsie i
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CpuFixture f;
    auto& s = f.cpu.state();
    test::install_handler(f, isa::kUsageFault, 0x300);
    test::write_word(f, scs::kShcsr, scs::kUsgFaultEna);
    f.bus.code(CpuFixture::kCode, {c.code[0], c.code[1]});
    s.z = true;
    f.cpu.step_one();
    const uint8_t it = s.itstate;
    f.cpu.step_one();
    CHECK(s.exception == isa::kUsageFault);
    CHECK((test::read_word(f, scs::kCfsr) & scs::kUndefInstr));
    CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == 0x102);
    // Stacked EPSR.IT (bits 26:25 and 15:10) still holds the block.
    const uint32_t xpsr = test::stacked(f, f.r(13), test::kXpsr);
    CHECK((((xpsr >> 25) & 3) | (((xpsr >> 10) & 0x3F) << 2)) == it);
  }
}

TEST_CASE("B<c>: each condition of Table A7-1 against every NZCV", "[isa][branch]") {
  // The conditions as the manual states them, one expression each.
  struct Flags {
    bool n, z, c, v;
  };
  using Rule = bool (*)(Flags);
  const Rule rules[14] = {
      [](Flags f) { return f.z; },                    // EQ
      [](Flags f) { return !f.z; },                   // NE
      [](Flags f) { return f.c; },                    // CS
      [](Flags f) { return !f.c; },                   // CC
      [](Flags f) { return f.n; },                    // MI
      [](Flags f) { return !f.n; },                   // PL
      [](Flags f) { return f.v; },                    // VS
      [](Flags f) { return !f.v; },                   // VC
      [](Flags f) { return f.c && !f.z; },            // HI
      [](Flags f) { return !f.c || f.z; },            // LS
      [](Flags f) { return f.n == f.v; },             // GE
      [](Flags f) { return f.n != f.v; },             // LT
      [](Flags f) { return !f.z && f.n == f.v; },     // GT
      [](Flags f) { return f.z || f.n != f.v; },      // LE
  };
  for (uint16_t cond = 0; cond < 14; ++cond) {
    for (unsigned bits = 0; bits < 16; ++bits) {
      const Flags flags{(bits & 8) != 0, (bits & 4) != 0, (bits & 2) != 0, (bits & 1) != 0};
      CpuFixture f;
      auto& s = f.cpu.state();
      s.n = flags.n;
      s.z = flags.z;
      s.c = flags.c;
      s.v = flags.v;
      f.run({static_cast<uint16_t>(0xd000 | cond << 8 | 0x02)}, 1);  // 0x100: b<c> 0x108
      INFO("cond " << cond << " NZCV " << bits);
      CHECK(s.pc == (rules[cond](flags) ? 0x108u : 0x102u));
    }
  }
}
