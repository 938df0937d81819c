// The floating-point extension at the instruction level (ARMv7-M ARM A6,
// A7.7 V* pages, B1.5.6-B1.5.8 FP context, B3.2.20-B3.2.25 CPACR and
// FPCCR): decoding and gating by core, operand plumbing, FPSCR, transfers,
// and FP state across exceptions. Corner cases of the arithmetic itself
// are in test_fp_arith.cpp. Halfwords come from arm-none-eabi-as
// -mcpu=cortex-m7 -mfpu=fpv5-d16 and objdump, with the disassembly as the
// comment; expected values are worked by hand (IEEE 754 encodings).
#include <catch2/catch.hpp>
#include <initializer_list>
#include <string_view>

#include "tests/isa/cpu_fixture.hpp"
#include "tests/isa/exception_helpers.hpp"

using test::CpuFixture;
namespace scs = test::scs;

namespace {
constexpr uint32_t kCpacr = 0xE000ED88, kFpccr = 0xE000EF34, kFpcar = 0xE000EF38, kFpdscr = 0xE000EF3C;
constexpr uint32_t kFullAccess = 0x00F00000, kPrivilegedOnly = 0x00500000;
constexpr uint32_t kNoCp = 1u << 19;  // CFSR.NOCP
constexpr uint32_t kIxc = 1u << 4, kIoc = 1u << 0;

// Single-precision encodings used below.
constexpr uint32_t kOne = 0x3F800000, kOneHalf = 0x3FC00000 /* 1.5 */, kTwo = 0x40000000,
                   kTwoQuarter = 0x40100000 /* 2.25 */, kQNan = 0x7FC00000;

struct FpCpu : CpuFixture {
  explicit FpCpu(std::string_view core = "cortex-m4f", uint32_t cpacr = kFullAccess) : CpuFixture(core) {
    test::write_word(*this, kCpacr, cpacr);
    test::install_handler(*this, isa::kHardFault, 0x400);
  }
  uint32_t& s(unsigned n) { return cpu.state().sreg[n]; }
  uint32_t& fpscr() { return cpu.state().fpscr; }
  uint32_t cfsr() { return test::read_word(*this, scs::kCfsr); }
  bool faulted() { return cpu.state().exception == isa::kHardFault; }
};

// Runs one instruction on a fresh M4F with s1, s2 (and s0) preset; returns
// s0 and FPSCR after it.
struct Result {
  uint32_t s0, fpscr;
};
Result run_s(std::initializer_list<uint16_t> code, uint32_t s1, uint32_t s2, uint32_t s0 = 0) {
  FpCpu f;
  f.s(0) = s0;
  f.s(1) = s1;
  f.s(2) = s2;
  f.run(code, 1);
  return {f.s(0), f.fpscr()};
}
}  // namespace

TEST_CASE("FP instructions need an FPU and CPACR access (NOCP otherwise)", "[isa][fp]") {
  const std::initializer_list<uint16_t> vadd = {0xee30, 0x0a81};  // vadd.f32 s0, s1, s2
  SECTION("no FPU on the core: an absent coprocessor") {
    FpCpu f("cortex-m4");
    f.run(vadd, 1);
    CHECK(f.faulted());
    CHECK(f.cfsr() == kNoCp);
  }
  SECTION("FPU present but CPACR denies access (its reset value)") {
    FpCpu f("cortex-m4f", 0);
    f.run(vadd, 1);
    CHECK(f.faulted());
    CHECK(f.cfsr() == kNoCp);
  }
  SECTION("privileged-only access: privileged code runs, unprivileged code faults") {
    FpCpu f("cortex-m4f", kPrivilegedOnly);
    f.s(1) = kOne;
    f.s(2) = kOne;
    f.run(vadd, 1);
    CHECK_FALSE(f.faulted());
    CHECK(f.s(0) == kTwo);

    FpCpu u("cortex-m4f", kPrivilegedOnly);
    u.cpu.state().control = 1;  // nPRIV
    u.run(vadd, 1);
    CHECK(u.faulted());
    CHECK(u.cfsr() == kNoCp);
  }
  SECTION("CPACR reads back zero without an FPU (how software probes for one)") {
    FpCpu f("cortex-m4");
    CHECK(test::read_word(f, kCpacr) == 0);
    FpCpu g("cortex-m4f");
    CHECK(test::read_word(g, kCpacr) == kFullAccess);
  }
}

