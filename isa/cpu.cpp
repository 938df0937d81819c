#include "isa/cpu.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace isa {

namespace {
constexpr size_t kCacheLines = 1u << 16;  // 128 KiB of code without conflicts
}

Cpu::Cpu(const CoreProfile& profile, Bus& bus, CpuHooks* hooks, const timing::Options& timing)
    : profile_(profile),
      bus_(bus),
      hooks_(hooks),
      decoder_(profile),
      timing_(timing::model_for(profile, timing)),
      pipeline_(timing_->pipeline()),
      scs_(std::make_unique<SystemControl>(*this)),
      icache_(kCacheLines),
      fetch_word_shift_(static_cast<uint32_t>(std::countr_zero(unsigned{pipeline_.fetch_bytes}))),
      row_executions_(Decoder::rows().size()),
      not_taken_resolves_(pipeline_.predicts_branches ? kBranchResolved : 0) {}

Cpu::~Cpu() = default;

void Cpu::reset(uint32_t vtor) {
  reset_vtor_ = vtor;
  reset_requested_ = false;
  s_ = CpuState{};
  scs_->reset();
  scs_->set_vtor(vtor);
  sleeping_ = false;
  prev_flags_ = 0;
  forget_fetch_line();
  run_start_ = 1;
  lockup_.reset();
  hardfault_origin_.reset();
  uint32_t vectors[2] = {0, 0};
  if (!debug_read(vtor, vectors, sizeof vectors)) {
    lockup_ = Lockup{vtor, FaultKind::PreciseDataBus, vtor};
    return;
  }
  s_.r[13] = vectors[0] & ~3u;
  s_.r[14] = 0xFFFFFFFFu;  // LR reset value (B1.5.5)
  s_.thumb = vectors[1] & 1;
  s_.pc = vectors[1] & ~1u;
  open_run(s_.pc);
  horizon_ = 0;
}

void Cpu::bx_write_pc(uint32_t addr) {
  if (s_.mode == Mode::Handler && (addr >> 28) == 0xF) {
    exception_return(addr);
    return;
  }
  // Clearing EPSR.T makes the next instruction fault with INVSTATE (A2.3.1).
  s_.thumb = addr & 1;
  branch_to(addr);
}

// ---- memory ----


const DirectRegion* Cpu::find_direct(uint32_t addr, unsigned len) {
  for (const auto& r : direct_)
    if (r.contains(addr, len)) return &r;
  if (auto granted = bus_.direct(addr); granted && granted->contains(addr, len)) {
    // Growing the list may move it: drop the cached pointers into it.
    flush_fetch_counts();
    direct_.push_back(*granted);
    data_direct_ = data_previous_ = nullptr;
    set_fetch_region(nullptr);
    return &direct_.back();
  }
  return nullptr;
}

void Cpu::invalidate_direct(uint32_t first, uint32_t last) {
  flush_fetch_counts();
  std::erase_if(direct_, [&](const DirectRegion& r) { return !(r.last < first || r.base > last); });
  data_direct_ = data_previous_ = nullptr;
  set_fetch_region(nullptr);
}

void Cpu::set_fetch_region(const DirectRegion* r) {
  fetch_direct_ = r;
  const bool window = r && r->readable && r->last - r->base >= 3;
  fetch_base_ = window ? r->base : 1;
  fetch_limit_ = window ? r->last - r->base - 3 : 0;
  fetch_host_ = window ? r->host : nullptr;
  fetch_line_size_ = r && r->timer ? r->timer->fetch_block_bytes() : pipeline_.fetch_bytes;
  fetch_line_mask_ = ~(fetch_line_size_ - 1);
  fetch_timer_ = r ? r->timer : nullptr;
  fetch_wait_ = r && !r->timer ? r->read_wait : 0;
  fetch_timed_ = r && (r->timer || r->read_wait);
  forget_fetch_line();
}

