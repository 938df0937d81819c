// Branch semantics: B, BL, BX, BLX (register), CBZ/CBNZ, TBB/TBH.
#pragma once
#include "isa/decoded.hpp"

namespace isa::exec {

void b(Cpu&, const Decoded&);    // PC + imm if cond passes (cond AL for the unconditional forms)
void bl(Cpu&, const Decoded&);   // LR = next instruction | 1, PC + imm
void bx(Cpu&, const Decoded&);   // BXWritePC(Rm): interworking and EXC_RETURN
void blx(Cpu&, const Decoded&);  // LR = next | 1, BLXWritePC(Rm)
void cbz(Cpu&, const Decoded&);  // PC + imm if Rn == 0
void cbnz(Cpu&, const Decoded&);
void tbb(Cpu&, const Decoded&);  // PC + 2 * byte[Rn + Rm]
void tbh(Cpu&, const Decoded&);  // PC + 2 * halfword[Rn + 2 * Rm]

// Encodings that the manual makes UNPREDICTABLE by their place in an IT
// block. Where they fall is known only when they execute (the predecode
// cache is per address), so handlers check; edgesim makes them UNDEFINED.
void require_outside_it(const Cpu&);     // CBZ, IT, CPS, conditional B
void require_last_in_it(const Cpu&);     // other branches: last in the block or outside it

}  // namespace isa::exec