TEST_CASE("Double precision and FPv5 instructions are gated by core", "[isa][fp]") {
  const std::initializer_list<uint16_t> vadd_f64 = {0xee31, 0x0b02};  // vadd.f64 d0, d1, d2
  const std::initializer_list<uint16_t> vrinta = {0xfeb8, 0x0a60};    // vrinta.f32 s0, s1
  for (auto code : {vadd_f64, vrinta}) {
    FpCpu f("cortex-m4f");
    f.run(code, 1);
    CHECK(f.faulted());
    CHECK(f.cfsr() == scs::kUndefInstr);  // the FPU is there; the instruction is not
  }
  FpCpu m7("cortex-m7");
  m7.cpu.state().set_dreg(1, 0x3FF8000000000000);  // 1.5
  m7.cpu.state().set_dreg(2, 0x4002000000000000);  // 2.25
  m7.run(vadd_f64, 1);
  CHECK(m7.cpu.state().dreg(0) == 0x400E000000000000);  // 3.75

  FpCpu m33("cortex-m33");
  m33.s(1) = 0x40200000;  // 2.5
  m33.run(vrinta, 1);
  CHECK(m33.s(0) == 0x40400000);  // 3.0: ties away from zero
}

TEST_CASE("Arithmetic reads Vn, Vm (and Vd) and writes Vd", "[isa][fp]") {
  // 1.5 + 2.25 = 3.75
  CHECK(run_s({0xee30, 0x0a81}, kOneHalf, kTwoQuarter).s0 == 0x40700000);  // vadd.f32 s0, s1, s2
  // 1.0 + 1.5 * 2.25 = 4.375 = 1.09375 * 2^2
  CHECK(run_s({0xeea0, 0x0a81}, kOneHalf, kTwoQuarter, kOne).s0 == 0x408C0000);  // vfma.f32 s0, s1, s2
  // 1.0 - 3.375 = -2.375 = -1.1875 * 2^1
  CHECK(run_s({0xee00, 0x0ac1}, kOneHalf, kTwoQuarter, kOne).s0 == 0xC0180000);  // vmls.f32 s0, s1, s2
  // -(1.5 * 2.25) = -3.375 = -1.6875 * 2^1
  CHECK(run_s({0xee20, 0x0ac1}, kOneHalf, kTwoQuarter).s0 == 0xC0580000);  // vnmul.f32 s0, s1, s2
  // sqrt(2.25) = 1.5 exactly: no Inexact
  auto sq = run_s({0xeeb1, 0x0ae0}, kTwoQuarter, 0);  // vsqrt.f32 s0, s1
  CHECK(sq.s0 == kOneHalf);
  CHECK((sq.fpscr & kIxc) == 0);
  // 1.5 / 2.25 = 2/3, rounded to nearest: 0x3F2AAAAB, Inexact
  auto dv = run_s({0xee80, 0x0a81}, kOneHalf, kTwoQuarter);  // vdiv.f32 s0, s1, s2
  CHECK(dv.s0 == 0x3F2AAAAB);
  CHECK((dv.fpscr & kIxc) != 0);
  // VABS/VNEG are bit operations: a NaN's sign changes, no Invalid
  auto ab = run_s({0xeeb0, 0x0ae0}, 0xFFC00001, 0);  // vabs.f32 s0, s1
  CHECK(ab.s0 == 0x7FC00001);
  CHECK(run_s({0xeeb1, 0x0a60}, kQNan, 0).s0 == 0xFFC00000);  // vneg.f32 s0, s1
  CHECK((ab.fpscr & 0x9F) == 0);
}

TEST_CASE("VMOV immediate expands imm8 (VFPExpandImm)", "[isa][fp]") {
  FpCpu f;
  f.run({0xeeb7, 0x0a00}, 1);  // vmov.f32 s0, #1.0
  CHECK(f.s(0) == kOne);
  FpCpu g("cortex-m7");
  g.run({0xeeb8, 0x1b04}, 1);  // vmov.f64 d1, #-2.5
  CHECK(g.cpu.state().dreg(1) == 0xC004000000000000);
}

