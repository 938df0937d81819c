// Data-processing encodings (ARMv7-M ARM A5.2.1-A5.2.3, A5.3.1-A5.3.12).
#include <array>

#include "isa/encoding.hpp"
#include "isa/encodings/fields.hpp"
#include "isa/encodings/row_work.hpp"
#include "isa/exec/data_processing.hpp"
#include "isa/features.hpp"

namespace isa {
namespace {
using namespace enc;
namespace x = exec;

// ---- 16-bit formats ----

bool shift_imm16(uint32_t raw, Decoded& d) {  // LSL/LSR/ASR Rd, Rm, #imm5
  d.rd = r3(raw, 0);
  d.rm = r3(raw, 3);
  set_shift(d, bits<12, 11>(raw), bits<10, 6>(raw));
  d.setflags = SetFlags::OutsideIt;
  return true;
}
bool reg3_16(uint32_t raw, Decoded& d) {  // ADD/SUB Rd, Rn, Rm
  d.rd = r3(raw, 0);
  d.rn = r3(raw, 3);
  d.rm = r3(raw, 6);
  d.setflags = SetFlags::OutsideIt;
  return true;
}
bool imm3_16(uint32_t raw, Decoded& d) {  // ADD/SUB Rd, Rn, #imm3
  d.rd = r3(raw, 0);
  d.rn = r3(raw, 3);
  d.imm = bits<8, 6>(raw);
  d.use_imm = true;
  d.setflags = SetFlags::OutsideIt;
  return true;
}
bool imm8_16(uint32_t raw, Decoded& d) {  // MOV/CMP/ADD/SUB Rdn, #imm8
  d.rd = d.rn = r3(raw, 8);
  d.imm = bits<7, 0>(raw);
  d.use_imm = true;
  d.setflags = SetFlags::OutsideIt;
  return true;
}
bool alu16(uint32_t raw, Decoded& d) {  // <op> Rdn, Rm
  d.rd = d.rn = r3(raw, 0);
  d.rm = r3(raw, 3);
  d.setflags = SetFlags::OutsideIt;
  return true;
}
bool shift_reg16(uint32_t raw, Decoded& d) {  // LSL/LSR/ASR/ROR Rdn, Rm
  alu16(raw, d);
  switch (bits<9, 6>(raw)) {
    case 0b0010: d.shift = ShiftType::LSL; break;
    case 0b0011: d.shift = ShiftType::LSR; break;
    case 0b0100: d.shift = ShiftType::ASR; break;
    default: d.shift = ShiftType::ROR; break;
  }
  return true;
}
bool rsb16(uint32_t raw, Decoded& d) {  // RSBS Rd, Rn, #0
  d.rd = r3(raw, 0);
  d.rn = r3(raw, 3);
  d.imm = 0;
  d.use_imm = true;
  d.setflags = SetFlags::OutsideIt;
  return true;
}
bool high_add16(uint32_t raw, Decoded& d) {  // ADD Rdn, Rm (any registers)
  d.rd = d.rn = static_cast<uint8_t>((bit<7>(raw) << 3) | r3(raw, 0));
  d.rm = r4(raw, 3);
  return !(d.rd == 15 && d.rm == 15);
}
bool high_cmp16(uint32_t raw, Decoded& d) {  // CMP Rn, Rm (any registers)
  d.rn = static_cast<uint8_t>((bit<7>(raw) << 3) | r3(raw, 0));
  d.rm = r4(raw, 3);
  return !(d.rn < 8 && d.rm < 8) && d.rn != 15 && d.rm != 15;
}
bool high_mov16(uint32_t raw, Decoded& d) {  // MOV Rd, Rm (any registers)
  d.rd = static_cast<uint8_t>((bit<7>(raw) << 3) | r3(raw, 0));
  d.rm = r4(raw, 3);
  return true;
}
bool adr16(uint32_t raw, Decoded& d) {
  d.rd = r3(raw, 8);
  d.imm = bits<7, 0>(raw) << 2;
  return true;
}
bool add_sp_imm8_16(uint32_t raw, Decoded& d) {  // ADD Rd, SP, #imm8<<2
  d.rd = r3(raw, 8);
  d.rn = 13;
  d.imm = bits<7, 0>(raw) << 2;
  d.use_imm = true;
  return true;
}
bool sp_imm7_16(uint32_t raw, Decoded& d) {  // ADD/SUB SP, SP, #imm7<<2
  d.rd = d.rn = 13;
  d.imm = bits<6, 0>(raw) << 2;
  d.use_imm = true;
  return true;
}
bool rd_rm16(uint32_t raw, Decoded& d) {  // extend and reverse: Rd, Rm
  d.rd = r3(raw, 0);
  d.rm = r3(raw, 3);
  return true;
}

// ---- 32-bit formats ----

// The register constraints of the 32-bit data-processing pages (A7.7): which
// uses of SP and PC are UNPREDICTABLE. The compare forms (Rd = 1111, S = 1)
// and MOV/MVN (Rn = 1111) have rows of their own, so a general row never
// legitimately names PC as Rd.
enum class Regs : uint8_t {
  Logical,  // AND, BIC, EOR, ADC, SBC, RSB: no SP or PC anywhere
  OrrOrn,   // ORR, ORN: Rn = PC is MOV/MVN, Rn = SP is forbidden
  Move,     // MOV, MVN and the shifts by immediate: Rd and Rm not SP/PC
  AddSub,   // ADD, SUB: Rn = SP is the SP-relative form, which allows Rd = SP
  Test,     // TST, TEQ: Rn not SP/PC
  Compare,  // CMP, CMN: Rn not PC
};

template <Regs rule>
bool registers_allowed(const Decoded& d, bool has_rm) {
  const bool rm_ok = !has_rm || !sp_or_pc(d.rm);
  switch (rule) {
    case Regs::Logical: return !sp_or_pc(d.rd) && !sp_or_pc(d.rn) && rm_ok;
    case Regs::OrrOrn: return !sp_or_pc(d.rd) && d.rn != 13 && rm_ok;
    case Regs::Move:
      // MOV.W Rd, Rm with no shift and no S may move to or from SP, not both.
      if (has_rm && d.setflags == SetFlags::No && d.shift == ShiftType::LSL && d.shift_n == 0)
        return d.rd != 15 && d.rm != 15 && !(d.rd == 13 && d.rm == 13);
      return !sp_or_pc(d.rd) && rm_ok;
    case Regs::AddSub:
      if (d.rn == 13) {  // SP plus/minus: Rd = SP only with LSL #0-3
        const bool sp_shift_ok = !has_rm || d.rd != 13 || (d.shift == ShiftType::LSL && d.shift_n <= 3);
        return d.rd != 15 && rm_ok && sp_shift_ok;
      }
      return !sp_or_pc(d.rd) && d.rn != 15 && rm_ok;
    case Regs::Test: return !sp_or_pc(d.rn) && rm_ok;
    case Regs::Compare: return d.rn != 15 && rm_ok;
  }
  return false;
}

template <Regs rule>
bool modified_imm(uint32_t raw, Decoded& d) {
  const ExpandedImm e = thumb_expand_imm(imm12(raw));
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.imm = e.value;
  d.imm_carry = e.rotates;
  d.use_imm = true;
  d.setflags = flags_if(s_bit(raw));
  return e.valid && registers_allowed<rule>(d, false);
}
template <Regs rule>
bool shifted_reg(uint32_t raw, Decoded& d) {
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.rm = rm32(raw);
  set_shift(d, bits<5, 4>(raw), imm5_32(raw));
  d.setflags = flags_if(s_bit(raw));
  return registers_allowed<rule>(d, true);
}
bool plain_imm12(uint32_t raw, Decoded& d) {  // ADDW/SUBW Rd, Rn, #imm12
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.imm = imm12(raw);
  d.use_imm = true;
  return registers_allowed<Regs::AddSub>(d, false);
}
bool adr32_add(uint32_t raw, Decoded& d) {
  d.rd = rd32(raw);
  d.imm = imm12(raw);
  d.add = true;
  return d.rd != 15 && d.rd != 13;
}
bool adr32_sub(uint32_t raw, Decoded& d) {
  adr32_add(raw, d);
  d.add = false;
  return d.rd != 15 && d.rd != 13;
}
bool imm16_rd(uint32_t raw, Decoded& d) {  // MOVW/MOVT Rd, #imm16
  d.rd = rd32(raw);
  d.imm = imm16(raw);
  d.use_imm = true;
  return d.rd != 15 && d.rd != 13;
}
bool saturate(uint32_t raw, Decoded& d) {  // SSAT/USAT Rd, #sat, Rn{, shift}
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  const uint32_t sh = bit<21>(raw), amount = imm5_32(raw);
  if (sh && amount == 0) return false;  // SSAT16/USAT16: DSP extension
  set_shift(d, sh << 1, amount);
  d.imm = bits<4, 0>(raw);
  return !sp_or_pc(d.rd) && !sp_or_pc(d.rn);
}
bool signed_saturate(uint32_t raw, Decoded& d) {
  const bool ok = saturate(raw, d);
  d.imm += 1;  // SSAT encodes saturate_to - 1
  return ok;
}
bool bitfield_extract(uint32_t raw, Decoded& d) {
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.imm = imm5_32(raw);           // lsb
  d.ra = static_cast<uint8_t>(bits<4, 0>(raw));  // width - 1
  return d.imm + d.ra <= 31 && !sp_or_pc(d.rd) && !sp_or_pc(d.rn);
}
bool bitfield_insert(uint32_t raw, Decoded& d) {
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.imm = imm5_32(raw);           // lsb
  d.ra = static_cast<uint8_t>(bits<4, 0>(raw));  // msb
  return d.ra >= d.imm && !sp_or_pc(d.rd) && d.rn != 13;
}
bool shift_reg32(uint32_t raw, Decoded& d) {
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.rm = rm32(raw);
  d.shift = static_cast<ShiftType>(bits<22, 21>(raw));
  d.setflags = flags_if(s_bit(raw));
  return !sp_or_pc(d.rd) && !sp_or_pc(d.rn) && !sp_or_pc(d.rm);
}
bool extend32(uint32_t raw, Decoded& d) {
  d.rd = rd32(raw);
  d.rm = rm32(raw);
  d.shift_n = static_cast<uint8_t>(bits<5, 4>(raw) * 8);
  return !sp_or_pc(d.rd) && !sp_or_pc(d.rm);
}
bool rd_rm32(uint32_t raw, Decoded& d) {  // REV/RBIT/CLZ: Rm appears twice and must match
  d.rd = rd32(raw);
  d.rm = rm32(raw);
  return rn32(raw) == d.rm && !sp_or_pc(d.rd) && !sp_or_pc(d.rm);
}

constexpr uint32_t v6 = kV6M, v7 = kV7M;
constexpr auto alu = OpClass::IntAlu;

constexpr std::array kRows{
    // 16-bit (A5.2)
    Encoding{"LSL (imm) T1", pattern("00000 iiiii mmm ddd"), shift_imm16, x::mov, v6, alu, other},
    Encoding{"LSR (imm) T1", pattern("00001 iiiii mmm ddd"), shift_imm16, x::mov, v6, alu, other},
    Encoding{"ASR (imm) T1", pattern("00010 iiiii mmm ddd"), shift_imm16, x::mov, v6, alu, other},
    Encoding{"ADD (reg) T1", pattern("0001100 mmm nnn ddd"), reg3_16, x::add, v6, alu, add32},
    Encoding{"SUB (reg) T1", pattern("0001101 mmm nnn ddd"), reg3_16, x::sub, v6, alu, add32},
    Encoding{"ADD (imm) T1", pattern("0001110 iii nnn ddd"), imm3_16, x::add, v6, alu, add32},
    Encoding{"SUB (imm) T1", pattern("0001111 iii nnn ddd"), imm3_16, x::sub, v6, alu, add32},
    Encoding{"MOV (imm) T1", pattern("00100 ddd iiiiiiii"), imm8_16, x::mov, v6, alu, other},
    Encoding{"CMP (imm) T1", pattern("00101 nnn iiiiiiii"), imm8_16, x::cmp, v6, alu, add32},
    Encoding{"ADD (imm) T2", pattern("00110 ddd iiiiiiii"), imm8_16, x::add, v6, alu, add32},
    Encoding{"SUB (imm) T2", pattern("00111 ddd iiiiiiii"), imm8_16, x::sub, v6, alu, add32},
    Encoding{"AND (reg) T1", pattern("010000 0000 mmm ddd"), alu16, x::and_, v6, alu, other},
    Encoding{"EOR (reg) T1", pattern("010000 0001 mmm ddd"), alu16, x::eor, v6, alu, other},
    Encoding{"LSL (reg) T1", pattern("010000 0010 mmm ddd"), shift_reg16, x::shift_reg, v6, alu, other},
    Encoding{"LSR (reg) T1", pattern("010000 0011 mmm ddd"), shift_reg16, x::shift_reg, v6, alu, other},
    Encoding{"ASR (reg) T1", pattern("010000 0100 mmm ddd"), shift_reg16, x::shift_reg, v6, alu, other},
    Encoding{"ADC (reg) T1", pattern("010000 0101 mmm ddd"), alu16, x::adc, v6, alu, add32},
    Encoding{"SBC (reg) T1", pattern("010000 0110 mmm ddd"), alu16, x::sbc, v6, alu, add32},
    Encoding{"ROR (reg) T1", pattern("010000 0111 mmm ddd"), shift_reg16, x::shift_reg, v6, alu, other},
    Encoding{"TST (reg) T1", pattern("010000 1000 mmm nnn"), alu16, x::tst, v6, alu, other},
    Encoding{"RSB (imm) T1", pattern("010000 1001 nnn ddd"), rsb16, x::rsb, v6, alu, add32},
    Encoding{"CMP (reg) T1", pattern("010000 1010 mmm nnn"), alu16, x::cmp, v6, alu, add32},
    Encoding{"CMN (reg) T1", pattern("010000 1011 mmm nnn"), alu16, x::cmn, v6, alu, add32},
    Encoding{"ORR (reg) T1", pattern("010000 1100 mmm ddd"), alu16, x::orr, v6, alu, other},
    Encoding{"BIC (reg) T1", pattern("010000 1110 mmm ddd"), alu16, x::bic, v6, alu, other},
    Encoding{"MVN (reg) T1", pattern("010000 1111 mmm ddd"), alu16, x::mvn, v6, alu, other},
    Encoding{"ADD (reg) T2", pattern("01000100 d mmmm ddd"), high_add16, x::add, v6, alu, add32},
    Encoding{"CMP (reg) T2", pattern("01000101 n mmmm nnn"), high_cmp16, x::cmp, v6, alu, add32},
    Encoding{"MOV (reg) T1", pattern("01000110 d mmmm ddd"), high_mov16, x::mov, v6, alu, other},
    Encoding{"ADR T1", pattern("10100 ddd iiiiiiii"), adr16, x::adr, v6, alu, add32},
    Encoding{"ADD (SP+imm) T1", pattern("10101 ddd iiiiiiii"), add_sp_imm8_16, x::add, v6, alu, add32},
    Encoding{"ADD (SP+imm) T2", pattern("101100000 iiiiiii"), sp_imm7_16, x::add, v6, alu, add32},
    Encoding{"SUB (SP-imm) T1", pattern("101100001 iiiiiii"), sp_imm7_16, x::sub, v6, alu, add32},
    Encoding{"SXTH T1", pattern("1011001000 mmm ddd"), rd_rm16, x::sxth, v6, alu, other},
    Encoding{"SXTB T1", pattern("1011001001 mmm ddd"), rd_rm16, x::sxtb, v6, alu, other},
    Encoding{"UXTH T1", pattern("1011001010 mmm ddd"), rd_rm16, x::uxth, v6, alu, other},
    Encoding{"UXTB T1", pattern("1011001011 mmm ddd"), rd_rm16, x::uxtb, v6, alu, other},
    Encoding{"REV T1", pattern("1011101000 mmm ddd"), rd_rm16, x::rev, v6, alu, other},
    Encoding{"REV16 T1", pattern("1011101001 mmm ddd"), rd_rm16, x::rev16, v6, alu, other},
    Encoding{"REVSH T1", pattern("1011101011 mmm ddd"), rd_rm16, x::revsh, v6, alu, other},

    // 32-bit, modified immediate (A5.3.1)
    Encoding{"AND (imm) T1", pattern("11110 i 0 0000 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::Logical>, x::and_, v7, alu, other},
    Encoding{"TST (imm) T1", pattern("11110 i 0 0000 1 nnnn | 0 iii 1111 iiiiiiii"), modified_imm<Regs::Test>, x::tst, v7, alu, other},
    Encoding{"BIC (imm) T1", pattern("11110 i 0 0001 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::Logical>, x::bic, v7, alu, other},
    Encoding{"ORR (imm) T1", pattern("11110 i 0 0010 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::OrrOrn>, x::orr, v7, alu, other},
    Encoding{"MOV (imm) T2", pattern("11110 i 0 0010 s 1111 | 0 iii dddd iiiiiiii"), modified_imm<Regs::Move>, x::mov, v7, alu, other},
    Encoding{"ORN (imm) T1", pattern("11110 i 0 0011 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::OrrOrn>, x::orn, v7, alu, other},
    Encoding{"MVN (imm) T1", pattern("11110 i 0 0011 s 1111 | 0 iii dddd iiiiiiii"), modified_imm<Regs::Move>, x::mvn, v7, alu, other},
    Encoding{"EOR (imm) T1", pattern("11110 i 0 0100 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::Logical>, x::eor, v7, alu, other},
    Encoding{"TEQ (imm) T1", pattern("11110 i 0 0100 1 nnnn | 0 iii 1111 iiiiiiii"), modified_imm<Regs::Test>, x::teq, v7, alu, other},
    Encoding{"ADD (imm) T3", pattern("11110 i 0 1000 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::AddSub>, x::add, v7, alu, add32},
    Encoding{"CMN (imm) T1", pattern("11110 i 0 1000 1 nnnn | 0 iii 1111 iiiiiiii"), modified_imm<Regs::Compare>, x::cmn, v7, alu, add32},
    Encoding{"ADC (imm) T1", pattern("11110 i 0 1010 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::Logical>, x::adc, v7, alu, add32},
    Encoding{"SBC (imm) T1", pattern("11110 i 0 1011 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::Logical>, x::sbc, v7, alu, add32},
    Encoding{"SUB (imm) T3", pattern("11110 i 0 1101 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::AddSub>, x::sub, v7, alu, add32},
    Encoding{"CMP (imm) T2", pattern("11110 i 0 1101 1 nnnn | 0 iii 1111 iiiiiiii"), modified_imm<Regs::Compare>, x::cmp, v7, alu, add32},
    Encoding{"RSB (imm) T2", pattern("11110 i 0 1110 s nnnn | 0 iii dddd iiiiiiii"), modified_imm<Regs::Logical>, x::rsb, v7, alu, add32},

    // 32-bit, plain binary immediate (A5.3.3)
    Encoding{"ADDW T4", pattern("11110 i 1 00000 nnnn | 0 iii dddd iiiiiiii"), plain_imm12, x::add, v7, alu, add32},
    Encoding{"ADR T3", pattern("11110 i 1 00000 1111 | 0 iii dddd iiiiiiii"), adr32_add, x::adr, v7, alu, add32},
    Encoding{"MOVW T3", pattern("11110 i 1 00100 iiii | 0 iii dddd iiiiiiii"), imm16_rd, x::mov, v7, alu, other},
    Encoding{"SUBW T4", pattern("11110 i 1 01010 nnnn | 0 iii dddd iiiiiiii"), plain_imm12, x::sub, v7, alu, add32},
    Encoding{"ADR T2", pattern("11110 i 1 01010 1111 | 0 iii dddd iiiiiiii"), adr32_sub, x::adr, v7, alu, add32},
    Encoding{"MOVT T1", pattern("11110 i 1 01100 iiii | 0 iii dddd iiiiiiii"), imm16_rd, x::movt, v7, alu, other},
    Encoding{"SSAT T1", pattern("11110 0 1 100 s 0 nnnn | 0 iii dddd ii 0 iiiii"), signed_saturate, x::ssat, v7, alu, other},
    Encoding{"SBFX T1", pattern("11110 0 1 10100 nnnn | 0 iii dddd ii 0 wwwww"), bitfield_extract, x::sbfx, v7, alu, other},
    Encoding{"BFI T1", pattern("11110 0 1 10110 nnnn | 0 iii dddd ii 0 mmmmm"), bitfield_insert, x::bfi, v7, alu, other},
    Encoding{"BFC T1", pattern("11110 0 1 10110 1111 | 0 iii dddd ii 0 mmmmm"), bitfield_insert, x::bfc, v7, alu, other},
    Encoding{"USAT T1", pattern("11110 0 1 110 s 0 nnnn | 0 iii dddd ii 0 iiiii"), saturate, x::usat, v7, alu, other},
    Encoding{"UBFX T1", pattern("11110 0 1 11100 nnnn | 0 iii dddd ii 0 wwwww"), bitfield_extract, x::ubfx, v7, alu, other},

    // 32-bit, shifted register (A5.3.11)
    Encoding{"AND (reg) T2", pattern("1110101 0000 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::Logical>, x::and_, v7, alu, other},
    Encoding{"TST (reg) T2", pattern("1110101 0000 1 nnnn | 0 iii 1111 ii tt mmmm"), shifted_reg<Regs::Test>, x::tst, v7, alu, other},
    Encoding{"BIC (reg) T2", pattern("1110101 0001 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::Logical>, x::bic, v7, alu, other},
    Encoding{"ORR (reg) T2", pattern("1110101 0010 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::OrrOrn>, x::orr, v7, alu, other},
    Encoding{"MOV (reg, shifted) T3", pattern("1110101 0010 s 1111 | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::Move>, x::mov, v7, alu, other},
    Encoding{"ORN (reg) T1", pattern("1110101 0011 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::OrrOrn>, x::orn, v7, alu, other},
    Encoding{"MVN (reg) T2", pattern("1110101 0011 s 1111 | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::Move>, x::mvn, v7, alu, other},
    Encoding{"EOR (reg) T2", pattern("1110101 0100 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::Logical>, x::eor, v7, alu, other},
    Encoding{"TEQ (reg) T1", pattern("1110101 0100 1 nnnn | 0 iii 1111 ii tt mmmm"), shifted_reg<Regs::Test>, x::teq, v7, alu, other},
    Encoding{"ADD (reg) T3", pattern("1110101 1000 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::AddSub>, x::add, v7, alu, add32},
    Encoding{"CMN (reg) T2", pattern("1110101 1000 1 nnnn | 0 iii 1111 ii tt mmmm"), shifted_reg<Regs::Compare>, x::cmn, v7, alu, add32},
    Encoding{"ADC (reg) T2", pattern("1110101 1010 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::Logical>, x::adc, v7, alu, add32},
    Encoding{"SBC (reg) T2", pattern("1110101 1011 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::Logical>, x::sbc, v7, alu, add32},
    Encoding{"SUB (reg) T2", pattern("1110101 1101 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::AddSub>, x::sub, v7, alu, add32},
    Encoding{"CMP (reg) T3", pattern("1110101 1101 1 nnnn | 0 iii 1111 ii tt mmmm"), shifted_reg<Regs::Compare>, x::cmp, v7, alu, add32},
    Encoding{"RSB (reg) T1", pattern("1110101 1110 s nnnn | 0 iii dddd ii tt mmmm"), shifted_reg<Regs::Logical>, x::rsb, v7, alu, add32},

    // 32-bit, register-controlled shifts, extends, reverses (A5.3.12, A5.3.13)
    Encoding{"LSL/LSR/ASR/ROR (reg) T2", pattern("11111010 0 tt s nnnn | 1111 dddd 0000 mmmm"), shift_reg32, x::shift_reg, v7, alu, other},
    Encoding{"SXTH T2", pattern("11111010 0 000 1111 | 1111 dddd 10 rr mmmm"), extend32, x::sxth, v7, alu, other},
    Encoding{"UXTH T2", pattern("11111010 0 001 1111 | 1111 dddd 10 rr mmmm"), extend32, x::uxth, v7, alu, other},
    Encoding{"SXTB T2", pattern("11111010 0 100 1111 | 1111 dddd 10 rr mmmm"), extend32, x::sxtb, v7, alu, other},
    Encoding{"UXTB T2", pattern("11111010 0 101 1111 | 1111 dddd 10 rr mmmm"), extend32, x::uxtb, v7, alu, other},
    Encoding{"REV T2", pattern("11111010 1001 mmmm | 1111 dddd 1000 mmmm"), rd_rm32, x::rev, v7, alu, other},
    Encoding{"REV16 T2", pattern("11111010 1001 mmmm | 1111 dddd 1001 mmmm"), rd_rm32, x::rev16, v7, alu, other},
    Encoding{"RBIT T1", pattern("11111010 1001 mmmm | 1111 dddd 1010 mmmm"), rd_rm32, x::rbit, v7, alu, other},
    Encoding{"REVSH T2", pattern("11111010 1001 mmmm | 1111 dddd 1011 mmmm"), rd_rm32, x::revsh, v7, alu, other},
    Encoding{"CLZ T1", pattern("11111010 1011 mmmm | 1111 dddd 1000 mmmm"), rd_rm32, x::clz, v7, alu, other},
};
}  // namespace

std::span<const Encoding> data_processing_encodings() { return kRows; }

}  // namespace isa
