// Random instances of edgesim's encoding rows, and the few encoders the
// planner needs (MOVW/MOVT/MOV SP setups, branch offsets). Which rows run in
// lockstep, and why the others do not, is decided here (kExcluded).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "isa/cpu_state.hpp"
#include "isa/decoder.hpp"
#include "tests/difftest/plan.hpp"
#include "tests/difftest/rng.hpp"

namespace difftest {

// Immediate branches whose offset the planner re-encodes (ARMv7-M ARM: B, BL, CBNZ/CBZ).
enum class BranchForm : uint8_t { None, BT1, BT2, BT3, BT4, BL, Cbz };

struct RowInfo {
  uint16_t index = 0;
  std::string_view name;
  std::string mnemonic;         // name up to the first space
  isa::OpClass op_class{};
  uint32_t features = 0;        // isa::Feature bits the row needs
  bool implemented = false;     // the core has the row's features
  std::string_view excluded;    // why it does not run in lockstep; empty if it does
  bool selected = true;         // passes the run's RowFilter
  bool fp = false;              // a floating-point extension row (CP10/CP11)
  bool it = false;              // the IT instruction
  bool not_in_it = false;       // UNPREDICTABLE inside an IT block
  bool msr = false;             // MSR: only some special registers are written
  // Unicorn executes it but then reports UC_ERR_INSN_INVALID (YIELD: QEMU
  // raises EXCP_YIELD to reschedule vCPUs, which Unicorn 2.0.1 does not
  // handle). Compared as usual, with that error accepted; kept out of IT
  // blocks, where the stop would cut the block short.
  bool unicorn_stops = false;
  // Unicorn ends its translation block after it (VMSR: QEMU caches FPSCR
  // fields in its translation flags), and a step stops at the next block:
  // inside an IT block it may only come last (unicorn_cpu.hpp).
  bool ends_unicorn_block = false;
  BranchForm branch = BranchForm::None;
  bool table_branch = false;    // TBB/TBH: a branch that loads its offset
  bool memory() const;          // a load or store of any kind, or a table branch
  bool lockstep() const { return implemented && excluded.empty(); }
  bool under_test() const { return lockstep() && selected; }
};

// What happened earlier in the same step (IT block), for known_unicorn_error.
struct StepHistory {
  bool fp_skipped = false;  // an FP instruction failed its IT condition
};

// Which rows a run tests: a mix of row groups (by the features they need)
// and a regular expression on row names, both required.
struct RowFilter {
  bool base = true, dsp = true, fp = true;  // rows needing neither DSP nor FP; DSP rows; FP rows
  std::string name_regex;                   // ECMAScript, searched in the row name; empty: any
};
// Parses a --mix value: "all", or a comma-separated list of base, dsp, fp.
// Throws std::invalid_argument naming the bad item.
RowFilter parse_mix(std::string_view mix);

class Generator {
 public:
  // The rows under test are the lockstep rows the filter passes. Throws
  // std::regex_error for a bad expression.
  explicit Generator(const isa::CoreProfile& profile, const RowFilter& filter = {});

  const std::vector<RowInfo>& rows() const { return rows_; }
  const RowInfo& info(uint16_t row) const { return rows_[row]; }
  const isa::CoreProfile& profile() const { return profile_; }
  // Per row: does every executed instance access memory (Oracle's PPB check)?
  std::vector<bool> must_access() const;

  // A random instance of the row that edgesim decodes back to it (so its
  // constrained and UNPREDICTABLE forms are dropped), or nothing.
  std::optional<Insn> instance(uint16_t row, Rng& rng) const;
  isa::Decoded decode(const Insn& i) const { return decoder_.decode(i.raw, i.wide); }
  // Why Unicorn is known to execute this instance wrongly from `before`,
  // after `history` in its step (the manual's rule is cited in
  // generator.cpp), or empty when it is not.
  std::string_view known_unicorn_error(const Insn& insn, const isa::CpuState& before,
                                       const StepHistory& history) const;

  // Appends instructions that set reg (0-14, SP via MOV SP, scratch) to value.
  void set_register(std::vector<Group>& out, unsigned reg, uint32_t value, unsigned scratch) const;

  // Offsets from the branch's PC + 4 an immediate branch form can reach.
  static std::pair<int32_t, int32_t> reach(BranchForm form);
  // Re-encodes an immediate branch at pc to go to target; false if it cannot.
  bool retarget(Insn& insn, uint32_t pc, uint32_t target) const;

 private:
  Insn make(uint32_t raw, bool wide) const;

  isa::CoreProfile profile_;
  isa::Decoder decoder_;
  std::vector<RowInfo> rows_;
};

}  // namespace difftest
