// Cortex-M7 timing: an APPROXIMATION of a six-stage, in-order, dual-issue
// superscalar pipeline. Arm publishes no cycle tables for this core; the
// rules below come from
//   [TRM]  Cortex-M7 TRM (DDI 0489): dual issue, 64-bit instruction fetch,
//          a branch target address cache (BTAC) in the prefetch unit;
//   [LLVM] llvm/lib/Target/ARM/ARMScheduleM7.td: issue width 2, the units
//          (two ALUs, one shifter in EX1, MAC, two load ports, one store
//          port, branch, FP), which classes are SingleIssue or first-of-
//          pair only, latencies, MispredictPenalty;
//   [GCC]  gcc/config/arm/cortex-m7.md: reservations and FP latencies;
//   [CM7]  github.com/jnk0le/random, "pipeline cycle test/doc/cortex_m7.md":
//          measurements on an STM32H743.
//
// The core pairs an instruction with the one before it when both carry
// kDualIssue, the second does not read what the first writes, and they are
// not two memory accesses other than two loads (isa/cpu.cpp). Within that
// rule the model says:
//  - pair: ALU+ALU, ALU+load, load+load (two load ports), ALU+store,
//    ALU+branch, a branch with the instruction after it (predicted taken:
//    its target; not taken: the next), NOP and IT with anything [LLVM, CM7];
//    MOVW+MOVT pair although dependent [CM7]; two branches never pair (they
//    read and write the PC: one branch unit);
//  - issue alone (the rule cannot say "first of a pair only" or "one per
//    unit"): DSP, extend, bitfield, CLZ, REV, saturate (one SIMD/shifter
//    unit, first slot only [LLVM, CM7]); multiplies (one MAC, never two per
//    cycle [CM7]); divides, exclusives, LDRD/STRD, LDM/STM, VLDR.64/VSTR.64,
//    system instructions [LLVM SingleIssue]; FP arithmetic (one FP pipe:
//    "cannot be dual issued" [CM7]); PC writes other than branches;
//  - cycles: 1 per instruction, LDM/STM/PUSH/POP and VLDM/VSTM ceil(N/2)
//    (64-bit data path [CM7]), TBB/TBH 2 ("two cycles to issue" [LLVM]);
//  - results a cycle late, Pipeline::load_use = 1: loads (LLVM LoadLatency
//    2; measured for byte/halfword loads and for word loads feeding a
//    multiply, a shifted operand or an address [CM7]: a word load feeding a
//    plain ALU op costs one cycle too many here) and multiplies ("1
//    additional cycle of result latency" [CM7]); an accumulator chain does
//    not wait (the accumulator is read a stage later [LLVM ReadMAC, CM7]),
//    nor does a use of a load's updated base [LLVM M7BaseUpdate] (so a
//    post-indexed load pairs with the next use of its base, which the M7
//    does not [CM7]);
//  - an ALU result used as an address next: 1 cycle (address operands are
//    read in EX1 [LLVM M7Read_ISS]);
//  - branches: a predicted taken branch costs nothing beyond its issue slot
//    and may pair with its target [CM7]; a misprediction costs 8 (6 when
//    the flags were set three cycles ahead [CM7]; LLVM says 6 for forward
//    branches). branch_penalty keeps the history this needs (BranchHistory:
//    predicted if seen taken before to the same target), and the core
//    calls it for every branch and PC write, taken or not
//    (Pipeline::predicts_branches); Pipeline::refill = 0 is what other PC
//    changes cost on top;
//  - FP: edgesim charges issue cycles, not a scoreboard. Pipelined
//    operations (add, multiply, MAC, convert, compare, move: latency 3-6
//    [LLVM, GCC]) issue in 1 cycle; their latency to a dependent FP
//    instruction is not charged (the dependency masks hold core registers
//    only). Operations that hold the FP pipe charge their occupancy:
//    VDIV.F32 16, VSQRT.F32 14 [CM7; LLVM 16 for both], VDIV.F64 30,
//    VSQRT.F64 30 [CM7, LLVM], VMUL.F64 5, VMLA-family .F64 5 and VFMA-family
//    .F64 6 when chained [CM7];
//  - SDIV/UDIV: the M4's early termination, 2-12 (no public M7 figure;
//    LLVM schedules a flat 7); ISB: 1 + a misprediction (a refetch, an
//    estimate); exception entry 12 and return 10 as on the M4 (no M7
//    figure used).
// Expected error: on the timing microbenchmarks (workloads/timing/, table
// tests/system/timing_expected.tsv, ctest timing.m7_approx) within 1 cycle
// per sequence of the published behaviour. On real code more: mispredicted
// branches (8 cycles each) until the core calls branch_penalty, dependent FP
// chains (up to 2-5 cycles per step), load pairs hitting one SRAM bank,
// DSP/multiply instructions that would pair with a plain ALU op.
#include <string_view>

#include "isa/decoded.hpp"
#include "isa/encoding.hpp"
#include "isa/timing/cortex_m.hpp"

