// The floating-point status and control register (ARMv7-M ARM A2.5.3,
// B3.2.5x): condition flags, rounding mode, flush-to-zero, default NaN,
// alternative half-precision, and the cumulative exception flags.
#pragma once
#include <cstdint>

namespace isa::fp {

// Cumulative exception flags (bits 7 and 4..0).
enum Flag : uint32_t {
  kInvalid = 1u << 0,       // IOC
  kDivByZero = 1u << 1,     // DZC
  kOverflow = 1u << 2,      // OFC
  kUnderflow = 1u << 3,     // UFC
  kInexact = 1u << 4,       // IXC
  kInputDenormal = 1u << 7, // IDC
};

constexpr uint32_t kFlagsMask = 0x9F;
constexpr unsigned kRModeShift = 22;
constexpr uint32_t kFlushToZero = 1u << 24;  // FZ
constexpr uint32_t kDefaultNan = 1u << 25;   // DN
constexpr uint32_t kAltHalf = 1u << 26;      // AHP
constexpr uint32_t kNzcvMask = 0xF0000000u;
// The bits an M-profile FPSCR implements; the rest read as zero.
constexpr uint32_t kWritableMask = kNzcvMask | kAltHalf | kDefaultNan | kFlushToZero | (3u << kRModeShift) | kFlagsMask;

// FPSCR.RMode values, plus the to-nearest-ties-away mode that FPv5's
// VRINTA/VCVTA use (never stored in FPSCR).
enum class Rounding : uint8_t { TiesEven = 0, PlusInf = 1, MinusInf = 2, Zero = 3, TiesAway = 4 };

inline Rounding rounding_of(uint32_t fpscr) { return static_cast<Rounding>((fpscr >> kRModeShift) & 3); }

}  // namespace isa::fp
