// Data-processing semantics: logical and arithmetic operations, shifts,
// moves, bitfields, saturation, extension, byte reversal.
#pragma once
#include "isa/decoded.hpp"

namespace isa::exec {

// Rd = Rn op operand2; flags per Decoded::setflags.
void and_(Cpu&, const Decoded&);
void bic(Cpu&, const Decoded&);
void orr(Cpu&, const Decoded&);
void orn(Cpu&, const Decoded&);
void eor(Cpu&, const Decoded&);
void mov(Cpu&, const Decoded&);  // also LSL/LSR/ASR/ROR/RRX by immediate, MOVW
void mvn(Cpu&, const Decoded&);
void tst(Cpu&, const Decoded&);
void teq(Cpu&, const Decoded&);
void add(Cpu&, const Decoded&);  // also ADDW and the SP forms
void adc(Cpu&, const Decoded&);
void sub(Cpu&, const Decoded&);
void sbc(Cpu&, const Decoded&);
void rsb(Cpu&, const Decoded&);
void cmp(Cpu&, const Decoded&);
void cmn(Cpu&, const Decoded&);
void adr(Cpu&, const Decoded&);        // Rd = Align(PC,4) +/- imm
void shift_reg(Cpu&, const Decoded&);  // Rd = Rn shifted by Rm<7:0>
void movt(Cpu&, const Decoded&);

void sbfx(Cpu&, const Decoded&);  // imm = lsb, ra = width-1
void ubfx(Cpu&, const Decoded&);
void bfi(Cpu&, const Decoded&);   // imm = lsb, ra = msb
void bfc(Cpu&, const Decoded&);
void ssat(Cpu&, const Decoded&);  // imm = saturate bits, shift on Rn
void usat(Cpu&, const Decoded&);

void sxtb(Cpu&, const Decoded&);  // rotation in shift_n
void sxth(Cpu&, const Decoded&);
void uxtb(Cpu&, const Decoded&);
void uxth(Cpu&, const Decoded&);
void rev(Cpu&, const Decoded&);
void rev16(Cpu&, const Decoded&);
void revsh(Cpu&, const Decoded&);
void rbit(Cpu&, const Decoded&);
void clz(Cpu&, const Decoded&);

}  // namespace isa::exec
