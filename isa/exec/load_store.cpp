#include "isa/exec/load_store.hpp"

#include <array>
#include <bit>

#include "isa/cpu.hpp"

namespace isa::exec {

namespace {
using Align = Cpu::Align;

// The manual's address (what is accessed) and offset_addr (what writeback stores).
struct Address {
  uint32_t access;
  uint32_t offset_addr;
};

Address address(const Cpu& c, const Decoded& d) {
  const uint32_t base = d.rn == 15 ? c.reg(15) & ~3u : c.reg(d.rn);
  const uint32_t offset = d.use_imm ? d.imm : c.reg(d.rm) << d.shift_n;
  const uint32_t offset_addr = d.add ? base + offset : base - offset;
  return {d.index ? offset_addr : base, offset_addr};
}

// R[t] = v, or LoadWritePC (interworking, exception return) for t == PC.
void write_loaded(Cpu& c, unsigned t, uint32_t v) {
  if (t == 15)
    c.bx_write_pc(v);
  else
    c.write_reg(t, v);
}

void load_single(Cpu& c, const Decoded& d, unsigned size, bool sign) {
  // Every byte/halfword load encoding with Rt == PC is a memory hint (or
  // rejected at decode); the literal ones reach here through a load row.
  if (size < 4 && d.rd == 15) return;
  const Address a = address(c, d);
  // LoadWritePC from an unaligned address is UNPREDICTABLE: edgesim faults.
  uint32_t v = c.load(a.access, size, d.rd == 15 ? Align::Required : Align::Allowed);
  if (sign) v = static_cast<uint32_t>(sign_extend(v, 8 * size));
  // Writeback first: a POP-like load into PC may be an exception return,
  // which unstacks from the updated SP.
  if (d.wback) c.write_reg(d.rn, a.offset_addr);
  write_loaded(c, d.rd, v);
}

void store_single(Cpu& c, const Decoded& d, unsigned size) {
  const Address a = address(c, d);
  c.store(a.access, size, c.reg(d.rd), Align::Allowed);
  if (d.wback) c.write_reg(d.rn, a.offset_addr);
}

// Lowest address and final base of an IA (add) or DB transfer of the list in imm.
struct Block {
  uint32_t first;
  uint32_t new_base;
};
Block block(const Cpu& c, const Decoded& d) {
  const uint32_t base = c.reg(d.rn), bytes = 4 * static_cast<uint32_t>(std::popcount(d.imm));
  return d.add ? Block{base, base + bytes} : Block{base - bytes, base - bytes};
}

void load_exclusive(Cpu& c, const Decoded& d, unsigned size) {
  const uint32_t addr = c.reg(d.rn) + d.imm;
  const uint32_t v = c.load(addr, size, Align::Required);
  c.set_exclusive(addr);
  c.write_reg(d.rd, v);
}

void store_exclusive(Cpu& c, const Decoded& d, unsigned size) {
  const uint32_t addr = c.reg(d.rn) + d.imm;
  // ExclusiveMonitorsPass() checks alignment before the monitor.
  if (addr & (size - 1)) throw Fault{FaultKind::Unaligned, addr};
  const bool pass = c.check_exclusive(addr);
  if (pass) c.store(addr, size, c.reg(d.rd), Align::Required);
  c.write_reg(d.ra, pass ? 0 : 1);
}
}  // namespace

void ldr(Cpu& c, const Decoded& d) { load_single(c, d, 4, false); }
void ldrb(Cpu& c, const Decoded& d) { load_single(c, d, 1, false); }
void ldrh(Cpu& c, const Decoded& d) { load_single(c, d, 2, false); }
void ldrsb(Cpu& c, const Decoded& d) { load_single(c, d, 1, true); }
void ldrsh(Cpu& c, const Decoded& d) { load_single(c, d, 2, true); }
void str(Cpu& c, const Decoded& d) { store_single(c, d, 4); }
void strb(Cpu& c, const Decoded& d) { store_single(c, d, 1); }
void strh(Cpu& c, const Decoded& d) { store_single(c, d, 2); }

void ldrd(Cpu& c, const Decoded& d) {
  const Address a = address(c, d);
  const uint32_t first = c.load(a.access, 4, Align::Required);
  const uint32_t second = c.load(a.access + 4, 4, Align::Required);
  c.write_reg(d.rd, first);
  c.write_reg(d.ra, second);
  if (d.wback) c.write_reg(d.rn, a.offset_addr);
}

void strd(Cpu& c, const Decoded& d) {
  const Address a = address(c, d);
  c.store(a.access, 4, c.reg(d.rd), Align::Required);
  c.store(a.access + 4, 4, c.reg(d.ra), Align::Required);
  if (d.wback) c.write_reg(d.rn, a.offset_addr);
}

void ldm(Cpu& c, const Decoded& d) {
  const Block b = block(c, d);
  // Every word is read before any register changes, so a fault part-way
  // leaves the registers (and the base) as they were: the LDM restarts.
  std::array<uint32_t, 16> words{};
  uint32_t addr = b.first;
  for (unsigned i = 0; i < 16; ++i)
    if (d.imm >> i & 1) {
      words[i] = c.load(addr, 4, Align::Required);
      addr += 4;
    }
  for (unsigned i = 0; i < 15; ++i)
    if (d.imm >> i & 1) c.write_reg(i, words[i]);
  if (d.wback) c.write_reg(d.rn, b.new_base);
  if (d.imm >> 15 & 1) c.bx_write_pc(words[15]);  // last: may be an exception return
}

void stm(Cpu& c, const Decoded& d) {
  const Block b = block(c, d);
  uint32_t addr = b.first;
  for (unsigned i = 0; i < 16; ++i)
    if (d.imm >> i & 1) {
      c.store(addr, 4, c.reg(i), Align::Required);
      addr += 4;
    }
  if (d.wback) c.write_reg(d.rn, b.new_base);
}

void ldrex(Cpu& c, const Decoded& d) { load_exclusive(c, d, 4); }
void ldrexb(Cpu& c, const Decoded& d) { load_exclusive(c, d, 1); }
void ldrexh(Cpu& c, const Decoded& d) { load_exclusive(c, d, 2); }
void strex(Cpu& c, const Decoded& d) { store_exclusive(c, d, 4); }
void strexb(Cpu& c, const Decoded& d) { store_exclusive(c, d, 1); }
void strexh(Cpu& c, const Decoded& d) { store_exclusive(c, d, 2); }
void clrex(Cpu& c, const Decoded&) { c.clear_exclusive(); }

void memory_hint(Cpu&, const Decoded&) {}

}  // namespace isa::exec
