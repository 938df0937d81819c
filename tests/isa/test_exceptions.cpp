// The exception model (ARMv7-M ARM B1.5) through the instructions that use
// it: SVC entry and return, the stacked frame and EXC_RETURN, PSP threads,
// fault escalation and lockup, NVIC priorities and masks, SysTick. Expected
// values come from the manual's pseudocode (ExceptionTaken, PushStack,
// ExceptionReturn, B1.5.15 escalation, B3.3 SysTick). Halfwords from
// arm-none-eabi-as -mcpu=cortex-m4 -mthumb at the listed addresses.
#include <catch2/catch.hpp>
#include <vector>

#include "tests/isa/cpu_fixture.hpp"
#include "tests/isa/exception_helpers.hpp"

using test::CpuFixture;
namespace scs = test::scs;

namespace {
void steps(CpuFixture& f, int n) {
  for (int i = 0; i < n; ++i) f.cpu.step_one();
}
constexpr uint32_t kThumb = 1u << 24;
}  // namespace

TEST_CASE("SVC: stacked frame, EXC_RETURN, IPSR in the handler, and return", "[isa][exception][svc]") {
  // Stack 8-byte aligned, and 4 mod 8: then the frame is realigned and xPSR bit 9 says so.
  const uint32_t sp = GENERATE(0x8000u, 0x7FFCu);
  INFO("SP before entry " << std::hex << sp);
  CpuFixture f;
  auto& s = f.cpu.state();
  test::install_handler(f, isa::kSvCall, 0x200);
  f.bus.code(CpuFixture::kCode, {
      0xdf07,  // 0x100: svc #7
      0x2509,  // 0x102: movs r5, #9
      0xe7fe,  // 0x104: b .
  });
  f.bus.code(0x200, {
      0xf3ef, 0x8405,  // 0x200: mrs r4, ipsr
      0x4676,          // 0x204: mov r6, lr
      0x2055,          // 0x206: movs r0, #0x55
      0x4770,          // 0x208: bx lr
  });
  for (unsigned i = 0; i < 4; ++i) f.r(i) = 0x10 + i;
  f.r(12) = 0x1C;
  f.r(13) = sp;
  f.r(14) = 0x1E1;
  s.n = s.c = true;

  f.cpu.step_one();  // SVC pends SVCall; it is taken before the next instruction
  CHECK(s.exception == 0);
  f.cpu.step_one();
  CHECK(s.exception == isa::kSvCall);
  CHECK(s.mode == isa::Mode::Handler);
  CHECK(s.pc == 0x200);
  CHECK(f.r(14) == 0xFFFFFFF9);  // return to Thread mode, main stack
  const uint32_t frame = (sp - 0x20) & ~7u;
  CHECK(f.r(13) == frame);
  for (unsigned i = 0; i < 4; ++i) CHECK(test::stacked(f, frame, test::Frame(i)) == 0x10 + i);
  CHECK(test::stacked(f, frame, test::kR12) == 0x1C);
  CHECK(test::stacked(f, frame, test::kLr) == 0x1E1);
  CHECK(test::stacked(f, frame, test::kReturnAddress) == 0x102);
  CHECK(test::stacked(f, frame, test::kXpsr) == (0xA0000000 | kThumb | (sp & 4 ? 1u << 9 : 0)));
  CHECK((test::read_word(f, scs::kShcsr) & (1u << 7)));  // SVCALLACT

  steps(f, 3);
  CHECK(f.r(4) == isa::kSvCall);
  CHECK(f.r(6) == 0xFFFFFFF9);
  CHECK_FALSE(s.n);
  f.cpu.step_one();  // bx lr: exception return
  CHECK(s.exception == 0);
  CHECK(s.mode == isa::Mode::Thread);
  CHECK(s.pc == 0x102);
  CHECK(f.r(13) == sp);
  CHECK(f.r(0) == 0x10);
  CHECK(f.r(14) == 0x1E1);
  CHECK((s.n && s.c && !s.z));
  CHECK((test::read_word(f, scs::kShcsr) & (1u << 7)) == 0);
  f.cpu.step_one();
  CHECK(f.r(5) == 9);
}

