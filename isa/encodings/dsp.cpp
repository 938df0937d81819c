// ARMv7E-M DSP extension encodings (ARMv7-M ARM A5.3.13 data processing
// (register), A5.3.14-A5.3.15 parallel addition and subtraction, A5.3.16
// miscellaneous operations, A5.3.17-A5.3.18 the multiply spaces, A5.3.3
// SSAT16/USAT16, A5.3.11 PKHBT/PKHTB). Absent on ARMv7-M without the DSP
// extension (Cortex-M3) and on ARMv6-M: those cores take UNDEFINSTR.
#include <array>

#include "isa/encoding.hpp"
#include "isa/encodings/fields.hpp"
#include "isa/encodings/row_work.hpp"
#include "isa/exec/dsp.hpp"
#include "isa/features.hpp"

namespace isa {
namespace {
using namespace enc;
namespace x = exec;

// Every DSP page makes SP and PC UNPREDICTABLE as Rd, Rn, Rm and Ra, except
// where a field of 1111 selects another instruction (the manual's "SEE").
bool rd_rn_rm32(uint32_t raw, Decoded& d) {
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.rm = rm32(raw);
  return !sp_or_pc(d.rd) && !sp_or_pc(d.rn) && !sp_or_pc(d.rm);
}
bool rd_rn_rm_ra32(uint32_t raw, Decoded& d) {  // Ra == 1111 is the non-accumulating row
  d.ra = rt32(raw);
  return rd_rn_rm32(raw, d) && !sp_or_pc(d.ra);
}

// SXTAB/SXTAH/UXTAB/UXTAH/SXTAB16/UXTAB16: Rn == 1111 is the plain extend.
bool extend_add32(uint32_t raw, Decoded& d) {
  rd_rn_rm32(raw, d);
  d.shift_n = static_cast<uint8_t>(bits<5, 4>(raw) * 8);
  return !sp_or_pc(d.rd) && d.rn != 13 && !sp_or_pc(d.rm);
}
bool extend32(uint32_t raw, Decoded& d) {  // SXTB16/UXTB16
  d.rd = rd32(raw);
  d.rm = rm32(raw);
  d.shift_n = static_cast<uint8_t>(bits<5, 4>(raw) * 8);
  return !sp_or_pc(d.rd) && !sp_or_pc(d.rm);
}

template <bool to_signed>
bool saturate16(uint32_t raw, Decoded& d) {  // SSAT16/USAT16 Rd, #sat, Rn
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.imm = bits<3, 0>(raw) + (to_signed ? 1 : 0);  // SSAT16 encodes saturate_to - 1
  return !sp_or_pc(d.rd) && !sp_or_pc(d.rn);
}

bool pack_halfword(uint32_t raw, Decoded& d) {  // PKHBT/PKHTB: tb picks LSL or ASR
  rd_rn_rm32(raw, d);
  set_shift(d, bit<5>(raw) << 1, imm5_32(raw));  // PKHTB with imm 0 is ASR #32
  return !sp_or_pc(d.rd) && !sp_or_pc(d.rn) && !sp_or_pc(d.rm);
}

// The selector bits of the multiplies, as amounts the handlers use directly.
enum class Select : uint8_t {
  None,
  Halves,  // N (bit 5) and M (bit 4): Rn's halfword in imm, Rm's in shift_n (0 or 16)
  Top,     // M of SMLAW<y> or X of the dual multiplies (bit 4): shift_n = 16
  Round,   // R (bit 4): imm = 0x80000000
};
template <Select s>
void select(uint32_t raw, Decoded& d) {
  const bool b4 = bit<4>(raw) != 0;
  if (s == Select::Halves) d.imm = bit<5>(raw) ? 16 : 0;
  if (s == Select::Halves || s == Select::Top) d.shift_n = b4 ? 16 : 0;
  if (s == Select::Round) d.imm = b4 ? 0x80000000u : 0;
}
template <Select s, bool accumulate>
bool multiply(uint32_t raw, Decoded& d) {
  select<s>(raw, d);
  return accumulate ? rd_rn_rm_ra32(raw, d) : rd_rn_rm32(raw, d);
}
template <Select s>
bool multiply_long(uint32_t raw, Decoded& d) {  // rd = RdLo, ra = RdHi
  select<s>(raw, d);
  d.rd = rt32(raw);
  d.ra = rd32(raw);
  d.rn = rn32(raw);
  d.rm = rm32(raw);
  return !sp_or_pc(d.rd) && !sp_or_pc(d.ra) && !sp_or_pc(d.rn) && !sp_or_pc(d.rm) && d.rd != d.ra;
}

constexpr uint32_t dsp = kV7M | kDsp;
constexpr auto simd = OpClass::Simd, alu = OpClass::IntAlu, imul = OpClass::IntMul, lmul = OpClass::IntMulLong;
using S = x::Parallel<x::Prefix::S>;
using Q = x::Parallel<x::Prefix::Q>;
using SH = x::Parallel<x::Prefix::SH>;
using U = x::Parallel<x::Prefix::U>;
using UQ = x::Parallel<x::Prefix::UQ>;
using UH = x::Parallel<x::Prefix::UH>;

constexpr std::array kRows{
    // Parallel addition and subtraction (A5.3.14, A5.3.15): hw1<6:4> is the
    // lane operation, hw2<6> unsigned, hw2<5:4> modulo / saturating / halving.
    Encoding{"SADD8 T1", pattern("11111010 1 000 nnnn | 1111 dddd 0 0 00 mmmm"), rd_rn_rm32, S::add8, dsp, simd, add8x4},
    Encoding{"SADD16 T1", pattern("11111010 1 001 nnnn | 1111 dddd 0 0 00 mmmm"), rd_rn_rm32, S::add16, dsp, simd, add16x2},
    Encoding{"SASX T1", pattern("11111010 1 010 nnnn | 1111 dddd 0 0 00 mmmm"), rd_rn_rm32, S::asx, dsp, simd, add16x2},
    Encoding{"SSUB8 T1", pattern("11111010 1 100 nnnn | 1111 dddd 0 0 00 mmmm"), rd_rn_rm32, S::sub8, dsp, simd, add8x4},
    Encoding{"SSUB16 T1", pattern("11111010 1 101 nnnn | 1111 dddd 0 0 00 mmmm"), rd_rn_rm32, S::sub16, dsp, simd, add16x2},
    Encoding{"SSAX T1", pattern("11111010 1 110 nnnn | 1111 dddd 0 0 00 mmmm"), rd_rn_rm32, S::sax, dsp, simd, add16x2},
    Encoding{"QADD8 T1", pattern("11111010 1 000 nnnn | 1111 dddd 0 0 01 mmmm"), rd_rn_rm32, Q::add8, dsp, simd, add8x4},
    Encoding{"QADD16 T1", pattern("11111010 1 001 nnnn | 1111 dddd 0 0 01 mmmm"), rd_rn_rm32, Q::add16, dsp, simd, add16x2},
    Encoding{"QASX T1", pattern("11111010 1 010 nnnn | 1111 dddd 0 0 01 mmmm"), rd_rn_rm32, Q::asx, dsp, simd, add16x2},
    Encoding{"QSUB8 T1", pattern("11111010 1 100 nnnn | 1111 dddd 0 0 01 mmmm"), rd_rn_rm32, Q::sub8, dsp, simd, add8x4},
    Encoding{"QSUB16 T1", pattern("11111010 1 101 nnnn | 1111 dddd 0 0 01 mmmm"), rd_rn_rm32, Q::sub16, dsp, simd, add16x2},
    Encoding{"QSAX T1", pattern("11111010 1 110 nnnn | 1111 dddd 0 0 01 mmmm"), rd_rn_rm32, Q::sax, dsp, simd, add16x2},
    Encoding{"SHADD8 T1", pattern("11111010 1 000 nnnn | 1111 dddd 0 0 10 mmmm"), rd_rn_rm32, SH::add8, dsp, simd, add8x4},
    Encoding{"SHADD16 T1", pattern("11111010 1 001 nnnn | 1111 dddd 0 0 10 mmmm"), rd_rn_rm32, SH::add16, dsp, simd, add16x2},
    Encoding{"SHASX T1", pattern("11111010 1 010 nnnn | 1111 dddd 0 0 10 mmmm"), rd_rn_rm32, SH::asx, dsp, simd, add16x2},
    Encoding{"SHSUB8 T1", pattern("11111010 1 100 nnnn | 1111 dddd 0 0 10 mmmm"), rd_rn_rm32, SH::sub8, dsp, simd, add8x4},
    Encoding{"SHSUB16 T1", pattern("11111010 1 101 nnnn | 1111 dddd 0 0 10 mmmm"), rd_rn_rm32, SH::sub16, dsp, simd, add16x2},
    Encoding{"SHSAX T1", pattern("11111010 1 110 nnnn | 1111 dddd 0 0 10 mmmm"), rd_rn_rm32, SH::sax, dsp, simd, add16x2},
    Encoding{"UADD8 T1", pattern("11111010 1 000 nnnn | 1111 dddd 0 1 00 mmmm"), rd_rn_rm32, U::add8, dsp, simd, add8x4},
    Encoding{"UADD16 T1", pattern("11111010 1 001 nnnn | 1111 dddd 0 1 00 mmmm"), rd_rn_rm32, U::add16, dsp, simd, add16x2},
    Encoding{"UASX T1", pattern("11111010 1 010 nnnn | 1111 dddd 0 1 00 mmmm"), rd_rn_rm32, U::asx, dsp, simd, add16x2},
    Encoding{"USUB8 T1", pattern("11111010 1 100 nnnn | 1111 dddd 0 1 00 mmmm"), rd_rn_rm32, U::sub8, dsp, simd, add8x4},
    Encoding{"USUB16 T1", pattern("11111010 1 101 nnnn | 1111 dddd 0 1 00 mmmm"), rd_rn_rm32, U::sub16, dsp, simd, add16x2},
    Encoding{"USAX T1", pattern("11111010 1 110 nnnn | 1111 dddd 0 1 00 mmmm"), rd_rn_rm32, U::sax, dsp, simd, add16x2},
    Encoding{"UQADD8 T1", pattern("11111010 1 000 nnnn | 1111 dddd 0 1 01 mmmm"), rd_rn_rm32, UQ::add8, dsp, simd, add8x4},
    Encoding{"UQADD16 T1", pattern("11111010 1 001 nnnn | 1111 dddd 0 1 01 mmmm"), rd_rn_rm32, UQ::add16, dsp, simd, add16x2},
    Encoding{"UQASX T1", pattern("11111010 1 010 nnnn | 1111 dddd 0 1 01 mmmm"), rd_rn_rm32, UQ::asx, dsp, simd, add16x2},
    Encoding{"UQSUB8 T1", pattern("11111010 1 100 nnnn | 1111 dddd 0 1 01 mmmm"), rd_rn_rm32, UQ::sub8, dsp, simd, add8x4},
    Encoding{"UQSUB16 T1", pattern("11111010 1 101 nnnn | 1111 dddd 0 1 01 mmmm"), rd_rn_rm32, UQ::sub16, dsp, simd, add16x2},
    Encoding{"UQSAX T1", pattern("11111010 1 110 nnnn | 1111 dddd 0 1 01 mmmm"), rd_rn_rm32, UQ::sax, dsp, simd, add16x2},
    Encoding{"UHADD8 T1", pattern("11111010 1 000 nnnn | 1111 dddd 0 1 10 mmmm"), rd_rn_rm32, UH::add8, dsp, simd, add8x4},
    Encoding{"UHADD16 T1", pattern("11111010 1 001 nnnn | 1111 dddd 0 1 10 mmmm"), rd_rn_rm32, UH::add16, dsp, simd, add16x2},
    Encoding{"UHASX T1", pattern("11111010 1 010 nnnn | 1111 dddd 0 1 10 mmmm"), rd_rn_rm32, UH::asx, dsp, simd, add16x2},
    Encoding{"UHSUB8 T1", pattern("11111010 1 100 nnnn | 1111 dddd 0 1 10 mmmm"), rd_rn_rm32, UH::sub8, dsp, simd, add8x4},
    Encoding{"UHSUB16 T1", pattern("11111010 1 101 nnnn | 1111 dddd 0 1 10 mmmm"), rd_rn_rm32, UH::sub16, dsp, simd, add16x2},
    Encoding{"UHSAX T1", pattern("11111010 1 110 nnnn | 1111 dddd 0 1 10 mmmm"), rd_rn_rm32, UH::sax, dsp, simd, add16x2},

    // Miscellaneous operations (A5.3.16; QADD and friends are written Rd, Rm, Rn) and SSAT16/USAT16 (A5.3.3: the
    // SSAT/USAT rows' sh = 1, imm3:imm2 = 0 space).
    // QDADD/QDSUB double with a saturating shift: their adder work is one add, as QADD's.
    Encoding{"QADD T1", pattern("11111010 1000 nnnn | 1111 dddd 1000 mmmm"), rd_rn_rm32, x::qadd, dsp, alu, add32},
    Encoding{"QDADD T1", pattern("11111010 1000 nnnn | 1111 dddd 1001 mmmm"), rd_rn_rm32, x::qdadd, dsp, alu, add32},
    Encoding{"QSUB T1", pattern("11111010 1000 nnnn | 1111 dddd 1010 mmmm"), rd_rn_rm32, x::qsub, dsp, alu, add32},
    Encoding{"QDSUB T1", pattern("11111010 1000 nnnn | 1111 dddd 1011 mmmm"), rd_rn_rm32, x::qdsub, dsp, alu, add32},
    Encoding{"SEL T1", pattern("11111010 1010 nnnn | 1111 dddd 1000 mmmm"), rd_rn_rm32, x::sel, dsp, simd, other},
    Encoding{"SSAT16 T1", pattern("11110 0 1 100 1 0 nnnn | 0 000 dddd 00 0 0 iiii"), saturate16<true>, x::ssat16, dsp, simd, other},
    Encoding{"USAT16 T1", pattern("11110 0 1 110 1 0 nnnn | 0 000 dddd 00 0 0 iiii"), saturate16<false>, x::usat16, dsp, simd, other},

    // Extend and add (A5.3.13); Rn == 1111 rows are the plain extends.
    Encoding{"SXTAH T1", pattern("11111010 0 000 nnnn | 1111 dddd 10 rr mmmm"), extend_add32, x::sxtah, dsp, alu, add32},
    Encoding{"UXTAH T1", pattern("11111010 0 001 nnnn | 1111 dddd 10 rr mmmm"), extend_add32, x::uxtah, dsp, alu, add32},
    Encoding{"SXTAB16 T1", pattern("11111010 0 010 nnnn | 1111 dddd 10 rr mmmm"), extend_add32, x::sxtab16, dsp, simd, add16x2},
    Encoding{"SXTB16 T1", pattern("11111010 0 010 1111 | 1111 dddd 10 rr mmmm"), extend32, x::sxtb16, dsp, simd, other},
    Encoding{"UXTAB16 T1", pattern("11111010 0 011 nnnn | 1111 dddd 10 rr mmmm"), extend_add32, x::uxtab16, dsp, simd, add16x2},
    Encoding{"UXTB16 T1", pattern("11111010 0 011 1111 | 1111 dddd 10 rr mmmm"), extend32, x::uxtb16, dsp, simd, other},
    Encoding{"SXTAB T1", pattern("11111010 0 100 nnnn | 1111 dddd 10 rr mmmm"), extend_add32, x::sxtab, dsp, alu, add32},
    Encoding{"UXTAB T1", pattern("11111010 0 101 nnnn | 1111 dddd 10 rr mmmm"), extend_add32, x::uxtab, dsp, alu, add32},

    // Pack halfword (A5.3.11, op 0110; S = 1 or T = 1 is UNDEFINED)
    Encoding{"PKHBT/PKHTB T1", pattern("1110101 0110 0 nnnn | 0 iii dddd ii t 0 mmmm"), pack_halfword, x::pkh, dsp, alu, other},

    // Multiply, multiply accumulate, absolute difference (A5.3.17)
    Encoding{"SMLA<x><y> T1", pattern("111110110 001 nnnn | aaaa dddd 00 xy mmmm"), multiply<Select::Halves, true>, x::smla_xy, dsp, imul, mac16},
    Encoding{"SMUL<x><y> T1", pattern("111110110 001 nnnn | 1111 dddd 00 xy mmmm"), multiply<Select::Halves, false>, x::smul_xy, dsp, imul, mul16},
    Encoding{"SMLAD{X} T1", pattern("111110110 010 nnnn | aaaa dddd 000 x mmmm"), multiply<Select::Top, true>, x::smlad, dsp, imul, mac16x2},
    Encoding{"SMUAD{X} T1", pattern("111110110 010 nnnn | 1111 dddd 000 x mmmm"), multiply<Select::Top, false>, x::smuad, dsp, imul, mac16x2},
    Encoding{"SMLAW<y> T1", pattern("111110110 011 nnnn | aaaa dddd 000 y mmmm"), multiply<Select::Top, true>, x::smlaw_y, dsp, imul, mac32},
    Encoding{"SMULW<y> T1", pattern("111110110 011 nnnn | 1111 dddd 000 y mmmm"), multiply<Select::Top, false>, x::smulw_y, dsp, imul, mul32},
    Encoding{"SMLSD{X} T1", pattern("111110110 100 nnnn | aaaa dddd 000 x mmmm"), multiply<Select::Top, true>, x::smlsd, dsp, imul, mac16x2},
    Encoding{"SMUSD{X} T1", pattern("111110110 100 nnnn | 1111 dddd 000 x mmmm"), multiply<Select::Top, false>, x::smusd, dsp, imul, mac16x2},
    Encoding{"SMMLA{R} T1", pattern("111110110 101 nnnn | aaaa dddd 000 r mmmm"), multiply<Select::Round, true>, x::smmla, dsp, imul, mac32},
    Encoding{"SMMUL{R} T1", pattern("111110110 101 nnnn | 1111 dddd 000 r mmmm"), multiply<Select::Round, false>, x::smmul, dsp, imul, mul32},
    // SMMLS has no Ra == 1111 form: that is UNPREDICTABLE, as Ra == SP.
    Encoding{"SMMLS{R} T1", pattern("111110110 110 nnnn | aaaa dddd 000 r mmmm"), multiply<Select::Round, true>, x::smmls, dsp, imul, mac32},
    Encoding{"USADA8 T1", pattern("111110110 111 nnnn | aaaa dddd 0000 mmmm"), multiply<Select::None, true>, x::usada8, dsp, simd, add8x4},
    Encoding{"USAD8 T1", pattern("111110110 111 nnnn | 1111 dddd 0000 mmmm"), multiply<Select::None, false>, x::usad8, dsp, simd, add8x4},

    // Long multiply, long multiply accumulate (A5.3.18)
    Encoding{"SMLAL<x><y> T1", pattern("111110111 100 nnnn | llll hhhh 10 xy mmmm"), multiply_long<Select::Halves>, x::smlal_xy, dsp, lmul, mac16},
    Encoding{"SMLALD{X} T1", pattern("111110111 100 nnnn | llll hhhh 110 x mmmm"), multiply_long<Select::Top>, x::smlald, dsp, lmul, mac16x2},
    Encoding{"SMLSLD{X} T1", pattern("111110111 101 nnnn | llll hhhh 110 x mmmm"), multiply_long<Select::Top>, x::smlsld, dsp, lmul, mac16x2},
    Encoding{"UMAAL T1", pattern("111110111 110 nnnn | llll hhhh 0110 mmmm"), multiply_long<Select::None>, x::umaal, dsp, lmul, mac32},
};
}  // namespace

std::span<const Encoding> dsp_encodings() { return kRows; }

}  // namespace isa
