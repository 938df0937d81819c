// FP behaviour where Unicorn 2.0.1 (QEMU 5) departs from the ARMv7-M ARM,
// so the lockstep test (tests/difftest) does not compare it: its generator
// lists each case in kUnicornErrors, and these tests pin the manual's rule
// instead. Halfwords from arm-none-eabi-as -mcpu=cortex-m4 -mfpu=fpv4-sp-d16;
// expected values worked by hand.
#include <catch2/catch.hpp>

#include "tests/isa/cpu_fixture.hpp"
#include "tests/isa/exception_helpers.hpp"

using test::CpuFixture;

namespace {
constexpr uint32_t kCpacr = 0xE000ED88, kFpdscr = 0xE000EF3C, kFullAccess = 0x00F00000;
constexpr uint32_t kFpca = 1u << 2;  // CONTROL
constexpr uint32_t kRoundPlus = 1u << 22, kRoundMinus = 2u << 22, kRoundZero = 3u << 22, kFlushToZero = 1u << 24;
constexpr uint32_t kIxc = 1u << 4;
constexpr uint32_t kOne = 0x3F800000;

// A Cortex-M4F with CP10/CP11 open; FPCCR.ASPEN is 1 from reset, so the
// first FP instruction creates an FP context.
struct M4f : CpuFixture {
  M4f() : CpuFixture("cortex-m4f") { test::write_word(*this, kCpacr, kFullAccess); }
  isa::CpuState& s() { return cpu.state(); }
};
}  // namespace

TEST_CASE("A new FP context replaces only FPSCR's AHP, DN, FZ and RMode (Unicorn clears the rest)", "[isa][fp]") {
  // ExecuteFPCheck(): "if FPCCR.ASPEN == '1' && CONTROL.FPCA == '0' then
  // FPSCR<26:22> = FPDSCR<26:22>; CONTROL.FPCA = '1';"
  M4f f;
  test::write_word(f, kFpdscr, kRoundZero);
  f.s().fpscr = 0xF0000000u | kFlushToZero | kRoundPlus | 0x9Fu;  // NZCV, FZ, RP, every flag
  f.run({0xeeb7, 0x0a00}, 1);                                       // vmov.f32 s0, #1.0
  CHECK(f.s().sreg[0] == kOne);
  CHECK(f.s().fpscr == (0xF0000000u | kRoundZero | 0x9Fu));
  CHECK((f.s().control & kFpca) != 0);
}

TEST_CASE("Every FP instruction that executes runs ExecuteFPCheck, after a skipped one too", "[isa][fp]") {
  // Unicorn creates the context in the code of the first FP instruction of
  // its translation block only; when that one fails its IT condition, the
  // next one runs with CONTROL.FPCA still 0.
  M4f f;
  f.s().fpscr = kRoundPlus;
  f.s().z = false;
  f.run({0xbf0c,           // ite eq
         0xeeb7, 0x0a00,   // vmoveq.f32 s0, #1.0 (skipped: Z = 0)
         0xeef7, 0x0a00},  // vmovne.f32 s1, #1.0
        3);
  CHECK(f.s().sreg[0] == 0);
  CHECK(f.s().sreg[1] == kOne);
  CHECK((f.s().control & kFpca) != 0);
  CHECK(f.s().fpscr == 0);  // RMode from FPDSCR (0)
}

TEST_CASE("MRS CONTROL reads CONTROL<2:0> only (Unicorn adds ARMv8-M's SFPA)", "[isa][fp]") {
  M4f f;
  f.r(0) = 0xFFFFFFFF;
  f.run({0xeeb7, 0x0a00,   // vmov.f32 s0, #1.0: CONTROL.FPCA = 1
         0xf3ef, 0x8014},  // mrs r0, CONTROL
        2);
  CHECK(f.r(0) == kFpca);
}

TEST_CASE("VCVT from fixed point rounds to nearest whatever FPSCR.RMode (Unicorn uses RMode)", "[isa][fp]") {
  // FixedToFP(..., round_to_nearest = TRUE, ...). 0x7FFFFFFF as U32 with one
  // fraction bit is 1073741823.5; the singles around it are 2^30 - 64
  // (0x4E7FFFFF) and 2^30 (0x4E800000), the nearer. Toward minus infinity
  // or zero would give 0x4E7FFFFF.
  for (const uint32_t mode : {kRoundMinus, kRoundZero}) {
    INFO("RMode " << (mode >> 22));
    M4f f;
    f.s().control |= kFpca;  // an active FP context keeps FPSCR as set
    f.s().fpscr = mode;
    f.s().sreg[0] = 0x7FFFFFFF;
    f.run({0xeebb, 0x0aef}, 1);  // vcvt.f32.u32 s0, s0, #1
    CHECK(f.s().sreg[0] == 0x4E800000);
    CHECK(f.s().fpscr == (mode | kIxc));
  }
}