namespace isa::timing {

namespace {

constexpr unsigned kMispredict = 8;  // [CM7]: 6 with the flags set early
constexpr uint16_t kPc = 1u << 15;

// FP instructions that occupy the FP pipe beyond one cycle; the rest issue in 1.
constexpr RowCycles kFpu[] = {
    {"VDIV.F32", 16},  {"VSQRT.F32", 14}, {"VDIV.F64", 30},  {"VSQRT.F64", 30}, {"VMUL.F64", 5},
    {"VNMUL.F64", 5},  {"VMLA.F64", 5},   {"VMLS.F64", 5},   {"VNMLA.F64", 5},  {"VNMLS.F64", 5},
    {"VFMA.F64", 6},   {"VFMS.F64", 6},   {"VFNMA.F64", 6},  {"VFNMS.F64", 6},
};

unsigned fpu_cycles(const Encoding& row) { return cycles_in(kFpu, row, 1); }

// Data processing that needs the one SIMD/shifter unit and the first issue slot.
constexpr std::string_view kOnePerCycle[] = {"SXTB", "SXTH", "UXTB", "UXTH", "SXTAB", "SXTAH", "UXTAB",
                                             "UXTAH", "BFI", "BFC", "UBFX", "SBFX", "CLZ", "REV",
                                             "REV16", "REVSH", "RBIT", "SSAT", "USAT"};

bool one_per_cycle(std::string_view m) {
  for (std::string_view n : kOnePerCycle)
    if (m == n) return true;
  return false;
}

// Single loads and stores that pair: not the 64-bit or exclusive ones [LLVM SingleIssue, CM7].
bool pairing_transfer(const Encoding& row, std::string_view m) {
  if (row.name.starts_with('V')) return row.name.ends_with(".32");
  return m != "LDRD" && m != "STRD" && !m.starts_with("LDREX") && !m.starts_with("STREX");
}

// Core <-> FP register moves of one register go through the FP ports and pair [LLVM, GCC].
bool single_core_transfer(const Encoding& row) {
  return row.name == "VMOV Sn, Rt" || row.name == "VMOV Rt, Sn" || row.name == "VMOV Dd[x], Rt" ||
         row.name == "VMOV Rt, Dn[x]";
}

}  // namespace

CortexM7::CortexM7()
    : Model(Pipeline{.refill = 0,
                     .unaligned_wide_target = 0,  // 64-bit fetch: a straddling target costs nothing extra
                     .exception_entry = 12,
                     .exception_return = 10,
                     .load_use = 1,
                     .fetch_bytes = 8,
                     .predicts_branches = true}),
      m4_(false) {}

std::string_view CortexM7::source() const {
  return "approximation (within 1 cycle per sequence on the timing microbenchmarks): LLVM ARMScheduleM7.td, "
         "GCC cortex-m7.md, jnk0le's STM32H743 measurements, Cortex-M7 TRM";
}

InstrTiming CortexM7::annotate(const Encoding& row, const Decoded& d) const {
  InstrTiming t = register_use(row, d);
  const std::string_view m = mnemonic(row);
  bool pairs = false;
  switch (row.op_class) {
    case OpClass::IntAlu:
      pairs = !one_per_cycle(m);
      break;
    case OpClass::IntMul:
    case OpClass::IntMulLong:
      t.flags |= kLoadResult;  // the result comes a cycle late
      break;
    case OpClass::IntDiv:
      t.flags |= kDivide;
      t.dynamic = m == "SDIV" ? Dynamic::SignedDivide : Dynamic::UnsignedDivide;
      break;
    case OpClass::Load:
    case OpClass::Store:
      if (row.op_class == OpClass::Load) t.flags |= kLoadResult;  // also VLDR: two loads may pair
      pairs = pairing_transfer(row, m);
      break;
    case OpClass::LoadMultiple:
    case OpClass::StoreMultiple:
      charge(t, (transfer_count(row, d) + 1) / 2, Stall::Memory);
      break;
    case OpClass::Branch:
      pairs = m != "TBB" && m != "TBH";
      if (!pairs) charge(t, 2, Stall::Memory);
      break;
    case OpClass::System:
      if (m == "ISB") charge(t, 1 + kMispredict, Stall::BranchRefill);
      break;
    case OpClass::Hint:
      pairs = m == "NOP" || m == "IT";
      break;
    default:
      if (is_float(row.op_class)) {
        charge(t, fpu_cycles(row), Stall::Fpu);
        pairs = single_core_transfer(row);
      }
      break;
  }
  if (d.wback && (row.op_class == OpClass::Load || row.op_class == OpClass::LoadMultiple))
    t.writes &= static_cast<uint16_t>(~(1u << d.rn));  // the new base is forwarded at once [LLVM M7BaseUpdate]
  if (t.writes & kPc) {
    t.dynamic = Dynamic::Branch;  // predicted or not: branch_penalty
    if (row.op_class != OpClass::Branch) pairs = false;
  }
  if (pairs) t.flags |= kDualIssue;
  return t;
}

unsigned CortexM7::divide_cycles(uint32_t dividend, uint32_t divisor, bool is_signed) const {
  return m4_.divide_cycles(dividend, divisor, is_signed);
}

// A branch goes where the history says (taken, to the remembered target) or
// on; anything else refills the pipeline.
unsigned CortexM7::branch_penalty(uint32_t pc, uint32_t next_pc, bool taken) {
  const BranchHistory::Prediction p = history_.predict(pc);
  const bool right = taken ? p.taken && p.target == next_pc : !p.taken;
  history_.update(pc, next_pc, taken);
  return right ? 0 : kMispredict;
}

}  // namespace isa::timing