// Fetches and data accesses keep separate cached regions: code and data
// usually live in different memories, and one cache would thrash.
const DirectRegion* Cpu::refill_direct(const DirectRegion*& cache, uint32_t addr, unsigned size) {
  const bool data = &cache == &data_direct_;
  const DirectRegion* r = find_direct(addr, size);
  if (!data) {
    flush_fetch_counts();
    set_fetch_region(r);
    open_run(s_.pc);
    return r;
  }
  if (r) data_previous_ = cache;
  cache = r;
  return r;
}

uint32_t Cpu::bus_read(uint32_t addr, unsigned size, AccessKind kind) {
  if (SystemControl::in_ppb(addr)) {
    uint32_t v = 0;
    if (!scs_->read(addr, size, v)) throw Fault{FaultKind::PreciseDataBus, addr};
    return v;
  }
  const DirectRegion* r = kind == AccessKind::Fetch ? cached_direct(fetch_direct_, addr, size) : data_region(addr, size);
  const timing::Stall wait = kind == AccessKind::Fetch ? timing::Stall::FetchWait : timing::Stall::DataWait;
  if (r && r->readable) {
    region_wait(*r, addr, size, kind, wait);
    if (r->counters) r->counters->count(kind, size);
    return host_read(r->host + (addr - r->base), size);
  }
  uint32_t v = 0;
  const BusResult res = bus_.read(addr, size, v, kind);
  stall(wait, res.wait_cycles);
  if (!res.ok) throw Fault{kind == AccessKind::Fetch ? FaultKind::InstructionBus : FaultKind::PreciseDataBus, addr};
  return v;
}

void Cpu::bus_write(uint32_t addr, unsigned size, uint32_t value) {
  if (SystemControl::in_ppb(addr)) {
    if (!scs_->write(addr, size, value)) throw Fault{FaultKind::PreciseDataBus, addr};
    return;
  }
  const DirectRegion* r = data_region(addr, size);
  if (r && r->writable) {
    host_write(r->host + (addr - r->base), size, value);
    region_wait(*r, addr, size, AccessKind::Store, timing::Stall::DataWait);
    if (r->counters) r->counters->count(AccessKind::Store, size);
    return;
  }
  const BusResult res = bus_.write(addr, size, value);
  stall(timing::Stall::DataWait, res.wait_cycles);
  if (!res.ok) throw Fault{FaultKind::PreciseDataBus, addr};
}

uint32_t Cpu::load_slow(uint32_t addr, unsigned size, Align align) {
  if (addr & (size - 1)) {
    if (align == Align::Required || scs_->unaligned_trap()) throw Fault{FaultKind::Unaligned, addr};
    uint32_t v = 0;  // unaligned: split into bytes, as the bus would
    for (unsigned i = 0; i < size; ++i) v |= bus_read(addr + i, 1, AccessKind::Load) << (8 * i);
    return v;
  }
  return bus_read(addr, size, AccessKind::Load);
}

void Cpu::store_slow(uint32_t addr, unsigned size, uint32_t value, Align align) {
  if (addr & (size - 1)) {
    if (align == Align::Required || scs_->unaligned_trap()) throw Fault{FaultKind::Unaligned, addr};
    for (unsigned i = 0; i < size; ++i) bus_write(addr + i, 1, (value >> (8 * i)) & 0xFF);
    return;
  }
  bus_write(addr, size, value);
}

// n words of a block transfer: each asks the timer at the cycle it is made.
void Cpu::block_wait(const DirectRegion& r, uint32_t addr, unsigned n, AccessKind kind) {
  if (!r.timer) {
    stall(timing::Stall::DataWait, int64_t{r.fixed_wait(kind)} * n);
    return;
  }
  for (unsigned i = 0; i < n; ++i) region_wait(r, addr + 4 * i, 4, kind, timing::Stall::DataWait);
}

void Cpu::load_words(uint32_t addr, unsigned n, uint32_t* out) {
  if (addr & 3) throw Fault{FaultKind::Unaligned, addr};
  const DirectRegion* r = SystemControl::in_ppb(addr) ? nullptr : data_region(addr, 4 * n);
  if (!r || !r->readable || r->last - r->base < 4 * n - 1) {
    for (unsigned i = 0; i < n; ++i) out[i] = bus_read(addr + 4 * i, 4, AccessKind::Load);
    return;
  }
  const uint8_t* p = r->host + (addr - r->base);
  for (unsigned i = 0; i < n; ++i) std::memcpy(out + i, p + 4 * i, 4);
  block_wait(*r, addr, n, AccessKind::Load);
  if (r->counters) r->counters->count(AccessKind::Load, 4, n);
}

