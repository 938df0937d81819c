#include "sim/lockup_report.hpp"

#include <fmt/format.h>

namespace sim {

namespace {
bool has_address(isa::FaultKind k) {
  using K = isa::FaultKind;
  return k == K::PreciseDataBus || k == K::InstructionBus || k == K::StackingBus || k == K::UnstackingBus ||
         k == K::Unaligned;
}
}  // namespace

std::string fault_text(isa::FaultKind kind, uint32_t address) {
  std::string text = isa::fault_name(kind);
  if (has_address(kind)) text += fmt::format(" (address {:#010x})", address);
  return text;
}

std::string describe_lockup(isa::Cpu& cpu) {
  const isa::Lockup& l = *cpu.lockup();
  if (!l.origin) return fmt::format("lockup at PC {:#010x} after {}", l.pc, fault_text(l.cause, l.address));

  // The core locked up inside the HardFault its first fault escalated to:
  // that first fault is what the user needs to see.
  const isa::FaultRecord& o = *l.origin;
  auto text = fmt::format("lockup at PC {:#010x} after {}, escalated to HardFault", o.pc, fault_text(o.kind, o.address));
  uint32_t vector = 0;
  if (cpu.debug_read(cpu.scs().vtor() + 4 * isa::kHardFault, &vector, 4) && (vector & 1) == 0)
    return text + fmt::format(", which has no handler (vector {:#010x})", vector);
  return text + fmt::format(", whose handler faulted at PC {:#010x} with {}", l.pc, fault_text(l.cause, l.address));
}

}  // namespace sim