TEST_CASE("VCMP sets FPSCR.NZCV; VMRS APSR_nzcv copies it", "[isa][fp]") {
  FpCpu f;
  f.s(0) = kOne;
  f.s(1) = kTwo;
  f.run({0xeeb4, 0x0a60, 0xeef1, 0xfa10}, 2);  // vcmp.f32 s0, s1; vmrs APSR_nzcv, fpscr
  CHECK(f.fpscr() >> 28 == 0b1000);  // less than
  CHECK((f.cpu.state().n && !f.cpu.state().z && !f.cpu.state().c && !f.cpu.state().v));

  FpCpu q;  // a quiet NaN: unordered; VCMP raises nothing, VCMPE raises Invalid
  q.s(0) = kQNan;
  q.s(1) = kOne;
  q.run({0xeeb4, 0x0a60}, 1);  // vcmp.f32 s0, s1
  CHECK(q.fpscr() >> 28 == 0b0011);
  CHECK((q.fpscr() & kIoc) == 0);
  FpCpu e;
  e.s(0) = kQNan;
  e.run({0xeeb5, 0x0ac0}, 1);  // vcmpe.f32 s0, #0
  CHECK(e.fpscr() >> 28 == 0b0011);
  CHECK((e.fpscr() & kIoc) != 0);
}

TEST_CASE("VCVT to and from integers: toward zero, or per FPSCR (VCVTR)", "[isa][fp]") {
  constexpr uint32_t kMinus2_75 = 0xC0300000;
  CHECK(run_s({0xeebd, 0x0ae0}, kMinus2_75, 0).s0 == 0xFFFFFFFE);  // vcvt.s32.f32 s0, s1: -2
  CHECK(run_s({0xeebd, 0x0a60}, kMinus2_75, 0).s0 == 0xFFFFFFFD);  // vcvtr.s32.f32 (RN): -3
  FpCpu up;
  up.s(1) = kMinus2_75;
  up.cpu.state().control |= 4;  // an FP context exists (else FPDSCR's controls would apply)
  up.fpscr() = 1u << 22;        // RMode = round towards plus infinity
  up.run({0xeebd, 0x0a60}, 1);
  CHECK(up.s(0) == 0xFFFFFFFE);
  // 0xFFFFFFFF as unsigned is 2^32 - 1: rounds to 2^32 = 0x4F800000, Inexact
  auto u = run_s({0xeeb8, 0x0a60}, 0xFFFFFFFF, 0);  // vcvt.f32.u32 s0, s1
  CHECK(u.s0 == 0x4F800000);
  CHECK((u.fpscr & kIxc) != 0);
}

TEST_CASE("VCVT with fixed point works in place on 16-bit values", "[isa][fp]") {
  const std::initializer_list<uint16_t> to_fixed = {0xeebe, 0x0a44};    // vcvt.s16.f32 s0, s0, #8
  const std::initializer_list<uint16_t> from_fixed = {0xeeba, 0x0a44};  // vcvt.f32.s16 s0, s0, #8
  CHECK(run_s(to_fixed, 0, 0, kOneHalf).s0 == 0x00000180);    // 1.5 * 256 = 384
  CHECK(run_s(to_fixed, 0, 0, 0xBFC00000).s0 == 0xFFFFFE80);  // -384, sign-extended
  auto sat = run_s(to_fixed, 0, 0, 0x43480000);                 // 200 * 256 = 51200 > 32767
  CHECK(sat.s0 == 0x00007FFF);
  CHECK((sat.fpscr & kIoc) != 0);
  // Only the low 16 bits are the operand: 0xFE80 = -384 -> -1.5
  CHECK(run_s(from_fixed, 0, 0, 0x1234FE80).s0 == 0xBFC00000);
}

TEST_CASE("VCVTB/VCVTT convert half precision in one half of the register", "[isa][fp]") {
  // 1.0 is 0x3C00 in half precision; the top half of s0 is kept
  CHECK(run_s({0xeeb3, 0x0a60}, kOne, 0, 0xAAAAAAAA).s0 == 0xAAAA3C00);  // vcvtb.f16.f32 s0, s1
  // top half 0xC000 = -2.0
  CHECK(run_s({0xeeb2, 0x0ae0}, 0xC0001234, 0).s0 == 0xC0000000);  // vcvtt.f32.f16 s0, s1
}

TEST_CASE("VMOV between core and FP registers", "[isa][fp]") {
  FpCpu f;
  f.r(2) = 0x11111111;
  f.r(3) = 0x22222222;
  f.s(31) = 0x33333333;
  f.cpu.state().set_dreg(0, 0x5555555544444444);
  f.run({0xee00, 0x2a10,    // vmov s0, r2
         0xee1f, 0x3a90,    // vmov r3, s31
         0xec51, 0x0b10},   // vmov r0, r1, d0
        3);
  CHECK(f.s(0) == 0x11111111);
  CHECK(f.r(3) == 0x33333333);
  CHECK(f.r(0) == 0x11111111);  // d0's low word is s0, just written
  CHECK(f.r(1) == 0x55555555);

  FpCpu g;
  g.r(2) = 0xAAAA0000;
  g.r(3) = 0xBBBB0000;
  g.run({0xec43, 0x2b13,   // vmov d3, r2, r3
         0xee21, 0x2b10,   // vmov.32 d1[1], r2
         0xee31, 0x4b10},  // vmov.32 r4, d1[1]
        3);
  CHECK(g.cpu.state().dreg(3) == 0xBBBB0000AAAA0000);
  CHECK(g.s(3) == 0xAAAA0000);  // d1[1] is s3
  CHECK(g.r(4) == 0xAAAA0000);
}

