#include "isa/exec/dsp.hpp"

#include "isa/cpu.hpp"

namespace isa::exec {

namespace {

// ---- parallel add/subtract (A7.7: SADD16 ... UHSUB8) ----

// Lane i of Rd combines lane i of Rn with lane i of Rm, or with the other
// halfword of Rm for ASX/SAX; bit i of `subtract` makes lane i a difference.
struct LaneShape {
  unsigned width;
  bool exchange;
  unsigned subtract;
};
constexpr LaneShape kAdd8{8, false, 0b0000}, kSub8{8, false, 0b1111};
constexpr LaneShape kAdd16{16, false, 0b00}, kSub16{16, false, 0b11};
constexpr LaneShape kAsx{16, true, 0b01}, kSax{16, true, 0b10};

constexpr bool signed_lanes(Prefix p) { return p == Prefix::S || p == Prefix::Q || p == Prefix::SH; }

template <Prefix p, unsigned width>
int32_t lane(uint32_t v, unsigned i) {
  const uint32_t raw = (v >> (width * i)) & ((1u << width) - 1);
  return signed_lanes(p) ? sign_extend(raw, width) : static_cast<int32_t>(raw);
}

// The pseudocode computes each lane as an unbounded integer, then keeps its
// low bits (S/U), saturates it (Q/UQ: SignedSat/UnsignedSat, Q unaffected)
// or takes bits <width:1> (SH/UH: rounds toward minus infinity).
template <Prefix p, LaneShape shape>
void lanes(Cpu& c, const Decoded& d) {
  constexpr unsigned w = shape.width, count = 32 / w, ge_bits = w / 8;
  const uint32_t n = c.reg(d.rn), m = c.reg(d.rm);
  uint32_t result = 0;
  uint8_t ge = 0;
  for (unsigned i = 0; i < count; ++i) {
    const int32_t a = lane<p, w>(n, i), b = lane<p, w>(m, shape.exchange ? count - 1 - i : i);
    const bool sub = (shape.subtract >> i) & 1;
    const int32_t r = sub ? a - b : a + b;
    int32_t out = r;
    if constexpr (p == Prefix::Q) out = static_cast<int32_t>(signed_sat(r, w).value);
    if constexpr (p == Prefix::UQ) out = static_cast<int32_t>(unsigned_sat(r, w).value);
    if constexpr (p == Prefix::SH || p == Prefix::UH) out = r >> 1;
    result |= (static_cast<uint32_t>(out) & ((1u << w) - 1)) << (w * i);
    // GE: signed lanes non-negative; unsigned sums carry out, unsigned differences do not borrow.
    const bool ge_lane = (p == Prefix::U && !sub) ? r >= (1 << w) : r >= 0;
    if (ge_lane) ge |= static_cast<uint8_t>(((1u << ge_bits) - 1) << (ge_bits * i));
  }
  c.write_reg(d.rd, result);
  if constexpr (p == Prefix::S || p == Prefix::U) c.state().ge = ge;
}

// ---- helpers ----

int64_t sreg(const Cpu& c, unsigned n) { return static_cast<int32_t>(c.reg(n)); }
uint64_t ureg(const Cpu& c, unsigned n) { return c.reg(n); }
int32_t half(uint32_t v, unsigned shift) { return static_cast<int16_t>(v >> shift); }
uint32_t rotated_rm(const Cpu& c, const Decoded& d) { return ror32(c.reg(d.rm), d.shift_n); }

// R[d] = result<31:0>; "if result != SInt(result<31:0>) then APSR.Q = '1'".
void write_q(Cpu& c, unsigned rd, int64_t result) {
  c.write_reg(rd, static_cast<uint32_t>(result));
  if (result != static_cast<int32_t>(result)) c.state().q = true;
}
uint32_t saturate_q(Cpu& c, int64_t v) {  // SignedSatQ(v, 32)
  const SatResult s = signed_sat(v, 32);
  if (s.saturated) c.state().q = true;
  return s.value;
}

uint64_t hi_lo(const Cpu& c, const Decoded& d) { return (ureg(c, d.ra) << 32) | c.reg(d.rd); }
void write_hi_lo(Cpu& c, const Decoded& d, uint64_t v) {
  c.write_reg(d.rd, static_cast<uint32_t>(v));
  c.write_reg(d.ra, static_cast<uint32_t>(v >> 32));
}

int64_t halfword_product(const Cpu& c, const Decoded& d) {
  return int64_t{half(c.reg(d.rn), d.imm)} * half(c.reg(d.rm), d.shift_n);
}
// SMLAW/SMULW: a 48-bit product.
int64_t word_by_halfword(const Cpu& c, const Decoded& d) { return sreg(c, d.rn) * half(c.reg(d.rm), d.shift_n); }

struct DualProducts {
  int64_t lo, hi;
};
DualProducts dual_products(const Cpu& c, const Decoded& d) {
  const uint32_t n = c.reg(d.rn), m = rotated_rm(c, d);
  return {int64_t{half(n, 0)} * half(m, 0), int64_t{half(n, 16)} * half(m, 16)};
}

// Modulo 2^64 arithmetic gives the pseudocode's result<63:32> without overflow.
uint64_t word_product(const Cpu& c, const Decoded& d) { return static_cast<uint64_t>(sreg(c, d.rn) * sreg(c, d.rm)); }
void write_high_word(Cpu& c, const Decoded& d, uint64_t v) { c.write_reg(d.rd, static_cast<uint32_t>((v + d.imm) >> 32)); }

uint32_t absolute_differences(const Cpu& c, const Decoded& d) {
  const uint32_t n = c.reg(d.rn), m = c.reg(d.rm);
  uint32_t sum = 0;
  for (unsigned i = 0; i < 32; i += 8) {
    const int32_t diff = static_cast<int32_t>((n >> i) & 0xFF) - static_cast<int32_t>((m >> i) & 0xFF);
    sum += static_cast<uint32_t>(diff < 0 ? -diff : diff);
  }
  return sum;
}

template <bool doubling, bool subtract>
void q_arith(Cpu& c, const Decoded& d) {
  const int64_t n = doubling ? static_cast<int32_t>(saturate_q(c, 2 * sreg(c, d.rn))) : sreg(c, d.rn);
  c.write_reg(d.rd, saturate_q(c, subtract ? sreg(c, d.rm) - n : sreg(c, d.rm) + n));
}

template <bool to_signed>
void saturate16(Cpu& c, const Decoded& d) {
  const uint32_t n = c.reg(d.rn);
  uint32_t result = 0;
  for (unsigned i = 0; i < 32; i += 16) {
    const SatResult s = to_signed ? signed_sat(half(n, i), d.imm) : unsigned_sat(half(n, i), d.imm);
    if (s.saturated) c.state().q = true;
    result |= (s.value & 0xFFFF) << i;
  }
  c.write_reg(d.rd, result);
}

// Bytes 0 and 2 of the rotated Rm, extended to halfwords and added to Rn's
// halfwords (base 0 for the non-accumulating forms).
template <bool sign>
uint32_t extend_b16(uint32_t base, uint32_t rotated) {
  uint32_t result = 0;
  for (unsigned i = 0; i < 32; i += 16) {
    const uint32_t byte = (rotated >> i) & 0xFF;
    const uint32_t ext = sign ? static_cast<uint32_t>(sign_extend(byte, 8)) : byte;
    result |= (((base >> i) + ext) & 0xFFFF) << i;
  }
  return result;
}

}  // namespace

template <Prefix p> void Parallel<p>::add8(Cpu& c, const Decoded& d) { lanes<p, kAdd8>(c, d); }
template <Prefix p> void Parallel<p>::sub8(Cpu& c, const Decoded& d) { lanes<p, kSub8>(c, d); }
template <Prefix p> void Parallel<p>::add16(Cpu& c, const Decoded& d) { lanes<p, kAdd16>(c, d); }
template <Prefix p> void Parallel<p>::sub16(Cpu& c, const Decoded& d) { lanes<p, kSub16>(c, d); }
template <Prefix p> void Parallel<p>::asx(Cpu& c, const Decoded& d) { lanes<p, kAsx>(c, d); }
template <Prefix p> void Parallel<p>::sax(Cpu& c, const Decoded& d) { lanes<p, kSax>(c, d); }
template struct Parallel<Prefix::S>;
template struct Parallel<Prefix::Q>;
template struct Parallel<Prefix::SH>;
template struct Parallel<Prefix::U>;
template struct Parallel<Prefix::UQ>;
template struct Parallel<Prefix::UH>;

void sel(Cpu& c, const Decoded& d) {
  const uint32_t n = c.reg(d.rn), m = c.reg(d.rm);
  uint32_t result = 0;
  for (unsigned lane = 0; lane < 4; ++lane) {
    const uint32_t mask = 0xFFu << (8 * lane);
    result |= ((c.state().ge >> lane) & 1) ? (n & mask) : (m & mask);
  }
  c.write_reg(d.rd, result);
}
void usad8(Cpu& c, const Decoded& d) { c.write_reg(d.rd, absolute_differences(c, d)); }
void usada8(Cpu& c, const Decoded& d) { c.write_reg(d.rd, c.reg(d.ra) + absolute_differences(c, d)); }

void qadd(Cpu& c, const Decoded& d) { q_arith<false, false>(c, d); }
void qsub(Cpu& c, const Decoded& d) { q_arith<false, true>(c, d); }
void qdadd(Cpu& c, const Decoded& d) { q_arith<true, false>(c, d); }
void qdsub(Cpu& c, const Decoded& d) { q_arith<true, true>(c, d); }
void ssat16(Cpu& c, const Decoded& d) { saturate16<true>(c, d); }
void usat16(Cpu& c, const Decoded& d) { saturate16<false>(c, d); }

void sxtab(Cpu& c, const Decoded& d) {
  c.write_reg(d.rd, c.reg(d.rn) + static_cast<uint32_t>(sign_extend(rotated_rm(c, d), 8)));
}
void sxtah(Cpu& c, const Decoded& d) {
  c.write_reg(d.rd, c.reg(d.rn) + static_cast<uint32_t>(sign_extend(rotated_rm(c, d), 16)));
}
void uxtab(Cpu& c, const Decoded& d) { c.write_reg(d.rd, c.reg(d.rn) + (rotated_rm(c, d) & 0xFF)); }
void uxtah(Cpu& c, const Decoded& d) { c.write_reg(d.rd, c.reg(d.rn) + (rotated_rm(c, d) & 0xFFFF)); }
void sxtb16(Cpu& c, const Decoded& d) { c.write_reg(d.rd, extend_b16<true>(0, rotated_rm(c, d))); }
void uxtb16(Cpu& c, const Decoded& d) { c.write_reg(d.rd, extend_b16<false>(0, rotated_rm(c, d))); }
void sxtab16(Cpu& c, const Decoded& d) { c.write_reg(d.rd, extend_b16<true>(c.reg(d.rn), rotated_rm(c, d))); }
void uxtab16(Cpu& c, const Decoded& d) { c.write_reg(d.rd, extend_b16<false>(c.reg(d.rn), rotated_rm(c, d))); }

void pkh(Cpu& c, const Decoded& d) {
  const uint32_t operand2 = shift_c(c.reg(d.rm), d.shift, d.shift_n, c.state().c).value;
  const uint32_t n = c.reg(d.rn);
  const bool tb = d.shift == ShiftType::ASR;  // PKHTB: bottom from the shifted Rm, top from Rn
  c.write_reg(d.rd, tb ? (n & 0xFFFF0000u) | (operand2 & 0xFFFFu) : (operand2 & 0xFFFF0000u) | (n & 0xFFFFu));
}

void smul_xy(Cpu& c, const Decoded& d) { c.write_reg(d.rd, static_cast<uint32_t>(halfword_product(c, d))); }
void smla_xy(Cpu& c, const Decoded& d) { write_q(c, d.rd, halfword_product(c, d) + sreg(c, d.ra)); }
void smulw_y(Cpu& c, const Decoded& d) { c.write_reg(d.rd, static_cast<uint32_t>(word_by_halfword(c, d) >> 16)); }
void smlaw_y(Cpu& c, const Decoded& d) { write_q(c, d.rd, (word_by_halfword(c, d) + (sreg(c, d.ra) << 16)) >> 16); }

void smuad(Cpu& c, const Decoded& d) {
  const auto [lo, hi] = dual_products(c, d);
  write_q(c, d.rd, lo + hi);
}
void smlad(Cpu& c, const Decoded& d) {
  const auto [lo, hi] = dual_products(c, d);
  write_q(c, d.rd, lo + hi + sreg(c, d.ra));
}
void smusd(Cpu& c, const Decoded& d) {  // cannot overflow: Q unaffected
  const auto [lo, hi] = dual_products(c, d);
  c.write_reg(d.rd, static_cast<uint32_t>(lo - hi));
}
void smlsd(Cpu& c, const Decoded& d) {
  const auto [lo, hi] = dual_products(c, d);
  write_q(c, d.rd, lo - hi + sreg(c, d.ra));
}

void smlal_xy(Cpu& c, const Decoded& d) {
  write_hi_lo(c, d, hi_lo(c, d) + static_cast<uint64_t>(halfword_product(c, d)));
}
void smlald(Cpu& c, const Decoded& d) {
  const auto [lo, hi] = dual_products(c, d);
  write_hi_lo(c, d, hi_lo(c, d) + static_cast<uint64_t>(lo + hi));
}
void smlsld(Cpu& c, const Decoded& d) {
  const auto [lo, hi] = dual_products(c, d);
  write_hi_lo(c, d, hi_lo(c, d) + static_cast<uint64_t>(lo - hi));
}

void smmul(Cpu& c, const Decoded& d) { write_high_word(c, d, word_product(c, d)); }
void smmla(Cpu& c, const Decoded& d) { write_high_word(c, d, (ureg(c, d.ra) << 32) + word_product(c, d)); }
void smmls(Cpu& c, const Decoded& d) { write_high_word(c, d, (ureg(c, d.ra) << 32) - word_product(c, d)); }

// (2^32-1)^2 + 2 * (2^32-1) = 2^64 - 1: the sum always fits.
void umaal(Cpu& c, const Decoded& d) {
  write_hi_lo(c, d, ureg(c, d.rn) * ureg(c, d.rm) + ureg(c, d.ra) + ureg(c, d.rd));
}

}  // namespace isa::exec
