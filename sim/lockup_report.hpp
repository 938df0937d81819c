// Explains a lockup the way a debugger's fault analysis would, from
// architectural state only: when the core locked up because the HardFault
// it escalated to has no handler (vector with bit 0 clear), the fault that
// started it all is the interesting one: its instruction's address is in
// the stacked exception frame, its cause in CFSR, its address in BFAR.
#pragma once
#include <string>

#include "isa/cpu.hpp"

namespace sim {

// "lockup at PC 0x... after <fault> (address 0x...)[, escalated to ...]".
// Precondition: cpu.lockup() is set.
std::string describe_lockup(isa::Cpu& cpu);

}  // namespace sim
