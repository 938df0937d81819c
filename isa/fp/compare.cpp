// FPCompare (VCMP, VCMPE) and FPMaxNum/FPMinNum (FPv5 VMAXNM, VMINNM),
// which ARMv8-M defines through FPMax/FPMin.
#include "isa/fp/arith.hpp"
#include "isa/fp/round.hpp"

namespace isa::fp {

namespace {

// An integer whose order is the order of the values of non-NaN encodings,
// with both zeros equal. `zero` says FPUnpack made the operand a zero (it
// may be a flushed denormal).
template <class F>
int64_t order_key(F v, bool zero) {
  using Fmt = Format<F>;
  if (zero) return 0;
  const auto magnitude = static_cast<int64_t>(v & ~Fmt::kSign);
  return Fmt::sign(v) ? -magnitude : magnitude;
}

// FPMax (is_max) or FPMin, on operands already through FPMaxNum's NaN rule.
template <class F>
F max_or_min(F a, F b, bool is_max, uint32_t& fpscr) {
  using Fmt = Format<F>;
  const Unpacked ua = unpack(a, fpscr), ub = unpack(b, fpscr);
  if (auto nan = process_nans(ua, a, ub, b, fpscr)) return *nan;
  const int64_t ka = order_key(a, ua.is_zero()), kb = order_key(b, ub.is_zero());
  // Ties go to the second operand, as in the pseudocode.
  const bool first = is_max ? ka > kb : ka < kb;
  const Unpacked& chosen = first ? ua : ub;
  if (chosen.is_inf()) return Fmt::infinity(chosen.sign);
  // A zero takes the most positive (max) or most negative (min) of both
  // operands' signs, so max(+0, -0) = +0 and min(+0, -0) = -0.
  if (chosen.is_zero()) return Fmt::zero(is_max ? (ua.sign && ub.sign) : (ua.sign || ub.sign));
  return first ? a : b;  // FPRound of an operand's own value gives it back unchanged
}

// FPMaxNum/FPMinNum: a single quiet NaN is replaced by the infinity that any
// other operand beats (-inf for max, +inf for min); two quiet NaNs or any
// signalling NaN propagate as usual.
template <class F>
F max_or_min_num(F a, F b, bool is_max, uint32_t& fpscr) {
  using Fmt = Format<F>;
  const bool quiet_a = Fmt::is_nan(a) && !Fmt::is_signalling_nan(a);
  const bool quiet_b = Fmt::is_nan(b) && !Fmt::is_signalling_nan(b);
  if (quiet_a && !quiet_b) a = Fmt::infinity(is_max);
  if (!quiet_a && quiet_b) b = Fmt::infinity(is_max);
  return max_or_min(a, b, is_max, fpscr);
}

}  // namespace

template <class F>
uint32_t compare(F a, F b, bool quiet_nan_exc, uint32_t& fpscr) {
  const Unpacked ua = unpack(a, fpscr), ub = unpack(b, fpscr);
  if (ua.is_nan() || ub.is_nan()) {
    if (ua.kind == Kind::SignallingNaN || ub.kind == Kind::SignallingNaN || quiet_nan_exc) fpscr |= kInvalid;
    return 0x3u << 28;  // unordered: C and V
  }
  const int64_t ka = order_key(a, ua.is_zero()), kb = order_key(b, ub.is_zero());
  if (ka == kb) return 0x6u << 28;  // equal: Z and C
  if (ka < kb) return 0x8u << 28;   // less than: N
  return 0x2u << 28;                // greater than: C
}

template <class F>
F max_num(F a, F b, uint32_t& fpscr) {
  return max_or_min_num(a, b, true, fpscr);
}

template <class F>
F min_num(F a, F b, uint32_t& fpscr) {
  return max_or_min_num(a, b, false, fpscr);
}

template uint32_t compare<uint32_t>(uint32_t, uint32_t, bool, uint32_t&);
template uint32_t compare<uint64_t>(uint64_t, uint64_t, bool, uint32_t&);
template uint32_t max_num<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint64_t max_num<uint64_t>(uint64_t, uint64_t, uint32_t&);
template uint32_t min_num<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint64_t min_num<uint64_t>(uint64_t, uint64_t, uint32_t&);

}  // namespace isa::fp
