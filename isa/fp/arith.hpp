// IEEE 754 arithmetic with the Arm rules, bit for bit (ARMv7-M ARM A2.5 and
// the FP* pseudocode functions in its appendix): rounding per FPSCR.RMode,
// tininess detected before rounding, flush-to-zero of inputs (IDC) and of
// results (UFC, no IXC), default NaN 0x7FC00000 / 0x7FF8000000000000, and
// NaN propagation (first signalling NaN quietened, else first quiet NaN, in
// operand order). Nothing here depends on the host's floating-point
// environment: no x87/SSE flag, denormal mode or NaN payload leaks out. The
// hot operations try a fast path on the host FPU first (isa/fp/fast_path.hpp),
// taken only where it provably gives the same bits and flags; it assumes the
// host's default rounding (to nearest, no FTZ/DAZ), which nothing changes.
//
// Values are raw encodings: F is uint32_t (single) or uint64_t (double).
// Every function reads the controls (RMode, FZ, DN, AHP) from `fpscr` and ORs
// the exceptions it raises into its cumulative flags; nothing else changes.
#pragma once
#include <cstdint>

#include "isa/fp/fpscr.hpp"

namespace isa::fp {

template <class F> F add(F a, F b, uint32_t& fpscr);  // FPAdd
template <class F> F sub(F a, F b, uint32_t& fpscr);  // FPSub
template <class F> F mul(F a, F b, uint32_t& fpscr);  // FPMul
template <class F> F div(F a, F b, uint32_t& fpscr);  // FPDiv
template <class F> F sqrt(F a, uint32_t& fpscr);      // FPSqrt
// FPMulAdd: addend + a * b with a single rounding (VFMA and friends; the
// caller negates operands first as the instruction pages say).
template <class F> F mul_add(F addend, F a, F b, uint32_t& fpscr);

// FPCompare: the NZCV result in bits 31..28 (equal 0110, less 1000,
// greater 0010, unordered 0011). Signalling NaNs always raise Invalid;
// quiet NaNs only when quiet_nan_exc (VCMPE).
template <class F> uint32_t compare(F a, F b, bool quiet_nan_exc, uint32_t& fpscr);

// FPv5 VMAXNM/VMINNM (IEEE 754-2008 maxNum/minNum: a quiet NaN loses to a
// number).
template <class F> F max_num(F a, F b, uint32_t& fpscr);
template <class F> F min_num(F a, F b, uint32_t& fpscr);

// FPRoundInt (FPv5 VRINT*): round to an integral value in this format with
// the given rounding; `exact` raises Inexact when the value changes (VRINTX).
template <class F> F round_int(F a, Rounding r, bool exact, uint32_t& fpscr);

// FPToFixed: to a `width`-bit (16 or 32) signed or unsigned fixed-point
// value with `fraction_bits` fraction bits, saturating with Invalid (NaN
// converts to 0 with Invalid). The result is sign- or zero-extended to 32
// bits. Rounding is explicit: VCVT rounds toward zero, VCVTR per FPSCR,
// VCVTA/N/P/M as named.
template <class F>
uint32_t to_fixed(F a, unsigned width, unsigned fraction_bits, bool is_unsigned, Rounding r, uint32_t& fpscr);
// FixedToFP: the low `width` bits of v as a signed or unsigned fixed-point
// value with `fraction_bits` fraction bits, rounded with `r`.
template <class F>
F from_fixed(uint32_t v, unsigned width, unsigned fraction_bits, bool is_unsigned, Rounding r, uint32_t& fpscr);

// FPConvert between formats (VCVT.F64.F32, VCVT.F32.F64) and half precision
// (VCVTB/VCVTT; FPSCR.AHP selects the alternative format without
// infinities and NaNs). Rounding per FPSCR. FZ flushes single and double
// inputs (IDC) and single and double results (UFC), never half ones. To the
// alternative format, a NaN becomes a zero of its sign, and an infinity or a
// value that rounds beyond 131008 becomes +-0x7FFF, each with Invalid.
uint64_t f32_to_f64(uint32_t a, uint32_t& fpscr);
uint32_t f64_to_f32(uint64_t a, uint32_t& fpscr);
uint16_t f32_to_f16(uint32_t a, uint32_t& fpscr);
uint32_t f16_to_f32(uint16_t a, uint32_t& fpscr);
uint16_t f64_to_f16(uint64_t a, uint32_t& fpscr);
uint64_t f16_to_f64(uint16_t a, uint32_t& fpscr);

}  // namespace isa::fp
