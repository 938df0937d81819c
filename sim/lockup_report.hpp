// Explains a lockup the way a debugger's fault analysis would: when the
// core locked up in the HardFault a fault escalated to (often one with no
// handler: vector bit 0 clear), the fault that started it is named, with
// its instruction address (isa::Lockup::origin).
#pragma once
#include <string>

#include "isa/cpu.hpp"

namespace sim {

// The fault's name, with its data address where the fault has one.
std::string fault_text(isa::FaultKind kind, uint32_t address);

// "lockup at PC 0x... after <fault> (address 0x...)[, escalated to ...]".
// Precondition: cpu.lockup() is set.
std::string describe_lockup(isa::Cpu& cpu);

}  // namespace sim
