// The instruction-set simulator: fetch, a predecoded-instruction cache,
// execution through the encoding table's handlers, and the exception model.
// Plain C++: memory is reached through isa::Bus, nothing here knows SystemC.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "isa/bus.hpp"
#include "isa/cpu_state.hpp"
#include "isa/decoder.hpp"
#include "isa/fault.hpp"
#include "isa/host_memory.hpp"
#include "isa/work.hpp"
#include "isa/features.hpp"
#include "isa/system_control.hpp"
#include "isa/timing/model.hpp"

namespace isa {

// What the platform provides beyond memory: semihosting and sleep.
class CpuHooks {
 public:
  virtual ~CpuHooks() = default;
  // BKPT #imm executed; return true if handled (e.g. semihosting 0xAB).
  virtual bool on_breakpoint(Cpu& cpu, uint8_t imm) { return false; }
};

// For each condition code, bit NZCV says whether it passes with those flags
// (ARMv7-M A7.3, Table A7-1; 1110 and 1111 both mean always).
inline constexpr std::array<uint16_t, 16> kConditionTable = [] {
  std::array<uint16_t, 16> table{};
  for (unsigned cond = 0; cond < 16; ++cond) {
    for (unsigned f = 0; f < 16; ++f) {
      const bool n = f & 8, z = f & 4, c = f & 2, v = f & 1;
      const bool base[8] = {z, c, n, v, c && !z, n == v, n == v && !z, true};
      const bool passed = (cond & 1) && cond != 15 ? !base[cond >> 1] : base[cond >> 1];
      table[cond] |= static_cast<uint16_t>(passed << f);
    }
  }
  return table;
}();

// Told after each change of control flow (a taken branch or other PC
// write, exception entry and return) with the core's counts exact at that
// point: a profiler charges what ran since the last call to the code it
// left. Only taken branches pay for the check.
class FlowListener {
 public:
  virtual ~FlowListener() = default;
  virtual void control_flow(uint32_t from, uint32_t to) = 0;
};

// Completed executions of the instruction at `pc` decoded as encoding `row`.
struct PcExecutions {
  uint32_t pc;
  uint16_t row;
  uint64_t count;
};

enum class StopReason : uint8_t {
  None,        // still runnable
  CycleLimit,  // run() reached its cycle budget (normal for quantum-based runs)
  Exit,        // firmware asked to exit (semihosting)
  Lockup,      // unrecoverable fault (B1.5.15)
  Sleeping,    // WFI/WFE with no SysTick event before the budget (cycles not advanced)
};

struct FaultRecord {
  uint32_t pc;  // the faulting instruction
  FaultKind kind;
  uint32_t address;
};

struct Lockup {
  uint32_t pc;
  FaultKind cause;
  uint32_t address;
  // The fault that escalated into the HardFault the core locked up in, if
  // any: usually the one worth reporting (e.g. HardFault has no handler).
  std::optional<FaultRecord> origin = std::nullopt;
};

class Cpu {
 public:
  Cpu(const CoreProfile& profile, Bus& bus, CpuHooks* hooks = nullptr, const timing::Options& timing = {});
  ~Cpu();

  // Take the reset exception: SP_main and PC from the vector table at VTOR.
  void reset(uint32_t vtor = 0);
  // Execute until the cycle counter reaches cycle_limit or the core stops.
  // Execute until the cycle counter reaches cycle_limit, the instruction
  // counter reaches instruction_limit, or the core stops. (Cycles alone
  // cannot bound instructions: a dual-issuing core runs two in a cycle.)
  // A core asleep (WFI/WFE) with no SysTick event before cycle_limit
  // returns Sleeping at once, its cycle count unchanged: the caller lets
  // time pass (sleep_until) until something wakes it or the limit.
  StopReason run(uint64_t cycle_limit, uint64_t instruction_limit = UINT64_MAX);
  // While asleep, let the cycle counter run to `cycle` (sleep cycles).
  void sleep_until(uint64_t cycle);
  // Execute one instruction (or take one pending exception); for tests.
  void step_one();

