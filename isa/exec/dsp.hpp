// ARMv7E-M DSP extension semantics (SIMD lanes, GE flags). The rest of the
// extension arrives with the DSP issue; newlib's ARMv7E-M string routines
// already need these.
#pragma once
#include "isa/decoded.hpp"

namespace isa::exec {

void uadd8(Cpu&, const Decoded&);  // four byte adds, GE[i] = carry out of lane i
void sel(Cpu&, const Decoded&);    // Rd.byte[i] = GE[i] ? Rn.byte[i] : Rm.byte[i]
void uxtah(Cpu&, const Decoded&);  // Rd = Rn + ZeroExtend(ROR(Rm, rotation)<15:0>)

}  // namespace isa::exec
