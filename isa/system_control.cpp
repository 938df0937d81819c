#include "isa/system_control.hpp"

#include <algorithm>
#include <limits>

#include "isa/cpu.hpp"

namespace isa {

namespace {
// System Control Space addresses (B3.2.2, B3.3.2, B3.4.3, C1.8.6).
constexpr uint32_t kIctr = 0xE000E004, kActlr = 0xE000E008;
constexpr uint32_t kSysTickCsr = 0xE000E010, kSysTickRvr = 0xE000E014, kSysTickCvr = 0xE000E018,
                   kSysTickCalib = 0xE000E01C;
constexpr uint32_t kNvicBase = 0xE000E100, kNvicEnd = 0xE000E500;
constexpr uint32_t kCpuid = 0xE000ED00, kIcsr = 0xE000ED04, kVtor = 0xE000ED08, kAircr = 0xE000ED0C,
                   kScr = 0xE000ED10, kCcr = 0xE000ED14, kShpr1 = 0xE000ED18, kShpr3 = 0xE000ED20,
                   kShcsr = 0xE000ED24, kCfsr = 0xE000ED28, kHfsr = 0xE000ED2C, kDfsr = 0xE000ED30,
                   kMmfar = 0xE000ED34, kBfar = 0xE000ED38, kAfsr = 0xE000ED3C,
                   kDemcr = 0xE000EDFC, kStir = 0xE000EF00;
constexpr uint32_t kDwtCtrl = 0xE0001000, kDwtCyccnt = 0xE0001004;
constexpr uint32_t kCcrReset = 1u << 9;  // STKALIGN
constexpr uint32_t kCcrV6m = (1u << 3) | (1u << 9);  // ARMv6-M: UNALIGN_TRP and STKALIGN fixed at 1

// Merge a sub-word write into a 32-bit register image.
uint32_t merge(uint32_t old, uint32_t addr, unsigned size, uint32_t value) {
  if (size == 4) return value;
  const unsigned shift = 8 * (addr & 3);
  const uint32_t mask = ((size == 1) ? 0xFFu : 0xFFFFu) << shift;
  return (old & ~mask) | ((value << shift) & mask);
}
}  // namespace

SystemControl::SystemControl(Cpu& cpu) : cpu_(cpu), num_irqs_(cpu.profile().max_irqs), fp_(cpu.profile()) {
  reset();
}

void SystemControl::reset() {
  itm_.reset();
  pending_.reset();
  active_.reset();
  irq_enabled_.reset();
  priority_.fill(0);
  vtor_ = aircr_prigroup_ = scr_ = 0;
  ccr_ = cpu_.profile().mainline() ? kCcrReset : kCcrV6m;
  cfsr_ = hfsr_ = mmfar_ = bfar_ = demcr_ = 0;
  fp_.reset();
  memfault_enabled_ = busfault_enabled_ = usagefault_enabled_ = false;
  systick_csr_ = systick_rvr_ = 0;
  systick_start_cycle_ = 0;
  systick_start_value_ = 0;
  dwt_ctrl_ = 0;
  cyccnt_frozen_ = 0;
  cyccnt_base_ = 0;
}

// ---- priorities and state ----

uint8_t SystemControl::priority_mask() const {
  return static_cast<uint8_t>(0xFFu << (8 - cpu_.profile().priority_bits));
}

int SystemControl::priority(unsigned exc) const {
  switch (exc) {
    case kReset: return -3;
    case kNmi: return -2;
    case kHardFault: return -1;
    default: return priority_[exc];
  }
}

int SystemControl::group_priority(int prio) const {
  if (prio < 0) return prio;
  // PRIGROUP n: bits [n:0] are sub-priority (B1.5.4).
  const unsigned sub_bits = cpu_.profile().mainline() ? aircr_prigroup_ + 1 : 0;
  return sub_bits >= 8 ? 0 : (prio & ~((1 << sub_bits) - 1));
}

bool SystemControl::enabled(unsigned exc) const {
  if (exc >= kFirstIrq) return irq_enabled_[exc];
  switch (exc) {
    case kMemManage: return memfault_enabled_;
    case kBusFault: return busfault_enabled_;
    case kUsageFault: return usagefault_enabled_;
    default: return true;
  }
}

void SystemControl::set_pending(unsigned exc, bool on) {
  if (exc >= kMaxExceptions) return;
  pending_[exc] = on;
  if (on) cpu_.exceptions_changed();
}

void SystemControl::set_active(unsigned exc, bool on) { active_[exc] = on; }

unsigned SystemControl::highest_pending() const {
  if (pending_.none()) return 0;
  unsigned best = 0;
  int best_prio = std::numeric_limits<int>::max();
  for (unsigned exc = 1; exc < kFirstIrq + num_irqs_; ++exc) {
    if (!pending_[exc] || !enabled(exc)) continue;
    // Ties go to the lower exception number: strict < keeps the first.
    if (const int p = priority(exc); p < best_prio) {
      best = exc;
      best_prio = p;
    }
  }
  return best;
}

void SystemControl::on_exception_return(unsigned exc) {
  if (exc >= kFirstIrq && irq_level_[exc]) set_pending(exc, true);
}

void SystemControl::set_irq_level(unsigned irq, bool high) {
  if (irq >= num_irqs_) return;
  const unsigned exc = kFirstIrq + irq;
  const bool rising = high && !irq_level_[exc];
  irq_level_[exc] = high;
  if (rising && !active_[exc]) set_pending(exc, true);
}

void SystemControl::pulse_irq(unsigned irq) {
  if (irq < num_irqs_) set_pending(kFirstIrq + irq, true);
}

bool SystemControl::unaligned_trap() const { return (ccr_ & (1u << 3)) != 0; }
bool SystemControl::faults_configurable() const { return cpu_.profile().mainline(); }

void SystemControl::record_fault(const Fault& f) {
  switch (f.kind) {
    case FaultKind::UndefInstr: cfsr_ |= 1u << 16; break;
    case FaultKind::InvState: cfsr_ |= 1u << 17; break;
    case FaultKind::InvPc: cfsr_ |= 1u << 18; break;
    case FaultKind::NoCoprocessor: cfsr_ |= 1u << 19; break;
    case FaultKind::Unaligned: cfsr_ |= 1u << 24; break;
    case FaultKind::DivideByZero: cfsr_ |= 1u << 25; break;
    case FaultKind::InstructionBus: cfsr_ |= 1u << 8; break;
    case FaultKind::PreciseDataBus:
      cfsr_ |= (1u << 9) | (1u << 15);  // PRECISERR, BFARVALID
      bfar_ = f.address;
      break;
    case FaultKind::StackingBus: cfsr_ |= 1u << 12; break;
    case FaultKind::UnstackingBus: cfsr_ |= 1u << 11; break;
    case FaultKind::Breakpoint: break;
  }
}

// ---- SysTick (B3.3): the counter reloads from RVR the cycle after reaching 0 ----

uint32_t SystemControl::systick_current(uint64_t now) const {
  if (!(systick_csr_ & 1)) return systick_start_value_;
  if (now < systick_start_cycle_) return 0;  // reached 0, reloads next cycle
  const uint64_t elapsed = now - systick_start_cycle_;
  if (elapsed <= systick_start_value_) return static_cast<uint32_t>(systick_start_value_ - elapsed);
  if (systick_rvr_ == 0) return 0;
  // After a wrap the counter cycles through RVR..0 (period RVR+1).
  const uint64_t since_reload = (elapsed - systick_start_value_ - 1) % (uint64_t{systick_rvr_} + 1);
  return static_cast<uint32_t>(systick_rvr_ - since_reload);
}

void SystemControl::systick_restart(uint64_t now, uint32_t value) {
  systick_start_cycle_ = now;
  systick_start_value_ = value;
  cpu_.exceptions_changed();  // the CPU loop's event horizon moved
}

uint64_t SystemControl::next_systick_event() const {
  if (!(systick_csr_ & 1)) return std::numeric_limits<uint64_t>::max();
  if (systick_start_value_ > 0) return systick_start_cycle_ + systick_start_value_;
  if (systick_rvr_ == 0) return std::numeric_limits<uint64_t>::max();
  return systick_start_cycle_ + 1 + systick_rvr_;  // reload on the next cycle, then count down
}

void SystemControl::advance_systick(uint64_t now) {
  const uint64_t event = next_systick_event();
  if (event > now) return;
  // The counter went from 1 to 0 at `event`; expiries missed while the core
  // slept past several periods fold into one pend, as a pending bit would.
  systick_csr_ |= 1u << 16;  // COUNTFLAG
  if (systick_csr_ & 2) set_pending(kSysTick, true);
  if (systick_rvr_ == 0) {
    systick_start_cycle_ = event;
    systick_start_value_ = 0;
    return;
  }
  const uint64_t period = uint64_t{systick_rvr_} + 1;
  const uint64_t last_zero = event + (now - event) / period * period;
  systick_start_cycle_ = last_zero + 1;  // may be now + 1: see systick_current
  systick_start_value_ = systick_rvr_;
}

uint32_t SystemControl::read_systick(uint32_t addr, Reader reader) {
  const uint64_t now = cpu_.cycles();
  switch (addr) {
    case kSysTickCsr: {
      const uint32_t v = systick_csr_;
      if (reader == Reader::Core) systick_csr_ &= ~(1u << 16);  // COUNTFLAG clears on read
      return v | (1u << 2);         // CLKSOURCE: processor clock
    }
    case kSysTickRvr: return systick_rvr_;
    case kSysTickCvr: return systick_current(now);
    case kSysTickCalib: return 1u << 31;  // NOREF: no reference clock, TENMS unknown
  }
  return 0;
}

void SystemControl::write_systick(uint32_t addr, uint32_t v) {
  const uint64_t now = cpu_.cycles();
  switch (addr) {
    case kSysTickCsr: {
      const uint32_t current = systick_current(now);
      const bool was_enabled = systick_csr_ & 1;
      systick_csr_ = (systick_csr_ & (1u << 16)) | (v & 3u);
      // Enabling loads the counter from CVR's current value (0 forces a reload).
      if (!was_enabled && (v & 1)) systick_restart(now, current);
      if (was_enabled && !(v & 1)) systick_start_value_ = current;
      cpu_.exceptions_changed();
      break;
    }
    case kSysTickRvr: systick_rvr_ = v & 0x00FFFFFFu; break;
    case kSysTickCvr:  // any write clears the counter and COUNTFLAG
      systick_csr_ &= ~(1u << 16);
      systick_restart(now, 0);
      break;
    default: break;
  }
}

// ---- NVIC (B3.4) ----

bool SystemControl::read_nvic(uint32_t offset, uint32_t& v) const {
  const auto bitmap = [&](const std::bitset<kMaxExceptions>& bits, uint32_t base) {
    const unsigned first = kFirstIrq + 32 * ((offset - base) / 4);
    uint32_t word = 0;
    for (unsigned i = 0; i < 32; ++i)
      if (first + i < kFirstIrq + num_irqs_ && bits[first + i]) word |= 1u << i;
    return word;
  };
  if (offset < 0x080) v = bitmap(irq_enabled_, 0x000);         // ISER
  else if (offset < 0x100) v = bitmap(irq_enabled_, 0x080);    // ICER
  else if (offset < 0x180) v = bitmap(pending_, 0x100);        // ISPR
  else if (offset < 0x200) v = bitmap(pending_, 0x180);        // ICPR
  else if (offset < 0x280) v = bitmap(active_, 0x200);         // IABR
  else if (offset >= 0x300 && offset < 0x300 + 4 * 124) {      // IPR
    const unsigned first = kFirstIrq + (offset - 0x300) / 4 * 4;
    v = 0;
    for (unsigned i = 0; i < 4; ++i)
      if (first + i < kMaxExceptions) v |= uint32_t{priority_[first + i]} << (8 * i);
  } else {
    v = 0;
  }
  return true;
}

bool SystemControl::write_nvic(uint32_t offset, uint32_t v) {
  const auto for_each_set = [&](uint32_t base, auto&& action) {
    const unsigned first = kFirstIrq + 32 * ((offset - base) / 4);
    for (unsigned i = 0; i < 32; ++i)
      if ((v >> i & 1) && first + i < kFirstIrq + num_irqs_) action(first + i);
  };
  if (offset < 0x080) for_each_set(0x000, [&](unsigned e) { irq_enabled_[e] = true; });
  else if (offset < 0x100) for_each_set(0x080, [&](unsigned e) { irq_enabled_[e] = false; });
  else if (offset < 0x180) for_each_set(0x100, [&](unsigned e) { pending_[e] = true; });
  else if (offset < 0x200) for_each_set(0x180, [&](unsigned e) { pending_[e] = false; });
  else if (offset >= 0x300 && offset < 0x300 + 4 * 124) {
    const unsigned first = kFirstIrq + (offset - 0x300) / 4 * 4;
    for (unsigned i = 0; i < 4; ++i)
      if (first + i < kFirstIrq + num_irqs_) priority_[first + i] = static_cast<uint8_t>(v >> (8 * i)) & priority_mask();
  }
  cpu_.exceptions_changed();
  return true;
}

// ---- SCB (B3.2) ----

uint32_t SystemControl::icsr() const {
  uint32_t v = 0;
  if (pending_[kNmi]) v |= 1u << 31;
  if (pending_[kPendSv]) v |= 1u << 28;
  if (pending_[kSysTick]) v |= 1u << 26;
  for (unsigned e = kFirstIrq; e < kFirstIrq + num_irqs_; ++e)
    if (pending_[e]) v |= 1u << 22;  // ISRPENDING
  v |= (highest_pending() & 0x1FF) << 12;
  if (active_count() <= 1) v |= 1u << 11;  // RETTOBASE
  v |= cpu_.state().exception & 0x1FF;
  return v;
}

uint32_t SystemControl::shcsr() const {
  return (active_[kMemManage] ? 1u << 0 : 0) | (active_[kBusFault] ? 1u << 1 : 0) |
         (active_[kUsageFault] ? 1u << 3 : 0) | (active_[kSvCall] ? 1u << 7 : 0) |
         (active_[kDebugMonitor] ? 1u << 8 : 0) | (active_[kPendSv] ? 1u << 10 : 0) |
         (active_[kSysTick] ? 1u << 11 : 0) | (pending_[kUsageFault] ? 1u << 12 : 0) |
         (pending_[kMemManage] ? 1u << 13 : 0) | (pending_[kBusFault] ? 1u << 14 : 0) |
         (pending_[kSvCall] ? 1u << 15 : 0) | (memfault_enabled_ ? 1u << 16 : 0) |
         (busfault_enabled_ ? 1u << 17 : 0) | (usagefault_enabled_ ? 1u << 18 : 0);
}

void SystemControl::write_shcsr(uint32_t v) {
  active_[kMemManage] = v & (1u << 0);
  active_[kBusFault] = v & (1u << 1);
  active_[kUsageFault] = v & (1u << 3);
  active_[kSvCall] = v & (1u << 7);
  active_[kDebugMonitor] = v & (1u << 8);
  active_[kPendSv] = v & (1u << 10);
  active_[kSysTick] = v & (1u << 11);
  pending_[kUsageFault] = v & (1u << 12);
  pending_[kMemManage] = v & (1u << 13);
  pending_[kBusFault] = v & (1u << 14);
  pending_[kSvCall] = v & (1u << 15);
  memfault_enabled_ = v & (1u << 16);
  busfault_enabled_ = v & (1u << 17);
  usagefault_enabled_ = v & (1u << 18);
  cpu_.exceptions_changed();
}

bool SystemControl::read_scb(uint32_t addr, uint32_t& v) const {
  const uint32_t word = addr & ~3u;
  if (word >= kShpr1 && word <= kShpr3) {
    const unsigned first = 4 + (word - kShpr1);  // SHPR1 holds exceptions 4..7
    v = 0;
    for (unsigned i = 0; i < 4; ++i) v |= uint32_t{priority_[first + i]} << (8 * i);
    return true;
  }
  switch (word) {
    case kCpuid: v = cpu_.profile().cpuid; return true;
    case kIcsr: v = icsr(); return true;
    case kVtor: v = vtor_; return true;
    case kAircr: v = 0xFA050000u | (aircr_prigroup_ << 8); return true;
    case kScr: v = scr_; return true;
    case kCcr: v = ccr_; return true;
    case kShcsr: v = shcsr(); return true;
    case kCfsr: v = cfsr_; return true;
    case kHfsr: v = hfsr_; return true;
    case kMmfar: v = mmfar_; return true;
    case kBfar: v = bfar_; return true;
    case kDemcr: v = demcr_; return true;
    default: v = 0; return true;  // DFSR, AFSR, ID registers, MPU: RAZ
  }
}

bool SystemControl::write_scb(uint32_t addr, uint32_t v) {
  const uint32_t word = addr & ~3u;
  const bool mainline = cpu_.profile().mainline();
  if (word >= kShpr1 && word <= kShpr3) {
    const unsigned first = 4 + (word - kShpr1);
    for (unsigned i = 0; i < 4; ++i) {
      const unsigned exc = first + i;
      // Only configurable exceptions have priority fields (4-6 on v7-M, 11, 14, 15).
      const bool has_field = exc == kSvCall || exc == kPendSv || exc == kSysTick ||
                             (mainline && (exc == kMemManage || exc == kBusFault || exc == kUsageFault ||
                                           exc == kDebugMonitor));
      if (has_field) priority_[exc] = static_cast<uint8_t>(v >> (8 * i)) & priority_mask();
    }
    cpu_.exceptions_changed();
    return true;
  }
  switch (word) {
    case kIcsr:
      if (v & (1u << 31)) set_pending(kNmi, true);
      if (v & (1u << 28)) set_pending(kPendSv, true);
      if (v & (1u << 27)) pending_[kPendSv] = false;
      if (v & (1u << 26)) set_pending(kSysTick, true);
      if (v & (1u << 25)) pending_[kSysTick] = false;
      return true;
    case kVtor: set_vtor(v); return true;
    case kAircr:
      if ((v >> 16) != 0x05FA) return true;  // writes without VECTKEY are ignored
      if (mainline) aircr_prigroup_ = (v >> 8) & 7;
      if (v & 4) cpu_.request_system_reset();  // SYSRESETREQ
      cpu_.exceptions_changed();
      return true;
    case kScr: scr_ = v & 0x16u; return true;
    case kCcr:
      if (mainline) ccr_ = (v & 0x31Bu) | (ccr_ & (1u << 9));
      return true;
    case kShcsr:
      if (mainline) write_shcsr(v);
      return true;
    case kCfsr: cfsr_ &= ~v; return true;  // write-one-to-clear
    case kHfsr: hfsr_ &= ~v; return true;
    case kMmfar: mmfar_ = v; return true;
    case kBfar: bfar_ = v; return true;
    case kDemcr: demcr_ = v & 0x010F07F1u; return true;
    default: return true;  // read-only or unimplemented: WI
  }
}

// ---- DWT cycle counter ----

uint32_t SystemControl::cyccnt() const {
  return cyccnt_running() ? static_cast<uint32_t>(cpu_.cycles() - cyccnt_base_) : cyccnt_frozen_;
}

void SystemControl::set_cyccnt(uint32_t value) {
  cyccnt_frozen_ = value;
  cyccnt_base_ = cpu_.cycles() - value;
}

// ---- dispatch ----

bool SystemControl::read(uint32_t addr, unsigned size, uint32_t& value, Reader reader) {
  uint32_t word = 0;
  const uint32_t aligned = addr & ~3u;
  if (fp_.owns(aligned)) {
    word = fp_.read(aligned);
  } else if (Itm::owns(aligned) && cpu_.profile().mainline()) {
    word = itm_.read(aligned, demcr_ & (1u << 24));
  } else if (aligned == kDwtCtrl) {
    word = dwt_ctrl_ | (4u << 28);  // NUMCOMP = 4
  } else if (aligned == kDwtCyccnt) {
    word = cyccnt();
  } else if (aligned >= kSysTickCsr && aligned <= kSysTickCalib) {
    word = read_systick(aligned, reader);
  } else if (aligned >= kNvicBase && aligned < kNvicEnd) {
    read_nvic(aligned - kNvicBase, word);
  } else if (aligned == kIctr) {
    word = (num_irqs_ + 31) / 32 - 1;
  } else if (aligned == kActlr) {
    word = 0;
  } else if (aligned >= kCpuid && aligned < 0xE000EF00) {
    read_scb(aligned, word);
  } else {
    word = 0;  // other PPB space (ITM, FPB, TPIU, ROM table): RAZ
  }
  value = (word >> (8 * (addr & 3))) & (size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1);
  return true;
}

bool SystemControl::write(uint32_t addr, unsigned size, uint32_t value) {
  const uint32_t aligned = addr & ~3u;
  if (fp_.owns(aligned)) {
    fp_.write(aligned, merge(fp_.read(aligned), addr, size, value));
    return true;
  }
  if (Itm::owns(aligned) && cpu_.profile().mainline()) {
    itm_.write(aligned, merge(0, addr, size, value), demcr_ & (1u << 24));
    return true;
  }
  if (aligned == kDwtCtrl) {
    const uint32_t count = cyccnt();
    dwt_ctrl_ = value & 0x1u;  // only CYCCNTENA is modelled
    set_cyccnt(count);
    return true;
  }
  if (aligned == kDwtCyccnt) {
    set_cyccnt(value);
    return true;
  }
  if (aligned == kDemcr) {  // TRCENA gates the cycle counter
    const uint32_t count = cyccnt();
    write_scb(aligned, merge(demcr_, addr, size, value));
    set_cyccnt(count);
    return true;
  }
  if (aligned >= kSysTickCsr && aligned <= kSysTickCalib) {
    write_systick(aligned, value);
    return true;
  }
  if (aligned >= kNvicBase && aligned < kNvicEnd) {
    // Byte writes to priority registers touch one field only.
    uint32_t old = 0;
    read_nvic(aligned - kNvicBase, old);
    const bool is_ipr = aligned - kNvicBase >= 0x300;
    return write_nvic(aligned - kNvicBase, is_ipr ? merge(old, addr, size, value) : value);
  }
  if (aligned == kStir) {
    if (value < num_irqs_) set_pending(kFirstIrq + (value & 0x1FF), true);
    return true;
  }
  if (aligned >= kCpuid && aligned < 0xE000EF00) {
    uint32_t old = 0;
    read_scb(aligned, old);
    const bool w1c = aligned == kCfsr || aligned == kHfsr;
    return write_scb(aligned, w1c ? (size == 4 ? value : merge(0, addr, size, value)) : merge(old, addr, size, value));
  }
  return true;
}

}  // namespace isa