void Cpu::store_words(uint32_t addr, unsigned n, const uint32_t* in) {
  if (addr & 3) throw Fault{FaultKind::Unaligned, addr};
  const DirectRegion* r = SystemControl::in_ppb(addr) ? nullptr : data_region(addr, 4 * n);
  if (!r || !r->writable || r->last - r->base < 4 * n - 1) {
    for (unsigned i = 0; i < n; ++i) bus_write(addr + 4 * i, 4, in[i]);
    return;
  }
  uint8_t* p = r->host + (addr - r->base);
  for (unsigned i = 0; i < n; ++i) std::memcpy(p + 4 * i, in + i, 4);
  block_wait(*r, addr, n, AccessKind::Store);
  if (r->counters) r->counters->count(AccessKind::Store, 4, n);
}

bool Cpu::debug_read(uint32_t addr, void* data, uint32_t len) {
  auto* out = static_cast<uint8_t*>(data);
  for (uint32_t i = 0; i < len; ++i) {
    const uint32_t a = addr + i;
    if (SystemControl::in_ppb(a)) {
      uint32_t v = 0;
      if (!scs_->read(a & ~3u, 4, v, SystemControl::Reader::Debugger)) return false;
      out[i] = static_cast<uint8_t>(v >> (8 * (a & 3)));
      continue;
    }
    if (const DirectRegion* r = find_direct(a, 1); r && r->readable) {
      const uint32_t n = std::min<uint32_t>(len - i, r->last - a + 1);
      std::memcpy(out + i, r->host + (a - r->base), n);
      i += n - 1;
      continue;
    }
    uint32_t v = 0;
    if (!bus_.read(a, 1, v, AccessKind::Load).ok) return false;
    out[i] = static_cast<uint8_t>(v);
  }
  return true;
}

bool Cpu::debug_write(uint32_t addr, const void* data, uint32_t len) {
  const auto* in = static_cast<const uint8_t*>(data);
  for (uint32_t i = 0; i < len; ++i) {
    const uint32_t a = addr + i;
    if (const DirectRegion* r = find_direct(a, 1); r && r->writable) {
      const uint32_t n = std::min<uint32_t>(len - i, r->last - a + 1);
      std::memcpy(r->host + (a - r->base), in + i, n);
      i += n - 1;
      continue;
    }
    if (!bus_.write(a, 1, in[i]).ok) return false;
  }
  return true;
}

// ---- fetch / decode / execute ----

uint16_t Cpu::fetch16(uint32_t addr) { return static_cast<uint16_t>(bus_read(addr, 2, AccessKind::Fetch)); }

uint32_t Cpu::fetch(uint32_t addr, unsigned& len) {
  const uint16_t hw1 = fetch16(addr);
  if (!Decoder::is_wide(hw1)) {
    len = 2;
    return hw1;
  }
  len = 4;
  return (uint32_t{hw1} << 16) | fetch16(addr + 2);
}

void Cpu::end_run(uint32_t end) {
  if (!(run_start_ & 1) && end > run_start_) {
    const uint64_t words = ((end - 1) >> fetch_word_shift_) - (run_start_ >> fetch_word_shift_) + 1;
    fetches_pending_ += words;
  }
  run_start_ = 1;
}

void Cpu::flush_fetch_counts() {
  if (!(run_start_ & 1)) {  // count the open run so far; it goes on from here
    end_run(s_.pc);
    open_run(s_.pc);
  }
  if (fetch_direct_ && fetch_direct_->counters) {
    fetch_direct_->counters->fetches += fetches_pending_;
    fetch_direct_->counters->fetch_bytes += fetches_pending_ * pipeline_.fetch_bytes;
  }
  fetches_pending_ = 0;
}

