// A core's timing model: maps an instruction's encoding row and operands to
// the cycles it takes at zero wait states, plus the pipeline constants the
// core applies in context (refill after a taken branch, exception entry).
// One model per core, each citing the manual its numbers come from.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "isa/timing/timing.hpp"

namespace isa {
struct CoreProfile;
struct Decoded;
struct Encoding;
}  // namespace isa

namespace isa::timing {

// Core-wide constants, copied into the core for the hot loop.
struct Pipeline {
  uint8_t refill = 1;                 // P: refill cycles after a taken branch or a PC write
  uint8_t unaligned_wide_target = 0;  // more when the target is a 32-bit instruction at 2 mod 4
  uint8_t exception_entry = 0;        // entry sequence cycles (stacking, vector fetch)
  uint8_t exception_return = 0;       // return sequence cycles (unstacking)
  uint8_t load_use = 0;               // stall of an instruction needing the load just before it
  uint8_t fetch_bytes = 4;            // width of one instruction fetch
  bool predicts_branches = false;     // branches, taken or not, go to Model::branch_penalty
};

// Choices a platform makes that change a core's timing.
struct Options {
  bool small_multiplier = false;  // Cortex-M0+ built with the 32-cycle iterative multiplier
};

class Model {
 public:
  virtual ~Model() = default;
  virtual std::string_view source() const = 0;  // the manual and tables followed
  const Pipeline& pipeline() const { return pipeline_; }
  // Timing of one decoded instruction.
  virtual InstrTiming annotate(const Encoding& row, const Decoded& d) const = 0;
  // Total cycles of SDIV/UDIV with these operands (instructions with Dynamic::*Divide).
  virtual unsigned divide_cycles(uint32_t dividend, uint32_t divisor, bool is_signed) const { return 1; }
  // Cycles beyond its issue cycle of a branch or PC write with
  // Dynamic::Branch at `pc`, which went to `next_pc` (taken) or on (not
  // taken): for cores that predict branches, whose models keep the history
  // this needs (cortex_m7.cpp). The default: the refill of a taken branch.
  virtual unsigned branch_penalty(uint32_t pc, uint32_t next_pc, bool taken) {
    return taken ? pipeline_.refill : 0;
  }

 protected:
  explicit Model(const Pipeline& p) : pipeline_(p) {}

 private:
  Pipeline pipeline_;
};

std::unique_ptr<Model> model_for(const CoreProfile& core, const Options& options = {});

// ---- shared by the models ----

// The row's mnemonic: its name up to the first space ("LDR (imm) T3" -> "LDR").
std::string_view mnemonic(const Encoding& row);
// Registers an instruction reads early (address registers of a load or
// store, operands otherwise) and writes, with the flags that follow from
// its class: the context rules' inputs, the same for every core.
InstrTiming register_use(const Encoding& row, const Decoded& d);
// Registers (integer) or words (FP) a multiple transfer moves.
unsigned transfer_count(const Encoding& row, const Decoded& d);
// A row of a core's cycle table: an encoding row's name and its cycles.
struct RowCycles {
  std::string_view row;
  uint8_t cycles;
};
// The cycles `table` gives the row, or `otherwise`.
unsigned cycles_in(std::span<const RowCycles> table, const Encoding& row, unsigned otherwise);
// The total cycles `cycles` of an instruction expressed as extra cycles in a bucket.
inline void charge(InstrTiming& t, unsigned cycles, Stall bucket) {
  t.extra = static_cast<uint8_t>(cycles > 0 ? cycles - 1 : 0);
  t.stall = t.extra ? bucket : Stall::None;
}

}  // namespace isa::timing
