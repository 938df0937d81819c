// Cortex-M33 timing: the ARMv8-M mainline core, a three-stage pipeline like
// the Cortex-M4's but with a new design (elektroniknet.de, "Cortex-M23 und
// M33 sind erste ARMv8-M-CPUs", p. 3: branches resolved in stage 2, address
// generation starting in stage 2, limited dual issue of 16-bit
// instructions). The Cortex-M33 TRM has no cycle table; LLVM schedules the
// core with its Cortex-M4 model (ARM.td). Sources:
//   [CM33] github.com/jnk0le/random, "pipeline cycle test/doc/cortex_m33.md":
//          measurements on an RP2350 (Cortex-M33 r1p0);
//   [KA]   Arm Knowledge Article KA001260: MULS stalls for one more cycle;
//   [EN]   the elektroniknet.de article above: 12 cycles interrupt latency
//          without a security state change.
// Where the M33 differs from the M4 model (cortex_m4.cpp), per [CM33]:
//  - single loads and stores 1 cycle (nothing left to pipeline), LDRD/STRD
//    and VLDR.64/VSTR.64 2, LDM/STM/PUSH/POP and VLDM/VSTM N (not 1+N);
//  - results two cycles after issue (Pipeline::load_use = 1): loads,
//    multiplies, operand2 with a shifted register or a shifted constant,
//    SXTA*/UXTA*; a multiply-accumulate's accumulator does not wait, nor
//    does a store of a loaded value;
//  - MULS (16-bit) 2 cycles [KA, CM33]; a flag-setting operand2 with a
//    shifted constant (not MOVS) 2 cycles;
//  - P = 1: a taken branch takes 2 cycles; ISB 1+P = 2;
//  - VMLA/VFMA: 1 cycle and no FP instruction for the next 2: 3 per FP MAC
//    in FP code, as the M4's 3 (kept).
// Exception entry 12 [EN]. No public M33 figure, so the M4's value is kept:
// divide 2-12, FP arithmetic (VDIV/VSQRT 14), VMOV core<->FP 2, the
// address-generation interlock, a 32-bit branch target straddling two
// fetch words +1, exception return 10.
// Not modelled: the dual issue of 16-bit pairs [CM33] (a NOP, IT or 16-bit
// branch issued beside a preceding 16-bit instruction: a not-taken branch
// then costs 0, a taken one 1); the core's pair rule is symmetric and
// cannot say "second of a pair only". Expected error on the timing
// microbenchmarks: within 1 cycle per sequence (the pairs above).
#include <string_view>

#include "isa/decoded.hpp"
#include "isa/encoding.hpp"
#include "isa/timing/cortex_m.hpp"

namespace isa::timing {

namespace {

bool extend_add(std::string_view m) {
  return m == "SXTAB" || m == "SXTAH" || m == "UXTAB" || m == "UXTAH" || m == "SXTAB16" || m == "UXTAB16";
}

// Operand2 as a rotated 8-bit constant ("shifted constant") or a shifted
// register; plain shifts and moves are single-stage.
bool shifted_operand2(std::string_view m, const Decoded& d) {
  if (m == "MOV" || m == "LSL" || m == "LSR" || m == "ASR" || m == "ROR") return false;
  return d.use_imm ? d.imm_carry : d.shift_n != 0;
}

}  // namespace

CortexM33::CortexM33()
    : Model(Pipeline{.refill = 1, .unaligned_wide_target = 1, .exception_entry = 12, .exception_return = 10, .load_use = 1}),
      m4_(false) {}

std::string_view CortexM33::source() const {
  return "jnk0le's RP2350 measurements, Arm KA001260; the Cortex-M4 TRM where no M33 figure is public";
}

InstrTiming CortexM33::annotate(const Encoding& row, const Decoded& d) const {
  InstrTiming t = m4_.annotate(row, d);
  t.flags &= ~(kPipelineHead | kPipelineTail);  // one-cycle loads: no data phase to overlap
  const std::string_view m = mnemonic(row);
  switch (row.op_class) {
    case OpClass::IntAlu:
    case OpClass::Simd:
      if (extend_add(m) || (row.op_class == OpClass::IntAlu && shifted_operand2(m, d))) t.flags |= kLoadResult;
      if (d.use_imm && d.imm_carry && d.setflags == SetFlags::Yes && m != "MOV") charge(t, 2, Stall::Multicycle);
      break;
    case OpClass::IntMul:
    case OpClass::IntMulLong:
      t.flags |= kLoadResult;
      if (row.name == "MUL T1") charge(t, 2, Stall::Multicycle);  // MULS
      break;
    case OpClass::Load:
    case OpClass::Store:
      if (m == "LDRD" || m == "STRD" || row.name.ends_with(".64")) {
        charge(t, 2, Stall::Memory);
      } else if (!m.starts_with("STREX")) {
        charge(t, 1, Stall::Memory);
      }
      break;
    case OpClass::LoadMultiple:
    case OpClass::StoreMultiple:
      charge(t, transfer_count(row, d), Stall::Memory);
      break;
    case OpClass::System:
      if (m == "ISB") charge(t, 1 + pipeline().refill, Stall::BranchRefill);
      break;
    default:
      break;
  }
  if (d.wback && (row.op_class == OpClass::Load || row.op_class == OpClass::LoadMultiple))
    t.writes &= static_cast<uint16_t>(~(1u << d.rn));  // only loaded registers come late (POP then PUSH: 2N [CM33])
  return t;
}

unsigned CortexM33::divide_cycles(uint32_t dividend, uint32_t divisor, bool is_signed) const {
  return m4_.divide_cycles(dividend, divisor, is_signed);
}

}  // namespace isa::timing
