// Miscellaneous and system semantics: IT, hints, CPS, MRS/MSR, barriers,
// SVC and BKPT (UDF uses isa::undefined_instruction).
#pragma once
#include "isa/decoded.hpp"

namespace isa::exec {

void it(Cpu&, const Decoded&);  // imm = firstcond:mask
void nop(Cpu&, const Decoded&);  // also YIELD, DBG and the unallocated hints
void wfe(Cpu&, const Decoded&);
void wfi(Cpu&, const Decoded&);
void sev(Cpu&, const Decoded&);
void barrier(Cpu&, const Decoded&);  // DMB, DSB, ISB
void cpsie(Cpu&, const Decoded&);  // imm = I:F, the masks affected
void cpsid(Cpu&, const Decoded&);
void mrs(Cpu&, const Decoded&);  // imm = SYSm
void msr(Cpu&, const Decoded&);  // imm = mask:SYSm (mask in bits 9:8)
void svc(Cpu&, const Decoded&);
void no_coprocessor(Cpu&, const Decoded&);  // UsageFault NOCP
void bkpt(Cpu&, const Decoded&);  // imm = imm8

}  // namespace isa::exec
