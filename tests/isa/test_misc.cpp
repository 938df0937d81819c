// Miscellaneous and system instructions: MRS/MSR (ARMv7-M ARM B5.2.2,
// B5.2.3), CPS (B5.2.1), hints, barriers, BKPT and UDF (A7.7). Halfwords
// from arm-none-eabi-as -mcpu=cortex-m4 -mthumb at the listed addresses.
#include <catch2/catch.hpp>

#include "isa/decoder.hpp"
#include "tests/isa/cpu_fixture.hpp"
#include "tests/isa/exception_helpers.hpp"

using test::CpuFixture;
namespace scs = test::scs;

namespace {
void steps(CpuFixture& f, int n) {
  for (int i = 0; i < n; ++i) f.cpu.step_one();
}
}  // namespace

TEST_CASE("MRS/MSR: the APSR, IPSR and EPSR views of xPSR", "[isa][misc][msr]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0xf380, 0x8800,  // 0x100: msr apsr_nzcvq, r0
      0xf3ef, 0x8100,  // 0x104: mrs r1, apsr
      0xf382, 0x8400,  // 0x108: msr apsr_g, r2
      0xf3ef, 0x8303,  // 0x10c: mrs r3, xpsr
      0xf3ef, 0x8406,  // 0x110: mrs r4, epsr
      0xf3ef, 0x8501,  // 0x114: mrs r5, iapsr
      0xf380, 0x8805,  // 0x118: msr ipsr, r0
      0xf3ef, 0x8605,  // 0x11c: mrs r6, ipsr
  });
  f.r(0) = 0xF800001F;  // N Z C V Q and bits MSR does not write
  f.r(2) = 0x000A0000;  // GE = 1010
  f.r(4) = f.r(6) = 0xAA;
  f.cpu.step_one();
  CHECK((s.n && s.z && s.c && s.v && s.q));
  f.cpu.step_one();
  CHECK(f.r(1) == 0xF8000000);
  f.cpu.step_one();
  CHECK(s.ge == 0xA);
  f.cpu.step_one();  // Thread mode: IPSR 0; EPSR (T, IT) reads as zero
  CHECK(f.r(3) == 0xF80A0000);
  f.cpu.step_one();
  CHECK(f.r(4) == 0);
  f.cpu.step_one();
  CHECK(f.r(5) == 0xF80A0000);
  s.n = false;
  f.cpu.step_one();  // IPSR ignores writes; the APSR is not part of it
  CHECK_FALSE(s.n);
  CHECK(s.exception == 0);
  f.cpu.step_one();
  CHECK(f.r(6) == 0);
}

TEST_CASE("MRS/MSR: stack pointers, masks and CONTROL round-trip when privileged", "[isa][misc][msr]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0xf380, 0x8809,  // 0x100: msr psp, r0
      0xf3ef, 0x8109,  // 0x104: mrs r1, psp
      0xf382, 0x8808,  // 0x108: msr msp, r2
      0xf3ef, 0x8308,  // 0x10c: mrs r3, msp
      0xf384, 0x8811,  // 0x110: msr basepri, r4
      0xf3ef, 0x8511,  // 0x114: mrs r5, basepri
      0xf386, 0x8812,  // 0x118: msr basepri_max, r6
      0xf3ef, 0x8712,  // 0x11c: mrs r7, basepri_max
      0xf388, 0x8813,  // 0x120: msr faultmask, r8
      0xf3ef, 0x8913,  // 0x124: mrs r9, faultmask
      0xf38a, 0x8810,  // 0x128: msr primask, r10
      0xf3ef, 0x8b10,  // 0x12c: mrs r11, primask
      0xf38c, 0x8814,  // 0x130: msr control, r12
      0xf3ef, 0x8e14,  // 0x134: mrs lr, control
  });
  f.r(0) = 0x6004;
  f.r(2) = 0x7003;  // SP_main = R[n]<31:2>:'00'
  f.r(4) = 0x1F5;   // Cortex-M4 implements priority bits 7:4
  f.r(6) = 0x30;
  f.r(8) = 1;
  f.r(10) = 1;
  f.r(12) = 2;  // SPSEL
  steps(f, 2);
  CHECK(f.r(1) == 0x6004);
  steps(f, 2);
  CHECK(f.r(3) == 0x7000);
  CHECK(f.r(13) == 0x7000);  // MSP is the active stack pointer
  steps(f, 2);
  CHECK(f.r(5) == 0xF0);
  steps(f, 2);  // BASEPRI_MAX lowers BASEPRI's value (raises the mask): 0x30 < 0xF0
  CHECK(f.r(7) == 0x30);
  steps(f, 2);
  CHECK(f.r(9) == 1);
  steps(f, 2);
  CHECK(f.r(11) == 1);
  steps(f, 2);
  CHECK(f.r(14) == 2);
  CHECK(f.r(13) == 0x6004);  // Thread mode now runs on PSP
  CHECK(s.sp_main == 0x7000);

  // BASEPRI_MAX never lowers the mask, and 0 leaves it alone.
  for (const uint32_t v : {0x80u, 0x0u}) {
    f.r(6) = v;
    s.pc = 0x118;
    steps(f, 2);
    CHECK(f.r(7) == 0x30);
  }
  // With BASEPRI 0 any non-zero value is taken.
  s.basepri = 0;
  f.r(6) = 0x80;
  s.pc = 0x118;
  steps(f, 2);
  CHECK(f.r(7) == 0x80);
}

