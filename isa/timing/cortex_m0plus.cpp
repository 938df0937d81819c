// Cortex-M0+ timing: a two-stage pipeline, per the Cortex-M0+ TRM r0p1,
// section 3.3 Table 3-1 (instruction cycle counts at zero wait states).
// A taken branch or PC write costs one refill cycle: B 2, BX/BLX 2, BL 3,
// MOV/ADD to PC 2, POP with PC 3+N. Loads and stores take 2, LDM/STM/PUSH/
// POP 1+N, MRS/MSR and the barriers 3, MULS 1 (fast multiplier) or 32 (the
// small iterative one, a build option of the core). Exception entry takes
// 15 cycles (the TRM's interrupt latency); the return sequence is taken to
// cost as much, an assumption: the TRM gives no figure.
#include "isa/decoded.hpp"
#include "isa/encoding.hpp"
#include "isa/timing/cortex_m.hpp"

namespace isa::timing {

CortexM0Plus::CortexM0Plus(const Options& options)
    : Model(Pipeline{.refill = 1, .exception_entry = 15, .exception_return = 15}),
      multiply_cycles_(options.small_multiplier ? 32 : 1) {}

std::string_view CortexM0Plus::source() const { return "Cortex-M0+ TRM r0p1 section 3.3 Table 3-1"; }

InstrTiming CortexM0Plus::annotate(const Encoding& row, const Decoded& d) const {
  InstrTiming t = register_use(row, d);
  t.flags = 0;  // no pipelined loads, no interlocks: two stages
  const std::string_view m = mnemonic(row);
  switch (row.op_class) {
    case OpClass::IntMul:
      charge(t, multiply_cycles_, Stall::Multicycle);
      break;
    case OpClass::Load:
    case OpClass::Store:
      charge(t, 2, Stall::Memory);
      break;
    case OpClass::LoadMultiple:
    case OpClass::StoreMultiple:
      // POP with PC: 3+N, of which the refill is one.
      charge(t, 1 + transfer_count(row, d) + ((d.imm >> 15) & 1), Stall::Memory);
      break;
    case OpClass::Branch:
      if (m == "BL") charge(t, 2, Stall::Multicycle);  // 3 with the refill
      break;
    case OpClass::System:
      if (m == "MRS" || m == "MSR" || m == "DMB" || m == "DSB" || m == "ISB") charge(t, 3, Stall::Multicycle);
      break;
    default:
      break;
  }
  return t;
}

}  // namespace isa::timing
