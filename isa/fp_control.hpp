// The floating-point extension's system registers (ARMv7-M ARM B3.2.20,
// B3.2.22-B3.2.25 and the TRMs' MVFR values): CPACR access control, the
// context-control register FPCCR with its lazy-stacking state, FPCAR (where
// a lazily reserved FP frame lives) and FPDSCR (FPSCR defaults for a new
// context). The exception model drives the lazy stacking (exceptions.cpp).
#pragma once
#include <cstdint>

#include "isa/features.hpp"

namespace isa {

class FpControl {
 public:
  // Memory-mapped addresses.
  static constexpr uint32_t kCpacr = 0xE000ED88, kFpccr = 0xE000EF34, kFpcar = 0xE000EF38, kFpdscr = 0xE000EF3C,
                            kMvfr0 = 0xE000EF40, kMvfr1 = 0xE000EF44, kMvfr2 = 0xE000EF48;
  // FPCCR bits.
  static constexpr uint32_t kAspen = 1u << 31, kLspen = 1u << 30, kMonRdy = 1u << 8, kBfRdy = 1u << 6,
                            kMmRdy = 1u << 5, kHfRdy = 1u << 4, kThread = 1u << 3, kUser = 1u << 1,
                            kLspAct = 1u << 0;

  explicit FpControl(const CoreProfile& profile) : present_(profile.has(kFpSp)), double_(profile.has(kFpDp)) {
    reset();
  }
  void reset();

  bool present() const { return present_; }
  // True for the registers of this block (CPACR exists on every v7-M core;
  // the others only with an FPU).
  bool owns(uint32_t word_addr) const;
  uint32_t read(uint32_t word_addr) const;
  void write(uint32_t word_addr, uint32_t value);

  // CP10 access per CPACR (B3.2.20): 00 denied, 01 privileged only, 11 full.
  bool access_allowed(bool privileged) const {
    const uint32_t cp10 = (cpacr_ >> 20) & 3;
    return cp10 == 3 || (cp10 == 1 && privileged);
  }
  bool automatic_state_preservation() const { return fpccr_ & kAspen; }
  bool lazy_preservation() const { return fpccr_ & kLspen; }
  bool lazy_pending() const { return fpccr_ & kLspAct; }
  uint32_t fpcar() const { return fpcar_; }
  uint32_t fpccr() const { return fpccr_; }
  // FPSCR's AHP, DN, FZ and RMode for a new FP context.
  uint32_t default_fpscr_bits() const { return fpdscr_; }

  // UpdateFPCCR(): an FP frame was reserved at frame_base + 0x20 but not
  // written; the *_rdy flags say which faults could be taken during the
  // later preservation.
  struct LazyRecord {
    bool privileged, thread, hardfault_ready, busfault_ready, memfault_ready, monitor_ready;
  };
  void start_lazy(uint32_t fp_area, const LazyRecord& r);
  void end_lazy() { fpccr_ &= ~kLspAct; }
  bool lazy_user() const { return fpccr_ & kUser; }

 private:
  bool present_, double_;
  uint32_t cpacr_ = 0, fpccr_ = 0, fpcar_ = 0, fpdscr_ = 0;
};

}  // namespace isa
