// Builds, for one encoding row, a plan the lockstep pair can run from the
// current state: a random instance of the row, MOVW/MOVT setups that put
// base registers in the RAM windows and operands on edge values, S register
// operands and FPSCR set directly to edge values (fp_values.hpp), IT blocks
// around random rows under test, and fixes for branches (offsets re-encoded, register
// targets set, loaded PC values poked into RAM). Every candidate is tried on
// the oracle first; candidates that fault or leave the arena are dropped.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tests/difftest/generator.hpp"
#include "tests/difftest/oracle.hpp"

namespace difftest {

struct RowStats {
  uint64_t plans = 0;                         // accepted plans with this row under test
  std::map<std::string, uint64_t> rejected;   // dropped candidates, by reason
};

class Planner {
 public:
  Planner(const Generator& gen, Oracle& oracle, uint8_t* code);

  // A validated plan exercising `row`, its code written at now.pc.
  std::optional<Plan> plan(uint16_t row, const isa::CpuState& now, Rng& rng);
  // The oracle's run of the last accepted plan: stores per group, final state.
  const Trial& trial() const { return trial_; }
  const std::vector<RowStats>& stats() const { return stats_; }

 private:
  struct Member {
    std::vector<Group> setups;
    std::vector<SingleSet> singles;
    Insn insn;
  };
  // Registers already given a value by this plan: bit n = Rn, bit n = Sn.
  struct Assigned {
    uint16_t core = 0;
    uint32_t singles = 0;
  };

  std::optional<Member> member(uint16_t row, const isa::CpuState& now, Rng& rng, Assigned& assigned) const;
  bool build_single(Plan& p, uint16_t row, const isa::CpuState& now, Rng& rng, Assigned& assigned) const;
  bool build_it(Plan& p, uint16_t row, const isa::CpuState& now, Rng& rng, Assigned& assigned) const;
  bool fix(Plan& p, const Trial& t, Rng& rng, Assigned& assigned) const;
  void set(std::vector<Group>& out, unsigned reg, uint32_t value, Rng& rng, Assigned& assigned) const;
  void set_single(std::vector<SingleSet>& out, unsigned reg, uint32_t value, Assigned& assigned) const;
  void fp_operands(Member& m, const RowInfo& info, const isa::Decoded& d, Rng& rng, Assigned& assigned) const;

  const Generator& gen_;
  Oracle& oracle_;
  uint8_t* code_;
  std::vector<uint16_t> in_it_last_;   // rows allowed as the last instruction of an IT block
  std::vector<uint16_t> in_it_inner_;  // rows allowed before it (no branches)
  std::vector<RowStats> stats_;
  Trial trial_;
};

}  // namespace difftest