  // Request a stop from a hook or device (exit code is the firmware's).
  void request_exit(int code);
  std::optional<int> exit_code() const { return exit_code_; }
  const std::optional<Lockup>& lockup() const { return lockup_; }

  CpuState& state() { return s_; }
  const CpuState& state() const { return s_; }
  const CoreProfile& profile() const { return profile_; }
  SystemControl& scs() { return *scs_; }
  Bus& bus() { return bus_; }
  // Drop cached direct pointers overlapping [first, last] (TLM DMI invalidation).
  void invalidate_direct(uint32_t first, uint32_t last);

  uint64_t cycles() const { return cycles_; }
  uint64_t instructions() const { return instructions_; }
  uint64_t sleep_cycles() const { return sleep_cycles_; }
  // Cycles beyond one per instruction, by cause: cycles() == instructions()
  // + sleep_cycles() + the sum of these. And completed executions per
  // encoding row (Decoder::row). The hot loop only counts executions per
  // decoded line; these add up the lines (a walk of the decoded cache).
  timing::StallCounts stalls() const;
  int64_t stall_cycles(timing::Stall s) const { return stalls()[static_cast<size_t>(s)]; }
  std::vector<uint64_t> row_executions() const;
  // Lane operations per (WorkOp, WorkWidth): executions x the rows' Work.
  using WorkCounts = std::array<std::array<uint64_t, kWorkWidths>, kWorkOps>;
  WorkCounts work_counts() const;
  // The same executions per instruction address (for per-function
  // profiles), in no particular order.
  std::vector<PcExecutions> pc_executions() const;
  // At most one listener; null removes it.
  void set_flow_listener(FlowListener* listener) { flow_ = listener; }
  const timing::Model& timing_model() const { return *timing_; }
  // Adds the instruction fetches counted lazily so far (see end_run) to the
  // memory counters, so that they are exact now, e.g. from a device write
  // in the middle of an instruction (the layer profiler's ITM markers).
  void flush_fetch_counts();

  // ---- used by instruction handlers ----
  bool in_it_block() const { return in_it_; }
  // SDIV/UDIV: the operand-dependent cycles (early termination), before the
  // quotient overwrites an operand.
  void divide_stall(const Decoded& d);
  bool setflags(const Decoded& d) const {
    return d.setflags == SetFlags::Yes || (d.setflags == SetFlags::OutsideIt && !in_it_);
  }
  // ConditionPassed() (A7.3.1) as a table lookup: no jump table to
  // mispredict on the host for every conditional branch and IT slot.
  bool condition_passed(uint8_t cond) const {
    const unsigned nzcv = unsigned{s_.n} << 3 | unsigned{s_.z} << 2 | unsigned{s_.c} << 1 | unsigned{s_.v};
    return (kConditionTable[cond] >> nzcv) & 1;
  }

  uint32_t reg(unsigned n) const { return s_.r[n]; }
  // R[d] = v; d == 15 is ALUWritePC (a plain branch).
  void write_reg(unsigned n, uint32_t v) {
    if (n == 15)
      branch_to(v);
    else
      s_.r[n] = v;
  }
  void branch_to(uint32_t addr) {
    s_.pc = addr & ~1u;
    redirect_ = kPcWritten;  // a refill even when the target is the next instruction
  }
  // A conditional branch fell through. A core that predicts branches still
  // resolves it (its history learns; a taken prediction was wrong).
  void branch_not_taken() { redirect_ |= not_taken_resolves_; }
  // BXWritePC / LoadWritePC: interworking, exception return in Handler mode.
  void bx_write_pc(uint32_t addr);
  void set_nz(uint32_t v) {
    s_.n = v >> 31;
    s_.z = v == 0;
  }
  // While an instruction executes, the PC already holds the next one's
  // address (or a branch's target, once it has branched).
  uint32_t next_pc() const { return s_.pc; }
  // Instruction just executed changes a register that the loop caches
  // (priority masks, CONTROL): re-evaluate pending exceptions after it.
  void recheck_exceptions() { horizon_ = 0; }

