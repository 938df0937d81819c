// Multiply and divide semantics (A7.7.74-A7.7.76, A7.7.127, A7.7.138,
// A7.7.145, A7.7.150, A7.7.184-A7.7.186, A7.7.195).
#pragma once
#include "isa/decoded.hpp"

namespace isa::exec {

void mul(Cpu&, const Decoded&);  // Rd = Rn * Rm; MULS sets N and Z
void mla(Cpu&, const Decoded&);  // Rd = Ra + Rn * Rm
void mls(Cpu&, const Decoded&);  // Rd = Ra - Rn * Rm
// Long forms: rd = RdLo, ra = RdHi.
void smull(Cpu&, const Decoded&);
void umull(Cpu&, const Decoded&);
void smlal(Cpu&, const Decoded&);
void umlal(Cpu&, const Decoded&);
// Divide by zero gives 0, or a UsageFault DIVBYZERO when CCR.DIV_0_TRP is set.
void sdiv(Cpu&, const Decoded&);
void udiv(Cpu&, const Decoded&);

}  // namespace isa::exec
