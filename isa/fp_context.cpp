// The floating-point context across exceptions (ARMv7-M ARM B1.5.6-B1.5.8
// and the lazy state preservation of B3.2.22): an exception taken with an
// active FP context (CONTROL.FPCA) reserves S0-S15 and FPSCR in its frame.
// With FPCCR.LSPEN the registers are only written when the handler first
// executes an FP instruction (PreserveFPState()); a handler that never uses
// the FPU costs no FP stacking at all.
#include "isa/cpu.hpp"
#include "isa/fp/fpscr.hpp"

namespace isa {

namespace {
constexpr unsigned kStackedSRegs = 16;
constexpr uint32_t kFpscrOffset = 4 * kStackedSRegs;
}  // namespace

// S0-S15 and FPSCR into the frame's FP area, now or when lazily preserved.
void Cpu::write_fp_state(uint32_t area) {
  store_words(area, kStackedSRegs, s_.sreg.data());
  bus_write(area + kFpscrOffset, 4, s_.fpscr);
}

bool Cpu::fp_context_active() const { return scs_->fp().present() && (s_.control & 4); }

void Cpu::stack_fp_state(uint32_t area) {
  FpControl& ctl = scs_->fp();
  if (!ctl.lazy_preservation()) {
    write_fp_state(area);
    return;
  }
  // UpdateFPCCR(): remember where the registers go and which faults the
  // preservation could take later.
  const int current = execution_priority();
  const auto ready = [&](unsigned exc) {
    return scs_->enabled(exc) && current > scs_->group_priority(scs_->priority(exc));
  };
  ctl.start_lazy(area, FpControl::LazyRecord{.privileged = s_.privileged(),
                                            .thread = s_.mode == Mode::Thread,
                                            .hardfault_ready = current > -1,
                                            .busfault_ready = ready(kBusFault),
                                            .memfault_ready = ready(kMemManage),
                                            .monitor_ready = false});  // no debug monitor modelled
}

void Cpu::unstack_fp_state(uint32_t area) {
  FpControl& ctl = scs_->fp();
  if (ctl.lazy_pending()) {
    // The handler never touched the FPU: the registers still hold the
    // interrupted context's values.
    ctl.end_lazy();
    return;
  }
  load_words(area, kStackedSRegs, s_.sreg.data());
  s_.fpscr = bus_read(area + kFpscrOffset, 4, AccessKind::Load) & fp::kWritableMask;
}

void Cpu::preserve_fp_state() {
  FpControl& ctl = scs_->fp();
  const uint32_t area = ctl.fpcar();
  try {
    write_fp_state(area);
  } catch (const Fault& f) {
    // A fault here is a lazy-stacking fault (BFSR.LSPERR); edgesim reports
    // it as a stacking error. LSPACT stays set, as on hardware.
    throw Fault{FaultKind::StackingBus, f.address};
  }
  ctl.end_lazy();
}

void Cpu::fp_check_slow() {
  FpControl& ctl = scs_->fp();
  if (!ctl.access_allowed(s_.privileged())) throw Fault{FaultKind::NoCoprocessor};
  if (ctl.lazy_pending()) preserve_fp_state();
  if (ctl.automatic_state_preservation() && !(s_.control & 4)) {
    // A new FP context: FPSCR's controls from FPDSCR.
    s_.fpscr = (s_.fpscr & ~0x07C00000u) | ctl.default_fpscr_bits();
    s_.control |= 4;
  }
}

}  // namespace isa
