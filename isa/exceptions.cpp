// The exception model (ARMv7-M ARM B1.5): priorities, entry with stacking,
// return through EXC_RETURN, fault escalation and lockup.
#include <climits>

#include "isa/cpu.hpp"

namespace isa {

namespace {
constexpr uint32_t kFrameSize = 0x20;
constexpr uint32_t kFpFrameSize = 0x68;  // + S0-S15, FPSCR and a reserved word

unsigned fault_exception(FaultKind k) {
  switch (k) {
    case FaultKind::InstructionBus:
    case FaultKind::PreciseDataBus:
    case FaultKind::StackingBus:
    case FaultKind::UnstackingBus: return kBusFault;
    case FaultKind::Breakpoint: return kHardFault;
    default: return kUsageFault;
  }
}
}  // namespace

const char* fault_name(FaultKind kind) {
  switch (kind) {
    case FaultKind::UndefInstr: return "undefined instruction (UsageFault UNDEFINSTR)";
    case FaultKind::InvState: return "invalid state (UsageFault INVSTATE)";
    case FaultKind::InvPc: return "invalid exception return (UsageFault INVPC)";
    case FaultKind::NoCoprocessor: return "no coprocessor (UsageFault NOCP)";
    case FaultKind::Unaligned: return "unaligned access (UsageFault UNALIGNED)";
    case FaultKind::DivideByZero: return "divide by zero (UsageFault DIVBYZERO)";
    case FaultKind::InstructionBus: return "instruction fetch bus error (BusFault IBUSERR)";
    case FaultKind::PreciseDataBus: return "data bus error (BusFault PRECISERR)";
    case FaultKind::StackingBus: return "bus error while stacking (BusFault STKERR)";
    case FaultKind::UnstackingBus: return "bus error while unstacking (BusFault UNSTKERR)";
    case FaultKind::Breakpoint: return "breakpoint with no debugger (HardFault DEBUGEVT)";
  }
  return "fault";
}

// ExecutionPriority() (B1.5.4); WFI's wake-up test asks for it as if
// PRIMASK were clear.
int Cpu::execution_priority(bool ignore_primask) const {
  int highest = INT_MAX;
  for (unsigned exc = 1; exc < SystemControl::kMaxExceptions; ++exc)
    if (scs_->active(exc)) highest = std::min(highest, scs_->group_priority(scs_->priority(exc)));
  int boosted = INT_MAX;
  if (s_.basepri) boosted = scs_->group_priority(s_.basepri);
  if (s_.primask && !ignore_primask) boosted = 0;
  if (s_.faultmask) boosted = -1;
  return std::min(highest, boosted);
}

bool Cpu::take_pending_exception() {
  const unsigned exc = scs_->highest_pending();
  if (!exc) return false;
  const int prio = scs_->group_priority(scs_->priority(exc));
  const int current = execution_priority();
  if (sleeping_) {
    // WFI wakes for any pending exception that would preempt were PRIMASK clear.
    if (prio < execution_priority(/*ignore_primask=*/true)) sleeping_ = false;
  }
  if (prio >= current) return false;
  sleeping_ = false;
  scs_->set_pending(exc, false);
  exception_entry(exc, s_.pc);
  return true;
}

uint32_t Cpu::stack_push_frame(uint32_t return_address) {
  // With an active FP context (CONTROL.FPCA) the frame also has room for
  // S0-S15 and FPSCR, and is always 8-byte aligned (B1.5.6 PushStack()).
  const bool fp_frame = fp_context_active();
  const bool align8 = fp_frame || scs_->stack_align_8() || !profile_.mainline();
  const uint32_t size = fp_frame ? kFpFrameSize : kFrameSize;
  const uint32_t sp = s_.r[13];
  const bool realign = align8 && (sp & 4);
  const uint32_t frame = (sp - size) & (align8 ? ~7u : ~3u);
  const uint32_t xpsr = (s_.xpsr() & ~(1u << 9)) | (realign ? 1u << 9 : 0);
  const uint32_t words[8] = {s_.r[0], s_.r[1], s_.r[2], s_.r[3], s_.r[12], s_.r[14], return_address, xpsr};
  try {
    for (unsigned i = 0; i < 8; ++i) bus_write(frame + 4 * i, 4, words[i]);
    if (fp_frame) stack_fp_state(frame + kFrameSize);
  } catch (const Fault& f) {
    throw Fault{FaultKind::StackingBus, f.address};
  }
  s_.r[13] = frame;
  return frame;
}

void Cpu::exception_entry(unsigned exc, uint32_t return_address) {
  const bool from_thread = s_.mode == Mode::Thread;
  const bool from_psp = s_.using_psp();
  const bool fp_frame = fp_context_active();
  try {
    stack_push_frame(return_address);
  } catch (const Fault& f) {
    scs_->record_fault(f);
    if (exc == kHardFault || exc == kNmi) return enter_lockup(f);
    scs_->record_forced_hardfault();
    return exception_entry(kHardFault, return_address);
  }
  // EXC_RETURN (B1.5.8): bit 4 clear means the frame has FP state.
  s_.r[14] = (from_thread ? (from_psp ? 0xFFFFFFFDu : 0xFFFFFFF9u) : 0xFFFFFFF1u) & ~(fp_frame ? 0x10u : 0u);
  uint32_t vector = 0;
  if (!debug_read(scs_->vtor() + 4 * exc, &vector, 4)) {
    scs_->record_vector_read_error();
    return enter_lockup(Fault{FaultKind::PreciseDataBus, scs_->vtor() + 4 * exc});
  }
  s_.switch_stack(Mode::Handler, false);
  s_.control &= ~4u;  // FPCA
  s_.exception = static_cast<uint16_t>(exc);
  s_.itstate = 0;
  s_.thumb = vector & 1;
  const uint32_t from = s_.pc;
  redirect_fetch(from, vector & ~1u);
  s_.pc = vector & ~1u;
  // The entry sequence (stacking, vector fetch, refill) as the model states it.
  stall(timing::Stall::Exception, pipeline_.exception_entry);
  if (flow_) flow_->control_flow(from, s_.pc);
  prev_flags_ = 0;
  scs_->set_active(exc, true);
  clear_exclusive();
  send_event();  // SetEventRegister(): a WFE after the handler must not miss it
  horizon_ = 0;
}

void Cpu::exception_return(uint32_t exc_return) {
  const unsigned returning = s_.exception;
  // Bit 4 (no FP frame) may only be clear on a core with an FPU.
  const uint32_t fixed = scs_->fp().present() ? 0x0FFFFFE0u : 0x0FFFFFF0u;
  const bool valid_value = (exc_return & fixed) == fixed;
  const bool fp_frame = !(exc_return & 0x10u);
  const unsigned low = exc_return & 0xF;
  if (!valid_value || !scs_->active(returning) || (low != 1 && low != 9 && low != 0xD))
    throw Fault{FaultKind::InvPc};
  if (low != 1 && scs_->active_count() > 1 && !scs_->non_base_thread_enable()) throw Fault{FaultKind::InvPc};
  if (low == 1 && scs_->active_count() <= 1) throw Fault{FaultKind::InvPc};

  scs_->set_active(returning, false);
  if (returning != kNmi) s_.faultmask = false;
  const bool to_thread = low != 1;
  s_.switch_stack(to_thread ? Mode::Thread : Mode::Handler, low == 0xD);

  uint32_t frame[8];
  const uint32_t sp = s_.r[13];
  for (unsigned i = 0; i < 8; ++i) {
    try {
      frame[i] = bus_read(sp + 4 * i, 4, AccessKind::Load);
    } catch (const Fault& f) {
      throw Fault{FaultKind::UnstackingBus, f.address};
    }
  }
  if (fp_frame) {
    try {
      unstack_fp_state(sp + kFrameSize);
    } catch (const Fault& f) {
      throw Fault{FaultKind::UnstackingBus, f.address};
    }
  }
  const bool align8 = fp_frame || scs_->stack_align_8() || !profile_.mainline();
  s_.r[13] = (sp + (fp_frame ? kFpFrameSize : kFrameSize)) | ((align8 && (frame[7] & (1u << 9))) ? 4u : 0u);
  if (scs_->fp().present()) s_.control = static_cast<uint8_t>((s_.control & ~4u) | (fp_frame ? 4u : 0u));
  for (unsigned i = 0; i < 4; ++i) s_.r[i] = frame[i];
  s_.r[12] = frame[4];
  s_.r[14] = frame[5];
  s_.set_xpsr(frame[7]);
  branch_to(frame[6]);
  // The return sequence; step() adds the refill of the PC write itself.
  stall(timing::Stall::Exception, pipeline_.exception_return > pipeline_.refill ? pipeline_.exception_return - pipeline_.refill : 0);
  scs_->on_exception_return(returning);
  // Returning to Thread mode with an exception number in IPSR is an INVPC
  // (B1.5.8); so is the reverse.
  if (to_thread != (s_.exception == 0)) throw Fault{FaultKind::InvPc};
  if (to_thread && scs_->sleep_on_exit()) sleeping_ = true;
  clear_exclusive();
  send_event();
  horizon_ = 0;
}

void Cpu::raise_fault(const Fault& f) {
  redirect_ = 0;  // the faulting instruction did not complete
  if (f.kind == FaultKind::Breakpoint) scs_->record_debug_event();
  unsigned exc = scs_->faults_configurable() ? fault_exception(f.kind) : unsigned{kHardFault};
  if (exc != kHardFault) scs_->record_fault(f);
  const int current = execution_priority();
  if (exc != kHardFault && (!scs_->enabled(exc) || scs_->group_priority(scs_->priority(exc)) >= current)) {
    exc = kHardFault;  // escalation (B1.5.15)
    scs_->record_forced_hardfault();
  }
  if (exc == kHardFault && current <= -1) return enter_lockup(f);
  if (exc == kHardFault) hardfault_origin_ = FaultRecord{s_.pc, f.kind, f.address};
  // A fault's return address is the faulting instruction itself.
  exception_entry(exc, s_.pc);
}

void Cpu::enter_lockup(const Fault& f) {
  lockup_ = Lockup{s_.pc, f.kind, f.address, s_.exception == kHardFault ? hardfault_origin_ : std::nullopt};
  horizon_ = 0;
}

void Cpu::call_supervisor() {
  // SVC is synchronous: if it cannot be taken now it escalates (B1.5.15).
  const int current = execution_priority();
  if (scs_->group_priority(scs_->priority(kSvCall)) < current) {
    scs_->set_pending(kSvCall, true);  // taken before the next instruction
    return;
  }
  scs_->record_forced_hardfault();
  if (current <= -1) return enter_lockup(Fault{FaultKind::UndefInstr});
  scs_->set_pending(kHardFault, true);
}

void Cpu::breakpoint(uint8_t imm) {
  if (hooks_ && hooks_->on_breakpoint(*this, imm)) return;
  throw Fault{FaultKind::Breakpoint};
}

}  // namespace isa
