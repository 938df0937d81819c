// The software path of FPAdd, FPSub, FPMul, FPDiv, FPSqrt and FPMulAdd
// (ARMv7-M ARM appendix pseudocode): exact integer arithmetic on unpacked
// significands, then one FPRound. Slow but obviously right; the fast path
// must agree with it bit for bit.
#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "isa/fp/round.hpp"
#include "isa/fp/soft.hpp"

namespace isa::fp::soft {

namespace {

// A nonzero term of a sum: (-1)^sign * mag * 2^(exp - 126) with mag's bit
// 126 set; bit 127 is headroom for the carry of an addition.
struct Term {
  bool sign;
  int exp;
  u128 mag;
};

Term term_of(const Unpacked& u) { return {u.sign, u.exp, u128{u.sig} << 63}; }

// The exact product of two finite nonzero values as a Term. Significands of
// at most 53 bits leave at least 21 zero bits at the bottom.
Term product_term(const Unpacked& a, const Unpacked& b) {
  u128 p = u128{a.sig} * b.sig;  // in [2^126, 2^128)
  int exp = a.exp + b.exp;
  if (p >> 127) {
    p = shift_right_sticky(p, 1);
    ++exp;
  }
  return {a.sign != b.sign, exp, p};
}

// The exact sum of two terms, or nothing when it is exactly zero. The
// smaller term is aligned with a sticky shift; that is exact when the
// exponents are at most one apart (the terms' low bits are zero), which is
// the only case where cancellation can bring the result's leading one down
// near bit 0. Otherwise the leading one stays at bit 125 or above.
std::optional<Exact> sum(Term a, Term b) {
  if (a.exp < b.exp || (a.exp == b.exp && a.mag < b.mag)) std::swap(a, b);
  const u128 aligned = shift_right_sticky(b.mag, a.exp - b.exp);
  const u128 m = a.sign == b.sign ? a.mag + aligned : a.mag - aligned;
  if (m == 0) return std::nullopt;
  return normalize(a.sign, m, a.exp - 126);
}

// floor(sqrt(m)) for m in [2^126, 2^128). The host's square root only
// supplies a first guess (about 52 correct bits, whatever its rounding
// mode); one integer Newton step and an exact correction decide the result.
uint64_t integer_sqrt(u128 m) {
  constexpr uint64_t kMax = ~uint64_t{0};
  const double guess = std::sqrt(static_cast<double>(m));
  uint64_t root = guess >= 0x1p64 ? kMax : static_cast<uint64_t>(guess);
  root = static_cast<uint64_t>(std::min<u128>((root + m / root) >> 1, kMax));
  while (u128{root} * root > m) --root;
  while (root != kMax && u128{root + 1} * (root + 1) <= m) ++root;
  return root;
}

template <class F>
F add_or_sub(F a, F b, bool negate_b, uint32_t& fpscr) {
  using Fmt = Format<F>;
  const Unpacked ua = unpack(a, fpscr), ub = unpack(b, fpscr);
  // NaNs propagate with their own sign, before FPSub's negation.
  if (auto nan = process_nans(ua, a, ub, b, fpscr)) return *nan;
  const bool sign_b = ub.sign != negate_b;
  if (ua.is_inf() && ub.is_inf() && ua.sign != sign_b) return invalid<F>(fpscr);
  if (ua.is_inf()) return Fmt::infinity(ua.sign);
  if (ub.is_inf()) return Fmt::infinity(sign_b);
  const Rounding rounding = rounding_of(fpscr);
  if (ua.is_zero() && ub.is_zero()) return ua.sign == sign_b ? Fmt::zero(ua.sign) : exact_zero_sum<F>(fpscr);
  if (ua.is_zero()) return round<F>({sign_b, ub.exp, ub.sig}, rounding, fpscr);
  if (ub.is_zero()) return round<F>(exact_of(ua), rounding, fpscr);
  Term tb = term_of(ub);
  tb.sign = sign_b;
  const auto s = sum(term_of(ua), tb);
  return s ? round<F>(*s, rounding, fpscr) : exact_zero_sum<F>(fpscr);
}

}  // namespace

template <class F>
F add(F a, F b, uint32_t& fpscr) {
  return add_or_sub(a, b, false, fpscr);
}

template <class F>
F sub(F a, F b, uint32_t& fpscr) {
  return add_or_sub(a, b, true, fpscr);
}

template <class F>
F mul(F a, F b, uint32_t& fpscr) {
  using Fmt = Format<F>;
  const Unpacked ua = unpack(a, fpscr), ub = unpack(b, fpscr);
  if (auto nan = process_nans(ua, a, ub, b, fpscr)) return *nan;
  if ((ua.is_inf() && ub.is_zero()) || (ua.is_zero() && ub.is_inf())) return invalid<F>(fpscr);
  const bool sign = ua.sign != ub.sign;
  if (ua.is_inf() || ub.is_inf()) return Fmt::infinity(sign);
  if (ua.is_zero() || ub.is_zero()) return Fmt::zero(sign);
  return round<F>(normalize(sign, u128{ua.sig} * ub.sig, ua.exp + ub.exp - 126), rounding_of(fpscr), fpscr);
}

template <class F>
F div(F a, F b, uint32_t& fpscr) {
  using Fmt = Format<F>;
  const Unpacked ua = unpack(a, fpscr), ub = unpack(b, fpscr);
  if (auto nan = process_nans(ua, a, ub, b, fpscr)) return *nan;
  if ((ua.is_inf() && ub.is_inf()) || (ua.is_zero() && ub.is_zero())) return invalid<F>(fpscr);
  const bool sign = ua.sign != ub.sign;
  if (ua.is_inf() || ub.is_zero()) {
    if (!ua.is_inf()) fpscr |= kDivByZero;
    return Fmt::infinity(sign);
  }
  if (ua.is_zero() || ub.is_inf()) return Fmt::zero(sign);
  // a/b = (sig_a * 2^64 / sig_b) * 2^(exp_a - exp_b - 64); the quotient has
  // 64 or 65 bits, the remainder says whether more follow.
  const u128 numerator = u128{ua.sig} << 64;
  const u128 quotient = numerator / ub.sig;
  const bool tail = numerator % ub.sig != 0;
  return round<F>(normalize(sign, quotient, ua.exp - ub.exp - 64, tail), rounding_of(fpscr), fpscr);
}

template <class F>
F sqrt(F a, uint32_t& fpscr) {
  using Fmt = Format<F>;
  const Unpacked u = unpack(a, fpscr);
  if (u.is_nan()) return process_nan(u, a, fpscr);
  if (u.is_zero()) return Fmt::zero(u.sign);  // sqrt(-0) = -0
  if (u.is_inf() && !u.sign) return a;
  if (u.sign) return invalid<F>(fpscr);
  // value = sig * 2^e; scale sig up by an amount that makes the exponent
  // even, so sqrt(value) = sqrt(sig * 2^k) * 2^((e - k) / 2) exactly.
  const int e = u.exp - 63;
  const int k = (e & 1) ? 63 : 64;
  const u128 m = u128{u.sig} << k;
  const uint64_t root = integer_sqrt(m);
  const bool tail = u128{root} * root != m;
  return round<F>(normalize(false, root, (e - k) / 2, tail), rounding_of(fpscr), fpscr);
}

template <class F>
F mul_add(F addend, F a, F b, uint32_t& fpscr) {
  using Fmt = Format<F>;
  const Unpacked ua = unpack(a, fpscr), ub = unpack(b, fpscr), uc = unpack(addend, fpscr);
  const auto nan = process_nans3(uc, addend, ua, a, ub, b, fpscr);
  const bool invalid_product = (ua.is_inf() && ub.is_zero()) || (ua.is_zero() && ub.is_inf());
  // FPMulAdd: 0 * inf is invalid even when the addend is a quiet NaN (the
  // default NaN then replaces the propagated one, whatever FPSCR.DN says).
  if (uc.kind == Kind::QuietNaN && invalid_product) return invalid<F>(fpscr);
  if (nan) return *nan;

  const bool sign_p = ua.sign != ub.sign;
  const bool inf_p = ua.is_inf() || ub.is_inf();
  const bool zero_p = ua.is_zero() || ub.is_zero();
  if (invalid_product || (uc.is_inf() && inf_p && uc.sign != sign_p)) return invalid<F>(fpscr);
  if ((uc.is_inf() && !uc.sign) || (inf_p && !sign_p)) return Fmt::infinity(false);
  if (uc.is_inf() || inf_p) return Fmt::infinity(true);
  if (uc.is_zero() && zero_p) return uc.sign == sign_p ? Fmt::zero(uc.sign) : exact_zero_sum<F>(fpscr);

  const Rounding rounding = rounding_of(fpscr);
  if (zero_p) return round<F>(exact_of(uc), rounding, fpscr);
  const Term product = product_term(ua, ub);
  if (uc.is_zero()) return round<F>(normalize(product.sign, product.mag, product.exp - 126), rounding, fpscr);
  const auto s = sum(term_of(uc), product);
  return s ? round<F>(*s, rounding, fpscr) : exact_zero_sum<F>(fpscr);
}

template uint32_t add<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint32_t sub<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint32_t mul<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint32_t div<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint32_t sqrt<uint32_t>(uint32_t, uint32_t&);
template uint32_t mul_add<uint32_t>(uint32_t, uint32_t, uint32_t, uint32_t&);
template uint64_t add<uint64_t>(uint64_t, uint64_t, uint32_t&);
template uint64_t sub<uint64_t>(uint64_t, uint64_t, uint32_t&);
template uint64_t mul<uint64_t>(uint64_t, uint64_t, uint32_t&);
template uint64_t div<uint64_t>(uint64_t, uint64_t, uint32_t&);
template uint64_t sqrt<uint64_t>(uint64_t, uint32_t&);
template uint64_t mul_add<uint64_t>(uint64_t, uint64_t, uint64_t, uint32_t&);

}  // namespace isa::fp::soft
