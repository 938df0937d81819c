// FP register transfers: loads and stores (VLDR, VSTR, VLDM, VSTM and their
// VPUSH/VPOP aliases), moves to and from core registers, VMRS and VMSR.
// Doubles are moved as two words, low word at the lower address.
#include <cstdint>

#include "isa/exec/fp.hpp"
#include "isa/exec/fp_regs.hpp"

namespace isa::exec {

namespace {
using Align = Cpu::Align;

// Word-aligned accesses (MemA) of one register, low word first.
template <class F>
F load_reg(Cpu& c, uint32_t addr) {
  if constexpr (sizeof(F) == 4) {
    return c.load(addr, 4);
  } else {
    const uint64_t lo = c.load(addr, 4);
    return lo | (uint64_t{c.load(addr + 4, 4)} << 32);
  }
}
template <class F>
void store_reg(Cpu& c, uint32_t addr, F v) {
  c.store(addr, 4, static_cast<uint32_t>(v));
  if constexpr (sizeof(F) == 8) c.store(addr + 4, 4, static_cast<uint32_t>(v >> 32));
}

uint32_t single_address(const Cpu& c, const Decoded& d) {
  const uint32_t base = d.rn == 15 ? c.reg(15) & ~3u : c.reg(d.rn);
  return d.add ? base + d.imm : base - d.imm;
}

// First address and final base of a VLDM/VSTM of imm registers: increment
// after (add) or decrement before.
struct Block {
  uint32_t first, new_base;
};
template <class F>
Block block(const Cpu& c, const Decoded& d) {
  const uint32_t bytes = d.imm * sizeof(F), base = c.reg(d.rn);
  return d.add ? Block{base, base + bytes} : Block{base - bytes, base - bytes};
}
}  // namespace

template <class F> void FpMemory<F>::ldr(Cpu& c, const Decoded& d) {
  c.fp_check();
  fp_put<F>(c, d.rd, load_reg<F>(c, single_address(c, d)));
}

template <class F> void FpMemory<F>::str(Cpu& c, const Decoded& d) {
  c.fp_check();
  store_reg<F>(c, single_address(c, d), fp_get<F>(c, d.rd));
}

// The base is written back after the transfer so a faulting one can be
// restarted after its handler.
template <class F> void FpMemory<F>::ldm(Cpu& c, const Decoded& d) {
  c.fp_check();
  const Block b = block<F>(c, d);
  for (unsigned i = 0; i < d.imm; ++i) fp_put<F>(c, d.rd + i, load_reg<F>(c, b.first + i * sizeof(F)));
  if (d.wback) c.write_reg(d.rn, b.new_base);
}

template <class F> void FpMemory<F>::stm(Cpu& c, const Decoded& d) {
  c.fp_check();
  const Block b = block<F>(c, d);
  for (unsigned i = 0; i < d.imm; ++i) store_reg<F>(c, b.first + i * sizeof(F), fp_get<F>(c, d.rd + i));
  if (d.wback) c.write_reg(d.rn, b.new_base);
}

template struct FpMemory<uint32_t>;
template struct FpMemory<uint64_t>;

void vmov_to_single(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.state().sreg[d.rd] = c.reg(d.ra);
}
void vmov_from_single(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.write_reg(d.ra, c.state().sreg[d.rd]);
}
void vmov_to_two_singles(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.state().sreg[d.rd] = c.reg(d.ra);
  c.state().sreg[d.rd + 1] = c.reg(d.shift_n);
}
void vmov_from_two_singles(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.write_reg(d.ra, c.state().sreg[d.rd]);
  c.write_reg(d.shift_n, c.state().sreg[d.rd + 1]);
}
void vmov_to_double(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.state().set_dreg(d.rd, (uint64_t{c.reg(d.shift_n)} << 32) | c.reg(d.ra));
}
void vmov_from_double(Cpu& c, const Decoded& d) {
  c.fp_check();
  const uint64_t v = c.state().dreg(d.rd);
  c.write_reg(d.ra, static_cast<uint32_t>(v));
  c.write_reg(d.shift_n, static_cast<uint32_t>(v >> 32));
}
void vmov_to_scalar(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.state().sreg[2 * d.rd + d.imm] = c.reg(d.ra);
}
void vmov_from_scalar(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.write_reg(d.ra, c.state().sreg[2 * d.rd + d.imm]);
}

// Rt == 15 is "VMRS APSR_nzcv, FPSCR": the compare result into the flags.
void vmrs(Cpu& c, const Decoded& d) {
  c.fp_check();
  CpuState& s = c.state();
  if (d.ra == 15)
    s.set_apsr_nzcvq((s.fpscr & fp::kNzcvMask) | (s.q ? 1u << 27 : 0));
  else
    c.write_reg(d.ra, s.fpscr);
}

void vmsr(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.state().fpscr = c.reg(d.ra) & fp::kWritableMask;
}

}  // namespace isa::exec
