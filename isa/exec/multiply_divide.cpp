#include "isa/exec/multiply_divide.hpp"

#include "isa/cpu.hpp"

namespace isa::exec {

namespace {
int64_t sreg(const Cpu& c, unsigned n) { return static_cast<int32_t>(c.reg(n)); }
uint64_t ureg(const Cpu& c, unsigned n) { return c.reg(n); }
uint64_t hi_lo(const Cpu& c, const Decoded& d) { return (ureg(c, d.ra) << 32) | c.reg(d.rd); }

void write_hi_lo(Cpu& c, const Decoded& d, uint64_t v) {
  c.write_reg(d.rd, static_cast<uint32_t>(v));
  c.write_reg(d.ra, static_cast<uint32_t>(v >> 32));
}

// true when the divisor is zero and the result is 0 (IntegerZeroDivideTrappingEnabled() off).
bool zero_divisor(Cpu& c, uint32_t divisor) {
  if (divisor != 0) return false;
  if (c.scs().divide_by_zero_trap()) throw Fault{FaultKind::DivideByZero};
  return true;
}
}  // namespace

void mul(Cpu& c, const Decoded& d) {
  const uint32_t v = c.reg(d.rn) * c.reg(d.rm);
  c.write_reg(d.rd, v);
  if (c.setflags(d)) c.set_nz(v);  // C and V unchanged
}
void mla(Cpu& c, const Decoded& d) { c.write_reg(d.rd, c.reg(d.ra) + c.reg(d.rn) * c.reg(d.rm)); }
void mls(Cpu& c, const Decoded& d) { c.write_reg(d.rd, c.reg(d.ra) - c.reg(d.rn) * c.reg(d.rm)); }

void smull(Cpu& c, const Decoded& d) { write_hi_lo(c, d, static_cast<uint64_t>(sreg(c, d.rn) * sreg(c, d.rm))); }
void umull(Cpu& c, const Decoded& d) { write_hi_lo(c, d, ureg(c, d.rn) * ureg(c, d.rm)); }
void smlal(Cpu& c, const Decoded& d) {
  write_hi_lo(c, d, hi_lo(c, d) + static_cast<uint64_t>(sreg(c, d.rn) * sreg(c, d.rm)));
}
void umlal(Cpu& c, const Decoded& d) { write_hi_lo(c, d, hi_lo(c, d) + ureg(c, d.rn) * ureg(c, d.rm)); }

// 64-bit arithmetic makes INT_MIN / -1 come out as 0x80000000 (RoundTowardsZero).
void sdiv(Cpu& c, const Decoded& d) {
  const bool zero = zero_divisor(c, c.reg(d.rm));
  c.divide_stall(d);
  c.write_reg(d.rd, zero ? 0 : static_cast<uint32_t>(sreg(c, d.rn) / sreg(c, d.rm)));
}
void udiv(Cpu& c, const Decoded& d) {
  const bool zero = zero_divisor(c, c.reg(d.rm));
  c.divide_stall(d);
  c.write_reg(d.rd, zero ? 0 : c.reg(d.rn) / c.reg(d.rm));
}

}  // namespace isa::exec