TEST_CASE("An exception taken from a PSP thread stacks on PSP, runs on MSP, returns to PSP", "[isa][exception]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  test::install_handler(f, isa::kSvCall, 0x200);
  f.bus.code(CpuFixture::kCode, {
      0xf380, 0x8809,  // 0x100: msr psp, r0
      0xf381, 0x8814,  // 0x104: msr control, r1
      0xf3bf, 0x8f6f,  // 0x108: isb
      0xdf00,          // 0x10c: svc #0
      0xbf00,          // 0x10e: nop
  });
  f.bus.code(0x200, {
      0xf3ef, 0x8414,  // 0x200: mrs r4, control
      0xf387, 0x8814,  // 0x204: msr control, r7   (SPSEL cannot change in Handler mode)
      0x466e,          // 0x208: mov r6, sp
      0x4770,          // 0x20a: bx lr
  });
  f.r(0) = 0x6000;
  f.r(1) = 2;
  f.r(7) = 2;
  steps(f, 3);
  CHECK(f.r(13) == 0x6000);
  steps(f, 2);
  CHECK(s.exception == isa::kSvCall);
  CHECK(f.r(14) == 0xFFFFFFFD);  // return to Thread mode, process stack
  CHECK(s.psp() == 0x6000 - 0x20);
  CHECK(test::stacked(f, 0x6000 - 0x20, test::kReturnAddress) == 0x10e);
  CHECK(test::stacked(f, 0x6000 - 0x20, test::kR0) == 0x6000);
  CHECK(f.r(13) == CpuFixture::kStackTop);  // Handler mode always uses MSP
  steps(f, 3);
  CHECK(f.r(4) == 0);  // SPSEL is cleared on entry
  CHECK(f.r(6) == CpuFixture::kStackTop);
  f.cpu.step_one();
  CHECK(s.exception == 0);
  CHECK(s.pc == 0x10e);
  CHECK(s.control == 2);
  CHECK(f.r(13) == 0x6000);
  CHECK(s.msp() == CpuFixture::kStackTop);
}

TEST_CASE("A bad EXC_RETURN is an INVPC UsageFault", "[isa][exception]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  test::install_handler(f, isa::kSvCall, 0x200);
  test::install_handler(f, isa::kUsageFault, 0x300);
  test::write_word(f, scs::kShcsr, scs::kUsgFaultEna);
  test::write_word(f, scs::kShpr2, 0x80000000);  // SVCall below UsageFault, or the fault escalates
  f.bus.code(CpuFixture::kCode, {0xdf00});  // 0x100: svc #0
  f.bus.code(0x200, {0x4738});             // 0x200: bx r7
  f.r(7) = 0xFFFFFFF1;  // return to Handler mode, but nothing else is active
  steps(f, 3);
  CHECK(s.exception == isa::kUsageFault);
  CHECK(test::read_word(f, scs::kCfsr) == scs::kInvPc);
  CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == 0x200);
}

