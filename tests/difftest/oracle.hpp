// A scratch edgesim core that tries a plan before it is committed to the
// lockstep pair: it shows whether the plan stays inside what lockstep can
// compare (no exception, accesses inside the mapped regions, branch targets
// in the code arena, SP word-aligned) and what it loads, so the planner can
// fix base registers, branch offsets and loaded PC values.
//
// It reads the real memories and keeps its own writes in an overlay, and it
// has no DMI, so every access passes through its bus and is seen.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "isa/cpu.hpp"
#include "tests/difftest/plan.hpp"

namespace difftest {

struct Access {
  uint32_t addr;
  uint8_t size;
  bool store;
};

enum class Failure : uint8_t {
  None,
  Fault,         // the core took an exception
  BadTarget,     // control left the code arena, or EPSR.T was cleared
  BadSp,         // SP not word-aligned
  PcInsideIt,    // an instruction other than the last of an IT block wrote the PC
  ItNotClosed,   // ITSTATE still set after the block
  SetupBranched, // a setup instruction changed the flow (a harness bug)
  NotOnBus,      // a load or store reached no bus: the PPB (edgesim's SCS; Unicorn has none)
  UnicornError,  // an instruction Unicorn is known to get wrong from this state (generator.hpp)
};
const char* failure_name(Failure f);

struct Trial {
  Failure failure = Failure::None;
  std::string detail;                // e.g. the fault's name
  std::vector<bool> group_stores;    // per group: did it write memory
  std::vector<Access> last_accesses; // data accesses of the last group
  uint32_t last_pc = 0;              // address of the last instruction of the plan
  isa::CpuState final;               // state after the plan
  bool ok() const { return failure == Failure::None; }
};

class OracleBus;
class Generator;

class Oracle {
 public:
  // The generator's core, with its rows' facts: which ones always reach
  // memory (Generator::must_access) and where Unicorn is known to be wrong.
  Oracle(const Generator& gen, uint8_t* code, uint8_t* ram);
  ~Oracle();

  // Runs the plan from `start` (its code already written at start.pc).
  Trial run(const isa::CpuState& start, const Plan& plan);

 private:
  const Generator& gen_;
  std::unique_ptr<OracleBus> bus_;
  std::unique_ptr<isa::Cpu> cpu_;
  std::vector<bool> must_access_;
  bool needs_reset_ = true;
};

}  // namespace difftest
