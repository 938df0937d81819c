// The architectural state the lockstep test compares, read the same way from
// edgesim and from Unicorn.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "isa/cpu.hpp"
#include "isa/cpu_state.hpp"

namespace difftest {

constexpr uint32_t kApsrMask = 0xF80F0000;  // N Z C V Q and GE[3:0]

struct ArchState {
  std::array<uint32_t, 16> r{};  // r[13] the active SP (MSP here), r[15] the next instruction's address
  uint32_t apsr = 0;             // kApsrMask bits of the xPSR
  uint8_t itstate = 0;           // EPSR.IT, IT[7:0]
  uint16_t ipsr = 0;             // exception number: 0 in Thread mode
  uint32_t psp = 0;              // the banked, inactive stack pointer
  bool primask = false, faultmask = false;
  uint8_t basepri = 0, control = 0;  // CONTROL[2:0]: nPRIV, SPSEL, FPCA
  // Floating-point extension: S0-S31 (D0-D15 overlap them) and FPSCR. Both
  // stay zero on a core without an FPU.
  std::array<uint32_t, 32> s{};
  uint32_t fpscr = 0;

  bool operator==(const ArchState&) const = default;
};

// Resets an edgesim core for lockstep: as from power-on, with CP10/CP11
// (the FPU, if any) open to all code through CPACR. Unicorn's FPU needs no
// enabling (and has no SCS to write CPACR in).
void reset_core(isa::Cpu& cpu);

ArchState capture(const isa::CpuState& s);
// Writes a into an edgesim core in Thread mode using SP_main.
void restore(const ArchState& a, isa::CpuState& s);

// A table of two states (columns named a_name, b_name), differing lines marked.
std::string side_by_side(const ArchState& a, const ArchState& b, const char* a_name = "edgesim",
                         const char* b_name = "unicorn");
// The names of the differing fields, comma-separated.
std::string differing_fields(const ArchState& a, const ArchState& b);

}  // namespace difftest
