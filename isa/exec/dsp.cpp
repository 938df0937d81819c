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

uint32_t rotated_rm(const Cpu& c, const Decoded& d) { return ror32(c.reg(d.rm), d.shift_n); }

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
void uxtah(Cpu& c, const Decoded& d) { c.write_reg(d.rd, c.reg(d.rn) + (rotated_rm(c, d) & 0xFFFF)); }

}  // namespace isa::exec
