// The per-function profile (`edgesim run --profile`): a listener on the
// core's control flow that charges the counters' growth to the function the
// core was in. At each taken branch, PC write or exception entry whose
// target leaves the current function's address range, the counters are read
// (exact there: the core calls the listener with its counts up to date) and
// what they grew by since the last change goes to the function being left;
// the target's function becomes current. Branches within a function cost
// one range check.
//
// What that means:
//  - cycles and instructions are self counts (callees' are their own) and
//    sum to the core's totals exactly: the branch that leaves a function,
//    its pipeline refill, and an exception's entry sequence are the left
//    function's; sleep in WFI is the sleeping function's.
//  - an exception handler is a function like any other: entered through
//    the exception, left by its return, which goes back to the interrupted
//    function.
//  - calls: entries at the function's first address from another function
//    (calls, tail calls, exception entries); returns into it are not calls,
//    nor is an exception return to it (an interrupt taken at a loop head
//    that is also the entry returns there): the active exception number
//    going back to one it was before says which changes are returns.
//    A function calling itself is not seen (its branches stay inside it);
//    a tail-chained exception's return may be taken for an entry.
//  - memory traffic is every master's during the function's time (the
//    accelerator's DMA while the core waits in its driver included), so
//    that the functions' traffic sums to the memories' totals.
//  - operation counts (the energy of lane operations) come from the
//    executions per instruction address at the end (add_executions).
//  - code that runs past its function's end without a branch is charged to
//    that function until the next change of control flow.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "isa/cpu.hpp"
#include "sim/profile_counts.hpp"
#include "sim/profile_function_map.hpp"

namespace sim {

struct FunctionRow {
  std::string name;
  uint64_t calls = 0;
  ProfileCounts counts;
};

class FunctionProfile : public isa::FlowListener {
 public:
  // Fills `into` with the counters now (without operation counts or the
  // accelerator's), reusing its storage.
  using Sampler = std::function<void(ProfileCounts& into)>;
  // A stretch of cycles [begin, end) one function ran, for the timeline.
  using SpanSink = std::function<void(uint32_t function, uint64_t begin, uint64_t end)>;
  // The active exception number (IPSR; 0 in Thread mode) now.
  using ExceptionNow = std::function<uint32_t()>;

  FunctionProfile(FunctionMap map, Sampler sample, SpanSink spans = {}, ExceptionNow exception = {});

  // The core starts at `pc`; counting starts from zero, so that the
  // functions add up to the core's totals whatever ran before.
  void start(uint32_t pc);
  void control_flow(uint32_t from, uint32_t to) override;
  // The run is over: the current function gets the rest.
  void finish();
  // The lane operations of the run's executions, per function of their address.
  void add_executions(const std::vector<isa::PcExecutions>& executions);

  const FunctionMap& map() const { return map_; }
  // Every function that ran (cycles or instructions), most cycles first.
  std::vector<FunctionRow> rows() const;

 private:
  void leave(uint32_t to);
  // Charges the counters' growth since the last change to the current function.
  void charge_current();
  // Whether the core just returned from an exception (to a level it was at
  // before), keeping the stack of active exception numbers.
  bool returned_from_exception();

  FunctionMap map_;
  Sampler sample_;
  SpanSink spans_;
  ExceptionNow exception_;
  std::vector<uint32_t> exceptions_;  // active exception numbers, outermost (Thread mode: 0) first
  FunctionMap::Range current_;
  uint64_t current_since_ = 0;  // the cycle the current function was entered
  ProfileCounts last_, now_;    // the counters at the last change, and a buffer for the next
  std::vector<uint64_t> calls_;
  std::vector<ProfileCounts> counts_;
};

}  // namespace sim
