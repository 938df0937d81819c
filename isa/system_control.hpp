// The System Control Space (ARMv7-M ARM B3.2): NVIC, SCB, SysTick and the
// DWT cycle counter. These are part of the architecture, reached over the
// core's private peripheral bus, and tightly bound to the exception model,
// so they live beside the core rather than on the system bus.
#pragma once
#include <array>
#include <bitset>
#include <cstdint>

#include "isa/fault.hpp"
#include "isa/fp_control.hpp"
#include "isa/itm.hpp"

namespace isa {

class Cpu;

class SystemControl {
 public:
  static constexpr unsigned kMaxExceptions = 512;

  explicit SystemControl(Cpu& cpu);
  void reset();

  static bool in_ppb(uint32_t addr) { return (addr >> 20) == 0xE00; }
  // Register access from the core. false means the access is a bus error.
  // A debugger's read has no side effects (SYST_CSR.COUNTFLAG stays set).
  enum class Reader : uint8_t { Core, Debugger };
  bool read(uint32_t addr, unsigned size, uint32_t& value, Reader reader = Reader::Core);
  bool write(uint32_t addr, unsigned size, uint32_t value);

  // Interrupt lines driven by devices (external interrupt n = exception 16+n).
  // Level-sensitive: a line held high is pending again after its handler.
  void set_irq_level(unsigned irq, bool high);
  void pulse_irq(unsigned irq);
  unsigned num_irqs() const { return num_irqs_; }

  // --- used by the exception model ---
  int priority(unsigned exc) const;        // -3/-2/-1 for Reset/NMI/HardFault
  int group_priority(int priority) const;  // priority with sub-priority bits cleared (PRIGROUP)
  bool pending(unsigned exc) const { return pending_[exc]; }
  bool active(unsigned exc) const { return active_[exc]; }
  bool enabled(unsigned exc) const;  // IRQs: ISER; configurable faults: SHCSR; others: always
  void set_pending(unsigned exc, bool on);
  void set_active(unsigned exc, bool on);
  unsigned active_count() const { return static_cast<unsigned>(active_.count()); }
  // Highest-priority pending, enabled exception (lowest number on ties), or 0.
  unsigned highest_pending() const;
  void clear_all_active() { active_.reset(); }
  void on_exception_return(unsigned exc);  // re-pend a level IRQ still high

  uint32_t vtor() const { return vtor_; }
  void set_vtor(uint32_t v) { vtor_ = v & 0xFFFFFF80u; }
  // Words firmware writes to enabled ITM stimulus ports (layer markers).
  void set_itm_listener(Itm::Listener listener) { itm_.set_listener(std::move(listener)); }
  bool unaligned_trap() const;
  bool divide_by_zero_trap() const { return ccr_ & (1u << 4); }
  bool stack_align_8() const { return ccr_ & (1u << 9); }
  bool non_base_thread_enable() const { return ccr_ & 1u; }
  bool sleep_on_exit() const { return scr_ & 2u; }
  bool faults_configurable() const;  // false on ARMv6-M: every fault is a HardFault
  void record_fault(const Fault& f);  // CFSR/BFAR bits for a configurable fault
  void record_forced_hardfault() { hfsr_ |= 1u << 30; }
  void record_debug_event() { hfsr_ |= 1u << 31; }
  void record_vector_read_error() { hfsr_ |= 1u << 1; }

  FpControl& fp() { return fp_; }
  const FpControl& fp() const { return fp_; }

  // SysTick counts core cycles; the CPU loop asks when it next needs attention.
  uint64_t next_systick_event() const;  // UINT64_MAX when none
  void advance_systick(uint64_t now);   // fire every expiry up to `now`

 private:
  bool read_nvic(uint32_t offset, uint32_t& v) const;
  bool write_nvic(uint32_t offset, uint32_t v);
  bool read_scb(uint32_t addr, uint32_t& v) const;
  bool write_scb(uint32_t addr, uint32_t v);
  uint32_t read_systick(uint32_t addr, Reader reader);
  void write_systick(uint32_t addr, uint32_t v);
  uint32_t systick_current(uint64_t now) const;
  void systick_restart(uint64_t now, uint32_t value);
  uint32_t icsr() const;
  uint32_t shcsr() const;
  void write_shcsr(uint32_t v);
  uint8_t priority_mask() const;

  Cpu& cpu_;
  unsigned num_irqs_;
  std::bitset<kMaxExceptions> pending_, active_, irq_enabled_, irq_level_;
  std::array<uint8_t, kMaxExceptions> priority_{};  // as written, unimplemented bits zero
  uint32_t vtor_ = 0, aircr_prigroup_ = 0, scr_ = 0, ccr_ = 0;
  uint32_t cfsr_ = 0, hfsr_ = 0, mmfar_ = 0, bfar_ = 0, demcr_ = 0;
  FpControl fp_;
  Itm itm_;  // ARMv7-M and later; ARMv6-M has none (its PPB space there is RAZ/WI)
  bool memfault_enabled_ = false, busfault_enabled_ = false, usagefault_enabled_ = false;

  // SysTick (B3.3): the counter value is derived from the cycle count.
  uint32_t systick_csr_ = 0, systick_rvr_ = 0;
  uint64_t systick_start_cycle_ = 0;
  uint32_t systick_start_value_ = 0;

  // DWT cycle counter (C1.8): counts while DEMCR.TRCENA and CTRL.CYCCNTENA.
  uint32_t dwt_ctrl_ = 0;
  uint32_t cyccnt_frozen_ = 0;
  uint64_t cyccnt_base_ = 0;
  uint32_t cyccnt() const;
  void set_cyccnt(uint32_t value);
  bool cyccnt_running() const { return (dwt_ctrl_ & 1u) && (demcr_ & (1u << 24)); }
};

}  // namespace isa
