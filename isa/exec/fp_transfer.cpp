// FP register transfers: loads and stores (VLDR, VSTR, VLDM, VSTM and their
// VPUSH/VPOP aliases), moves to and from core registers, VMRS and VMSR.
// Doubles are moved as two words, low word at the lower address.
#include <cstdint>

#include "isa/exec/fp.hpp"
#include "isa/exec/fp_regs.hpp"

namespace isa::exec {

namespace {

// The words of registers first..first+count-1: S registers are words, a D
// register is two, and the register file is contiguous in both views.
template <class F>
uint32_t* words(Cpu& c, unsigned first) {
  return &c.state().sreg[first * (sizeof(F) / 4)];
}
template <class F>
constexpr unsigned word_count(unsigned registers) {
  return registers * sizeof(F) / 4;
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

// Word-aligned accesses (MemA); a double's low word at the lower address.
template <class F> void FpMemory<F>::ldr(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.load_words(single_address(c, d), word_count<F>(1), words<F>(c, d.rd));
}

template <class F> void FpMemory<F>::str(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.store_words(single_address(c, d), word_count<F>(1), words<F>(c, d.rd));
}

// The base is written back after the transfer so a faulting one can be
// restarted after its handler.
template <class F> void FpMemory<F>::ldm(Cpu& c, const Decoded& d) {
  c.fp_check();
  const Block b = block<F>(c, d);
  c.load_words(b.first, word_count<F>(d.imm), words<F>(c, d.rd));
  if (d.wback) c.write_reg(d.rn, b.new_base);
}

template <class F> void FpMemory<F>::stm(Cpu& c, const Decoded& d) {
  c.fp_check();
  const Block b = block<F>(c, d);
  c.store_words(b.first, word_count<F>(d.imm), words<F>(c, d.rd));
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
