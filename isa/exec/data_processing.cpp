#include "isa/exec/data_processing.hpp"

#include <bit>

#include "isa/exec/operands.hpp"

namespace isa::exec {

namespace {
void write_logical(Cpu& c, const Decoded& d, uint32_t v, bool carry) {
  c.write_reg(d.rd, v);
  if (c.setflags(d)) set_nzc(c, v, carry);
}

void write_arith(Cpu& c, const Decoded& d, const AddResult& r) {
  c.write_reg(d.rd, r.value);
  if (c.setflags(d)) set_nzcv(c, r);
}

uint32_t rotated_rm(const Cpu& c, const Decoded& d) { return ror32(c.reg(d.rm), d.shift_n); }
}  // namespace

void and_(Cpu& c, const Decoded& d) {
  const auto [v, carry] = operand2_c(c, d);
  write_logical(c, d, c.reg(d.rn) & v, carry);
}
void bic(Cpu& c, const Decoded& d) {
  const auto [v, carry] = operand2_c(c, d);
  write_logical(c, d, c.reg(d.rn) & ~v, carry);
}
void orr(Cpu& c, const Decoded& d) {
  const auto [v, carry] = operand2_c(c, d);
  write_logical(c, d, c.reg(d.rn) | v, carry);
}
void orn(Cpu& c, const Decoded& d) {
  const auto [v, carry] = operand2_c(c, d);
  write_logical(c, d, c.reg(d.rn) | ~v, carry);
}
void eor(Cpu& c, const Decoded& d) {
  const auto [v, carry] = operand2_c(c, d);
  write_logical(c, d, c.reg(d.rn) ^ v, carry);
}
void mov(Cpu& c, const Decoded& d) {
  const auto [v, carry] = operand2_c(c, d);
  write_logical(c, d, v, carry);
}
void mvn(Cpu& c, const Decoded& d) {
  const auto [v, carry] = operand2_c(c, d);
  write_logical(c, d, ~v, carry);
}
void tst(Cpu& c, const Decoded& d) {
  const auto [v, carry] = operand2_c(c, d);
  set_nzc(c, c.reg(d.rn) & v, carry);
}
void teq(Cpu& c, const Decoded& d) {
  const auto [v, carry] = operand2_c(c, d);
  set_nzc(c, c.reg(d.rn) ^ v, carry);
}

void add(Cpu& c, const Decoded& d) { write_arith(c, d, add_with_carry(c.reg(d.rn), operand2(c, d), false)); }
void adc(Cpu& c, const Decoded& d) { write_arith(c, d, add_with_carry(c.reg(d.rn), operand2(c, d), c.state().c)); }
void sub(Cpu& c, const Decoded& d) { write_arith(c, d, add_with_carry(c.reg(d.rn), ~operand2(c, d), true)); }
void sbc(Cpu& c, const Decoded& d) { write_arith(c, d, add_with_carry(c.reg(d.rn), ~operand2(c, d), c.state().c)); }
void rsb(Cpu& c, const Decoded& d) { write_arith(c, d, add_with_carry(~c.reg(d.rn), operand2(c, d), true)); }
void cmp(Cpu& c, const Decoded& d) { set_nzcv(c, add_with_carry(c.reg(d.rn), ~operand2(c, d), true)); }
void cmn(Cpu& c, const Decoded& d) { set_nzcv(c, add_with_carry(c.reg(d.rn), operand2(c, d), false)); }

void adr(Cpu& c, const Decoded& d) {
  const uint32_t base = c.reg(15) & ~3u;
  c.write_reg(d.rd, d.add ? base + d.imm : base - d.imm);
}

void shift_reg(Cpu& c, const Decoded& d) {
  const auto [v, carry] = shift_c(c.reg(d.rn), d.shift, c.reg(d.rm) & 0xFF, c.state().c);
  write_logical(c, d, v, carry);
}

void movt(Cpu& c, const Decoded& d) { c.write_reg(d.rd, (c.reg(d.rd) & 0xFFFFu) | (d.imm << 16)); }

void sbfx(Cpu& c, const Decoded& d) {
  c.write_reg(d.rd, static_cast<uint32_t>(sign_extend(c.reg(d.rn) >> d.imm, d.ra + 1u)));
}
void ubfx(Cpu& c, const Decoded& d) {
  const uint32_t width = d.ra + 1u;
  c.write_reg(d.rd, (c.reg(d.rn) >> d.imm) & (width == 32 ? ~0u : (1u << width) - 1));
}
void bfi(Cpu& c, const Decoded& d) {
  const uint32_t width = d.ra + 1u - d.imm;
  const uint32_t field = (width == 32 ? ~0u : (1u << width) - 1) << d.imm;
  c.write_reg(d.rd, (c.reg(d.rd) & ~field) | ((c.reg(d.rn) << d.imm) & field));
}
void bfc(Cpu& c, const Decoded& d) {
  const uint32_t width = d.ra + 1u - d.imm;
  const uint32_t field = (width == 32 ? ~0u : (1u << width) - 1) << d.imm;
  c.write_reg(d.rd, c.reg(d.rd) & ~field);
}
void ssat(Cpu& c, const Decoded& d) {
  const uint32_t operand = shift_c(c.reg(d.rn), d.shift, d.shift_n, c.state().c).value;
  const auto [v, saturated] = signed_sat(static_cast<int32_t>(operand), d.imm);
  c.write_reg(d.rd, v);
  if (saturated) c.state().q = true;
}
void usat(Cpu& c, const Decoded& d) {
  const uint32_t operand = shift_c(c.reg(d.rn), d.shift, d.shift_n, c.state().c).value;
  const auto [v, saturated] = unsigned_sat(static_cast<int32_t>(operand), d.imm);
  c.write_reg(d.rd, v);
  if (saturated) c.state().q = true;
}

void sxtb(Cpu& c, const Decoded& d) { c.write_reg(d.rd, static_cast<uint32_t>(sign_extend(rotated_rm(c, d), 8))); }
void sxth(Cpu& c, const Decoded& d) { c.write_reg(d.rd, static_cast<uint32_t>(sign_extend(rotated_rm(c, d), 16))); }
void uxtb(Cpu& c, const Decoded& d) { c.write_reg(d.rd, rotated_rm(c, d) & 0xFF); }
void uxth(Cpu& c, const Decoded& d) { c.write_reg(d.rd, rotated_rm(c, d) & 0xFFFF); }

void rev(Cpu& c, const Decoded& d) { c.write_reg(d.rd, __builtin_bswap32(c.reg(d.rm))); }
void rev16(Cpu& c, const Decoded& d) {
  const uint32_t v = c.reg(d.rm);
  c.write_reg(d.rd, ((v & 0x00FF00FFu) << 8) | ((v >> 8) & 0x00FF00FFu));
}
void revsh(Cpu& c, const Decoded& d) {
  const uint32_t v = c.reg(d.rm);
  c.write_reg(d.rd, static_cast<uint32_t>(sign_extend(((v & 0xFF) << 8) | ((v >> 8) & 0xFF), 16)));
}
void rbit(Cpu& c, const Decoded& d) {
  uint32_t v = c.reg(d.rm), r = 0;
  for (int i = 0; i < 32; ++i, v >>= 1) r = (r << 1) | (v & 1);
  c.write_reg(d.rd, r);
}
void clz(Cpu& c, const Decoded& d) { c.write_reg(d.rd, static_cast<uint32_t>(std::countl_zero(c.reg(d.rm)))); }

}  // namespace isa::exec
