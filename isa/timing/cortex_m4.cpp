// Cortex-M3 and Cortex-M4(F) timing: a three-stage pipeline with a single
// issue, per the Cortex-M4 TRM r0p1, section 3.3.1 Table 3-1 (instruction
// cycle counts), section 3.3.2 (load/store timings), and the FPU chapter's
// instruction table (7.2.3); for the Cortex-M3, Table 18-1 of its TRM r2p0,
// where multiplies differ. Cycle counts are at zero wait states; memory wait
// states come from the memory models.
//
// Modelled as the TRMs state:
//  - neighbouring single loads pipeline: a load or non-writeback store right
//    after a single load, not using its result for the address, takes 1;
//  - STR with an immediate offset takes 1 (its data phase overlaps the next
//    instruction); with a register offset 2;
//  - a load/store whose address register the previous data-processing
//    instruction wrote stalls 1 (no forwarding path to address generation);
//  - P = 2 refill cycles after a taken branch or PC write, 3 when the target
//    is a 32-bit instruction straddling a fetch word (TRM: "1 to 3 depending
//    on the alignment and width of the target");
//  - SDIV/UDIV terminate early by operand size between 2 and 12 cycles (the
//    TRM gives the range only; the steps in between are this model's).
// Not modelled: IT folding, branch speculation that makes P = 1, the write
// buffer filling up, LDR [PC] fetch contention.
#include <algorithm>
#include <bit>

#include "isa/decoded.hpp"
#include "isa/encoding.hpp"
#include "isa/features.hpp"
#include "isa/timing/cortex_m.hpp"

namespace isa::timing {

namespace {

// Cortex-M4 FPU instruction table (TRM 7.2.3): everything else on the FPU is 1.
constexpr RowCycles kFpu[] = {
    {"VMLA.F32", 3},  {"VMLS.F32", 3}, {"VNMLA.F32", 3}, {"VNMLS.F32", 3}, {"VFMA.F32", 3},
    {"VFMS.F32", 3},  {"VFNMA.F32", 3}, {"VFNMS.F32", 3}, {"VDIV.F32", 14}, {"VSQRT.F32", 14},
    {"VLDR.32", 2},   {"VSTR.32", 2},  {"VLDR.64", 3},   {"VSTR.64", 3},
};

unsigned fpu_cycles(const Encoding& row) {
  if (const unsigned listed = cycles_in(kFpu, row, 0)) return listed;
  // VMOV between core registers and S registers: "one float to/from one
  // core register, two floats or one double to/from two core registers: 2";
  // a scalar half of a D register: 1.
  if (row.name == "VMOV Sn, Rt" || row.name == "VMOV Rt, Sn" || row.name.starts_with("VMOV Sm, Sm1") ||
      row.name.starts_with("VMOV Rt, Rt2") || row.name.starts_with("VMOV Dm"))
    return 2;
  return 1;
}

}  // namespace

CortexM3M4::CortexM3M4(bool m3)
    : Model(Pipeline{.refill = 2, .unaligned_wide_target = 1, .exception_entry = 12, .exception_return = 10}),
      m3_(m3) {}

std::string_view CortexM3M4::source() const {
  return m3_ ? "Cortex-M3 TRM r2p0 Table 18-1 and 18.3 load/store timings"
             : "Cortex-M4 TRM r0p1 Table 3-1, 3.3.2 load/store timings, FPU table 7.2.3";
}

InstrTiming CortexM3M4::annotate(const Encoding& row, const Decoded& d) const {
  InstrTiming t = register_use(row, d);
  const std::string_view m = mnemonic(row);
  switch (row.op_class) {
    case OpClass::IntMul:
      if (m3_ && (m == "MLA" || m == "MLS")) charge(t, 2, Stall::Multicycle);
      break;
    case OpClass::IntMulLong:
      // M3: UMULL/SMULL 3-5, UMLAL/SMLAL 4-7 (early termination); their minimum.
      if (m3_) charge(t, m == "UMLAL" || m == "SMLAL" ? 4 : 3, Stall::Multicycle);
      break;
    case OpClass::IntDiv:
      t.flags |= kDivide;
      t.dynamic = m == "SDIV" ? Dynamic::SignedDivide : Dynamic::UnsignedDivide;
      break;
    case OpClass::Load:
      if (row.name.starts_with('V')) {
        charge(t, fpu_cycles(row), Stall::Memory);
      } else if (m == "LDRD") {
        charge(t, 3, Stall::Memory);  // the two words pipeline together; never with neighbours
      } else {
        charge(t, 2, Stall::Memory);
        if (!d.wback && d.rd != 15) t.flags |= kPipelineHead | kPipelineTail;
      }
      break;
    case OpClass::Store:
      if (row.name.starts_with('V')) {
        charge(t, fpu_cycles(row), Stall::Memory);
      } else if (m == "STRD") {
        charge(t, 3, Stall::Memory);
      } else if (m.starts_with("STREX")) {
        charge(t, 2, Stall::Memory);  // "treated more like an LDR"
        t.flags |= kPipelineTail;
      } else if (d.wback) {
        charge(t, 2, Stall::Memory);
      } else if (d.use_imm) {
        charge(t, 1, Stall::Memory);  // "STR Rx,[Ry,#imm] is always one cycle"
      } else {
        charge(t, 2, Stall::Memory);
        t.flags |= kPipelineTail;
      }
      break;
    case OpClass::LoadMultiple:
    case OpClass::StoreMultiple:
      charge(t, 1 + transfer_count(row, d), Stall::Memory);  // 1+N, POP {PC} refills on top
      break;
    case OpClass::Branch:
      if (m == "TBB" || m == "TBH") charge(t, 2, Stall::Memory);  // 2+P
      break;
    case OpClass::System:
      if (m == "ISB") charge(t, 1 + pipeline().refill, Stall::BranchRefill);  // 1+P, P as for a branch
      break;
    default:
      if (is_float(row.op_class)) charge(t, fpu_cycles(row), Stall::Fpu);
      break;
  }
  return t;
}

unsigned CortexM3M4::divide_cycles(uint32_t dividend, uint32_t divisor, bool is_signed) const {
  if (is_signed) {
    dividend = static_cast<int32_t>(dividend) < 0 ? 0u - dividend : dividend;
    divisor = static_cast<int32_t>(divisor) < 0 ? 0u - divisor : divisor;
  }
  if (divisor == 0 || divisor > dividend) return 2;
  const unsigned quotient_bits = std::bit_width(dividend) - std::bit_width(divisor) + 1;
  return std::min(12u, 2 + (quotient_bits + 2) / 3);
}

}  // namespace isa::timing
