// Helpers for ISA tests that take exceptions: System Control Space register
// addresses (ARMv7-M ARM B3.2, B3.3, B3.4), handlers in the fixture's vector
// table, and the stacked exception frame.
#pragma once
#include <cstdint>

#include "tests/isa/cpu_fixture.hpp"

namespace test {

namespace scs {
constexpr uint32_t kSysTickCsr = 0xE000E010, kSysTickRvr = 0xE000E014, kSysTickCvr = 0xE000E018;
constexpr uint32_t kIser = 0xE000E100, kIcer = 0xE000E180, kIspr = 0xE000E200, kIcpr = 0xE000E280,
                   kIabr = 0xE000E300, kIpr = 0xE000E400;
constexpr uint32_t kIcsr = 0xE000ED04, kCcr = 0xE000ED14, kShpr2 = 0xE000ED1C, kShpr3 = 0xE000ED20,
                   kShcsr = 0xE000ED24, kCfsr = 0xE000ED28, kHfsr = 0xE000ED2C;
// Bits used by the tests.
constexpr uint32_t kPendSvSet = 1u << 28, kPendStSet = 1u << 26;  // ICSR
constexpr uint32_t kDiv0Trp = 1u << 4;                             // CCR
constexpr uint32_t kUsgFaultEna = 1u << 18;                        // SHCSR
constexpr uint32_t kUndefInstr = 1u << 16, kInvState = 1u << 17, kInvPc = 1u << 18,
                   kDivByZero = 1u << 25;   // CFSR (UFSR)
constexpr uint32_t kForced = 1u << 30;      // HFSR
}  // namespace scs

// Vector `exception` points at Thumb code at `addr` (the table is at 0).
inline void install_handler(CpuFixture& f, unsigned exception, uint32_t addr) {
  f.bus.write32(4 * exception, addr | 1);
}
// Data accesses from the core to the SCS, as a program's LDR/STR would make.
inline uint32_t read_word(CpuFixture& f, uint32_t addr) { return f.cpu.load(addr, 4); }
inline void write_word(CpuFixture& f, uint32_t addr, uint32_t v) { f.cpu.store(addr, 4, v); }

// Word i of an exception frame at `sp`: r0-r3, r12, lr, return address, xPSR.
enum Frame : unsigned { kR0, kR1, kR2, kR3, kR12, kLr, kReturnAddress, kXpsr };
inline uint32_t stacked(CpuFixture& f, uint32_t sp, Frame i) { return f.bus.read32(sp + 4 * i); }

}  // namespace test