TEST_CASE("MRS/MSR/CPS unprivileged: masks and SPs read zero, writes ignored, APSR works", "[isa][misc][msr]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0xf380, 0x8814,  // 0x100: msr control, r0
      0xf3ef, 0x8114,  // 0x104: mrs r1, control
      0xf3ef, 0x8210,  // 0x108: mrs r2, primask
      0xf383, 0x8810,  // 0x10c: msr primask, r3
      0xf384, 0x8814,  // 0x110: msr control, r4
      0xf3ef, 0x8508,  // 0x114: mrs r5, msp
      0xf386, 0x8800,  // 0x118: msr apsr_nzcvq, r6
      0xb662,          // 0x11c: cpsie i
      0xb671,          // 0x11e: cpsid f
  });
  s.primask = true;
  f.r(0) = 1;  // nPRIV
  f.r(2) = f.r(5) = 0xAA;
  f.r(3) = f.r(4) = 0;
  f.r(6) = 0x40000000;
  steps(f, 2);
  CHECK(f.r(1) == 1);
  CHECK_FALSE(s.privileged());
  f.cpu.step_one();
  CHECK(f.r(2) == 0);
  steps(f, 2);
  CHECK(s.primask);
  CHECK(s.control == 1);  // cannot make itself privileged again
  f.cpu.step_one();
  CHECK(f.r(5) == 0);
  f.cpu.step_one();
  CHECK((s.z && !s.n));
  steps(f, 2);
  CHECK(s.primask);
  CHECK_FALSE(s.faultmask);
}

TEST_CASE("MSR APSR_g, BASEPRI and FAULTMASK need the features that define them", "[isa][misc][msr]") {
  const isa::Decoder m4(*isa::core_profile("cortex-m4")), m3(*isa::core_profile("cortex-m3")),
      m0(*isa::core_profile("cortex-m0plus"));
  const auto name = [](const isa::Decoded& d) { return std::string(isa::Decoder::row(d.row).name); };
  const auto undefined = isa::Decoder::undefined_row();
  CHECK(name(m4.decode(0xF3828400, true)) == "MSR APSR_g T1");  // msr apsr_g, r2
  CHECK(m3.decode(0xF3828400, true).row == undefined);          // no DSP extension
  CHECK(m0.decode(0xF3848811, true).row == undefined);          // msr basepri, r4
  CHECK(m0.decode(0xF3EF8913, true).row == undefined);          // mrs r9, faultmask
  CHECK(name(m0.decode(0xF38A8810, true)) == "MSR T1");         // msr primask, r10
  CHECK(name(m0.decode(0xF3EF8E14, true)) == "MRS T1");         // mrs lr, control
  // UNPREDICTABLE field values are UNDEFINED.
  CHECK(m4.decode(0xF3808014, true).row == undefined);  // MSR mask 00
  CHECK(m4.decode(0xF3808411, true).row == undefined);  // MSR BASEPRI with mask 01
  CHECK(m4.decode(0xF3EF8104, true).row == undefined);  // MRS SYSm 4
  CHECK(m4.decode(0xF3EF8115, true).row == undefined);  // MRS SYSm 21
  CHECK(m4.decode(0xF3EF8D00, true).row == undefined);  // MRS into SP
  CHECK(m4.decode(0xF38D8800, true).row == undefined);  // MSR from SP
  CHECK(m4.decode(0xBFF8, false).row == undefined);     // IT with firstcond 1111
  CHECK(m4.decode(0xBFEC, false).row == undefined);     // ITE AL
  CHECK(name(m4.decode(0xBFE8, false)) == "IT T1");     // IT AL
  CHECK(m0.decode(0xBF08, false).row == undefined);     // IT is ARMv7-M
  CHECK(m0.decode(0xB661, false).row == undefined);     // CPSIE f: no FAULTMASK on ARMv6-M
  CHECK(name(m0.decode(0xB662, false)) == "CPSIE i T1");
}

