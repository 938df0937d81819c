#include "isa/fp_control.hpp"

namespace isa {

namespace {
// Media and VFP feature registers (Cortex-M4 TRM 7.2, Cortex-M7 TRM 4.1):
// FPv4-SP/FPv5-SP: single precision, square root, divide, FMA, rounding
// modes; FPv5-DP adds double precision. MVFR2 (FPv5) lists VRINT/VSEL/etc.
constexpr uint32_t kMvfr0Single = 0x10110021, kMvfr0Double = 0x10110221;
constexpr uint32_t kMvfr1Single = 0x11000011, kMvfr1Double = 0x12000011;
constexpr uint32_t kMvfr2Fpv5 = 0x00000040;
constexpr uint32_t kFpccrWritable = FpControl::kAspen | FpControl::kLspen | FpControl::kMonRdy |
                                    FpControl::kBfRdy | FpControl::kMmRdy | FpControl::kHfRdy |
                                    FpControl::kThread | FpControl::kUser | FpControl::kLspAct;
constexpr uint32_t kFpdscrWritable = 0x07C00000;  // AHP, DN, FZ, RMode
}  // namespace

void FpControl::reset() {
  cpacr_ = 0;
  fpccr_ = present_ ? (kAspen | kLspen) : 0;  // lazy stacking on by default
  fpcar_ = 0;
  fpdscr_ = 0;
}

bool FpControl::owns(uint32_t a) const {
  return a == kCpacr || (present_ && a >= kFpccr && a <= kMvfr2);
}

uint32_t FpControl::read(uint32_t a) const {
  switch (a) {
    case kCpacr: return cpacr_;
    case kFpccr: return fpccr_;
    case kFpcar: return fpcar_;
    case kFpdscr: return fpdscr_;
    case kMvfr0: return double_ ? kMvfr0Double : kMvfr0Single;
    case kMvfr1: return double_ ? kMvfr1Double : kMvfr1Single;
    // FPv5 cores (M7, M33) have MVFR2; on FPv4 (M4) it is reserved, RAZ.
    case kMvfr2: return double_ ? kMvfr2Fpv5 : 0;
    default: return 0;
  }
}

void FpControl::write(uint32_t a, uint32_t v) {
  switch (a) {
    // Without an FPU, CP10/CP11 read as zero: software probes for the FPU
    // by writing CPACR and reading it back (B3.2.20).
    case kCpacr: cpacr_ = present_ ? v & 0x00F00000u : 0; break;
    case kFpccr: fpccr_ = v & kFpccrWritable; break;
    case kFpcar: fpcar_ = v & ~7u; break;
    case kFpdscr: fpdscr_ = v & kFpdscrWritable; break;
    default: break;  // MVFRn are read-only
  }
}

void FpControl::start_lazy(uint32_t fp_area, const LazyRecord& r) {
  fpcar_ = fp_area & ~7u;
  fpccr_ &= ~(kMonRdy | kBfRdy | kMmRdy | kHfRdy | kThread | kUser);
  fpccr_ |= kLspAct | (r.privileged ? 0 : kUser) | (r.thread ? kThread : 0) | (r.hardfault_ready ? kHfRdy : 0) |
            (r.busfault_ready ? kBfRdy : 0) | (r.memfault_ready ? kMmRdy : 0) | (r.monitor_ready ? kMonRdy : 0);
}

}  // namespace isa