// The hot path: the word at pc straight from the host copy, and a cache hit.
// Comparing the whole word with the cached one (even for a 16-bit
// instruction) keeps self-modifying code and DMA into code correct with no
// invalidation.
inline Cpu::CacheLine& Cpu::fetch_decoded(uint32_t pc) {
  CacheLine& line = icache_[(pc >> 1) & (kCacheLines - 1)];
  const uint32_t offset = pc - fetch_base_;
  if (offset <= fetch_limit_) [[likely]] {
    const uint32_t word = host_read(fetch_host_ + offset, 4);
    if (line.pc == pc && line.word == word) [[likely]] {
      if (!in_fetch_line(pc, line.d.size)) [[unlikely]] fetch_timing(pc, line.d.size);
      return line;
    }
  }
  return fetch_decoded_slow(pc);
}

Cpu::CacheLine& Cpu::fetch_decoded_slow(uint32_t pc) {
  CacheLine& line = icache_[(pc >> 1) & (kCacheLines - 1)];
  fold_line(line);
  const uint32_t offset = pc - fetch_base_;
  if (offset <= fetch_limit_) {  // a miss: decode and fill the line
    const uint32_t word = host_read(fetch_host_ + offset, 4);
    const auto hw1 = static_cast<uint16_t>(word);
    const bool wide = Decoder::is_wide(hw1);
    line.d = decode(wide ? (uint32_t{hw1} << 16) | (word >> 16) : hw1, wide);
    line.pc = pc;
    line.word = word;
    if (!in_fetch_line(pc, line.d.size)) fetch_timing(pc, line.d.size);
    return line;
  }
  // Code outside DMI, or the last halfword of a region: fetched and counted
  // through the bus, decoded every time.
  unsigned len = 0;
  const uint32_t raw = fetch(pc, len);
  line.pc = pc | 1;  // odd: never a hit, but the executions know their address
  line.d = decode(raw, len == 4);
  forget_fetch_line();
  return line;
}

void Cpu::fold_line(CacheLine& line) {
  if (line.executed == 0) return;
  const timing::InstrTiming& t = line.d.timing;
  stalls_[static_cast<size_t>(t.stall)] += static_cast<int64_t>(line.executed * t.extra);
  row_executions_[line.d.row] += line.executed;
  pc_row_executions_[uint64_t{line.pc & ~1u} << 16 | line.d.row] += line.executed;
  line.executed = 0;
}

timing::StallCounts Cpu::stalls() const {
  timing::StallCounts sum = stalls_;
  for (const CacheLine& line : icache_)
    sum[static_cast<size_t>(line.d.timing.stall)] += static_cast<int64_t>(line.executed * line.d.timing.extra);
  return sum;
}

std::vector<uint64_t> Cpu::row_executions() const {
  std::vector<uint64_t> sum = row_executions_;
  for (const CacheLine& line : icache_) sum[line.d.row] += line.executed;
  return sum;
}

std::vector<PcExecutions> Cpu::pc_executions() const {
  std::unordered_map<uint64_t, uint64_t> all = pc_row_executions_;
  for (const CacheLine& line : icache_)
    if (line.executed) all[uint64_t{line.pc & ~1u} << 16 | line.d.row] += line.executed;
  std::vector<PcExecutions> out;
  out.reserve(all.size());
  for (const auto& [key, count] : all)
    out.push_back({static_cast<uint32_t>(key >> 16), static_cast<uint16_t>(key & 0xFFFF), count});
  return out;
}

Cpu::WorkCounts Cpu::work_counts() const {
  WorkCounts counts{};
  const std::vector<uint64_t> rows = row_executions();
  for (size_t i = 0; i < rows.size(); ++i) {
    const Work& w = Decoder::row(static_cast<uint16_t>(i)).work;
    counts[static_cast<size_t>(w.op)][static_cast<size_t>(w.width)] += rows[i] * w.lanes;
  }
  return counts;
}

Decoded Cpu::decode(uint32_t raw, bool wide) const {
  Decoded d = decoder_.decode(raw, wide);
  d.timing = timing_->annotate(Decoder::row(d.row), d);
  return d;
}