TEST_CASE("Faults escalate to HardFault when their handler is disabled or too low", "[isa][exception][fault]") {
  SECTION("UsageFault disabled: HFSR.FORCED and the UsageFault status") {
    CpuFixture f;
    test::install_handler(f, isa::kHardFault, 0x300);
    f.bus.code(CpuFixture::kCode, {0xde00});  // 0x100: udf #0
    f.cpu.step_one();
    CHECK(f.cpu.state().exception == isa::kHardFault);
    CHECK(test::read_word(f, scs::kHfsr) == scs::kForced);
    CHECK(test::read_word(f, scs::kCfsr) == scs::kUndefInstr);
    CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == 0x100);
    CHECK(f.r(14) == 0xFFFFFFF9);
  }
  SECTION("UsageFault enabled but not above the current priority") {
    CpuFixture f;
    test::install_handler(f, isa::kPendSv, 0x200);
    test::install_handler(f, isa::kUsageFault, 0x280);
    test::install_handler(f, isa::kHardFault, 0x300);
    test::write_word(f, scs::kShcsr, scs::kUsgFaultEna);
    f.cpu.store(0xE000ED1A, 1, 0x80);  // SHPR1 byte 2: UsageFault priority 0x80
    f.cpu.store(0xE000ED22, 1, 0x40);  // SHPR3 byte 2: PendSV priority 0x40
    f.bus.code(0x200, {0xde00});       // 0x200: udf #0
    test::write_word(f, scs::kIcsr, scs::kPendSvSet);
    f.cpu.step_one();
    CHECK(f.cpu.state().exception == isa::kPendSv);
    f.cpu.step_one();
    CHECK(f.cpu.state().exception == isa::kHardFault);
    CHECK(test::read_word(f, scs::kHfsr) == scs::kForced);
    CHECK(f.r(14) == 0xFFFFFFF1);  // from Handler mode
  }
  SECTION("SVC while PRIMASK is set") {
    CpuFixture f;
    test::install_handler(f, isa::kSvCall, 0x200);
    test::install_handler(f, isa::kHardFault, 0x300);
    f.bus.code(CpuFixture::kCode, {
        0xb672,  // 0x100: cpsid i
        0xdf00,  // 0x102: svc #0
    });
    steps(f, 3);
    CHECK(f.cpu.state().exception == isa::kHardFault);
    CHECK(test::read_word(f, scs::kHfsr) == scs::kForced);
    CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == 0x104);
  }
}

TEST_CASE("A fault in the HardFault handler locks the core up", "[isa][exception][fault]") {
  CpuFixture f;
  test::install_handler(f, isa::kHardFault, 0x300);
  f.bus.code(CpuFixture::kCode, {0xde01});  // 0x100: udf #1
  f.bus.code(0x300, {0xde00});             // 0x300: udf #0
  f.cpu.step_one();
  CHECK(f.cpu.state().exception == isa::kHardFault);
  CHECK_FALSE(f.cpu.lockup());
  CHECK(f.cpu.run(1000) == isa::StopReason::Lockup);
  REQUIRE(f.cpu.lockup());
  CHECK(f.cpu.lockup()->pc == 0x300);
  CHECK(f.cpu.lockup()->cause == isa::FaultKind::UndefInstr);
}

TEST_CASE("NVIC: an external IRQ waits for its enable; a held level re-pends", "[isa][exception][nvic]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  test::install_handler(f, isa::kFirstIrq + 3, 0x200);
  f.bus.code(CpuFixture::kCode, {0xe7fe});  // 0x100: b .
  f.bus.code(0x200, {
      0x3401,  // 0x200: adds r4, #1
      0x4770,  // 0x202: bx lr
  });
  f.cpu.scs().set_irq_level(3, true);
  CHECK(test::read_word(f, scs::kIspr) == 1u << 3);
  f.cpu.step_one();
  CHECK(s.exception == 0);
  test::write_word(f, scs::kIser, 1u << 3);
  CHECK(test::read_word(f, scs::kIser) == 1u << 3);
  f.cpu.step_one();
  CHECK(s.exception == isa::kFirstIrq + 3);
  CHECK(s.pc == 0x200);
  CHECK(test::read_word(f, scs::kIspr) == 0);
  CHECK(test::read_word(f, scs::kIabr) == 1u << 3);
  CHECK((test::read_word(f, scs::kIcsr) & 0x1FF) == isa::kFirstIrq + 3);  // VECTACTIVE
  steps(f, 2);  // the line is still high: pending again after the return
  CHECK(s.exception == 0);
  CHECK(test::read_word(f, scs::kIspr) == 1u << 3);
  f.cpu.step_one();
  CHECK(s.exception == isa::kFirstIrq + 3);
  f.cpu.scs().set_irq_level(3, false);
  steps(f, 4);
  CHECK(s.exception == 0);
  CHECK(f.r(4) == 2);
  CHECK(s.pc == 0x100);
  // ICER disables; a pended IRQ then stays pending.
  test::write_word(f, scs::kIcer, 1u << 3);
  f.cpu.scs().pulse_irq(3);
  f.cpu.step_one();
  CHECK(s.exception == 0);
  CHECK(test::read_word(f, scs::kIspr) == 1u << 3);
}

