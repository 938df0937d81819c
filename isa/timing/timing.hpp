// What a core's timing model precomputes for each decoded instruction, and
// the buckets its cycles beyond the first are charged to. Semantics never
// look at this: an instruction's handler is the same on every core, its
// cost is not (gem5's OpClass idea, Spike's predecoded cache).
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace isa::timing {

// Why a cycle was spent beyond the one every instruction issues in. Their
// sum is cycles - instructions (sleep excluded), on every core; on a
// dual-issue core, dual-issued instructions count as a negative stall.
enum class Stall : uint8_t {
  None,          // single-cycle instructions charge nothing
  Memory,        // load/store data phases and register transfers (LDR 2, LDM 1+N)
  Multicycle,    // other multi-cycle instructions (MRS on M0+, ISB, MULS 32)
  Divide,        // SDIV/UDIV beyond one cycle, early termination included
  Fpu,           // FP instructions beyond one cycle (VMLA 3, VDIV 14)
  BranchRefill,  // pipeline refill after a taken branch or a PC write
  Interlock,     // address-generation and load-use interlocks
  FetchWait,     // instruction memory wait states not hidden by prefetch
  DataWait,      // data memory wait states
  Exception,     // exception entry and return sequences
  Contention,    // waiting for a bus slave another master holds
  DualIssue,     // (negative) instructions issued beside the previous one
};
inline constexpr size_t kStallKinds = 12;
using StallCounts = std::array<int64_t, kStallKinds>;  // dual_issue is negative

// The name a stall has in statistics ("fetch_wait").
std::string_view stall_name(Stall s);
std::string_view stall_description(Stall s);

// Context rules an instruction takes part in; the core evaluates them
// against the instruction before it.
enum Flag : uint8_t {
  kMemoryAccess = 1u << 0,   // a load or store: its address registers are `reads`
  kPipelineHead = 1u << 1,   // a single load whose data phase the next load/store may overlap
  kPipelineTail = 1u << 2,   // may overlap a preceding head's data phase
  kAluResult = 1u << 3,      // data processing: its result has no forwarding path to address generation
  kLoadResult = 1u << 4,     // its `writes` come late, by Pipeline::load_use cycles: loads (load-use); on the
                             // M7 and M33 also multiplies and other results a pipeline stage late
  kDualIssue = 1u << 5,      // may issue in the same cycle as the instruction before it (no result dependency;
                             // at most one of the pair a store, two memory accesses only if both loads)
  kDivide = 1u << 6,         // cycles depend on the operands (see `dynamic`)
};

// Cycles that depend on the execution: divides on their operands, branches
// on their outcome and history (Model::branch_penalty).
enum class Dynamic : uint8_t { None, UnsignedDivide, SignedDivide, Branch };

struct InstrTiming {
  uint8_t extra = 0;                 // cycles beyond the first at zero wait states
  Stall stall = Stall::None;         // where `extra` is charged
  uint8_t flags = 0;                 // Flag bits
  Dynamic dynamic = Dynamic::None;
  uint16_t reads = 0;                // registers needed early: addresses, operands
  uint16_t writes = 0;               // registers written
};

}  // namespace isa::timing
