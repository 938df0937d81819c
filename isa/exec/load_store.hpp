// Load/store semantics (ARMv7-M ARM A7.7): single, dual, multiple and
// exclusive transfers, and the memory hints.
//
// Operands as the decode functions normalise them: Rt in rd (Rt2 in ra),
// base in rn; the offset is imm when use_imm, else Rm LSL shift_n; add/index/
// wback are the manual's U/P/W. Rn == PC is the literal form: the base is
// Align(PC, 4). Multiple transfers take the register list in imm, with add
// selecting increment-after (IA) or decrement-before (DB).
#pragma once
#include "isa/decoded.hpp"

namespace isa::exec {

// Single loads and stores (also LDRT/STRT..., which behave as the normal
// forms: edgesim has no MPU, so unprivileged accesses are not checked).
void ldr(Cpu&, const Decoded&);  // Rt == PC: LoadWritePC
// Byte and halfword loads to PC are PLD/PLI/hints [PC, #-imm]: no effect.
void ldrb(Cpu&, const Decoded&);
void ldrh(Cpu&, const Decoded&);
void ldrsb(Cpu&, const Decoded&);
void ldrsh(Cpu&, const Decoded&);
void str(Cpu&, const Decoded&);
void strb(Cpu&, const Decoded&);
void strh(Cpu&, const Decoded&);

void ldrd(Cpu&, const Decoded&);  // Rt, Rt2 (ra); word-aligned
void strd(Cpu&, const Decoded&);

void ldm(Cpu&, const Decoded&);  // also POP
void stm(Cpu&, const Decoded&);  // also PUSH

// Exclusives (A3.4): the address is Rn + imm; STREX* writes its status
// (0 stored, 1 not) to ra.
void ldrex(Cpu&, const Decoded&);
void ldrexb(Cpu&, const Decoded&);
void ldrexh(Cpu&, const Decoded&);
void strex(Cpu&, const Decoded&);
void strexb(Cpu&, const Decoded&);
void strexh(Cpu&, const Decoded&);
void clrex(Cpu&, const Decoded&);

void memory_hint(Cpu&, const Decoded&);  // PLD, PLI and unallocated hints: no effect

}  // namespace isa::exec
