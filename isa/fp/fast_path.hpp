// Private to isa/fp (and its tests): the fast path of the hot operations,
// on the host FPU, taken only where its result is provably the Arm one.
//
// Preconditions, checked on every call: FPSCR.RMode is round to nearest
// (the host's default mode, which the simulator never changes: MXCSR stays
// round-to-nearest without FTZ/DAZ); every operand is a normal number, so no
// zero, denormal, infinity or NaN, and FZ, DN and NaN payloads cannot
// matter; the result has a biased exponent from 2 to max-1, so it neither
// overflowed nor was tiny before rounding (a result that rounds to at least
// twice the smallest normal was at least the smallest normal before). Where
// these hold, Arm and IEEE 754 agree, and the only flag is Inexact, found
// from an exact error term, never from the host's flags. Anything else
// returns nothing and the caller takes the software path (soft.hpp).
//
// Needs IEEE binary32/binary64 host arithmetic without excess precision and
// without contraction into fused multiply-adds (SSE2 on x86-64; -std=c++20
// implies -ffp-contract=off in GCC).
#pragma once
#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

#include "isa/fp/format.hpp"
#include "isa/fp/fpscr.hpp"

static_assert(std::numeric_limits<float>::is_iec559 && std::numeric_limits<double>::is_iec559);
static_assert(FLT_EVAL_METHOD == 0, "the fast path needs float and double evaluated in their own precision");

