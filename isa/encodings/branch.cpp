// Branch encodings (ARMv7-M ARM A5.2.3, A5.2.5, A5.2.6, A5.3.4, A5.3.8;
// instruction pages A7.7.12, A7.7.18-A7.7.21, A7.7.185).
#include <array>

#include "isa/encoding.hpp"
#include "isa/encodings/fields.hpp"
#include "isa/encodings/row_work.hpp"
#include "isa/exec/branch.hpp"
#include "isa/features.hpp"

namespace isa {
namespace {
using namespace enc;
namespace x = exec;

// ---- 16-bit formats ----

bool cond_imm8_16(uint32_t raw, Decoded& d) {  // B<c> T1; cond 111x is UDF/SVC
  d.cond = static_cast<uint8_t>(bits<11, 8>(raw));
  d.imm = static_cast<uint32_t>(sign_extend(bits<7, 0>(raw) << 1, 9));
  return d.cond < 0xE;
}
bool imm11_16(uint32_t raw, Decoded& d) {  // B T2
  d.imm = static_cast<uint32_t>(sign_extend(bits<10, 0>(raw) << 1, 12));
  return true;
}
bool rm16(uint32_t raw, Decoded& d) {  // BX Rm
  d.rm = r4(raw, 3);
  return true;
}
bool rm16_not_pc(uint32_t raw, Decoded& d) {  // BLX Rm
  rm16(raw, d);
  return d.rm != 15;
}
bool i_imm5_rn16(uint32_t raw, Decoded& d) {  // CBZ/CBNZ Rn, #(i:imm5:'0')
  d.rn = r3(raw, 0);
  d.imm = (bit<9>(raw) << 6) | (bits<7, 3>(raw) << 1);
  return true;
}

// ---- 32-bit formats ----

bool s_cond_imm6_imm11(uint32_t raw, Decoded& d) {  // B<c>.W T3: S:J2:J1:imm6:imm11:'0'
  d.cond = static_cast<uint8_t>(bits<25, 22>(raw));
  const uint32_t imm = (bit<26>(raw) << 20) | (bit<11>(raw) << 19) | (bit<13>(raw) << 18) | (bits<21, 16>(raw) << 12) |
                       (bits<10, 0>(raw) << 1);
  d.imm = static_cast<uint32_t>(sign_extend(imm, 21));
  return (d.cond >> 1) != 0b111;  // branches and misc control (A5.3.4)
}
bool s_imm10_j_imm11(uint32_t raw, Decoded& d) {  // B.W T4, BL: S:I1:I2:imm10:imm11:'0', In = NOT(Jn XOR S)
  const uint32_t s = bit<26>(raw);
  const uint32_t i1 = !(bit<13>(raw) ^ s), i2 = !(bit<11>(raw) ^ s);
  const uint32_t imm = (s << 24) | (i1 << 23) | (i2 << 22) | (bits<25, 16>(raw) << 12) | (bits<10, 0>(raw) << 1);
  d.imm = static_cast<uint32_t>(sign_extend(imm, 25));
  return true;
}
bool rn_rm32(uint32_t raw, Decoded& d) {  // TBB/TBH [Rn, Rm]
  d.rn = rn32(raw);
  d.rm = rm32(raw);
  return d.rn != 13 && !sp_or_pc(d.rm);
}

constexpr uint32_t v6 = kV6M, v7 = kV7M;
constexpr auto br = OpClass::Branch;

constexpr std::array kRows{
    // 16-bit
    Encoding{"B T1", pattern("1101 cccc iiiiiiii"), cond_imm8_16, x::b, v6, br, branch},
    Encoding{"B T2", pattern("11100 iiiiiiiiiii"), imm11_16, x::b, v6, br, branch},
    Encoding{"BX T1", pattern("010001110 mmmm 000"), rm16, x::bx, v6, br, branch},
    Encoding{"BLX (reg) T1", pattern("010001111 mmmm 000"), rm16_not_pc, x::blx, v6, br, branch},
    Encoding{"CBZ T1", pattern("1011 0 0 i 1 iiiii nnn"), i_imm5_rn16, x::cbz, v7, br, branch},
    Encoding{"CBNZ T1", pattern("1011 1 0 i 1 iiiii nnn"), i_imm5_rn16, x::cbnz, v7, br, branch},

    // 32-bit
    Encoding{"B T3", pattern("11110 s cccc iiiiii | 10 j 0 j iiiiiiiiiii"), s_cond_imm6_imm11, x::b, v7, br, branch},
    Encoding{"B T4", pattern("11110 s iiiiiiiiii | 10 j 1 j iiiiiiiiiii"), s_imm10_j_imm11, x::b, v7, br, branch},
    Encoding{"BL T1", pattern("11110 s iiiiiiiiii | 11 j 1 j iiiiiiiiiii"), s_imm10_j_imm11, x::bl, v6, br, branch},
    Encoding{"TBB T1", pattern("11101000 1101 nnnn | 1111 0000 0000 mmmm"), rn_rm32, x::tbb, v7, br, branch},
    Encoding{"TBH T1", pattern("11101000 1101 nnnn | 1111 0000 0001 mmmm"), rn_rm32, x::tbh, v7, br, branch},
};
}  // namespace

std::span<const Encoding> branch_encodings() { return kRows; }

}  // namespace isa
