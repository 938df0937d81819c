// Multiply and divide encodings (ARMv7-M ARM A5.2.2, A5.3.15, A5.3.16).
// The DSP multiplies of ARMv7E-M share these spaces and come with the DSP group.
#include <array>

#include "isa/encoding.hpp"
#include "isa/encodings/fields.hpp"
#include "isa/encodings/row_work.hpp"
#include "isa/exec/multiply_divide.hpp"
#include "isa/features.hpp"

namespace isa {
namespace {
using namespace enc;
namespace x = exec;

bool rn_rdm16(uint32_t raw, Decoded& d) {  // MULS Rdm, Rn, Rdm
  d.rd = d.rm = r3(raw, 0);
  d.rn = r3(raw, 3);
  d.setflags = SetFlags::OutsideIt;
  return true;
}
bool rd_rn_rm32(uint32_t raw, Decoded& d) {  // MUL, SDIV, UDIV
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.rm = rm32(raw);
  return !sp_or_pc(d.rd) && !sp_or_pc(d.rn) && !sp_or_pc(d.rm);
}
bool ra_rd_rn_rm32(uint32_t raw, Decoded& d) {  // MLA, MLS (Ra == PC is MUL)
  d.ra = rt32(raw);
  return rd_rn_rm32(raw, d) && !sp_or_pc(d.ra);
}
bool rdlo_rdhi_rn_rm32(uint32_t raw, Decoded& d) {  // long multiplies: rd = RdLo, ra = RdHi
  d.rd = rt32(raw);
  d.ra = rd32(raw);
  d.rn = rn32(raw);
  d.rm = rm32(raw);
  return !sp_or_pc(d.rd) && !sp_or_pc(d.ra) && !sp_or_pc(d.rn) && !sp_or_pc(d.rm) && d.rd != d.ra;
}

constexpr uint32_t v6 = kV6M, v7 = kV7M;
constexpr auto imul = OpClass::IntMul, lmul = OpClass::IntMulLong, idiv = OpClass::IntDiv;

constexpr std::array kRows{
    Encoding{"MUL T1", pattern("010000 1101 nnn ddd"), rn_rdm16, x::mul, v6, imul, mul32},
    Encoding{"MLA T1", pattern("111110110 000 nnnn | aaaa dddd 0000 mmmm"), ra_rd_rn_rm32, x::mla, v7, imul, mac32},
    Encoding{"MUL T2", pattern("111110110 000 nnnn | 1111 dddd 0000 mmmm"), rd_rn_rm32, x::mul, v7, imul, mul32},
    Encoding{"MLS T1", pattern("111110110 000 nnnn | aaaa dddd 0001 mmmm"), ra_rd_rn_rm32, x::mls, v7, imul, mac32},
    Encoding{"SMULL T1", pattern("111110111 000 nnnn | llll hhhh 0000 mmmm"), rdlo_rdhi_rn_rm32, x::smull, v7, lmul, mul32},
    Encoding{"UMULL T1", pattern("111110111 010 nnnn | llll hhhh 0000 mmmm"), rdlo_rdhi_rn_rm32, x::umull, v7, lmul, mul32},
    Encoding{"SMLAL T1", pattern("111110111 100 nnnn | llll hhhh 0000 mmmm"), rdlo_rdhi_rn_rm32, x::smlal, v7, lmul, mac32},
    Encoding{"UMLAL T1", pattern("111110111 110 nnnn | llll hhhh 0000 mmmm"), rdlo_rdhi_rn_rm32, x::umlal, v7, lmul, mac32},
    Encoding{"SDIV T1", pattern("111110111 001 nnnn | 1111 dddd 1111 mmmm"), rd_rn_rm32, x::sdiv, v7, idiv, div32},
    Encoding{"UDIV T1", pattern("111110111 011 nnnn | 1111 dddd 1111 mmmm"), rd_rn_rm32, x::udiv, v7, idiv, div32},
};
}  // namespace

std::span<const Encoding> multiply_divide_encodings() { return kRows; }

}  // namespace isa
