// ARMv7E-M DSP extension semantics (ARMv7-M ARM A7.7): parallel lane
// arithmetic with the GE flags, saturating arithmetic with the sticky Q flag,
// the DSP multiplies, extends, packing and SEL.
//
// Operand fields beyond rd/rn/rm/ra, as the encodings normalise them:
//   shift_n  rotation of Rm (extends, X of the dual multiplies: 0 or 16) or
//            which halfword of Rm a halfword multiply uses (0 bottom, 16 top)
//   imm      which halfword of Rn (SMLA<x><y>, SMUL<x><y>, SMLAL<x><y>),
//            the rounding constant of SMMUL{R}/SMMLA{R}/SMMLS{R} (0 or
//            0x80000000), or the saturation width of SSAT16/USAT16
//   rd, ra   RdLo, RdHi of the long multiplies (as in multiply_divide.hpp)
#pragma once
#include "isa/decoded.hpp"

namespace isa::exec {

// The prefixes of the parallel add/subtract instructions (A4.4.3): signed or
// unsigned lanes, modulo (S/U: set APSR.GE), saturating (Q/UQ) or halving
// (SH/UH); neither of the last two touches GE or Q.
enum class Prefix : uint8_t { S, Q, SH, U, UQ, UH };

// One handler per lane operation, parameterised by the prefix.
template <Prefix p>
struct Parallel {
  static void add8(Cpu&, const Decoded&);   // four byte lanes: Rn[i] + Rm[i]
  static void sub8(Cpu&, const Decoded&);   // Rn[i] - Rm[i]
  static void add16(Cpu&, const Decoded&);  // two halfword lanes
  static void sub16(Cpu&, const Decoded&);
  static void asx(Cpu&, const Decoded&);    // lo = Rn.lo - Rm.hi, hi = Rn.hi + Rm.lo
  static void sax(Cpu&, const Decoded&);    // lo = Rn.lo + Rm.hi, hi = Rn.hi - Rm.lo
};
extern template struct Parallel<Prefix::S>;
extern template struct Parallel<Prefix::Q>;
extern template struct Parallel<Prefix::SH>;
extern template struct Parallel<Prefix::U>;
extern template struct Parallel<Prefix::UQ>;
extern template struct Parallel<Prefix::UH>;

void sel(Cpu&, const Decoded&);  // Rd.byte[i] = GE[i] ? Rn.byte[i] : Rm.byte[i]
void usad8(Cpu&, const Decoded&);   // Rd = sum of |Rn.byte[i] - Rm.byte[i]|
void usada8(Cpu&, const Decoded&);  // ... + Ra

// Saturating arithmetic; Q is set when any saturation happens.
void qadd(Cpu&, const Decoded&);   // Rd = sat(Rm + Rn)
void qsub(Cpu&, const Decoded&);   // Rd = sat(Rm - Rn)
void qdadd(Cpu&, const Decoded&);  // Rd = sat(Rm + sat(2 * Rn))
void qdsub(Cpu&, const Decoded&);  // Rd = sat(Rm - sat(2 * Rn))
void ssat16(Cpu&, const Decoded&);  // each signed halfword to imm bits, signed
void usat16(Cpu&, const Decoded&);  // each signed halfword to imm bits, unsigned

// Extends (rotation in shift_n) and packing.
void sxtab(Cpu&, const Decoded&);    // Rd = Rn + SignExtend(rot<7:0>)
void sxtah(Cpu&, const Decoded&);    // Rd = Rn + SignExtend(rot<15:0>)
void uxtab(Cpu&, const Decoded&);    // Rd = Rn + ZeroExtend(rot<7:0>)
void uxtah(Cpu&, const Decoded&);    // Rd = Rn + ZeroExtend(rot<15:0>)
void sxtb16(Cpu&, const Decoded&);   // halfwords = SignExtend(rot bytes 0 and 2)
void uxtb16(Cpu&, const Decoded&);
void sxtab16(Cpu&, const Decoded&);  // halfwords = Rn halfwords + SignExtend(rot bytes 0 and 2)
void uxtab16(Cpu&, const Decoded&);
void pkh(Cpu&, const Decoded&);      // PKHBT (shift LSL) and PKHTB (shift ASR) by the shift type

// Halfword multiplies. Q is set where the manual says: SMLA<x><y>,
// SMLAW<y>, SMLAD{X}, SMLSD{X} and SMUAD{X} on signed 32-bit overflow.
void smul_xy(Cpu&, const Decoded&);   // Rd = Rn.x * Rm.y
void smla_xy(Cpu&, const Decoded&);   // Rd = Rn.x * Rm.y + Ra
void smulw_y(Cpu&, const Decoded&);   // Rd = (Rn * Rm.y)<47:16>
void smlaw_y(Cpu&, const Decoded&);   // Rd = (Rn * Rm.y + (Ra << 16))<47:16>
void smuad(Cpu&, const Decoded&);     // Rd = lo*lo + hi*hi (Rm rotated by 16 for X)
void smlad(Cpu&, const Decoded&);     // ... + Ra
void smusd(Cpu&, const Decoded&);     // Rd = lo*lo - hi*hi
void smlsd(Cpu&, const Decoded&);     // ... + Ra
void smlal_xy(Cpu&, const Decoded&);  // RdHi:RdLo += Rn.x * Rm.y
void smlald(Cpu&, const Decoded&);    // RdHi:RdLo += lo*lo + hi*hi
void smlsld(Cpu&, const Decoded&);    // RdHi:RdLo += lo*lo - hi*hi
// Most significant word multiplies: (product + imm)<63:32>.
void smmul(Cpu&, const Decoded&);  // Rn * Rm
void smmla(Cpu&, const Decoded&);  // (Ra << 32) + Rn * Rm
void smmls(Cpu&, const Decoded&);  // (Ra << 32) - Rn * Rm
void umaal(Cpu&, const Decoded&);  // RdHi:RdLo = Rn * Rm + RdHi + RdLo

}  // namespace isa::exec
