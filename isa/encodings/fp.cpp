// Floating-point extension encodings (ARMv7-M ARM A6: FP data processing
// A6.4, extension register load/store A6.5, 32-bit transfers A6.6, 64-bit
// transfers A6.7; FPv5 additions from the ARMv8-M ARM). The coprocessor
// space rows (CP10 = 1010 single, CP11 = 1011 double) are more specific
// than misc.cpp's generic coprocessor row. Each operation has an F32 row and
// an F64 row (sz, bit 8): the F64 arithmetic needs double precision (FPv5-DP,
// Cortex-M7); loads, stores and moves of D registers work on every FPU.
#include <array>

#include "isa/encoding.hpp"
#include "isa/encodings/fields.hpp"
#include "isa/encodings/row_work.hpp"
#include "isa/exec/fp.hpp"
#include "isa/features.hpp"

namespace isa {
namespace {
using namespace enc;
namespace x = exec;
using x::RoundBy;
using enum WorkOp;  // the rows' fp32(Add), fp64(Mac)...

// ---- register fields (A6.3): Sx = Vx:X, Dx = X:Vx; D16-D31 do not exist ----

constexpr unsigned kDoubleRegs = 16;
template <bool dbl>
constexpr uint8_t vreg(uint32_t v4, uint32_t x) {
  return static_cast<uint8_t>(dbl ? (x << 4) | v4 : (v4 << 1) | x);
}
template <bool dbl> constexpr uint8_t vd(uint32_t raw) { return vreg<dbl>(bits<15, 12>(raw), bit<22>(raw)); }
template <bool dbl> constexpr uint8_t vn(uint32_t raw) { return vreg<dbl>(bits<19, 16>(raw), bit<7>(raw)); }
template <bool dbl> constexpr uint8_t vm(uint32_t raw) { return vreg<dbl>(bits<3, 0>(raw), bit<5>(raw)); }
template <bool dbl> constexpr bool exists(uint8_t r) { return !dbl || r < kDoubleRegs; }

// ---- data processing ----

template <bool dbl>
bool three_regs(uint32_t raw, Decoded& d) {  // Vd, Vn, Vm
  d.rd = vd<dbl>(raw);
  d.rn = vn<dbl>(raw);
  d.rm = vm<dbl>(raw);
  return exists<dbl>(d.rd) && exists<dbl>(d.rn) && exists<dbl>(d.rm);
}
template <bool dbl_d, bool dbl_m = dbl_d>
bool two_regs(uint32_t raw, Decoded& d) {  // Vd, Vm (of possibly different sizes)
  d.rd = vd<dbl_d>(raw);
  d.rm = vm<dbl_m>(raw);
  return exists<dbl_d>(d.rd) && exists<dbl_m>(d.rm);
}

// VFPExpandImm(): imm8 = a:b:cdefgh is (-1)^a * 2^(±bcd...) * 1.efgh; the
// exponent is NOT(b) then b replicated. For a double, the top word.
template <bool dbl>
bool immediate(uint32_t raw, Decoded& d) {
  const uint32_t imm8 = (bits<19, 16>(raw) << 4) | bits<3, 0>(raw);
  const uint32_t a = imm8 >> 7, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3F;
  const unsigned rep = dbl ? 8 : 5;  // copies of b after NOT(b)
  const unsigned frac_at = dbl ? 16 : 19;
  d.rd = vd<dbl>(raw);
  d.imm = (a << 31) | ((b ^ 1) << 30) | ((b ? (1u << rep) - 1 : 0) << (30 - rep)) | (cdefgh << frac_at);
  return exists<dbl>(d.rd);
}

template <bool dbl, uint32_t variant>
bool compare(uint32_t raw, Decoded& d) {  // VCMP{E} Vd, Vm / #0.0; E is bit 7
  d.imm = variant | (bit<7>(raw) ? x::kSignalQuietNan : 0);
  d.rd = vd<dbl>(raw);
  d.rm = vm<dbl>(raw);
  return exists<dbl>(d.rd) && exists<dbl>(d.rm);
}

// VCVT{R} to integer: Sd from Vm; bit 16 signed, bit 7 round toward zero.
template <bool dbl>
bool to_integer(uint32_t raw, Decoded& d) {
  const RoundBy r = bit<7>(raw) ? RoundBy::Zero : RoundBy::Fpscr;
  d.imm = static_cast<uint32_t>(r) | (bit<16>(raw) ? 0 : x::kUnsigned);
  return two_regs<false, dbl>(raw, d);
}
// VCVT from integer: Vd from Sm; bit 7 signed.
template <bool dbl>
bool from_integer(uint32_t raw, Decoded& d) {
  d.imm = bit<7>(raw) ? 0 : x::kUnsigned;
  return two_regs<dbl, false>(raw, d);
}
// FPv5 VCVT{A,N,P,M}: Sd from Vm; bits 17:16 the rounding, bit 7 signed.
template <bool dbl>
bool to_integer_rounded(uint32_t raw, Decoded& d) {
  constexpr RoundBy kModes[4] = {RoundBy::TiesAway, RoundBy::TiesEven, RoundBy::PlusInf, RoundBy::MinusInf};
  d.imm = static_cast<uint32_t>(kModes[bits<17, 16>(raw)]) | (bit<7>(raw) ? 0 : x::kUnsigned);
  return two_regs<false, dbl>(raw, d);
}
// VCVT between FP and fixed point, in place: bit 16 unsigned, bit 7 (sx)
// 32-bit, imm4:i = size - fraction bits.
template <bool dbl>
bool fixed_point(uint32_t raw, Decoded& d) {
  const unsigned size = bit<7>(raw) ? 32 : 16;
  const unsigned imm5 = (bits<3, 0>(raw) << 1) | bit<5>(raw);
  d.rd = vd<dbl>(raw);
  d.shift_n = static_cast<uint8_t>(size);
  d.imm = (size - imm5) | (bit<16>(raw) ? x::kUnsigned : 0);
  return imm5 <= size && exists<dbl>(d.rd);
}
// FPv5 VRINT{A,N,P,M} (bits 17:16) and VRINT{R,Z,X}.
template <bool dbl>
bool round_directed(uint32_t raw, Decoded& d) {
  constexpr RoundBy kModes[4] = {RoundBy::TiesAway, RoundBy::TiesEven, RoundBy::PlusInf, RoundBy::MinusInf};
  d.imm = static_cast<uint32_t>(kModes[bits<17, 16>(raw)]);
  return two_regs<dbl>(raw, d);
}
template <bool dbl>
bool round_fpscr_or_zero(uint32_t raw, Decoded& d) {  // VRINTR (bit 7 = 0), VRINTZ
  d.imm = static_cast<uint32_t>(bit<7>(raw) ? RoundBy::Zero : RoundBy::Fpscr);
  return two_regs<dbl>(raw, d);
}
template <bool dbl>
bool round_exact(uint32_t raw, Decoded& d) {  // VRINTX
  d.imm = static_cast<uint32_t>(RoundBy::Fpscr) | x::kExact;
  return two_regs<dbl>(raw, d);
}
// VCVTB/VCVTT: T (bit 7) picks the top half of the single register.
template <bool dbl_d, bool dbl_m>
bool half(uint32_t raw, Decoded& d) {
  d.imm = bit<7>(raw) ? 16 : 0;
  return two_regs<dbl_d, dbl_m>(raw, d);
}
// FPv5 VSEL: cc (bits 21:20) is EQ, VS, GE or GT: cond = cc:(cc<1> EOR cc<0>):0.
template <bool dbl>
bool select(uint32_t raw, Decoded& d) {
  const uint32_t cc = bits<21, 20>(raw);
  d.cond = static_cast<uint8_t>((cc << 2) | ((((cc >> 1) ^ cc) & 1) << 1));
  return three_regs<dbl>(raw, d);
}

// ---- transfers ----

bool core_single(uint32_t raw, Decoded& d) {  // VMOV Sn <-> Rt
  d.rd = vn<false>(raw);
  d.ra = rt32(raw);
  return !sp_or_pc(d.ra);
}
template <bool to_core>
bool core_pair(uint32_t raw, Decoded& d, bool dbl) {  // VMOV Sm, Sm1 / Dm <-> Rt, Rt2
  d.rd = dbl ? vm<true>(raw) : vm<false>(raw);
  d.ra = rt32(raw);
  d.shift_n = rn32(raw);
  const bool regs_ok = dbl ? d.rd < kDoubleRegs : d.rd != 31;
  return regs_ok && !sp_or_pc(d.ra) && !sp_or_pc(d.shift_n) && !(to_core && d.ra == d.shift_n);
}
template <bool to_core> bool core_two_singles(uint32_t raw, Decoded& d) { return core_pair<to_core>(raw, d, false); }
template <bool to_core> bool core_double(uint32_t raw, Decoded& d) { return core_pair<to_core>(raw, d, true); }
bool core_scalar(uint32_t raw, Decoded& d) {  // VMOV Dd[x] <-> Rt: D:Vd (or N:Vn), x = bit 21
  d.rd = static_cast<uint8_t>((bit<7>(raw) << 4) | bits<19, 16>(raw));
  d.imm = bit<21>(raw);
  d.ra = rt32(raw);
  return d.rd < kDoubleRegs && !sp_or_pc(d.ra);
}
bool vmrs_fields(uint32_t raw, Decoded& d) {  // Rt == 15: APSR_nzcv
  d.ra = rt32(raw);
  return d.ra != 13;
}
bool vmsr_fields(uint32_t raw, Decoded& d) {
  d.ra = rt32(raw);
  return !sp_or_pc(d.ra);
}

// VLDR/VSTR: [Rn, #+/-imm8*4]; PC-relative only for loads.
template <bool dbl, bool load>
bool single_transfer(uint32_t raw, Decoded& d) {
  d.rd = vd<dbl>(raw);
  d.rn = rn32(raw);
  d.add = bit<23>(raw);
  d.imm = bits<7, 0>(raw) * 4;
  return exists<dbl>(d.rd) && (load || d.rn != 15);
}
// VLDM/VSTM: IA with optional writeback (U = 1) or DB! (U = 0); imm is the
// register count. An odd imm8 with D registers (FLDMX/FSTMX) is not
// supported by ARMv7-M: UNDEFINED here.
template <bool dbl>
bool multiple(uint32_t raw, Decoded& d) {
  const uint32_t imm8 = bits<7, 0>(raw);
  d.rd = vd<dbl>(raw);
  d.rn = rn32(raw);
  d.add = bit<23>(raw);
  d.wback = bit<21>(raw);
  d.imm = dbl ? imm8 / 2 : imm8;
  const unsigned limit = dbl ? kDoubleRegs : 32;
  return d.imm != 0 && d.rd + d.imm <= limit && (!dbl || !(imm8 & 1)) && d.rn != 15 && (!dbl || d.imm <= 16);
}

constexpr uint32_t sp = kV7M | kFpSp, dp = kV7M | kFpSp | kFpDp;
constexpr uint32_t v5 = sp | kFpV5, v5dp = dp | kFpV5;
constexpr auto fadd = OpClass::FloatAdd, fmul = OpClass::FloatMul, fmac = OpClass::FloatMac,
               fdiv = OpClass::FloatDiv, fsqrt = OpClass::FloatSqrt, fcmp = OpClass::FloatCmp,
               fcvt = OpClass::FloatCvt, fmov = OpClass::FloatMove;
constexpr auto load = OpClass::Load, store = OpClass::Store, ldm = OpClass::LoadMultiple,
               stm = OpClass::StoreMultiple;
using A32 = x::FpArith<uint32_t>;
using A64 = x::FpArith<uint64_t>;
using C32 = x::FpConvert<uint32_t>;
using C64 = x::FpConvert<uint64_t>;
using M32 = x::FpMemory<uint32_t>;
using M64 = x::FpMemory<uint64_t>;

constexpr std::array kRows{
    // Three-register data processing (A6.4, opc1 = hw1<7,5,4>, opc3<0> = hw2<6>)
    Encoding{"VMLA.F32", pattern("11101110 0 D 00 nnnn | dddd 101 0 N 0 M 0 mmmm"), three_regs<false>, A32::mla, sp, fmac, fp32(Mac)},
    Encoding{"VMLA.F64", pattern("11101110 0 D 00 nnnn | dddd 101 1 N 0 M 0 mmmm"), three_regs<true>, A64::mla, dp, fmac, fp64(Mac)},
    Encoding{"VMLS.F32", pattern("11101110 0 D 00 nnnn | dddd 101 0 N 1 M 0 mmmm"), three_regs<false>, A32::mls, sp, fmac, fp32(Mac)},
    Encoding{"VMLS.F64", pattern("11101110 0 D 00 nnnn | dddd 101 1 N 1 M 0 mmmm"), three_regs<true>, A64::mls, dp, fmac, fp64(Mac)},
    Encoding{"VNMLS.F32", pattern("11101110 0 D 01 nnnn | dddd 101 0 N 0 M 0 mmmm"), three_regs<false>, A32::nmls, sp, fmac, fp32(Mac)},
    Encoding{"VNMLS.F64", pattern("11101110 0 D 01 nnnn | dddd 101 1 N 0 M 0 mmmm"), three_regs<true>, A64::nmls, dp, fmac, fp64(Mac)},
    Encoding{"VNMLA.F32", pattern("11101110 0 D 01 nnnn | dddd 101 0 N 1 M 0 mmmm"), three_regs<false>, A32::nmla, sp, fmac, fp32(Mac)},
    Encoding{"VNMLA.F64", pattern("11101110 0 D 01 nnnn | dddd 101 1 N 1 M 0 mmmm"), three_regs<true>, A64::nmla, dp, fmac, fp64(Mac)},
    Encoding{"VMUL.F32", pattern("11101110 0 D 10 nnnn | dddd 101 0 N 0 M 0 mmmm"), three_regs<false>, A32::mul, sp, fmul, fp32(Multiply)},
    Encoding{"VMUL.F64", pattern("11101110 0 D 10 nnnn | dddd 101 1 N 0 M 0 mmmm"), three_regs<true>, A64::mul, dp, fmul, fp64(Multiply)},
    Encoding{"VNMUL.F32", pattern("11101110 0 D 10 nnnn | dddd 101 0 N 1 M 0 mmmm"), three_regs<false>, A32::nmul, sp, fmul, fp32(Multiply)},
    Encoding{"VNMUL.F64", pattern("11101110 0 D 10 nnnn | dddd 101 1 N 1 M 0 mmmm"), three_regs<true>, A64::nmul, dp, fmul, fp64(Multiply)},
    Encoding{"VADD.F32", pattern("11101110 0 D 11 nnnn | dddd 101 0 N 0 M 0 mmmm"), three_regs<false>, A32::add, sp, fadd, fp32(Add)},
    Encoding{"VADD.F64", pattern("11101110 0 D 11 nnnn | dddd 101 1 N 0 M 0 mmmm"), three_regs<true>, A64::add, dp, fadd, fp64(Add)},
    Encoding{"VSUB.F32", pattern("11101110 0 D 11 nnnn | dddd 101 0 N 1 M 0 mmmm"), three_regs<false>, A32::sub, sp, fadd, fp32(Add)},
    Encoding{"VSUB.F64", pattern("11101110 0 D 11 nnnn | dddd 101 1 N 1 M 0 mmmm"), three_regs<true>, A64::sub, dp, fadd, fp64(Add)},
    Encoding{"VDIV.F32", pattern("11101110 1 D 00 nnnn | dddd 101 0 N 0 M 0 mmmm"), three_regs<false>, A32::div, sp, fdiv, fp32(Divide)},
    Encoding{"VDIV.F64", pattern("11101110 1 D 00 nnnn | dddd 101 1 N 0 M 0 mmmm"), three_regs<true>, A64::div, dp, fdiv, fp64(Divide)},
    Encoding{"VFNMS.F32", pattern("11101110 1 D 01 nnnn | dddd 101 0 N 0 M 0 mmmm"), three_regs<false>, A32::fnms, sp, fmac, fp32(Mac)},
    Encoding{"VFNMS.F64", pattern("11101110 1 D 01 nnnn | dddd 101 1 N 0 M 0 mmmm"), three_regs<true>, A64::fnms, dp, fmac, fp64(Mac)},
    Encoding{"VFNMA.F32", pattern("11101110 1 D 01 nnnn | dddd 101 0 N 1 M 0 mmmm"), three_regs<false>, A32::fnma, sp, fmac, fp32(Mac)},
    Encoding{"VFNMA.F64", pattern("11101110 1 D 01 nnnn | dddd 101 1 N 1 M 0 mmmm"), three_regs<true>, A64::fnma, dp, fmac, fp64(Mac)},
    Encoding{"VFMA.F32", pattern("11101110 1 D 10 nnnn | dddd 101 0 N 0 M 0 mmmm"), three_regs<false>, A32::fma, sp, fmac, fp32(Mac)},
    Encoding{"VFMA.F64", pattern("11101110 1 D 10 nnnn | dddd 101 1 N 0 M 0 mmmm"), three_regs<true>, A64::fma, dp, fmac, fp64(Mac)},
    Encoding{"VFMS.F32", pattern("11101110 1 D 10 nnnn | dddd 101 0 N 1 M 0 mmmm"), three_regs<false>, A32::fms, sp, fmac, fp32(Mac)},
    Encoding{"VFMS.F64", pattern("11101110 1 D 10 nnnn | dddd 101 1 N 1 M 0 mmmm"), three_regs<true>, A64::fms, dp, fmac, fp64(Mac)},

    // Other data processing (A6.4, opc1 = 1x11: opc2 = hw1<3:0>, opc3 = hw2<7:6>)
    Encoding{"VMOV.F32 (imm)", pattern("11101110 1 D 11 iiii | dddd 101 0 0 0 0 0 iiii"), immediate<false>, A32::mov_imm, sp, fmov, fp32(Other)},
    Encoding{"VMOV.F64 (imm)", pattern("11101110 1 D 11 iiii | dddd 101 1 0 0 0 0 iiii"), immediate<true>, A64::mov_imm, dp, fmov, fp64(Other)},
    Encoding{"VMOV.F32 (reg)", pattern("11101110 1 D 11 0000 | dddd 101 0 0 1 M 0 mmmm"), two_regs<false>, A32::mov, sp, fmov, fp32(Other)},
    Encoding{"VMOV.F64 (reg)", pattern("11101110 1 D 11 0000 | dddd 101 1 0 1 M 0 mmmm"), two_regs<true>, A64::mov, dp, fmov, fp64(Other)},
    Encoding{"VABS.F32", pattern("11101110 1 D 11 0000 | dddd 101 0 1 1 M 0 mmmm"), two_regs<false>, A32::abs, sp, fadd, fp32(Other)},
    Encoding{"VABS.F64", pattern("11101110 1 D 11 0000 | dddd 101 1 1 1 M 0 mmmm"), two_regs<true>, A64::abs, dp, fadd, fp64(Other)},
    Encoding{"VNEG.F32", pattern("11101110 1 D 11 0001 | dddd 101 0 0 1 M 0 mmmm"), two_regs<false>, A32::neg, sp, fadd, fp32(Other)},
    Encoding{"VNEG.F64", pattern("11101110 1 D 11 0001 | dddd 101 1 0 1 M 0 mmmm"), two_regs<true>, A64::neg, dp, fadd, fp64(Other)},
    Encoding{"VSQRT.F32", pattern("11101110 1 D 11 0001 | dddd 101 0 1 1 M 0 mmmm"), two_regs<false>, A32::sqrt, sp, fsqrt, fp32(Divide)},
    Encoding{"VSQRT.F64", pattern("11101110 1 D 11 0001 | dddd 101 1 1 1 M 0 mmmm"), two_regs<true>, A64::sqrt, dp, fsqrt, fp64(Divide)},
    Encoding{"VCVTB/T.F32.F16", pattern("11101110 1 D 11 0010 | dddd 101 0 t 1 M 0 mmmm"), half<false, false>, C32::from_half, sp, fcvt, fp32(Other)},
    Encoding{"VCVTB/T.F16.F32", pattern("11101110 1 D 11 0011 | dddd 101 0 t 1 M 0 mmmm"), half<false, false>, C32::to_half, sp, fcvt, fp32(Other)},
    Encoding{"VCVTB/T.F64.F16", pattern("11101110 1 D 11 0010 | dddd 101 1 t 1 M 0 mmmm"), half<true, false>, C64::from_half, v5dp, fcvt, fp64(Other)},
    Encoding{"VCVTB/T.F16.F64", pattern("11101110 1 D 11 0011 | dddd 101 1 t 1 M 0 mmmm"), half<false, true>, C64::to_half, v5dp, fcvt, fp64(Other)},
    Encoding{"VCMP{E}.F32", pattern("11101110 1 D 11 0100 | dddd 101 0 e 1 M 0 mmmm"), compare<false, 0>, A32::cmp, sp, fcmp, fp32(Add)},
    Encoding{"VCMP{E}.F64", pattern("11101110 1 D 11 0100 | dddd 101 1 e 1 M 0 mmmm"), compare<true, 0>, A64::cmp, dp, fcmp, fp64(Add)},
    Encoding{"VCMP{E}.F32 #0", pattern("11101110 1 D 11 0101 | dddd 101 0 e 1 0 0 0000"), compare<false, x::kWithZero>, A32::cmp, sp, fcmp, fp32(Add)},
    Encoding{"VCMP{E}.F64 #0", pattern("11101110 1 D 11 0101 | dddd 101 1 e 1 0 0 0000"), compare<true, x::kWithZero>, A64::cmp, dp, fcmp, fp64(Add)},
    Encoding{"VRINT{R,Z}.F32", pattern("11101110 1 D 11 0110 | dddd 101 0 z 1 M 0 mmmm"), round_fpscr_or_zero<false>, A32::rint, v5, fadd, fp32(Other)},
    Encoding{"VRINT{R,Z}.F64", pattern("11101110 1 D 11 0110 | dddd 101 1 z 1 M 0 mmmm"), round_fpscr_or_zero<true>, A64::rint, v5dp, fadd, fp64(Other)},
    Encoding{"VRINTX.F32", pattern("11101110 1 D 11 0111 | dddd 101 0 0 1 M 0 mmmm"), round_exact<false>, A32::rint, v5, fadd, fp32(Other)},
    Encoding{"VRINTX.F64", pattern("11101110 1 D 11 0111 | dddd 101 1 0 1 M 0 mmmm"), round_exact<true>, A64::rint, v5dp, fadd, fp64(Other)},
    Encoding{"VCVT.F64.F32", pattern("11101110 1 D 11 0111 | dddd 101 0 1 1 M 0 mmmm"), two_regs<true, false>, x::cvt_f64_f32, dp, fcvt, fp64(Other)},
    Encoding{"VCVT.F32.F64", pattern("11101110 1 D 11 0111 | dddd 101 1 1 1 M 0 mmmm"), two_regs<false, true>, x::cvt_f32_f64, dp, fcvt, fp64(Other)},
    Encoding{"VCVT.F32.<S,U>32", pattern("11101110 1 D 11 1000 | dddd 101 0 s 1 M 0 mmmm"), from_integer<false>, C32::from_int, sp, fcvt, fp32(Other)},
    Encoding{"VCVT.F64.<S,U>32", pattern("11101110 1 D 11 1000 | dddd 101 1 s 1 M 0 mmmm"), from_integer<true>, C64::from_int, dp, fcvt, fp64(Other)},
    Encoding{"VCVT{R}.<S,U>32.F32", pattern("11101110 1 D 11 110 s | dddd 101 0 z 1 M 0 mmmm"), to_integer<false>, C32::to_int, sp, fcvt, fp32(Other)},
    Encoding{"VCVT{R}.<S,U>32.F64", pattern("11101110 1 D 11 110 s | dddd 101 1 z 1 M 0 mmmm"), to_integer<true>, C64::to_int, dp, fcvt, fp64(Other)},
    Encoding{"VCVT.F32.<fixed>", pattern("11101110 1 D 11 1 0 1 u | dddd 101 0 x 1 i 0 iiii"), fixed_point<false>, C32::from_fixed, sp, fcvt, fp32(Other)},
    Encoding{"VCVT.F64.<fixed>", pattern("11101110 1 D 11 1 0 1 u | dddd 101 1 x 1 i 0 iiii"), fixed_point<true>, C64::from_fixed, dp, fcvt, fp64(Other)},
    Encoding{"VCVT.<fixed>.F32", pattern("11101110 1 D 11 1 1 1 u | dddd 101 0 x 1 i 0 iiii"), fixed_point<false>, C32::to_fixed, sp, fcvt, fp32(Other)},
    Encoding{"VCVT.<fixed>.F64", pattern("11101110 1 D 11 1 1 1 u | dddd 101 1 x 1 i 0 iiii"), fixed_point<true>, C64::to_fixed, dp, fcvt, fp64(Other)},

    // FPv5 (ARMv8-M): unconditional forms in the T = 1 space
    Encoding{"VSEL.F32", pattern("11111110 0 D cc nnnn | dddd 101 0 N 0 M 0 mmmm"), select<false>, A32::sel, v5, fadd, fp32(Other)},
    Encoding{"VSEL.F64", pattern("11111110 0 D cc nnnn | dddd 101 1 N 0 M 0 mmmm"), select<true>, A64::sel, v5dp, fadd, fp64(Other)},
    Encoding{"VMAXNM.F32", pattern("11111110 1 D 00 nnnn | dddd 101 0 N 0 M 0 mmmm"), three_regs<false>, A32::maxnm, v5, fadd, fp32(Add)},
    Encoding{"VMAXNM.F64", pattern("11111110 1 D 00 nnnn | dddd 101 1 N 0 M 0 mmmm"), three_regs<true>, A64::maxnm, v5dp, fadd, fp64(Add)},
    Encoding{"VMINNM.F32", pattern("11111110 1 D 00 nnnn | dddd 101 0 N 1 M 0 mmmm"), three_regs<false>, A32::minnm, v5, fadd, fp32(Add)},
    Encoding{"VMINNM.F64", pattern("11111110 1 D 00 nnnn | dddd 101 1 N 1 M 0 mmmm"), three_regs<true>, A64::minnm, v5dp, fadd, fp64(Add)},
    Encoding{"VRINT{A,N,P,M}.F32", pattern("11111110 1 D 11 10 rr | dddd 101 0 0 1 M 0 mmmm"), round_directed<false>, A32::rint, v5, fadd, fp32(Other)},
    Encoding{"VRINT{A,N,P,M}.F64", pattern("11111110 1 D 11 10 rr | dddd 101 1 0 1 M 0 mmmm"), round_directed<true>, A64::rint, v5dp, fadd, fp64(Other)},
    Encoding{"VCVT{A,N,P,M}.F32", pattern("11111110 1 D 11 11 rr | dddd 101 0 s 1 M 0 mmmm"), to_integer_rounded<false>, C32::to_int, v5, fcvt, fp32(Other)},
    Encoding{"VCVT{A,N,P,M}.F64", pattern("11111110 1 D 11 11 rr | dddd 101 1 s 1 M 0 mmmm"), to_integer_rounded<true>, C64::to_int, v5dp, fcvt, fp64(Other)},

    // 32-bit transfers (A6.6)
    Encoding{"VMOV Sn, Rt", pattern("11101110 000 0 nnnn | tttt 1010 N 00 1 0000"), core_single, x::vmov_to_single, sp, fmov, fp32(Other)},
    Encoding{"VMOV Rt, Sn", pattern("11101110 000 1 nnnn | tttt 1010 N 00 1 0000"), core_single, x::vmov_from_single, sp, fmov, fp32(Other)},
    Encoding{"VMOV Dd[x], Rt", pattern("11101110 00 x 0 nnnn | tttt 1011 N 00 1 0000"), core_scalar, x::vmov_to_scalar, sp, fmov, fp32(Other)},
    Encoding{"VMOV Rt, Dn[x]", pattern("11101110 00 x 1 nnnn | tttt 1011 N 00 1 0000"), core_scalar, x::vmov_from_scalar, sp, fmov, fp32(Other)},
    Encoding{"VMSR FPSCR, Rt", pattern("11101110 1110 0001 | tttt 1010 0001 0000"), vmsr_fields, x::vmsr, sp, fmov, fp32(Other)},
    Encoding{"VMRS Rt, FPSCR", pattern("11101110 1111 0001 | tttt 1010 0001 0000"), vmrs_fields, x::vmrs, sp, fmov, fp32(Other)},

    // 64-bit transfers (A6.7)
    Encoding{"VMOV Sm, Sm1, Rt, Rt2", pattern("11101100 010 0 uuuu | tttt 1010 00 M 1 mmmm"), core_two_singles<false>, x::vmov_to_two_singles, sp, fmov, fp32(Other)},
    Encoding{"VMOV Rt, Rt2, Sm, Sm1", pattern("11101100 010 1 uuuu | tttt 1010 00 M 1 mmmm"), core_two_singles<true>, x::vmov_from_two_singles, sp, fmov, fp32(Other)},
    Encoding{"VMOV Dm, Rt, Rt2", pattern("11101100 010 0 uuuu | tttt 1011 00 M 1 mmmm"), core_double<false>, x::vmov_to_double, sp, fmov, fp64(Other)},
    Encoding{"VMOV Rt, Rt2, Dm", pattern("11101100 010 1 uuuu | tttt 1011 00 M 1 mmmm"), core_double<true>, x::vmov_from_double, sp, fmov, fp64(Other)},

    // Extension register loads and stores (A6.5): P U D W L
    Encoding{"VSTR.32", pattern("1110110 1 u D 0 0 nnnn | dddd 1010 iiiiiiii"), single_transfer<false, false>, M32::str, sp, store, fp32(Store)},
    Encoding{"VSTR.64", pattern("1110110 1 u D 0 0 nnnn | dddd 1011 iiiiiiii"), single_transfer<true, false>, M64::str, sp, store, fp64(Store)},
    Encoding{"VLDR.32", pattern("1110110 1 u D 0 1 nnnn | dddd 1010 iiiiiiii"), single_transfer<false, true>, M32::ldr, sp, load, fp32(Load)},
    Encoding{"VLDR.64", pattern("1110110 1 u D 0 1 nnnn | dddd 1011 iiiiiiii"), single_transfer<true, true>, M64::ldr, sp, load, fp64(Load)},
    Encoding{"VSTMIA.32", pattern("1110110 0 1 D w 0 nnnn | dddd 1010 iiiiiiii"), multiple<false>, M32::stm, sp, stm, fp32(Store)},
    Encoding{"VSTMIA.64", pattern("1110110 0 1 D w 0 nnnn | dddd 1011 iiiiiiii"), multiple<true>, M64::stm, sp, stm, fp64(Store)},
    Encoding{"VLDMIA.32", pattern("1110110 0 1 D w 1 nnnn | dddd 1010 iiiiiiii"), multiple<false>, M32::ldm, sp, ldm, fp32(Load)},
    Encoding{"VLDMIA.64", pattern("1110110 0 1 D w 1 nnnn | dddd 1011 iiiiiiii"), multiple<true>, M64::ldm, sp, ldm, fp64(Load)},
    Encoding{"VSTMDB.32", pattern("1110110 1 0 D 1 0 nnnn | dddd 1010 iiiiiiii"), multiple<false>, M32::stm, sp, stm, fp32(Store)},
    Encoding{"VSTMDB.64", pattern("1110110 1 0 D 1 0 nnnn | dddd 1011 iiiiiiii"), multiple<true>, M64::stm, sp, stm, fp64(Store)},
    Encoding{"VLDMDB.32", pattern("1110110 1 0 D 1 1 nnnn | dddd 1010 iiiiiiii"), multiple<false>, M32::ldm, sp, ldm, fp32(Load)},
    Encoding{"VLDMDB.64", pattern("1110110 1 0 D 1 1 nnnn | dddd 1011 iiiiiiii"), multiple<true>, M64::ldm, sp, ldm, fp64(Load)},
    Encoding{"VPUSH.32", pattern("1110110 1 0 D 1 0 1101 | dddd 1010 iiiiiiii"), multiple<false>, M32::stm, sp, stm, fp32(Store)},
    Encoding{"VPUSH.64", pattern("1110110 1 0 D 1 0 1101 | dddd 1011 iiiiiiii"), multiple<true>, M64::stm, sp, stm, fp64(Store)},
    Encoding{"VPOP.32", pattern("1110110 0 1 D 1 1 1101 | dddd 1010 iiiiiiii"), multiple<false>, M32::ldm, sp, ldm, fp32(Load)},
    Encoding{"VPOP.64", pattern("1110110 0 1 D 1 1 1101 | dddd 1011 iiiiiiii"), multiple<true>, M64::ldm, sp, ldm, fp64(Load)},
};
}  // namespace

std::span<const Encoding> fp_encodings() { return kRows; }

}  // namespace isa
