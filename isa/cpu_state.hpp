// Architectural state of an ARMv7-M / ARMv6-M core (ARMv7-M ARM B1.4).
#pragma once
#include <array>
#include <cstdint>

namespace isa {

enum class Mode : uint8_t { Thread, Handler };

// Exception numbers (B1.5.2).
enum Exception : uint16_t {
  kReset = 1,
  kNmi = 2,
  kHardFault = 3,
  kMemManage = 4,
  kBusFault = 5,
  kUsageFault = 6,
  kSvCall = 11,
  kDebugMonitor = 12,
  kPendSv = 14,
  kSysTick = 15,
  kFirstIrq = 16,
};

struct CpuState {
  // r[13] is the active stack pointer; the banked other one lives in
  // sp_main/sp_process. While an instruction executes, r[15] holds its
  // address + 4 (the value a Thumb instruction reads as PC).
  std::array<uint32_t, 16> r{};
  uint32_t pc = 0;  // address of the instruction being executed / next to execute

  // APSR
  bool n = false, z = false, c = false, v = false, q = false;
  uint8_t ge = 0;
  // EPSR
  uint8_t itstate = 0;
  bool thumb = true;
  // IPSR
  uint16_t exception = 0;

  uint32_t sp_main = 0, sp_process = 0;  // the inactive bank (see r[13])
  bool primask = false, faultmask = false;
  uint8_t basepri = 0;
  uint8_t control = 0;  // bit0 nPRIV, bit1 SPSEL, bit2 FPCA
  Mode mode = Mode::Thread;

  bool exclusive_open = false;  // local exclusive monitor (A3.4)
  uint32_t exclusive_addr = 0;
  bool event_register = false;  // WFE/SEV

  // Floating-point extension (A2.5): S0-S31, which double-precision
  // instructions view as D0-D15 (D[n] = S[2n+1]:S[2n]), and FPSCR.
  std::array<uint32_t, 32> sreg{};
  uint32_t fpscr = 0;
  uint64_t dreg(unsigned n) const { return (uint64_t{sreg[2 * n + 1]} << 32) | sreg[2 * n]; }
  void set_dreg(unsigned n, uint64_t v) {
    sreg[2 * n] = static_cast<uint32_t>(v);
    sreg[2 * n + 1] = static_cast<uint32_t>(v >> 32);
  }

  bool in_it_block() const { return (itstate & 0x0F) != 0; }
  bool last_in_it_block() const { return (itstate & 0x0F) == 0x08; }
  uint8_t it_condition() const { return itstate >> 4; }
  void advance_it() {  // ITAdvance() (A7.3.2)
    if ((itstate & 0x07) == 0)
      itstate = 0;
    else
      itstate = static_cast<uint8_t>((itstate & 0xE0) | ((itstate << 1) & 0x1F));
  }

  bool using_psp() const { return mode == Mode::Thread && (control & 2); }
  bool privileged() const { return mode == Mode::Handler || !(control & 1); }

  uint32_t apsr() const {
    return (n ? 1u << 31 : 0) | (z ? 1u << 30 : 0) | (c ? 1u << 29 : 0) | (v ? 1u << 28 : 0) | (q ? 1u << 27 : 0) |
           (uint32_t{ge} << 16);
  }
  void set_apsr_nzcvq(uint32_t v_) {
    n = v_ >> 31 & 1;
    z = v_ >> 30 & 1;
    c = v_ >> 29 & 1;
    v = v_ >> 28 & 1;
    q = v_ >> 27 & 1;
  }
  uint32_t epsr() const {
    return (thumb ? 1u << 24 : 0) | ((itstate & 3u) << 25) | ((uint32_t{itstate} >> 2) << 10);
  }
  uint32_t xpsr() const { return apsr() | epsr() | exception; }
  void set_xpsr(uint32_t x) {
    set_apsr_nzcvq(x);
    ge = (x >> 16) & 0xF;
    thumb = (x >> 24) & 1;
    itstate = static_cast<uint8_t>(((x >> 25) & 3) | (((x >> 10) & 0x3F) << 2));
    exception = x & 0x1FF;
  }

  uint32_t msp() const { return using_psp() ? sp_main : r[13]; }
  uint32_t psp() const { return using_psp() ? r[13] : sp_process; }
  void set_msp(uint32_t v_) { (using_psp() ? sp_main : r[13]) = v_ & ~3u; }
  void set_psp(uint32_t v_) { (using_psp() ? r[13] : sp_process) = v_ & ~3u; }
  // Changes mode and/or CONTROL.SPSEL, swapping the banked stack pointers
  // when the active one changes.
  void switch_stack(Mode new_mode, bool spsel) {
    const bool was_psp = using_psp();
    const bool now_psp = new_mode == Mode::Thread && spsel;
    if (was_psp != now_psp) {
      if (now_psp) {
        sp_main = r[13];
        r[13] = sp_process;
      } else {
        sp_process = r[13];
        r[13] = sp_main;
      }
    }
    mode = new_mode;
    control = static_cast<uint8_t>((control & ~2u) | (spsel ? 2u : 0u));
  }
};

}  // namespace isa