  // Memory accesses from handlers; faults unwind as isa::Fault.
  enum class Align : uint8_t { Required, Allowed };  // Allowed: v7-M LDR/STR/LDRH...
  // The common case is inline: aligned, in the data region used last, and
  // that region has no wait states to charge.
  uint32_t load(uint32_t addr, unsigned size, Align align = Align::Required) {
    const DirectRegion* r = data_direct_;
    if (r && !(addr & (size - 1)) && r->contains(addr, size) && r->readable && !r->timer && !r->read_wait) [[likely]] {
      if (r->counters) r->counters->count(AccessKind::Load, size);
      return host_read(r->host + (addr - r->base), size);
    }
    return load_slow(addr, size, align);
  }
  void store(uint32_t addr, unsigned size, uint32_t value, Align align = Align::Required) {
    const DirectRegion* r = data_direct_;
    if (r && !(addr & (size - 1)) && r->contains(addr, size) && r->writable && !r->timer && !r->write_wait) [[likely]] {
      host_write(r->host + (addr - r->base), size, value);
      if (r->counters) r->counters->count(AccessKind::Store, size);
      return;
    }
    store_slow(addr, size, value, align);
  }
  // n consecutive aligned words (VLDM/VSTM and friends): one direct-memory
  // copy when a single region holds them all, else word by word. Each word
  // still counts as one access.
  void load_words(uint32_t addr, unsigned n, uint32_t* out);
  void store_words(uint32_t addr, unsigned n, const uint32_t* in);
  bool privileged_access() const { return s_.privileged(); }

  // Side-effect-free access for loaders, semihosting and debuggers.
  bool debug_read(uint32_t addr, void* data, uint32_t len);
  bool debug_write(uint32_t addr, const void* data, uint32_t len);

  // Exclusive monitor (A3.4).
  void set_exclusive(uint32_t addr) {
    s_.exclusive_open = true;
    s_.exclusive_addr = addr;
  }
  bool check_exclusive(uint32_t addr) {
    const bool ok = s_.exclusive_open && s_.exclusive_addr == addr;
    s_.exclusive_open = false;
    return ok;
  }
  void clear_exclusive() { s_.exclusive_open = false; }

  // ExecuteFPCheck() (B1.5.x): every FP instruction calls this first. It
  // faults NOCP when CPACR denies access, completes a pending lazy
  // preservation, and starts a new FP context (CONTROL.FPCA, FPDSCR).
  void fp_check() {
    const FpControl& fp = scs_->fp();
    if (!fp.access_allowed(s_.privileged()) || fp.lazy_pending() ||
        (!(s_.control & 4) && fp.automatic_state_preservation()))
      fp_check_slow();
  }

  // Exceptions raised by instructions.
  void call_supervisor();           // SVC
  void breakpoint(uint8_t imm);     // BKPT
  void wait_for_interrupt();        // WFI
  void wait_for_event();            // WFE
  void send_event() { s_.event_register = true; }
  // Called when the SCS changes what is pending or enabled.
  void exceptions_changed() { horizon_ = 0; }
  // AIRCR.SYSRESETREQ: the core resets before its next instruction.
  void request_system_reset() {
    reset_requested_ = true;
    horizon_ = 0;
  }

 private:
  friend class SystemControl;
  struct CacheLine {
    uint32_t pc = 1;  // odd: never a hit (unused, or decoded from a bus fetch: pc | 1)
    uint32_t word = 0;  // the 32 bits at pc when decoded
    uint64_t executed = 0;  // completed executions of d not yet added to the totals (fold_line)
    Decoded d;
  };