// An instruction outside the line held, in a memory with wait states or a
// timer: the line(s) it occupies are fetched, the last one is held.
void Cpu::fetch_timing(uint32_t pc, unsigned size) {
  const uint32_t first = pc & fetch_line_mask_, last = (pc + size - 1) & fetch_line_mask_;
  if (fetch_line_bytes_ == 0 || first != fetch_line_) fetch_line(first);
  if (last != first) [[unlikely]] fetch_line(last);
}

// The fetch region's timer or fixed wait, without region_wait's dispatch on
// the access kind (this is every line change of the fetch stream).
inline void Cpu::fetch_line(uint32_t addr) {
  fetch_line_ = addr;
  fetch_line_bytes_ = fetch_line_size_;
  if (fetch_timer_) {
    const AccessDelay d = fetch_timer_->access(addr, pipeline_.fetch_bytes, AccessKind::Fetch, cycles_);
    if (d.wait) stall(timing::Stall::FetchWait, d.wait);
    if (d.contention) [[unlikely]] stall(timing::Stall::Contention, d.contention);
  } else if (fetch_wait_) {
    stall(timing::Stall::FetchWait, fetch_wait_);
  }
}

// The rules between an instruction and the one before it (the model's
// flags); returns the flags the next instruction sees of this one.
[[gnu::always_inline]] inline uint8_t Cpu::context_stalls(const timing::InstrTiming& t) {
  namespace tm = timing;
  const bool depends = t.reads & prev_writes_;
  if (t.flags & tm::kMemoryAccess) {
    if (depends && (prev_flags_ & tm::kAluResult)) {
      stall(tm::Stall::Interlock, 1);  // no forwarding path into address generation
    } else if (!depends && (prev_flags_ & tm::kPipelineHead) && (t.flags & tm::kPipelineTail)) {
      stall(tm::Stall::Memory, -1);  // its address phase overlapped the previous load's data phase
    }
  }
  if (depends && (prev_flags_ & tm::kLoadResult) && pipeline_.load_use) stall(tm::Stall::Interlock, pipeline_.load_use);
  if ((t.flags & prev_flags_ & tm::kDualIssue) && !depends) {
    const bool both_memory = t.flags & prev_flags_ & tm::kMemoryAccess;
    const bool both_loads = t.flags & prev_flags_ & tm::kLoadResult;
    if (!both_memory || both_loads) {
      stall(tm::Stall::DualIssue, -1);
      return t.flags & ~tm::kDualIssue;  // the pair is complete: the next one issues anew
    }
  }
  return t.flags;
}

// The operands decide (early termination): charged by the handler before
// it writes the quotient over one of them.
void Cpu::divide_stall(const Decoded& d) {
  if (!(d.timing.flags & timing::kDivide)) return;
  const unsigned total = timing_->divide_cycles(s_.r[d.rn], s_.r[d.rm], d.timing.dynamic == timing::Dynamic::SignedDivide);
  stall(timing::Stall::Divide, total - 1 - d.timing.extra);
}

[[gnu::always_inline]] inline void Cpu::branch_refill(uint32_t end, uint32_t target) {
  unsigned refill = pipeline_.refill;
  if ((target & 2) && pipeline_.unaligned_wide_target) {
    // A 32-bit target straddling two fetch words needs both before it can issue.
    const uint32_t offset = target - fetch_base_;
    if (offset <= fetch_limit_ && Decoder::is_wide(static_cast<uint16_t>(host_read(fetch_host_ + offset, 2))))
      refill += pipeline_.unaligned_wide_target;
  }
  stall(timing::Stall::BranchRefill, refill);
  redirect_fetch(end, target);
}

