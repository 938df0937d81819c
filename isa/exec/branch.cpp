#include "isa/exec/branch.hpp"

#include "isa/cpu.hpp"

namespace isa::exec {

void require_outside_it(const Cpu& c) {
  if (c.in_it_block()) throw Fault{FaultKind::UndefInstr};
}
// ITSTATE has already advanced past this instruction: if it still holds a
// block, this was not the block's last instruction.
void require_last_in_it(const Cpu& c) {
  if (c.in_it_block() && c.state().in_it_block()) throw Fault{FaultKind::UndefInstr};
}

namespace {
// BLXWritePC (A2.3.1): interworking without the exception-return check.
void blx_write_pc(Cpu& c, uint32_t target) {
  c.state().thumb = target & 1;
  c.branch_to(target);
}
}  // namespace

void b(Cpu& c, const Decoded& d) {
  if (d.cond == 0xE)
    require_last_in_it(c);
  else
    require_outside_it(c);  // B<c> T1/T3: the condition is the encoding's
  if (c.condition_passed(d.cond))
    c.branch_to(c.reg(15) + d.imm);
  else
    c.branch_not_taken();
}

void bl(Cpu& c, const Decoded& d) {
  require_last_in_it(c);
  c.write_reg(14, c.next_pc() | 1);
  c.branch_to(c.reg(15) + d.imm);
}

void bx(Cpu& c, const Decoded& d) {
  require_last_in_it(c);
  c.bx_write_pc(c.reg(d.rm));
}

void blx(Cpu& c, const Decoded& d) {
  require_last_in_it(c);
  const uint32_t target = c.reg(d.rm);
  c.write_reg(14, c.next_pc() | 1);
  blx_write_pc(c, target);
}

void cbz(Cpu& c, const Decoded& d) {
  require_outside_it(c);
  if (c.reg(d.rn) == 0)
    c.branch_to(c.reg(15) + d.imm);
  else
    c.branch_not_taken();
}
void cbnz(Cpu& c, const Decoded& d) {
  require_outside_it(c);
  if (c.reg(d.rn) != 0)
    c.branch_to(c.reg(15) + d.imm);
  else
    c.branch_not_taken();
}

void tbb(Cpu& c, const Decoded& d) {
  require_last_in_it(c);
  const uint32_t offset = c.load(c.reg(d.rn) + c.reg(d.rm), 1);
  c.branch_to(c.reg(15) + 2 * offset);
}
void tbh(Cpu& c, const Decoded& d) {
  require_last_in_it(c);
  const uint32_t offset = c.load(c.reg(d.rn) + (c.reg(d.rm) << 1), 2, Cpu::Align::Allowed);
  c.branch_to(c.reg(15) + 2 * offset);
}

}  // namespace isa::exec