  void step();
  StopReason run_until_stop();
  Decoded decode(uint32_t raw, bool wide) const;
  void stall(timing::Stall why, int64_t n) {
    cycles_ += static_cast<uint64_t>(n);  // n < 0 only for cycles saved (pipelining, dual issue)
    stalls_[static_cast<size_t>(why)] += n;
  }
  uint8_t context_stalls(const timing::InstrTiming& t);
  void branch_refill(uint32_t end, uint32_t target);
  // Instruction fetches are counted per straight-line run when the run ends
  // (taken branch, exception, region change, end of run()): no work per
  // instruction. In a memory with wait states or a timer, the fetch is also
  // timed each time it enters a new line: a fetch word for fixed wait
  // states, the timer's block (its line buffer) otherwise.
  // One compare per instruction: is [pc, pc+size) inside the line held?
  // (In a memory without wait states the "line" is the whole address space.)
  bool in_fetch_line(uint32_t pc, unsigned size) const { return uint64_t{pc - fetch_line_} + size <= fetch_line_bytes_; }
  void fetch_timing(uint32_t pc, unsigned size);
  void fetch_line(uint32_t addr);
  void forget_fetch_line() { fetch_line_bytes_ = fetch_timed_ ? 0 : kAnyLine; }
  void set_fetch_region(const DirectRegion* r);
  void end_run(uint32_t end);
  void open_run(uint32_t pc) { run_start_ = fetch_direct_ ? pc : 1; }  // bus fetches count themselves
  // The pipeline stops fetching after `end` and restarts at `target`.
  void redirect_fetch(uint32_t end, uint32_t target) {
    end_run(end);
    open_run(target);
    // A line buffer (a timer's block) still holds the line: a branch within
    // it is a hit that the timer need not be asked about. A plain memory
    // with wait states is read again.
    if (!fetch_timer_ || ((target ^ fetch_line_) & fetch_line_mask_)) forget_fetch_line();
  }
  void redirect(uint32_t pc, uint32_t sequential, const timing::InstrTiming& t);
  CacheLine& fetch_decoded(uint32_t pc);
  [[gnu::noinline]] CacheLine& fetch_decoded_slow(uint32_t pc);
  // Adds a line's executions to the per-row counts and its `extra` cycles to
  // their stall bucket: the hot loop only counts executions per line.
  void fold_line(CacheLine& line);
  void execute_fault(const Fault& f);
  uint32_t fetch(uint32_t addr, unsigned& len);
  uint16_t fetch16(uint32_t addr);
  const DirectRegion* find_direct(uint32_t addr, unsigned len);
  [[gnu::noinline]] uint32_t load_slow(uint32_t addr, unsigned size, Align align);
  [[gnu::noinline]] void store_slow(uint32_t addr, unsigned size, uint32_t value, Align align);
  const DirectRegion* cached_direct(const DirectRegion*& cache, uint32_t addr, unsigned size) {
    if (cache && cache->contains(addr, size)) return cache;
    return refill_direct(cache, addr, size);
  }
  // Data accesses often alternate between two memories (constants in
  // flash, activations in SRAM): the data region used before the current
  // one is checked too.
  const DirectRegion* data_region(uint32_t addr, unsigned size) {
    if (data_direct_ && data_direct_->contains(addr, size)) [[likely]] return data_direct_;
    if (data_previous_ && data_previous_->contains(addr, size)) {
      std::swap(data_direct_, data_previous_);  // most recently used first
      return data_direct_;
    }
    return refill_direct(data_direct_, addr, size);
  }
  const DirectRegion* refill_direct(const DirectRegion*& cache, uint32_t addr, unsigned size);
  // Charges one access through a direct region: its wait states to
  // `bucket`, time spent waiting for another master to contention. Its
  // timer decides when it has one, else its fixed wait states.
  void region_wait(const DirectRegion& r, uint32_t addr, unsigned size, AccessKind kind, timing::Stall bucket) {
    if (r.timer) {
      const AccessDelay d = r.timer->access(addr, size, kind, cycles_);
      if (d.wait) stall(bucket, d.wait);
      if (d.contention) [[unlikely]] stall(timing::Stall::Contention, d.contention);
      return;
    }
    if (const uint32_t w = r.fixed_wait(kind)) stall(bucket, w);
  }
  void block_wait(const DirectRegion& r, uint32_t addr, unsigned n, AccessKind kind);
  uint32_t bus_read(uint32_t addr, unsigned size, AccessKind kind);
  void bus_write(uint32_t addr, unsigned size, uint32_t value);
  uint64_t next_event_cycle() const;