TEST_CASE("VMSR/VMRS: FPSCR keeps only its implemented bits", "[isa][fp]") {
  FpCpu f;
  f.r(0) = 0xFFFFFFFF;
  f.run({0xeee1, 0x0a10,   // vmsr fpscr, r0
         0xeef1, 0x1a10},  // vmrs r1, fpscr
        2);
  // N Z C V (31-28), AHP DN FZ RMode (26-22), IDC (7), IXC UFC OFC DZC IOC (4-0)
  CHECK(f.r(1) == 0xF7C0009F);
}

TEST_CASE("VLDR, VSTR, VLDM and VPUSH/VPOP move words, low word first", "[isa][fp]") {
  FpCpu f;
  f.s(16) = 0x16161616;
  f.s(17) = 0x17171717;
  f.run({0xed2d, 0x8a02}, 1);  // vpush {s16-s17}
  const uint32_t sp = CpuFixture::kStackTop - 8;
  CHECK(f.r(13) == sp);
  CHECK(f.bus.read32(sp) == 0x16161616);
  CHECK(f.bus.read32(sp + 4) == 0x17171717);
  f.s(16) = f.s(17) = 0;
  f.bus.code(f.cpu.state().pc, {0xecbd, 0x8a02});  // vpop {s16-s17}
  f.cpu.step_one();
  CHECK(f.s(16) == 0x16161616);
  CHECK(f.s(17) == 0x17171717);
  CHECK(f.r(13) == CpuFixture::kStackTop);

  FpCpu g;
  g.r(0) = 0x2000;
  g.bus.write32(0x2008, 0xCAFEF00D);
  g.cpu.state().set_dreg(2, 0x0123456789ABCDEF);
  g.run({0xedd0, 0x1a02,   // vldr s3, [r0, #8]
         0xed00, 0x2b02},  // vstr d2, [r0, #-8]
        2);
  CHECK(g.s(3) == 0xCAFEF00D);
  CHECK(g.bus.read32(0x1FF8) == 0x89ABCDEF);
  CHECK(g.bus.read32(0x1FFC) == 0x01234567);

  for (bool dmi : {true, false}) {  // the direct block copy and the word-by-word bus path
    FpCpu h;
    h.bus.set_dmi(dmi);
    h.r(0) = 0x3000;
    for (uint32_t i = 0; i < 4; ++i) h.bus.write32(0x3000 + 4 * i, 0x40 + i);
    h.run({0xecb0, 0x2a04}, 1);  // vldmia r0!, {s4-s7}
    CHECK(h.s(4) == 0x40);
    CHECK(h.s(5) == 0x41);
    CHECK(h.s(7) == 0x43);
    CHECK(h.r(0) == 0x3010);
  }
  FpCpu u;  // MemA: an unaligned VLDR faults (UNALIGNED) whatever CCR says
  u.r(0) = 0x2002;
  u.run({0xedd0, 0x1a02}, 1);  // vldr s3, [r0, #8]
  CHECK(u.faulted());
  CHECK((u.cfsr() & (1u << 24)) != 0);
}

TEST_CASE("FPv5: VMAXNM prefers a number to a quiet NaN; VSEL follows the APSR", "[isa][fp]") {
  FpCpu f("cortex-m7");
  f.s(1) = kQNan;
  f.s(2) = kOne;
  f.run({0xfe80, 0x0a81}, 1);  // vmaxnm.f32 s0, s1, s2
  CHECK(f.s(0) == kOne);
  for (bool z : {true, false}) {
    FpCpu g("cortex-m7");
    g.cpu.state().z = z;
    g.s(1) = 1;
    g.s(2) = 2;
    g.run({0xfe00, 0x0a81}, 1);  // vseleq.f32 s0, s1, s2
    CHECK(g.s(0) == (z ? 1u : 2u));
  }
}