namespace isa::fp::fast {

inline bool round_to_nearest(uint32_t fpscr) { return (fpscr & (3u << kRModeShift)) == 0; }

// Biased exponent in 1 .. max-1.
template <class F>
inline bool normal(F v) {
  return Format<F>::biased_exp(v) - 1u < Format<F>::kExpMax - 1u;
}
// Biased exponent in 2 .. max-1: neither tiny before rounding nor overflowed.
template <class F>
inline bool safe_result(F v) {
  return Format<F>::biased_exp(v) - 2u < Format<F>::kExpMax - 2u;
}

template <class F>
inline bool is_zero(F v) {
  return (v & ~Format<F>::kSign) == 0;
}

template <class F>
inline bool usable(uint32_t fpscr, F a, F b) {
  return round_to_nearest(fpscr) && normal(a) && normal(b);
}

template <class F>
inline std::optional<F> finish(F result, bool inexact, uint32_t& fpscr) {
  if (!safe_result(result)) return std::nullopt;
  if (inexact) fpscr |= kInexact;
  return result;
}

// TwoSum (Knuth): the exact rounding error of s = x + y in round-to-nearest,
// for any finite x, y whose sum does not overflow.
template <class T>
inline T two_sum_error(T x, T y, T s) {
  const T y_part = s - x;
  const T x_part = s - y_part;
  return (x - x_part) + (y - y_part);
}

// Whether r * b == a exactly, for normal doubles, in integers: with
// significands m and biased exponents E, the question is
// m_r * m_b == m_a * 2^(E_a - E_r - E_b + 1075).
inline bool product_equals(uint64_t r, uint64_t b, uint64_t a) {
  using Fmt = Format<uint64_t>;
  constexpr uint64_t kHidden = uint64_t{1} << 52;
  const uint64_t mr = Fmt::frac(r) | kHidden, mb = Fmt::frac(b) | kHidden, ma = Fmt::frac(a) | kHidden;
  const int k = static_cast<int>(Fmt::biased_exp(a)) - static_cast<int>(Fmt::biased_exp(r)) -
                static_cast<int>(Fmt::biased_exp(b)) + 1075;
  if (k < 51 || k > 54) return false;  // m_r * m_b lies in [2^104, 2^106)
  return u128{mr} * mb == u128{ma} << k;
}

// --- single precision: double holds every product of two singles exactly,
// and rounding a double-precision +, -, *, / or sqrt of singles once more to
// single gives the correctly rounded single result (53 >= 2 * 24 + 2).

// A zero added to a normal number (a common case: accumulators start at
// zero) gives that number exactly, with no flag, in every rounding mode.
template <class F>
inline std::optional<F> add_zero(F a, F b) {
  if (is_zero(a) && normal(b)) return b;
  if (is_zero(b) && normal(a)) return a;
  return std::nullopt;
}
// A zero times a normal number (ReLU outputs...) is a zero with the XOR of
// the signs, exactly.
template <class F>
inline std::optional<F> mul_zero(F a, F b) {
  if ((is_zero(a) && normal(b)) || (is_zero(b) && normal(a))) return (a ^ b) & Format<F>::kSign;
  return std::nullopt;
}

inline std::optional<uint32_t> add(uint32_t a, uint32_t b, uint32_t& fpscr) {
  if (!usable(fpscr, a, b)) return add_zero(a, b);
  const float x = std::bit_cast<float>(a), y = std::bit_cast<float>(b);
  const float s = x + y;
  return finish(std::bit_cast<uint32_t>(s), two_sum_error(x, y, s) != 0.0f, fpscr);
}

inline std::optional<uint32_t> sub(uint32_t a, uint32_t b, uint32_t& fpscr) {
  return add(a, b ^ Format<uint32_t>::kSign, fpscr);  // b is not a NaN here
}

inline std::optional<uint32_t> mul(uint32_t a, uint32_t b, uint32_t& fpscr) {
  if (!usable(fpscr, a, b)) return mul_zero(a, b);
  const double p = double{std::bit_cast<float>(a)} * double{std::bit_cast<float>(b)};  // exact
  const float r = static_cast<float>(p);
  return finish(std::bit_cast<uint32_t>(r), double{r} != p, fpscr);
}

inline std::optional<uint32_t> div(uint32_t a, uint32_t b, uint32_t& fpscr) {
  if (!usable(fpscr, a, b)) return std::nullopt;
  const double x = std::bit_cast<float>(a), y = std::bit_cast<float>(b);
  const float r = static_cast<float>(x / y);
  return finish(std::bit_cast<uint32_t>(r), double{r} * y != x, fpscr);  // r * y is exact
}

inline std::optional<uint32_t> sqrt(uint32_t a, uint32_t& fpscr) {
  if (!round_to_nearest(fpscr) || !normal(a) || Format<uint32_t>::sign(a)) return std::nullopt;
  const double x = std::bit_cast<float>(a);
  const float r = static_cast<float>(std::sqrt(x));
  return finish(std::bit_cast<uint32_t>(r), double{r} * double{r} != x, fpscr);  // r * r is exact
}

// addend + a * b: the product is exact in double, TwoSum gives the sum as
// s + err exactly, and rounding s to single is the correct rounding of
// s + err unless s is exactly halfway between two singles (then err decides;
// leave that to the software path).
inline std::optional<uint32_t> mul_add(uint32_t addend, uint32_t a, uint32_t b, uint32_t& fpscr) {
  if (!usable(fpscr, a, b)) return std::nullopt;
  // ±0 + a nonzero product is the product, rounded once: a plain multiply.
  if (is_zero(addend)) return mul(a, b, fpscr);
  if (!normal(addend)) return std::nullopt;
  const double p = double{std::bit_cast<float>(a)} * double{std::bit_cast<float>(b)};
  const double c = std::bit_cast<float>(addend);
  const double s = p + c;
  constexpr uint64_t kBelowSingle = (uint64_t{1} << 29) - 1;  // the 29 fraction bits a single lacks
  if ((std::bit_cast<uint64_t>(s) & kBelowSingle) == uint64_t{1} << 28) return std::nullopt;
  const double err = two_sum_error(p, c, s);
  const float r = static_cast<float>(s);
  return finish(std::bit_cast<uint32_t>(r), err != 0.0 || double{r} != s, fpscr);
}

// --- double precision: exactness checks in integers.

inline std::optional<uint64_t> add(uint64_t a, uint64_t b, uint32_t& fpscr) {
  if (!usable(fpscr, a, b)) return add_zero(a, b);
  const double x = std::bit_cast<double>(a), y = std::bit_cast<double>(b);
  const double s = x + y;
  return finish(std::bit_cast<uint64_t>(s), two_sum_error(x, y, s) != 0.0, fpscr);
}

inline std::optional<uint64_t> sub(uint64_t a, uint64_t b, uint32_t& fpscr) {
  return add(a, b ^ Format<uint64_t>::kSign, fpscr);
}

inline std::optional<uint64_t> mul(uint64_t a, uint64_t b, uint32_t& fpscr) {
  if (!usable(fpscr, a, b)) return mul_zero(a, b);
  using Fmt = Format<uint64_t>;
  const uint64_t r = std::bit_cast<uint64_t>(std::bit_cast<double>(a) * std::bit_cast<double>(b));
  // The 106-bit product of the significands is exact iff the bits below its
  // top 53 are zero.
  constexpr uint64_t kHidden = uint64_t{1} << 52;
  const u128 p = u128{Fmt::frac(a) | kHidden} * (Fmt::frac(b) | kHidden);
  const uint64_t below = (p >> 105) ? (uint64_t{1} << 53) - 1 : (uint64_t{1} << 52) - 1;
  return finish(r, (static_cast<uint64_t>(p) & below) != 0, fpscr);
}

inline std::optional<uint64_t> div(uint64_t a, uint64_t b, uint32_t& fpscr) {
  if (!usable(fpscr, a, b)) return std::nullopt;
  const uint64_t r = std::bit_cast<uint64_t>(std::bit_cast<double>(a) / std::bit_cast<double>(b));
  if (!safe_result(r)) return std::nullopt;
  return finish(r, !product_equals(r, b, a), fpscr);
}

inline std::optional<uint64_t> sqrt(uint64_t a, uint32_t& fpscr) {
  if (!round_to_nearest(fpscr) || !normal(a) || Format<uint64_t>::sign(a)) return std::nullopt;
  const uint64_t r = std::bit_cast<uint64_t>(std::sqrt(std::bit_cast<double>(a)));
  return finish(r, !product_equals(r, r, a), fpscr);
}

// No fast fused multiply-add for double: its exact error term would need
// more work than the software path saves.
inline std::optional<uint64_t> mul_add(uint64_t, uint64_t, uint64_t, uint32_t&) { return std::nullopt; }

}  // namespace isa::fp::fast