  // exceptions.cpp
  int execution_priority(bool ignore_primask = false) const;
  bool take_pending_exception();
  void exception_entry(unsigned exc, uint32_t return_address);
  void exception_return(uint32_t exc_return);
  void raise_fault(const Fault& f);
  void enter_lockup(const Fault& f);
  uint32_t stack_push_frame(uint32_t return_address);

  // fp_context.cpp
  bool fp_context_active() const;
  void fp_check_slow();
  void stack_fp_state(uint32_t area);
  void unstack_fp_state(uint32_t area);
  void preserve_fp_state();
  void write_fp_state(uint32_t area);

  CoreProfile profile_;
  Bus& bus_;
  CpuHooks* hooks_;
  Decoder decoder_;
  std::unique_ptr<timing::Model> timing_;
  timing::Pipeline pipeline_;  // the model's constants, read by the hot loop
  std::unique_ptr<SystemControl> scs_;
  CpuState s_;

  std::vector<CacheLine> icache_;
  std::vector<DirectRegion> direct_;
  const DirectRegion* data_direct_ = nullptr;
  const DirectRegion* data_previous_ = nullptr;  // the data region before data_direct_
  const DirectRegion* fetch_direct_ = nullptr;
  // fetch_direct_ as the hot path reads it: a word at offset pc - fetch_base_
  // <= fetch_limit_ is at fetch_host_ + offset. None: no even pc passes.
  uint32_t fetch_base_ = 1, fetch_limit_ = 0;
  const uint8_t* fetch_host_ = nullptr;
  uint64_t fetches_pending_ = 0;  // fetch words not yet added to fetch_direct_'s counters
  uint32_t fetch_word_shift_ = 2;  // log2 of the fetch width
  uint32_t run_start_ = 1;         // first byte of the open straight-line run (odd: none)
  bool fetch_timed_ = false;       // fetch_direct_ has wait states or a timer
  static constexpr uint64_t kAnyLine = uint64_t{1} << 33;  // fetch_line_bytes_ that every fetch is inside
  uint32_t fetch_line_ = 0;        // first byte of the line of fetch_direct_ the pipeline holds
  uint64_t fetch_line_bytes_ = 0;  // its size; 0: none held; kAnyLine: untimed memory
  uint32_t fetch_line_mask_ = ~3u;  // ~(line bytes - 1)
  uint32_t fetch_line_size_ = 4;    // line bytes
  AccessTimer* fetch_timer_ = nullptr;  // fetch_direct_'s timer (fetch_line_ is its line buffer), or
  uint32_t fetch_wait_ = 0;             // its fixed wait per fetch
  uint8_t prev_flags_ = 0;        // timing flags and writes of the previous instruction
  uint16_t prev_writes_ = 0;
  timing::StallCounts stalls_{};
  std::vector<uint64_t> row_executions_;  // per Decoder row, folded from the lines
  std::unordered_map<uint64_t, uint64_t> pc_row_executions_;  // (pc << 16 | row) -> folded executions
  FlowListener* flow_ = nullptr;

  static constexpr uint8_t kPcWritten = 1, kBranchResolved = 2;
  uint8_t redirect_ = 0;  // kPcWritten: the pipeline refills; kBranchResolved: a predictor learns
  uint8_t not_taken_resolves_ = 0;  // kBranchResolved on a core that predicts branches
  bool in_it_ = false;
  uint64_t cycles_ = 0;
  uint64_t instructions_ = 0;
  uint64_t sleep_cycles_ = 0;
  uint64_t horizon_ = 0;  // inner loop runs while cycles_ < horizon_
  uint64_t limit_ = 0;
  uint64_t instruction_limit_ = UINT64_MAX;
  bool sleeping_ = false;
  bool reset_requested_ = false;
  uint32_t reset_vtor_ = 0;
  std::optional<int> exit_code_;
  std::optional<Lockup> lockup_;
  std::optional<FaultRecord> hardfault_origin_;  // the last fault taken as HardFault
};

}  // namespace isa