TEST_CASE("CPSID i holds off pending PendSV and SysTick until CPSIE i", "[isa][misc][cps]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  test::install_handler(f, isa::kPendSv, 0x200);
  test::install_handler(f, isa::kSysTick, 0x200);
  f.bus.code(CpuFixture::kCode, {
      0xb672,  // 0x100: cpsid i
      0xbf00,  // 0x102: nop
      0xbf00,  // 0x104: nop
      0xb662,  // 0x106: cpsie i
      0xbf00,  // 0x108: nop
  });
  f.bus.code(0x200, {0x4770});  // 0x200: bx lr
  f.cpu.step_one();
  CHECK(s.primask);
  test::write_word(f, scs::kIcsr, scs::kPendSvSet | scs::kPendStSet);
  steps(f, 2);
  CHECK(s.exception == 0);
  CHECK(s.pc == 0x106);
  f.cpu.step_one();
  CHECK_FALSE(s.primask);
  CHECK(s.pc == 0x108);
  f.cpu.step_one();  // equal priority: the lower exception number goes first
  CHECK(s.exception == isa::kPendSv);
  CHECK(s.pc == 0x200);
  f.cpu.step_one();  // return
  CHECK(s.exception == 0);
  f.cpu.step_one();
  CHECK(s.exception == isa::kSysTick);
  CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == 0x108);
}

TEST_CASE("CPS f: FAULTMASK masks everything but NMI and cannot be raised in HardFault", "[isa][misc][cps]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  test::install_handler(f, isa::kPendSv, 0x200);
  test::install_handler(f, isa::kHardFault, 0x300);
  f.bus.code(CpuFixture::kCode, {
      0xb671,  // 0x100: cpsid f
      0xbf00,  // 0x102: nop
      0xb661,  // 0x104: cpsie f
      0xbf00,  // 0x106: nop
  });
  f.bus.code(0x300, {0xb673});  // 0x300: cpsid if
  f.cpu.step_one();
  CHECK(s.faultmask);
  test::write_word(f, scs::kIcsr, scs::kPendSvSet);
  f.cpu.step_one();
  CHECK(s.exception == 0);
  f.cpu.step_one();
  CHECK_FALSE(s.faultmask);
  f.cpu.step_one();
  CHECK(s.exception == isa::kPendSv);
  // In HardFault, CPSID f leaves FAULTMASK clear (ExecutionPriority is -1).
  f.cpu.scs().set_pending(isa::kHardFault, true);
  f.cpu.step_one();
  CHECK(s.exception == isa::kHardFault);
  f.cpu.step_one();
  CHECK(s.primask);
  CHECK_FALSE(s.faultmask);
}

