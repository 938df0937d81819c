// Synchronous faults raised while executing an instruction. They unwind to
// the CPU loop (rare, so a C++ exception costs nothing on the fast path),
// which turns them into the architectural exception (B1.5).
#pragma once
#include <cstdint>

namespace isa {

enum class FaultKind : uint8_t {
  UndefInstr,     // UFSR.UNDEFINSTR
  InvState,       // UFSR.INVSTATE: EPSR.T == 0
  InvPc,          // UFSR.INVPC: bad EXC_RETURN
  NoCoprocessor,  // UFSR.NOCP
  Unaligned,      // UFSR.UNALIGNED
  DivideByZero,   // UFSR.DIVBYZERO
  InstructionBus, // BFSR.IBUSERR
  PreciseDataBus, // BFSR.PRECISERR, BFAR valid
  StackingBus,    // BFSR.STKERR
  UnstackingBus,  // BFSR.UNSTKERR
  Breakpoint,     // BKPT with no debugger: HFSR.DEBUGEVT
};

struct Fault {
  FaultKind kind;
  uint32_t address = 0;  // data address for bus faults
};

const char* fault_name(FaultKind kind);

}  // namespace isa
