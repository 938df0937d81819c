// Load/store encodings (ARMv7-M ARM A5.2.4, A5.2.5, A5.3.5, A5.3.7-A5.3.10).
//
// Rows overlap only where one contains the other (tests/isa/test_decoder.cpp):
// PLD/PLI and the unallocated memory hints (Rt == PC) and PUSH/POP (Rn == SP)
// are such special cases. The literal forms of the 32-bit single loads
// (Rn == PC) cannot be: a literal row would overlap the hint rows with
// neither containing the other. So, as in the manual's decode pseudocode
// ("if Rn == '1111' then SEE ... (literal)"), the immediate, register and
// unprivileged decode functions hand Rn == PC words to literal32(); the
// register rows draw hw2 bits 10:6 as operand bits (z) so that the literal's
// negative offsets are covered, and check them otherwise.
// In patterns, x marks the manual's (0)/(1) bits (checked by the decode
// function: a wrong value is UNPREDICTABLE), ss a shift amount, TTTT Rt2.
#include <array>
#include <bit>

#include "isa/encoding.hpp"
#include "isa/encodings/fields.hpp"
#include "isa/encodings/row_work.hpp"
#include "isa/exec/load_store.hpp"
#include "isa/features.hpp"

namespace isa {
namespace {
using namespace enc;
namespace x = exec;

// ---- 16-bit formats ----

bool reg_offset16(uint32_t raw, Decoded& d) {  // <op> Rt, [Rn, Rm]
  d.rd = r3(raw, 0);
  d.rn = r3(raw, 3);
  d.rm = r3(raw, 6);
  return true;
}
template <unsigned Bytes>
bool scaled_imm5_16(uint32_t raw, Decoded& d) {  // <op> Rt, [Rn, #imm5*Bytes]
  d.rd = r3(raw, 0);
  d.rn = r3(raw, 3);
  d.imm = bits<10, 6>(raw) * Bytes;
  d.use_imm = true;
  return true;
}
bool sp_imm8_16(uint32_t raw, Decoded& d) {  // LDR/STR Rt, [SP, #imm8*4]
  d.rd = r3(raw, 8);
  d.rn = 13;
  d.imm = bits<7, 0>(raw) << 2;
  d.use_imm = true;
  return true;
}
bool literal16(uint32_t raw, Decoded& d) {  // LDR Rt, [PC, #imm8*4]
  sp_imm8_16(raw, d);
  d.rn = 15;
  return true;
}
bool list16(uint32_t raw, Decoded& d) {  // LDM/STM Rn{!}, {r0-r7}
  d.rn = r3(raw, 8);
  d.imm = bits<7, 0>(raw);
  // STM always writes back; LDM only when Rn is not loaded.
  d.wback = !bit<11>(raw) || !((d.imm >> d.rn) & 1);
  return d.imm != 0;
}
bool push16(uint32_t raw, Decoded& d) {  // PUSH {r0-r7, LR}: STMDB SP!
  d.rn = 13;
  d.imm = (bit<8>(raw) << 14) | bits<7, 0>(raw);
  d.add = false;
  d.wback = true;
  return d.imm != 0;
}
bool pop16(uint32_t raw, Decoded& d) {  // POP {r0-r7, PC}: LDMIA SP!
  d.rn = 13;
  d.imm = (bit<8>(raw) << 15) | bits<7, 0>(raw);
  d.wback = true;
  return d.imm != 0;
}

// ---- 32-bit single loads and stores (A5.3.7-A5.3.10) ----
// hw1 bits 6:4 are size:L; the Rt rules follow from them.

constexpr bool is_load(uint32_t raw) { return bit<20>(raw); }
constexpr bool is_word(uint32_t raw) { return bits<22, 21>(raw) == 2; }
// Word loads may target SP and PC, word stores SP; byte and halfword forms
// neither (their Rt == PC loads are the hint rows, so reaching here is
// UNPREDICTABLE).
constexpr bool rt_allowed(uint32_t raw, unsigned t) {
  if (is_word(raw)) return is_load(raw) || t != 15;
  return t != 13 && t != 15;
}

// LDR<sz> Rt, [PC, #+/-imm12], reached through the rows below for Rn == PC.
// A byte or halfword one to PC is PLD/PLI (literal) or an unallocated hint
// that no hint row covers: exec::load_single then does nothing.
bool literal32(uint32_t raw, Decoded& d) {
  d.rd = rt32(raw);
  d.rn = 15;
  d.imm = bits<11, 0>(raw);
  d.use_imm = true;
  d.add = bit<23>(raw);
  return is_word(raw) || d.rd != 13;
}
bool imm12_32(uint32_t raw, Decoded& d) {  // <op> Rt, [Rn, #imm12]
  if (rn32(raw) == 15) return is_load(raw) && literal32(raw, d);  // stores: UNDEFINED
  d.rd = rt32(raw);
  d.rn = rn32(raw);
  d.imm = bits<11, 0>(raw);
  d.use_imm = true;
  return rt_allowed(raw, d.rd);
}
bool imm8_32(uint32_t raw, Decoded& d) {  // <op> Rt, [Rn, #+/-imm8]{!} or [Rn], #+/-imm8
  if (rn32(raw) == 15) return is_load(raw) && literal32(raw, d);
  d.rd = rt32(raw);
  d.rn = rn32(raw);
  d.imm = bits<7, 0>(raw);
  d.use_imm = true;
  d.index = bit<10>(raw);
  d.add = bit<9>(raw);
  d.wback = bit<8>(raw);
  if (!d.index && !d.wback) return false;  // UNDEFINED
  return rt_allowed(raw, d.rd) && !(d.wback && d.rn == d.rd);
}
bool reg_lsl32(uint32_t raw, Decoded& d) {  // <op> Rt, [Rn, Rm{, LSL #imm2}]
  if (rn32(raw) == 15) return is_load(raw) && literal32(raw, d);
  d.rd = rt32(raw);
  d.rn = rn32(raw);
  d.rm = rm32(raw);
  d.shift_n = static_cast<uint8_t>(bits<5, 4>(raw));
  return bits<10, 6>(raw) == 0 && d.rm != 13 && d.rm != 15 && rt_allowed(raw, d.rd);
}
bool unprivileged32(uint32_t raw, Decoded& d) {  // <op>T Rt, [Rn, #imm8]
  if (rn32(raw) == 15) return is_load(raw) && literal32(raw, d);
  d.rd = rt32(raw);
  d.rn = rn32(raw);
  d.imm = bits<7, 0>(raw);
  d.use_imm = true;
  return d.rd != 13 && d.rd != 15;
}
// PLD/PLI and the unallocated hints need no operands: they have no effect.
// With Rn == PC these rows are the literal forms, which are always valid.
bool hint32(uint32_t, Decoded&) { return true; }
bool hint_reg32(uint32_t raw, Decoded&) {  // PLD/PLI [Rn, Rm{, LSL #imm2}]
  return rn32(raw) == 15 || (rm32(raw) != 13 && rm32(raw) != 15);
}

// ---- 32-bit dual, exclusive (A5.3.6) and multiple (A5.3.5) ----

bool dual_imm8_32(uint32_t raw, Decoded& d) {  // LDRD/STRD Rt, Rt2, [Rn, #+/-imm8*4]{!} or post-indexed
  d.rd = rt32(raw);
  d.ra = rd32(raw);
  d.rn = rn32(raw);
  d.imm = bits<7, 0>(raw) << 2;
  d.use_imm = true;
  d.index = bit<24>(raw);
  d.add = bit<23>(raw);
  d.wback = bit<21>(raw);
  if (!d.index && !d.wback) return false;  // exclusive/table-branch space not allocated on M
  const bool regs_ok = d.rd != 13 && d.rd != 15 && d.ra != 13 && d.ra != 15 && !(is_load(raw) && d.rd == d.ra);
  return regs_ok && d.rn != 15 && !(d.wback && (d.rn == d.rd || d.rn == d.ra));
}
bool dual_literal32(uint32_t raw, Decoded& d) {  // LDRD Rt, Rt2, [PC, #+/-imm8*4]
  d.rd = rt32(raw);
  d.ra = rd32(raw);
  d.rn = 15;
  d.imm = bits<7, 0>(raw) << 2;
  d.use_imm = true;
  d.add = bit<23>(raw);
  return !bit<21>(raw) && d.rd != 13 && d.rd != 15 && d.ra != 13 && d.ra != 15 && d.rd != d.ra;
}
bool exclusive_regs_ok(const Decoded& d, bool load) {
  if (sp_or_pc(d.rd) || d.rn == 15) return false;
  return load || (d.ra != 13 && d.ra != 15 && d.ra != d.rn && d.ra != d.rd);
}
bool exclusive_imm8_32(uint32_t raw, Decoded& d) {  // LDREX Rt, [Rn, #imm8*4]; STREX Rd, Rt, [...]
  d.rd = rt32(raw);
  d.rn = rn32(raw);
  d.ra = rd32(raw);  // STREX status; (1111) in LDREX
  d.imm = bits<7, 0>(raw) << 2;
  return exclusive_regs_ok(d, is_load(raw)) && (!is_load(raw) || d.ra == 15);
}
bool exclusive_narrow32(uint32_t raw, Decoded& d) {  // LDREXB/H Rt, [Rn]; STREXB/H Rd, Rt, [Rn]
  d.rd = rt32(raw);
  d.rn = rn32(raw);
  d.ra = rm32(raw);  // STREX status; (1111) in LDREX
  const bool sbo = rd32(raw) == 15 && (!is_load(raw) || d.ra == 15);
  return sbo && exclusive_regs_ok(d, is_load(raw));
}
bool clrex32(uint32_t raw, Decoded&) {  // CLREX: only (0)/(1) bits to check
  return bits<19, 16>(raw) == 15 && !bit<13>(raw) && bits<11, 8>(raw) == 15 && bits<3, 0>(raw) == 15;
}

bool list32(uint32_t raw, Decoded& d) {  // LDM/STM<IA|DB> Rn{!}, {list}
  d.rn = rn32(raw);
  d.imm = bits<15, 0>(raw);
  d.add = bit<23>(raw);  // IA (01) or DB (10)
  d.wback = bit<21>(raw);
  const bool pc_ok = is_load(raw) ? !(bit<15>(raw) && bit<14>(raw)) : !bit<15>(raw);  // not PC and LR
  return pc_ok && !bit<13>(raw) && std::popcount(d.imm) >= 2 && d.rn != 15 && !(d.wback && ((d.imm >> d.rn) & 1));
}

constexpr uint32_t v6 = kV6M, v7 = kV7M;
constexpr auto ld = OpClass::Load, st = OpClass::Store, ldm = OpClass::LoadMultiple, stm = OpClass::StoreMultiple,
               hint = OpClass::Hint;

constexpr std::array kRows{
    // 16-bit, load/store single (A5.2.4)
    Encoding{"STR (reg) T1", pattern("0101 000 mmm nnn ttt"), reg_offset16, x::str, v6, st, store32},
    Encoding{"STRH (reg) T1", pattern("0101 001 mmm nnn ttt"), reg_offset16, x::strh, v6, st, store16},
    Encoding{"STRB (reg) T1", pattern("0101 010 mmm nnn ttt"), reg_offset16, x::strb, v6, st, store8},
    Encoding{"LDRSB (reg) T1", pattern("0101 011 mmm nnn ttt"), reg_offset16, x::ldrsb, v6, ld, load8},
    Encoding{"LDR (reg) T1", pattern("0101 100 mmm nnn ttt"), reg_offset16, x::ldr, v6, ld, load32},
    Encoding{"LDRH (reg) T1", pattern("0101 101 mmm nnn ttt"), reg_offset16, x::ldrh, v6, ld, load16},
    Encoding{"LDRB (reg) T1", pattern("0101 110 mmm nnn ttt"), reg_offset16, x::ldrb, v6, ld, load8},
    Encoding{"LDRSH (reg) T1", pattern("0101 111 mmm nnn ttt"), reg_offset16, x::ldrsh, v6, ld, load16},
    Encoding{"STR (imm) T1", pattern("01100 iiiii nnn ttt"), scaled_imm5_16<4>, x::str, v6, st, store32},
    Encoding{"LDR (imm) T1", pattern("01101 iiiii nnn ttt"), scaled_imm5_16<4>, x::ldr, v6, ld, load32},
    Encoding{"STRB (imm) T1", pattern("01110 iiiii nnn ttt"), scaled_imm5_16<1>, x::strb, v6, st, store8},
    Encoding{"LDRB (imm) T1", pattern("01111 iiiii nnn ttt"), scaled_imm5_16<1>, x::ldrb, v6, ld, load8},
    Encoding{"STRH (imm) T1", pattern("10000 iiiii nnn ttt"), scaled_imm5_16<2>, x::strh, v6, st, store16},
    Encoding{"LDRH (imm) T1", pattern("10001 iiiii nnn ttt"), scaled_imm5_16<2>, x::ldrh, v6, ld, load16},
    Encoding{"STR (imm) T2", pattern("10010 ttt iiiiiiii"), sp_imm8_16, x::str, v6, st, store32},
    Encoding{"LDR (imm) T2", pattern("10011 ttt iiiiiiii"), sp_imm8_16, x::ldr, v6, ld, load32},
    Encoding{"LDR (literal) T1", pattern("01001 ttt iiiiiiii"), literal16, x::ldr, v6, ld, load32},

    // 16-bit, multiple (A5.2, A5.2.5)
    Encoding{"STM T1", pattern("11000 nnn rrrrrrrr"), list16, x::stm, v6, stm, store32},
    Encoding{"LDM T1", pattern("11001 nnn rrrrrrrr"), list16, x::ldm, v6, ldm, load32},
    Encoding{"PUSH T1", pattern("1011 010 m rrrrrrrr"), push16, x::stm, v6, stm, store32},
    Encoding{"POP T1", pattern("1011 110 p rrrrrrrr"), pop16, x::ldm, v6, ldm, load32},

    // 32-bit, store single (A5.3.10)
    Encoding{"STRB (imm) T2", pattern("11111000 1000 nnnn | tttt iiiiiiiiiiii"), imm12_32, x::strb, v7, st, store8},
    Encoding{"STRB (imm) T3", pattern("11111000 0000 nnnn | tttt 1 puw iiiiiiii"), imm8_32, x::strb, v7, st, store8},
    Encoding{"STRBT T1", pattern("11111000 0000 nnnn | tttt 1110 iiiiiiii"), unprivileged32, x::strb, v7, st, store8},
    Encoding{"STRB (reg) T2", pattern("11111000 0000 nnnn | tttt 000000 ss mmmm"), reg_lsl32, x::strb, v7, st, store8},
    Encoding{"STRH (imm) T2", pattern("11111000 1010 nnnn | tttt iiiiiiiiiiii"), imm12_32, x::strh, v7, st, store16},
    Encoding{"STRH (imm) T3", pattern("11111000 0010 nnnn | tttt 1 puw iiiiiiii"), imm8_32, x::strh, v7, st, store16},
    Encoding{"STRHT T1", pattern("11111000 0010 nnnn | tttt 1110 iiiiiiii"), unprivileged32, x::strh, v7, st, store16},
    Encoding{"STRH (reg) T2", pattern("11111000 0010 nnnn | tttt 000000 ss mmmm"), reg_lsl32, x::strh, v7, st, store16},
    Encoding{"STR (imm) T3", pattern("11111000 1100 nnnn | tttt iiiiiiiiiiii"), imm12_32, x::str, v7, st, store32},
    Encoding{"STR (imm) T4", pattern("11111000 0100 nnnn | tttt 1 puw iiiiiiii"), imm8_32, x::str, v7, st, store32},
    Encoding{"PUSH T3", pattern("11111000 0100 1101 | tttt 1101 00000100"), imm8_32, x::str, v7, st, store32},
    Encoding{"STRT T1", pattern("11111000 0100 nnnn | tttt 1110 iiiiiiii"), unprivileged32, x::str, v7, st, store32},
    Encoding{"STR (reg) T2", pattern("11111000 0100 nnnn | tttt 000000 ss mmmm"), reg_lsl32, x::str, v7, st, store32},

    // 32-bit, load byte and memory hints (A5.3.9)
    Encoding{"LDRB (imm) T2", pattern("11111000 1001 nnnn | tttt iiiiiiiiiiii"), imm12_32, x::ldrb, v7, ld, load8},
    Encoding{"LDRB (imm) T3", pattern("11111000 0001 nnnn | tttt 1 puw iiiiiiii"), imm8_32, x::ldrb, v7, ld, load8},
    Encoding{"LDRBT T1", pattern("11111000 0001 nnnn | tttt 1110 iiiiiiii"), unprivileged32, x::ldrb, v7, ld, load8},
    Encoding{"LDRB (reg) T2", pattern("11111000 0001 nnnn | tttt 0 zzzzz ss mmmm"), reg_lsl32, x::ldrb, v7, ld, load8},
    Encoding{"LDRSB (imm) T1", pattern("11111001 1001 nnnn | tttt iiiiiiiiiiii"), imm12_32, x::ldrsb, v7, ld, load8},
    Encoding{"LDRSB (imm) T2", pattern("11111001 0001 nnnn | tttt 1 puw iiiiiiii"), imm8_32, x::ldrsb, v7, ld, load8},
    Encoding{"LDRSBT T1", pattern("11111001 0001 nnnn | tttt 1110 iiiiiiii"), unprivileged32, x::ldrsb, v7, ld, load8},
    Encoding{"LDRSB (reg) T2", pattern("11111001 0001 nnnn | tttt 0 zzzzz ss mmmm"), reg_lsl32, x::ldrsb, v7, ld, load8},
    Encoding{"PLD (imm) T1", pattern("11111000 1001 nnnn | 1111 iiiiiiiiiiii"), hint32, x::memory_hint, v7, hint, other},
    Encoding{"PLD (imm) T2", pattern("11111000 0001 nnnn | 1111 1100 iiiiiiii"), hint32, x::memory_hint, v7, hint, other},
    Encoding{"PLD (reg) T1", pattern("11111000 0001 nnnn | 1111 000000 ss mmmm"), hint_reg32, x::memory_hint, v7, hint, other},
    Encoding{"PLI (imm) T1", pattern("11111001 1001 nnnn | 1111 iiiiiiiiiiii"), hint32, x::memory_hint, v7, hint, other},
    Encoding{"PLI (imm) T2", pattern("11111001 0001 nnnn | 1111 1100 iiiiiiii"), hint32, x::memory_hint, v7, hint, other},
    Encoding{"PLI (reg) T1", pattern("11111001 0001 nnnn | 1111 000000 ss mmmm"), hint_reg32, x::memory_hint, v7, hint, other},

    // 32-bit, load halfword and unallocated memory hints (A5.3.8)
    Encoding{"LDRH (imm) T2", pattern("11111000 1011 nnnn | tttt iiiiiiiiiiii"), imm12_32, x::ldrh, v7, ld, load16},
    Encoding{"LDRH (imm) T3", pattern("11111000 0011 nnnn | tttt 1 puw iiiiiiii"), imm8_32, x::ldrh, v7, ld, load16},
    Encoding{"LDRHT T1", pattern("11111000 0011 nnnn | tttt 1110 iiiiiiii"), unprivileged32, x::ldrh, v7, ld, load16},
    Encoding{"LDRH (reg) T2", pattern("11111000 0011 nnnn | tttt 0 zzzzz ss mmmm"), reg_lsl32, x::ldrh, v7, ld, load16},
    Encoding{"LDRSH (imm) T1", pattern("11111001 1011 nnnn | tttt iiiiiiiiiiii"), imm12_32, x::ldrsh, v7, ld, load16},
    Encoding{"LDRSH (imm) T2", pattern("11111001 0011 nnnn | tttt 1 puw iiiiiiii"), imm8_32, x::ldrsh, v7, ld, load16},
    Encoding{"LDRSHT T1", pattern("11111001 0011 nnnn | tttt 1110 iiiiiiii"), unprivileged32, x::ldrsh, v7, ld, load16},
    Encoding{"LDRSH (reg) T2", pattern("11111001 0011 nnnn | tttt 0 zzzzz ss mmmm"), reg_lsl32, x::ldrsh, v7, ld, load16},
    Encoding{"Memory hint (LDRH imm12)", pattern("11111000 1011 nnnn | 1111 iiiiiiiiiiii"), hint32, x::memory_hint, v7, hint, other},
    Encoding{"Memory hint (LDRH imm8)", pattern("11111000 0011 nnnn | 1111 1100 iiiiiiii"), hint32, x::memory_hint, v7, hint, other},
    Encoding{"Memory hint (LDRH reg)", pattern("11111000 0011 nnnn | 1111 000000 ss mmmm"), hint_reg32, x::memory_hint, v7, hint, other},
    Encoding{"Memory hint (LDRSH imm12)", pattern("11111001 1011 nnnn | 1111 iiiiiiiiiiii"), hint32, x::memory_hint, v7, hint, other},
    Encoding{"Memory hint (LDRSH imm8)", pattern("11111001 0011 nnnn | 1111 1100 iiiiiiii"), hint32, x::memory_hint, v7, hint, other},
    Encoding{"Memory hint (LDRSH reg)", pattern("11111001 0011 nnnn | 1111 000000 ss mmmm"), hint_reg32, x::memory_hint, v7, hint, other},

    // 32-bit, load word (A5.3.7)
    Encoding{"LDR (imm) T3", pattern("11111000 1101 nnnn | tttt iiiiiiiiiiii"), imm12_32, x::ldr, v7, ld, load32},
    Encoding{"LDR (imm) T4", pattern("11111000 0101 nnnn | tttt 1 puw iiiiiiii"), imm8_32, x::ldr, v7, ld, load32},
    Encoding{"POP T3", pattern("11111000 0101 1101 | tttt 1011 00000100"), imm8_32, x::ldr, v7, ld, load32},
    Encoding{"LDRT T1", pattern("11111000 0101 nnnn | tttt 1110 iiiiiiii"), unprivileged32, x::ldr, v7, ld, load32},
    Encoding{"LDR (reg) T2", pattern("11111000 0101 nnnn | tttt 0 zzzzz ss mmmm"), reg_lsl32, x::ldr, v7, ld, load32},

    // 32-bit, load/store dual and exclusive (A5.3.6); TBB/TBH are branches
    Encoding{"STRD (imm) T1", pattern("1110100 p u 1 w 0 nnnn | tttt TTTT iiiiiiii"), dual_imm8_32, x::strd, v7, st, store64},
    Encoding{"LDRD (imm) T1", pattern("1110100 p u 1 w 1 nnnn | tttt TTTT iiiiiiii"), dual_imm8_32, x::ldrd, v7, ld, load64},
    Encoding{"LDRD (literal) T1", pattern("1110100 1 u 1 w 1 1111 | tttt TTTT iiiiiiii"), dual_literal32, x::ldrd, v7, ld, load64},
    Encoding{"STREX T1", pattern("11101000 0100 nnnn | tttt dddd iiiiiiii"), exclusive_imm8_32, x::strex, v7, st, store32},
    Encoding{"LDREX T1", pattern("11101000 0101 nnnn | tttt xxxx iiiiiiii"), exclusive_imm8_32, x::ldrex, v7, ld, load32},
    Encoding{"STREXB T1", pattern("11101000 1100 nnnn | tttt xxxx 0100 dddd"), exclusive_narrow32, x::strexb, v7, st, store8},
    Encoding{"STREXH T1", pattern("11101000 1100 nnnn | tttt xxxx 0101 dddd"), exclusive_narrow32, x::strexh, v7, st, store16},
    Encoding{"LDREXB T1", pattern("11101000 1101 nnnn | tttt xxxx 0100 xxxx"), exclusive_narrow32, x::ldrexb, v7, ld, load8},
    Encoding{"LDREXH T1", pattern("11101000 1101 nnnn | tttt xxxx 0101 xxxx"), exclusive_narrow32, x::ldrexh, v7, ld, load16},
    Encoding{"CLREX T1", pattern("11110 0 111 01 1 xxxx | 10 x 0 xxxx 0010 xxxx"), clrex32, x::clrex, v7, hint, other},

    // 32-bit, load/store multiple (A5.3.5)
    Encoding{"STM T2", pattern("11101000 10 w 0 nnnn | rrrrrrrrrrrrrrrr"), list32, x::stm, v7, stm, store32},
    Encoding{"LDM T2", pattern("11101000 10 w 1 nnnn | rrrrrrrrrrrrrrrr"), list32, x::ldm, v7, ldm, load32},
    Encoding{"POP T2", pattern("11101000 1011 1101 | rrrrrrrrrrrrrrrr"), list32, x::ldm, v7, ldm, load32},
    Encoding{"STMDB T1", pattern("11101001 00 w 0 nnnn | rrrrrrrrrrrrrrrr"), list32, x::stm, v7, stm, store32},
    Encoding{"PUSH T2", pattern("11101001 0010 1101 | rrrrrrrrrrrrrrrr"), list32, x::stm, v7, stm, store32},
    Encoding{"LDMDB T1", pattern("11101001 00 w 1 nnnn | rrrrrrrrrrrrrrrr"), list32, x::ldm, v7, ldm, load32},
};
}  // namespace

std::span<const Encoding> load_store_encodings() { return kRows; }

}  // namespace isa