[[gnu::always_inline]] inline void Cpu::step() {
  const uint32_t pc = s_.pc;
  if (!s_.thumb) throw Fault{FaultKind::InvState};
  CacheLine& line = fetch_decoded(pc);
  const Decoded& d = line.d;
  s_.r[15] = pc + 4;
  const uint32_t sequential = pc + d.size;
  s_.pc = sequential;  // branches overwrite it; a fault puts pc back
  const uint8_t it = s_.itstate;
  in_it_ = it != 0;
  if (in_it_) {
    s_.advance_it();
    if (!condition_passed(it >> 4)) {  // skipped: issues as a NOP
      ++instructions_;
      ++cycles_;
      prev_flags_ = 0;
      prev_writes_ = 0;
      return;
    }
  }
  const timing::InstrTiming& t = d.timing;
  try {
    d.exec(*this, d);
  } catch (...) {
    s_.itstate = it;  // the instruction did not complete: it is retried after the handler
    s_.pc = pc;
    throw;
  }
  ++instructions_;
  cycles_ += 1 + t.extra;  // its stall bucket gets `extra` when the line is folded
  ++line.executed;
  uint8_t flags = t.flags;
  if ((flags & (timing::kMemoryAccess | timing::kDualIssue)) || (prev_flags_ & timing::kLoadResult)) flags = context_stalls(t);
  prev_flags_ = flags;
  prev_writes_ = t.writes;
  if (redirect_) [[unlikely]] redirect(pc, sequential, t);
}

// After a PC write, or a branch a predicting core resolved.
void Cpu::redirect(uint32_t pc, uint32_t sequential, const timing::InstrTiming& t) {
  const bool taken = redirect_ & kPcWritten;
  redirect_ = 0;
  if (t.dynamic == timing::Dynamic::Branch) {
    // A predicting core: its model keeps the history and decides the cost.
    stall(timing::Stall::BranchRefill, timing_->branch_penalty(pc, s_.pc, taken));
    if (taken) redirect_fetch(sequential, s_.pc);
  } else if (taken) {
    branch_refill(sequential, s_.pc);
  }
  if (taken && flow_) [[unlikely]] flow_->control_flow(pc, s_.pc);
}

uint64_t Cpu::next_event_cycle() const { return std::min(limit_, scs_->next_systick_event()); }

StopReason Cpu::run(uint64_t cycle_limit, uint64_t instruction_limit) {
  limit_ = cycle_limit;
  instruction_limit_ = instruction_limit;
  const StopReason why = run_until_stop();
  flush_fetch_counts();
  return why;
}

StopReason Cpu::run_until_stop() {
  for (;;) {
    if (lockup_ || exit_code_) return lockup_ ? StopReason::Lockup : StopReason::Exit;
    if (reset_requested_) reset(reset_vtor_);
    scs_->advance_systick(cycles_);
    if (take_pending_exception()) continue;
    if (cycles_ >= limit_ || instructions_ >= instruction_limit_) return StopReason::CycleLimit;
    if (sleeping_) {
      // SysTick wakes the core from inside; anything else is the caller's
      // to wait for (sleep_until).
      const uint64_t wake = scs_->next_systick_event();
      if (wake >= limit_) return StopReason::Sleeping;
      sleep_until(wake);
      continue;
    }
    horizon_ = next_event_cycle();
    try {
      // At most two instructions issue per cycle: far from the instruction
      // limit, cycles alone bound the loop (the common, faster case).
      if ((instruction_limit_ - instructions_) / 2 >= horizon_ - cycles_) {
        while (cycles_ < horizon_) step();
      } else {
        while (cycles_ < horizon_ && instructions_ < instruction_limit_) step();
      }
    } catch (const Fault& f) {
      raise_fault(f);
    }
  }
}

void Cpu::sleep_until(uint64_t cycle) {
  if (!sleeping_ || cycle <= cycles_) return;
  sleep_cycles_ += cycle - cycles_;
  cycles_ = cycle;
}

void Cpu::step_one() {
  scs_->advance_systick(cycles_);
  if (lockup_ || exit_code_ || take_pending_exception()) return;
  try {
    step();
  } catch (const Fault& f) {
    raise_fault(f);
  }
  flush_fetch_counts();
}

void Cpu::request_exit(int code) {
  exit_code_ = code;
  horizon_ = 0;
}

void Cpu::wait_for_interrupt() {
  sleeping_ = true;
  horizon_ = 0;
}

void Cpu::wait_for_event() {
  if (s_.event_register) {
    s_.event_register = false;
    return;
  }
  sleeping_ = true;
  horizon_ = 0;
}

}  // namespace isa