TEST_CASE("Hints: SEV sets the event WFE consumes; WFI sleeps until an exception", "[isa][misc][hint]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  test::install_handler(f, isa::kPendSv, 0x200);
  f.bus.code(CpuFixture::kCode, {
      0xbf40,          // 0x100: sev
      0xbf20,          // 0x102: wfe
      0xf3af, 0x8000,  // 0x104: nop.w
      0xbf10,          // 0x108: yield
      0xbf30,          // 0x10a: wfi
      0x2001,          // 0x10c: movs r0, #1
      0xe7fe,          // 0x10e: b .
  });
  f.bus.code(0x200, {
      0x2402,  // 0x200: movs r4, #2   (r0-r3 would be unstacked on return)
      0x4770,  // 0x202: bx lr
  });
  f.cpu.step_one();
  CHECK(s.event_register);
  f.cpu.step_one();  // the event was set: WFE clears it and goes on
  CHECK_FALSE(s.event_register);
  steps(f, 2);
  CHECK(s.pc == 0x10a);
  const uint64_t before = f.cpu.cycles();
  CHECK(f.cpu.run(before + 100) == isa::StopReason::Sleeping);
  CHECK(s.pc == 0x10c);
  CHECK(f.cpu.cycles() == before + 1);  // the WFI's cycle; the caller lets time pass
  f.cpu.sleep_until(before + 100);
  CHECK(f.cpu.cycles() == before + 100);
  CHECK(f.cpu.sleep_cycles() == 99);
  CHECK(f.r(0) == 0);
  test::write_word(f, scs::kIcsr, scs::kPendSvSet);
  CHECK(f.cpu.run(f.cpu.cycles() + 30) == isa::StopReason::CycleLimit);  // entry (12), handler, return
  CHECK(f.r(4) == 2);
  CHECK(f.r(0) == 1);
  CHECK(s.pc == 0x10e);
}

TEST_CASE("32-bit hints, barriers and DBG execute as no-ops", "[isa][misc][hint]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  f.bus.code(CpuFixture::kCode, {
      0xf3bf, 0x8f5f,  // 0x100: dmb
      0xf3bf, 0x8f4f,  // 0x104: dsb
      0xf3bf, 0x8f6f,  // 0x108: isb
      0xf3bf, 0x8f5b,  // 0x10c: dmb ish
      0xf3af, 0x8004,  // 0x110: sev.w
      0xf3af, 0x8001,  // 0x114: yield.w
      0xf3af, 0x80f5,  // 0x118: dbg #5
      0xf3af, 0x8002,  // 0x11c: wfe.w   (consumes the event from sev.w)
      0xf3af, 0x807f,  // 0x120: unallocated hint (.inst.w 0xf3af807f): NOP
  });
  f.r(0) = 0x1234;
  steps(f, 9);
  CHECK(s.pc == 0x124);
  CHECK_FALSE(s.event_register);
  CHECK(f.r(0) == 0x1234);
  CHECK(s.exception == 0);
}

TEST_CASE("UDF T1 and T2 are UNDEFINED; BKPT without a debugger is a HardFault", "[isa][misc]") {
  for (const uint16_t udf : {0xde07, 0xf7fb}) {  // udf #7 / udf.w #0xbeef
    CpuFixture f;
    test::install_handler(f, isa::kUsageFault, 0x300);
    test::write_word(f, scs::kShcsr, scs::kUsgFaultEna);
    f.bus.code(CpuFixture::kCode, {udf, 0xaeef});
    f.cpu.step_one();
    CHECK(f.cpu.state().exception == isa::kUsageFault);
    CHECK(test::read_word(f, scs::kCfsr) == scs::kUndefInstr);
    CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == CpuFixture::kCode);
  }
  CpuFixture f;
  test::install_handler(f, isa::kHardFault, 0x300);
  f.bus.code(CpuFixture::kCode, {0xbeab});  // bkpt #0xab
  f.cpu.step_one();
  CHECK(f.cpu.state().exception == isa::kHardFault);
  CHECK(test::read_word(f, scs::kHfsr) == (1u << 31));  // DEBUGEVT
}

TEST_CASE("BKPT hands its immediate to the platform hook (semihosting)", "[isa][misc]") {
  struct Hooks : isa::CpuHooks {
    int seen = -1;
    bool on_breakpoint(isa::Cpu&, uint8_t imm) override {
      seen = imm;
      return imm == 0xAB;
    }
  } hooks;
  test::RamBus bus(0, CpuFixture::kRamSize);
  bus.write32(0, CpuFixture::kStackTop);
  bus.write32(4, CpuFixture::kCode | 1);
  bus.code(CpuFixture::kCode, {
      0xbeab,  // 0x100: bkpt #0xab
      0x2001,  // 0x102: movs r0, #1
  });
  isa::Cpu cpu(*isa::core_profile("cortex-m4"), bus, &hooks);
  cpu.reset(0);
  cpu.step_one();
  CHECK(hooks.seen == 0xAB);
  cpu.step_one();
  CHECK(cpu.state().r[0] == 1);
  CHECK(cpu.state().exception == 0);
}