TEST_CASE("NVIC: a higher priority preempts, an equal one waits", "[isa][exception][nvic]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  for (unsigned irq = 0; irq < 3; ++irq) test::install_handler(f, isa::kFirstIrq + irq, 0x200);
  f.bus.code(CpuFixture::kCode, {0xe7fe});  // 0x100: b .
  f.bus.code(0x200, {0x4770});             // 0x200: bx lr
  test::write_word(f, scs::kIser, 0x7);
  test::write_word(f, scs::kIpr, 0x00804080);  // IRQ0 0x80, IRQ1 0x40, IRQ2 0x80
  CHECK(test::read_word(f, scs::kIpr) == 0x00804080);
  f.cpu.scs().pulse_irq(0);
  f.cpu.step_one();
  CHECK(s.exception == isa::kFirstIrq + 0);
  f.cpu.scs().pulse_irq(1);
  f.cpu.step_one();
  CHECK(s.exception == isa::kFirstIrq + 1);
  CHECK(f.r(14) == 0xFFFFFFF1);  // nested: return to Handler mode
  f.cpu.scs().pulse_irq(2);
  f.cpu.step_one();  // IRQ1 returns to IRQ0; IRQ2 has IRQ0's priority: no preemption
  CHECK(s.exception == isa::kFirstIrq + 0);
  f.cpu.step_one();
  CHECK(s.exception == 0);
  CHECK(s.pc == 0x100);
  f.cpu.step_one();
  CHECK(s.exception == isa::kFirstIrq + 2);
}

TEST_CASE("BASEPRI masks exceptions of its priority and lower", "[isa][exception][nvic]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  for (unsigned irq = 0; irq < 2; ++irq) test::install_handler(f, isa::kFirstIrq + irq, 0x200);
  f.bus.code(CpuFixture::kCode, {
      0xf380, 0x8811,  // 0x100: msr basepri, r0
      0xbf00,          // 0x104: nop
      0xf381, 0x8811,  // 0x106: msr basepri, r1
      0xbf00,          // 0x10a: nop
  });
  f.bus.code(0x200, {0x4770});  // 0x200: bx lr
  test::write_word(f, scs::kIser, 0x3);
  test::write_word(f, scs::kIpr, 0x2040);  // IRQ0 0x40, IRQ1 0x20
  f.r(0) = 0x40;
  f.r(1) = 0;
  f.cpu.step_one();
  f.cpu.scs().pulse_irq(0);
  f.cpu.step_one();
  CHECK(s.exception == 0);
  CHECK(s.pc == 0x106);
  f.cpu.scs().pulse_irq(1);
  f.cpu.step_one();
  CHECK(s.exception == isa::kFirstIrq + 1);
  f.cpu.step_one();
  CHECK(s.exception == 0);
  f.cpu.step_one();  // BASEPRI = 0 unmasks IRQ0 before the next instruction
  CHECK(s.pc == 0x10a);
  f.cpu.step_one();
  CHECK(s.exception == isa::kFirstIrq + 0);
  CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == 0x10a);
}

TEST_CASE("SysTick fires every RVR+1 cycles", "[isa][exception][systick]") {
  CpuFixture f;
  auto& s = f.cpu.state();
  test::install_handler(f, isa::kSysTick, 0x2000);
  for (uint32_t a = CpuFixture::kCode; a < 0x1000; a += 2) f.bus.code(a, {0xbf00});  // NOPs: one cycle each
  f.bus.code(0x2000, {0x4770});  // bx lr
  test::write_word(f, scs::kSysTickRvr, 99);
  test::write_word(f, scs::kSysTickCvr, 0);
  test::write_word(f, scs::kSysTickCsr, 0x7);  // ENABLE, TICKINT, CLKSOURCE
  // Enabled with the counter at 0: RVR is loaded on the next cycle, then the
  // count 99..0 pends SysTick on cycle 100, and every 100 cycles after that
  // (the handler's entry, BX and return take far fewer).
  std::vector<uint64_t> entries;
  for (int i = 0; i < 400 && entries.size() < 3; ++i) {
    const bool was_in_handler = s.exception == isa::kSysTick;
    const uint64_t before = f.cpu.cycles();
    f.cpu.step_one();
    if (!was_in_handler && s.exception == isa::kSysTick) entries.push_back(before);
  }
  CHECK(entries == std::vector<uint64_t>{100, 200, 300});
  for (int i = 0; i < 2; ++i) {  // a debugger's reads leave COUNTFLAG alone
    uint32_t csr = 0;
    REQUIRE(f.cpu.debug_read(scs::kSysTickCsr, &csr, 4));
    CHECK((csr & (1u << 16)));
  }
  CHECK((test::read_word(f, scs::kSysTickCsr) & (1u << 16)));  // COUNTFLAG, cleared by the read
  CHECK((test::read_word(f, scs::kSysTickCsr) & (1u << 16)) == 0);
}

