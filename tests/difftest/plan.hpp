// What the generator hands to the lockstep runner: instructions grouped into
// the steps after which both simulators are compared, plus the state the
// harness sets directly (flags, FPSCR, S registers, memory) before they run.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "isa/cpu_state.hpp"

namespace difftest {

struct Insn {
  uint32_t raw = 0;  // hw1 for 16-bit, hw1 << 16 | hw2 for 32-bit
  bool wide = false;
  uint16_t row = 0;  // isa::Decoder row it decodes to
  uint32_t size() const { return wide ? 4 : 2; }
};

// Compared as one step: one instruction, or IT with its whole block
// (Unicorn does not stop inside an IT block; see unicorn_cpu.hpp).
struct Group {
  std::vector<Insn> insns;
  bool it = false;
  uint32_t size() const {
    uint32_t n = 0;
    for (const Insn& i : insns) n += i.size();
    return n;
  }
};

struct Poke {
  uint32_t addr;
  uint32_t value;
  uint8_t size;
};

// An S register set directly before the plan runs.
struct SingleSet {
  uint8_t reg;
  uint32_t value;
};

struct Plan {
  uint16_t row = 0;               // the row under test
  std::optional<uint32_t> apsr;   // flags set before the plan runs
  std::optional<uint32_t> fpscr;  // FPSCR set before the plan runs
  std::vector<SingleSet> singles; // S registers set before the plan runs
  std::vector<Poke> pokes;        // RAM set before the plan runs
  std::vector<Group> groups;      // register setups, then the instruction (or IT block) under test
  uint32_t size() const {
    uint32_t n = 0;
    for (const Group& g : groups) n += g.size();
    return n;
  }
};

// Sets the registers the plan sets directly (flags, FPSCR, S registers) in
// an edgesim core; memory pokes are the caller's.
inline void set_registers(const Plan& plan, isa::CpuState& s) {
  if (plan.apsr) {
    s.set_apsr_nzcvq(*plan.apsr);
    s.ge = (*plan.apsr >> 16) & 0xF;
  }
  if (plan.fpscr) s.fpscr = *plan.fpscr;
  for (const SingleSet& x : plan.singles) s.sreg[x.reg] = x.value;
}

// Places the plan's instructions at pc (hw1 first for 32-bit ones) in the
// code region's host buffer, then a UDF; returns the address after the UDF.
// QEMU translates from the PC up to the next branch or page end, however few
// instructions it then runs: the UDF keeps each step's translation short
// (several times faster). Neither core reaches it; literal loads may read it,
// so the oracle must see it too.
inline uint32_t write_code(uint8_t* code, uint32_t code_base, uint32_t pc, const Plan& plan) {
  uint32_t a = pc;
  auto put16 = [&](uint16_t hw) {
    code[a - code_base] = static_cast<uint8_t>(hw);
    code[a - code_base + 1] = static_cast<uint8_t>(hw >> 8);
    a += 2;
  };
  for (const Group& g : plan.groups)
    for (const Insn& i : g.insns) {
      if (i.wide) put16(static_cast<uint16_t>(i.raw >> 16));
      put16(static_cast<uint16_t>(i.raw));
    }
  put16(0xDE00);  // UDF #0
  return a;
}

}  // namespace difftest