TEST_CASE("A new FP context takes FPSCR's controls from FPDSCR and sets CONTROL.FPCA", "[isa][fp]") {
  FpCpu f;
  test::write_word(f, kFpdscr, 3u << 22);  // RMode = round towards zero
  f.fpscr() = 0;
  CHECK((f.cpu.state().control & 4) == 0);
  f.run({0xeeb7, 0x0a00}, 1);  // vmov.f32 s0, #1.0
  CHECK((f.cpu.state().control & 4) != 0);
  CHECK(f.fpscr() == 3u << 22);
}

namespace {
// An SVC from Thread mode with an active FP context (CONTROL.FPCA, set by
// the first FP instruction). The handler at 0x200 runs `handler` then
// returns with BX LR.
struct FpException : FpCpu {
  static constexpr uint32_t kHandler = 0x200;
  explicit FpException(std::initializer_list<uint16_t> handler, uint32_t fpccr) {
    test::write_word(*this, kFpccr, fpccr);
    test::install_handler(*this, isa::kSvCall, kHandler);
    bus.code(kHandler, handler);
    r(2) = 0x12345678;
    bus.code(kCode, {0xeeb7, 0x0a00,  // vmov.f32 s0, #1.0 (FPCA = 1)
                     0xdf00});        // svc #0
    cpu.step_one();
    cpu.step_one();
    cpu.step_one();  // take the SVC
  }
};
constexpr uint32_t kAspen = 1u << 31, kLspen = 1u << 30, kLspAct = 1u;
constexpr uint32_t kFpFrame = CpuFixture::kStackTop - 0x68;  // 8 words + S0-S15, FPSCR, reserved
}  // namespace

TEST_CASE("Exception entry with FP context reserves S0-S15 and FPSCR; lazily by default", "[isa][fp]") {
  SECTION("lazy: the handler's first FP instruction writes them at FPCAR") {
    FpException f({0xee00, 0x2a10, 0x4770}, kAspen | kLspen);  // vmov s0, r2; bx lr
    CHECK(f.cpu.state().exception == isa::kSvCall);
    CHECK(f.r(13) == kFpFrame);
    CHECK(f.r(14) == 0xFFFFFFE9);  // Thread, MSP, FP frame (bit 4 clear)
    CHECK((f.cpu.state().control & 4) == 0);
    const uint32_t fpccr = test::read_word(f, kFpccr);
    CHECK((fpccr & kLspAct) != 0);
    CHECK(test::read_word(f, kFpcar) == kFpFrame + 0x20);
    CHECK(f.bus.read32(kFpFrame + 0x20) == 0);  // nothing written yet

    f.cpu.step_one();  // vmov s0, r2: preserve first
    CHECK(f.bus.read32(kFpFrame + 0x20) == kOne);
    CHECK((test::read_word(f, kFpccr) & kLspAct) == 0);
    CHECK(f.s(0) == 0x12345678);

    f.cpu.step_one();  // bx lr: S0 comes back from the frame
    CHECK(f.cpu.state().exception == 0);
    CHECK(f.s(0) == kOne);
    CHECK(f.r(13) == CpuFixture::kStackTop);
    CHECK((f.cpu.state().control & 4) != 0);
  }
  SECTION("lazy, handler without FP: nothing is written or restored") {
    FpException f({0x4770}, kAspen | kLspen);  // bx lr
    f.cpu.state().sreg[0] = 0x0BADF00D;  // what the registers hold now is what counts
    f.cpu.step_one();
    CHECK(f.s(0) == 0x0BADF00D);
    CHECK(f.bus.read32(kFpFrame + 0x20) == 0);
    CHECK((test::read_word(f, kFpccr) & kLspAct) == 0);
  }
  SECTION("LSPEN clear: the registers are stacked on entry") {
    FpException f({0x4770}, kAspen);
    CHECK(f.bus.read32(kFpFrame + 0x20) == kOne);
    CHECK((test::read_word(f, kFpccr) & kLspAct) == 0);
    f.cpu.state().sreg[0] = 0;
    f.cpu.step_one();  // bx lr
    CHECK(f.s(0) == kOne);
  }
}

TEST_CASE("EXC_RETURN with bit 4 clear is an INVPC on a core without an FPU", "[isa][fp]") {
  CpuFixture f("cortex-m4");
  test::install_handler(f, isa::kSvCall, 0x200);
  test::install_handler(f, isa::kHardFault, 0x400);
  f.r(0) = 0xFFFFFFE9;
  f.bus.code(0x200, {0x4700});  // bx r0
  f.run({0xdf00}, 3);           // svc #0; (take it); bx r0
  CHECK(f.cpu.state().exception == isa::kHardFault);
  CHECK((test::read_word(f, scs::kCfsr) & scs::kInvPc) != 0);
}
