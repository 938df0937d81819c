#include "sim/lockup_report.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace sim {

namespace {
// System Control Block fault status registers (ARMv7-M ARM B3.2.2).
constexpr uint32_t kCfsr = 0xE000ED28;
constexpr uint32_t kBfar = 0xE000ED38;
constexpr uint32_t kBfarValid = 1u << 15;

// CFSR bits, in the order a report should name them.
constexpr std::array<std::pair<uint32_t, isa::FaultKind>, 10> kCfsrBits{{
    {1u << 8, isa::FaultKind::InstructionBus},
    {1u << 9, isa::FaultKind::PreciseDataBus},
    {1u << 12, isa::FaultKind::StackingBus},
    {1u << 11, isa::FaultKind::UnstackingBus},
    {1u << 16, isa::FaultKind::UndefInstr},
    {1u << 18, isa::FaultKind::InvPc},
    {1u << 19, isa::FaultKind::NoCoprocessor},
    {1u << 24, isa::FaultKind::Unaligned},
    {1u << 25, isa::FaultKind::DivideByZero},
    {1u << 17, isa::FaultKind::InvState},
}};

bool read_word(isa::Cpu& cpu, uint32_t addr, uint32_t& value) { return cpu.debug_read(addr, &value, 4); }

std::string plain(const isa::Lockup& l) {
  auto text = fmt::format("lockup at PC {:#010x} after {}", l.pc, isa::fault_name(l.cause));
  if (l.cause == isa::FaultKind::PreciseDataBus || l.cause == isa::FaultKind::InstructionBus ||
      l.cause == isa::FaultKind::StackingBus || l.cause == isa::FaultKind::UnstackingBus ||
      l.cause == isa::FaultKind::Unaligned)
    text += fmt::format(" (address {:#010x})", l.address);
  return text;
}
}  // namespace

std::string describe_lockup(isa::Cpu& cpu) {
  const isa::Lockup l = *cpu.lockup();
  const auto& s = cpu.state();
  uint32_t vector = 0;
  const bool in_unhandled_hardfault = l.cause == isa::FaultKind::InvState && s.exception == isa::kHardFault &&
                                      read_word(cpu, cpu.scs().vtor() + 4 * isa::kHardFault, vector) &&
                                      (vector & 1) == 0 && (vector & ~1u) == l.pc;
  uint32_t stacked_pc = 0;
  if (!in_unhandled_hardfault || !read_word(cpu, s.r[13] + 24, stacked_pc)) return plain(l);

  std::string cause = "a fault (ARMv6-M records no cause)";
  uint32_t cfsr = 0;
  if (cpu.profile().mainline() && read_word(cpu, kCfsr, cfsr)) {
    // INVSTATE is (also) the lockup's own fault: name it only if it is all
    // there is.
    for (const auto& [bit, kind] : kCfsrBits)
      if ((cfsr & bit) && (kind != isa::FaultKind::InvState || (cfsr & ~bit & 0x03FFFFFF) == 0)) {
        cause = isa::fault_name(kind);
        break;
      }
    uint32_t bfar = 0;
    if ((cfsr & kBfarValid) && read_word(cpu, kBfar, bfar)) cause += fmt::format(" (address {:#010x})", bfar);
  }
  return fmt::format("lockup at PC {:#010x} after {}, escalated to HardFault, which has no handler (vector {:#010x})",
                     stacked_pc & ~1u, cause, vector);
}

}  // namespace sim
