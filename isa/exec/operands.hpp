// Operand helpers shared by the semantic functions: the flexible second
// operand (immediate or shifted register) and flag updates.
#pragma once
#include "isa/cpu.hpp"

namespace isa::exec {

// The second operand with its shifter carry-out (for logical operations).
inline ValueCarry operand2_c(const Cpu& c, const Decoded& d) {
  if (d.use_imm) return {d.imm, d.imm_carry ? (d.imm >> 31) != 0 : c.state().c};
  return shift_c(c.reg(d.rm), d.shift, d.shift_n, c.state().c);
}

inline uint32_t operand2(const Cpu& c, const Decoded& d) { return operand2_c(c, d).value; }

inline void set_nzc(Cpu& c, uint32_t v, bool carry) {
  c.set_nz(v);
  c.state().c = carry;
}

inline void set_nzcv(Cpu& c, const AddResult& r) {
  c.set_nz(r.value);
  c.state().c = r.carry;
  c.state().v = r.overflow;
}

}  // namespace isa::exec
