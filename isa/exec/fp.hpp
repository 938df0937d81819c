// Floating-point extension semantics (ARMv7-M ARM A7.7 V* pages; FPv5
// additions from the ARMv8-M ARM). Handlers are templates over the format:
// F = uint32_t works on S registers, F = uint64_t on D registers. Every
// handler starts with ExecuteFPCheck() (Cpu::fp_check) and leaves the
// arithmetic to isa/fp, which applies FPSCR's controls and flags.
//
// Operand fields, as the encodings normalise them:
//   rd, rn, rm  S or D register numbers (Vd, Vn, Vm with their D/N/M bits)
//   ra          the core register Rt of transfers; shift_n is Rt2
//   imm         VMOV immediate (the S value, or a D value's top word),
//               VLDR/VSTR offset, VLDM/VSTM register count, the scalar
//               index of VMOV scalar, the bit position (0 or 16) of the
//               half of VCVTB/VCVTT, or for compares, conversions and
//               VRINT a variant word: RoundBy in bits 7..0, the fraction
//               bits of a fixed-point VCVT in bits 7..0, and the kVariant
//               flags below
//   shift_n     width (16 or 32) of a fixed-point VCVT
//   cond        VSEL's condition
//   rn, add, wback, index: base register and addressing of loads/stores
#pragma once
#include "isa/decoded.hpp"

namespace isa::exec {

// How a conversion or VRINT rounds: per FPSCR.RMode, or a fixed mode.
enum class RoundBy : uint8_t { Fpscr, TiesEven, PlusInf, MinusInf, Zero, TiesAway };

// Variant flags in imm (see above).
constexpr uint32_t kUnsigned = 1u << 8;         // integer/fixed side is unsigned
constexpr uint32_t kExact = 1u << 9;            // VRINTX: Inexact when the value changes
constexpr uint32_t kSignalQuietNan = 1u << 10;  // VCMPE
constexpr uint32_t kWithZero = 1u << 11;        // VCMP{E} Vd, #0.0

// Data processing (fp_arith.cpp).
template <class F> struct FpArith {
  // Arithmetic (A7.7.2xx VADD, VSUB, VMUL, VNMUL, VDIV, VSQRT).
  static void add(Cpu&, const Decoded&);
  static void sub(Cpu&, const Decoded&);
  static void mul(Cpu&, const Decoded&);
  static void nmul(Cpu&, const Decoded&);
  static void div(Cpu&, const Decoded&);
  static void sqrt(Cpu&, const Decoded&);
  // Chained multiply-accumulate, two roundings (VMLA, VMLS, VNMLA, VNMLS).
  static void mla(Cpu&, const Decoded&);
  static void mls(Cpu&, const Decoded&);
  static void nmla(Cpu&, const Decoded&);
  static void nmls(Cpu&, const Decoded&);
  // Fused multiply-accumulate, one rounding (VFMA, VFMS, VFNMA, VFNMS).
  static void fma(Cpu&, const Decoded&);
  static void fms(Cpu&, const Decoded&);
  static void fnma(Cpu&, const Decoded&);
  static void fnms(Cpu&, const Decoded&);
  // Bit operations: no exceptions, no flushing (VABS, VNEG, VMOV).
  static void abs(Cpu&, const Decoded&);
  static void neg(Cpu&, const Decoded&);
  static void mov(Cpu&, const Decoded&);
  static void mov_imm(Cpu&, const Decoded&);
  // VCMP{E} against Vm or +0.0: FPSCR.NZCV.
  static void cmp(Cpu&, const Decoded&);
  // FPv5: VSEL, VMAXNM, VMINNM, VRINT{A,N,P,M,R,Z,X}.
  static void sel(Cpu&, const Decoded&);
  static void maxnm(Cpu&, const Decoded&);
  static void minnm(Cpu&, const Decoded&);
  static void rint(Cpu&, const Decoded&);
};

// Conversions (fp_convert.cpp) with integers (VCVT, VCVTR, FPv5
// VCVT{A,N,P,M}), with fixed point (VCVT with #fbits, in place) and with
// half precision; F is the floating-point side.
template <class F> struct FpConvert {
  static void to_int(Cpu&, const Decoded&);
  static void from_int(Cpu&, const Decoded&);
  static void to_fixed(Cpu&, const Decoded&);
  static void from_fixed(Cpu&, const Decoded&);
  // Half precision in the bottom or top half of Sd/Sm (VCVTB/VCVTT).
  static void to_half(Cpu&, const Decoded&);
  static void from_half(Cpu&, const Decoded&);
};

// Loads and stores (fp_transfer.cpp: VLDR, VSTR, VLDM, VSTM, VPUSH, VPOP).
template <class F> struct FpMemory {
  static void ldr(Cpu&, const Decoded&);
  static void str(Cpu&, const Decoded&);
  static void ldm(Cpu&, const Decoded&);
  static void stm(Cpu&, const Decoded&);
};
extern template struct FpArith<uint32_t>;
extern template struct FpArith<uint64_t>;
extern template struct FpConvert<uint32_t>;
extern template struct FpConvert<uint64_t>;
extern template struct FpMemory<uint32_t>;
extern template struct FpMemory<uint64_t>;

// VCVT between single and double precision.
void cvt_f64_f32(Cpu&, const Decoded&);  // Dd = Sm
void cvt_f32_f64(Cpu&, const Decoded&);  // Sd = Dm

// Register transfers (VMOV to and from core registers, VMRS, VMSR).
void vmov_to_single(Cpu&, const Decoded&);        // Sn = Rt
void vmov_from_single(Cpu&, const Decoded&);      // Rt = Sn
void vmov_to_two_singles(Cpu&, const Decoded&);   // Sm, Sm+1 = Rt, Rt2
void vmov_from_two_singles(Cpu&, const Decoded&); // Rt, Rt2 = Sm, Sm+1
void vmov_to_double(Cpu&, const Decoded&);        // Dm = Rt2:Rt
void vmov_from_double(Cpu&, const Decoded&);      // Rt, Rt2 = Dm
void vmov_to_scalar(Cpu&, const Decoded&);        // Dd[x] = Rt
void vmov_from_scalar(Cpu&, const Decoded&);      // Rt = Dn[x]
void vmrs(Cpu&, const Decoded&);                  // Rt = FPSCR, or APSR.NZCV = FPSCR.NZCV
void vmsr(Cpu&, const Decoded&);                  // FPSCR = Rt

}  // namespace isa::exec