TEST_CASE("ARMv7-M instructions are UNDEFINED on Cortex-M0+: HardFault", "[isa][exception][v6m]") {
  const struct {
    const char* what;
    uint16_t code[2];
  } cases[] = {
      {"UDIV", {0xfbb4, 0xf3f5}},   // udiv r3, r4, r5
      {"MLA", {0xfb01, 0x3002}},    // mla r0, r1, r2, r3
      {"B.W", {0xf000, 0xb87e}},    // b.w .+0x100
      {"CBZ", {0xb110, 0xbf00}},    // cbz r0, .+8
      {"IT", {0xbf08, 0x2001}},     // it eq; moveq r0, #1
      {"CPSID f", {0xb671, 0xbf00}},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CpuFixture f("cortex-m0plus");
    test::install_handler(f, isa::kHardFault, 0x300);
    f.bus.code(CpuFixture::kCode, {c.code[0], c.code[1]});
    f.cpu.step_one();
    CHECK(f.cpu.state().exception == isa::kHardFault);
    CHECK(test::stacked(f, f.r(13), test::kReturnAddress) == CpuFixture::kCode);
  }
  // The ARMv6-M subset runs there: MULS, BL, MRS, MSR PRIMASK, SVC.
  CpuFixture f("cortex-m0plus");
  test::install_handler(f, isa::kSvCall, 0x200);
  f.bus.code(CpuFixture::kCode, {
      0x4348,          // 0x100: muls r0, r1, r0
      0xf000, 0xf800,  // 0x102: bl 0x106
      0xf38a, 0x8810,  // 0x106: msr primask, r10
      0xf3ef, 0x8b10,  // 0x10a: mrs r11, primask
      0xdf00,          // 0x10e: svc #0 (with PRIMASK set: escalates)
  });
  f.r(0) = 6;
  f.r(1) = 7;
  f.r(10) = 1;
  test::install_handler(f, isa::kHardFault, 0x300);
  steps(f, 4);
  CHECK(f.r(0) == 42);
  CHECK(f.r(14) == 0x107);
  CHECK(f.r(11) == 1);
  steps(f, 2);
  CHECK(f.cpu.state().exception == isa::kHardFault);
}

TEST_CASE("Exception entry and return set the event register: WFE after an interrupt does not sleep",
          "[isa][exception][hint]") {
  // ExceptionTaken() and ExceptionReturn() both call SetEventRegister(), so
  // an interrupt that lands just before WFE cannot be missed.
  CpuFixture f;
  test::install_handler(f, isa::kFirstIrq, 0x200);
  f.bus.code(CpuFixture::kCode, {
      0xbf00,  // 0x100: nop
      0xbf20,  // 0x102: wfe
      0x2001,  // 0x104: movs r0, #1
      0xe7fe,  // 0x106: b .
  });
  f.bus.code(0x200, {0x4770});  // 0x200: bx lr
  test::write_word(f, scs::kIser, 1);
  f.cpu.step_one();
  f.cpu.scs().pulse_irq(0);
  f.cpu.step_one();
  CHECK(f.cpu.state().exception == isa::kFirstIrq);
  f.cpu.step_one();
  CHECK(f.cpu.state().pc == 0x102);
  CHECK(f.cpu.run(f.cpu.cycles() + 5) == isa::StopReason::CycleLimit);
  CHECK(f.r(0) == 1);
  CHECK_FALSE(f.cpu.state().event_register);
}
