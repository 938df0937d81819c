// isa/fp on random operands: (1) the software path against the host's IEEE
// 754 arithmetic (x86-64 SSE, which like Arm detects tininess before
// rounding) in all four rounding modes, on finite operands with FZ and DN
// off, where Arm and IEEE agree on every bit and flag; (2) the fast path and
// the public functions against the software path on any bit patterns
// (NaNs, infinities, denormals, boundary exponents) and any FPSCR controls.
// Only this test code touches the host's rounding mode, and restores it.
#include <catch2/catch.hpp>
#include <algorithm>
#include <bit>
#include <cfenv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <tuple>

#include "isa/fp/arith.hpp"
#include "isa/fp/fast_path.hpp"
#include "isa/fp/format.hpp"
#include "isa/fp/soft.hpp"
#include "tests/isa/fp_helpers.hpp"

using namespace test::fp;
namespace fp = isa::fp;

namespace {

template <class F>
using Host = std::conditional_t<sizeof(F) == 4, float, double>;

// Random encodings of format F, from a fixed seed.
template <class F>
class Operands {
 public:
  using Fmt = fp::Format<F>;
  explicit Operands(uint64_t seed) : rng_(seed) {}

  F bits() { return static_cast<F>(rng_()); }
  bool coin() { return rng_() & 1; }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(rng_() % n); }

  F with_exp(uint32_t biased) { return Fmt::zero(coin()) | (F(biased) << Fmt::kFracBits) | (bits() & Fmt::kFracMask); }
  // A normal number whose exponent is within `spread` of `center` (clamped).
  F normal_near(int center, int spread) {
    int e = center + static_cast<int>(below(2 * spread + 1)) - spread;
    e = std::clamp(e, 1, static_cast<int>(Fmt::kExpMax) - 1);
    return with_exp(static_cast<uint32_t>(e));
  }
  F denormal() { return Fmt::zero(coin()) | (bits() & Fmt::kFracMask); }
  // Finite values of any exponent, zeros and denormals included.
  F finite() {
    switch (below(8)) {
      case 0: return denormal();
      case 1: return Fmt::zero(coin());
      default: return with_exp(below(Fmt::kExpMax));
    }
  }
  F special() {
    const F list[] = {0,
                      Fmt::kInfinity,
                      Fmt::kDefaultNaN,
                      Fmt::kDefaultNaN | 1,
                      Fmt::kInfinity | 1,                           // signalling
                      Fmt::kInfinity | (Fmt::kFracMask >> 1),       // signalling, full payload
                      Fmt::kMaxNormal,
                      F(1) << Fmt::kFracBits,                       // smallest normal
                      1,                                            // smallest denormal
                      Fmt::kFracMask,                               // largest denormal
                      F(Fmt::kBias) << Fmt::kFracBits};             // 1.0
    return list[below(std::size(list))] | Fmt::zero(coin());
  }
  // Any encoding, weighted toward the interesting ones.
  F any() {
    switch (below(10)) {
      case 0:
      case 1: return bits();
      case 2: return special();
      case 3: return denormal();
      case 4: return normal_near(1, 30);
      case 5: return normal_near(Fmt::kExpMax - 1, 30);
      default: return normal_near(Fmt::kBias, 40);
    }
  }
  // A second operand related to `a`: close to it or to -a (cancellation),
  // or equal, or the exponents pushed apart.
  F related(F a) {
    switch (below(4)) {
      case 0: return a ^ Fmt::kSign ^ (bits() & 0xFF);
      case 1: return a ^ (bits() & 0xF);
      case 2: return a;
      default: return any();
    }
  }
  // For a product or quotient landing near the underflow or overflow
  // threshold: an exponent that sums or differs with a's toward the edge.
  F edge_partner(F a, bool for_division) {
    const int ea = static_cast<int>(Fmt::biased_exp(a));
    const int target = coin() ? 1 : static_cast<int>(Fmt::kExpMax) - 1;  // result exponent aimed at
    const int eb = for_division ? ea - target + Fmt::kBias : target - ea + Fmt::kBias;
    return normal_near(eb, 2);
  }

  uint32_t controls() {
    constexpr uint32_t kModes[] = {RN, RP, RM, RZ};
    uint32_t c = coin() ? RN : kModes[below(4)];  // mostly RN, where the fast path runs
    if (below(4) == 0) c |= FZ;
    if (below(4) == 0) c |= DN;
    if (below(8) == 0) c |= AHP;
    return c;
  }

 private:
  std::mt19937_64 rng_;
};

constexpr int kHostModes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
constexpr uint32_t kArmModes[] = {RN, RP, RM, RZ};

uint32_t arm_flags_of(int raised) {
  uint32_t f = 0;
  if (raised & FE_INVALID) f |= IOC;
  if (raised & FE_DIVBYZERO) f |= DZC;
  if (raised & FE_OVERFLOW) f |= OFC;
  if (raised & FE_UNDERFLOW) f |= UFC;
  if (raised & FE_INEXACT) f |= IXC;
  return f;
}

// Computes op() on the host in rounding mode `mode` and returns the result
// with the exceptions it raised as FPSCR flags. op reads its operands
// through volatiles, so nothing is evaluated outside the mode.
template <class T, class Op>
[[gnu::noinline]] Outcome<T> on_host(int mode, Op op) {
  const int saved = std::fegetround();
  std::fesetround(mode);
  std::feclearexcept(FE_ALL_EXCEPT);
  const T result = op();
  const int raised = std::fetestexcept(FE_ALL_EXCEPT);
  std::fesetround(saved);
  return {result, arm_flags_of(raised)};
}

template <class F>
F host_bits(Host<F> v) {
  return std::bit_cast<F>(v);
}

enum class Op { Add, Sub, Mul, Div, Sqrt, MulAdd };

// The host's IEEE result for one operation, as an encoding and flags.
template <class F>
Outcome<F> host_op(Op op, int mode, F a, F b, F c) {
  using T = Host<F>;
  volatile T x = std::bit_cast<T>(a), y = std::bit_cast<T>(b), z = std::bit_cast<T>(c);
  return on_host<F>(mode, [&]() -> F {
    switch (op) {
      case Op::Add: return host_bits<F>(x + y);
      case Op::Sub: return host_bits<F>(x - y);
      case Op::Mul: return host_bits<F>(x * y);
      case Op::Div: return host_bits<F>(x / y);
      case Op::Sqrt: return host_bits<F>(std::sqrt(T{x}));
      case Op::MulAdd: return host_bits<F>(std::fma(T{x}, T{y}, T{z}));  // z + x * y
    }
    return 0;
  });
}

template <class F>
F soft_op(Op op, F a, F b, F c, uint32_t& fpscr) {
  switch (op) {
    case Op::Add: return fp::soft::add(a, b, fpscr);
    case Op::Sub: return fp::soft::sub(a, b, fpscr);
    case Op::Mul: return fp::soft::mul(a, b, fpscr);
    case Op::Div: return fp::soft::div(a, b, fpscr);
    case Op::Sqrt: return fp::soft::sqrt(a, fpscr);
    case Op::MulAdd: return fp::soft::mul_add(c, a, b, fpscr);
  }
  return 0;
}

template <class F>
F public_op(Op op, F a, F b, F c, uint32_t& fpscr) {
  switch (op) {
    case Op::Add: return fp::add(a, b, fpscr);
    case Op::Sub: return fp::sub(a, b, fpscr);
    case Op::Mul: return fp::mul(a, b, fpscr);
    case Op::Div: return fp::div(a, b, fpscr);
    case Op::Sqrt: return fp::sqrt(a, fpscr);
    case Op::MulAdd: return fp::mul_add(c, a, b, fpscr);
  }
  return 0;
}

template <class F>
std::optional<F> fast_op(Op op, F a, F b, F c, uint32_t& fpscr) {
  switch (op) {
    case Op::Add: return fp::fast::add(a, b, fpscr);
    case Op::Sub: return fp::fast::sub(a, b, fpscr);
    case Op::Mul: return fp::fast::mul(a, b, fpscr);
    case Op::Div: return fp::fast::div(a, b, fpscr);
    case Op::Sqrt: return fp::fast::sqrt(a, fpscr);
    case Op::MulAdd: return fp::fast::mul_add(c, a, b, fpscr);
  }
  return std::nullopt;
}

const char* name_of(Op op) {
  constexpr const char* kNames[] = {"add", "sub", "mul", "div", "sqrt", "mul_add"};
  return kNames[static_cast<int>(op)];
}

constexpr Op kOps[] = {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Sqrt, Op::MulAdd};

// The software path against the host, finite operands, every rounding mode.
template <class F>
void check_soft_against_host(bool normal_only, int iterations) {
  using Fmt = fp::Format<F>;
  Operands<F> gen(normal_only ? 1 : 2);
  for (const Op op : kOps) {
    INFO(name_of(op) << (normal_only ? " on normal operands" : " on any finite operands"));
    int mismatches = 0, compared = 0;
    for (int i = 0; i < iterations && mismatches < 5; ++i) {
      F a = normal_only ? gen.normal_near(Fmt::kBias, 60) : gen.finite();
      F b = normal_only ? gen.normal_near(Fmt::kBias, 60) : gen.finite();
      F c = normal_only ? gen.normal_near(Fmt::kBias, 60) : gen.finite();
      if (op == Op::Sqrt) a &= ~Fmt::kSign;  // the host's NaNs differ from Arm's
      if (op == Op::Div && !normal_only && Fmt::biased_exp(a) == 0 && Fmt::frac(a) == 0) a |= 1;  // no 0/0
      if (!normal_only && gen.coin()) b = gen.related(a);
      if (op == Op::MulAdd && gen.coin()) {
        // An addend near -a*b, for cancellation (host arithmetic only picks it).
        const auto p = std::bit_cast<Host<F>>(a) * std::bit_cast<Host<F>>(b);
        if (std::isfinite(p)) c = std::bit_cast<F>(-p) ^ (gen.bits() & 0x3);
      }
      if (!(Fmt::biased_exp(b) < Fmt::kExpMax && Fmt::biased_exp(c) < Fmt::kExpMax)) continue;
      for (int m = 0; m < 4; ++m) {
        const Outcome<F> host = host_op(op, kHostModes[m], a, b, c);
        if (Fmt::is_nan(host.value)) continue;  // invalid operations: the host's default NaN differs
        const Outcome<F> soft = outcome(kArmModes[m], [&](uint32_t& s) { return soft_op(op, a, b, c, s); });
        ++compared;
        if (soft != host) {
          ++mismatches;
          UNSCOPED_INFO(std::hex << "a=" << uint64_t{a} << " b=" << uint64_t{b} << " c=" << uint64_t{c}
                                 << " mode=" << m);
          CHECK(soft == host);
        }
      }
    }
    CHECK(mismatches == 0);
    CHECK(compared > 2 * iterations);  // most draws are valid in all four modes
  }
}

// Single-precision c + a * b within 2^-33 ulp of a tie between two singles:
// (2^n + 1)(2^2n - 2^n + 1) = 2^3n + 1 makes a * b half an ulp of c plus a
// bit far below, which rounding the exact double product plus c to double
// loses. Returns (c, a, b).
std::tuple<uint32_t, uint32_t, uint32_t> near_tie(Operands<uint32_t>& gen) {
  const int n = gen.coin() ? 11 : 12;
  const uint32_t c = gen.normal_near(127, 60);
  const int ec = static_cast<int>(fp::Format<uint32_t>::biased_exp(c)) - 127;
  const float a = std::ldexp(static_cast<float>((1 << n) + 1), -n);
  const float b = std::ldexp(static_cast<float>((1 << 2 * n) - (1 << n) + 1), ec - 24 - 3 * n + n);
  const uint32_t sign_a = gen.coin() ? 0x80000000u : 0, sign_b = gen.coin() ? 0x80000000u : 0;
  return {c, std::bit_cast<uint32_t>(a) ^ sign_a, std::bit_cast<uint32_t>(b) ^ sign_b};
}

// The fast path, and the public function, against the software path.
template <class F>
void check_fast_against_soft(int iterations) {
  Operands<F> gen(3);
  for (const Op op : kOps) {
    INFO(name_of(op));
    int mismatches = 0, fast_taken = 0;
    for (int i = 0; i < iterations && mismatches < 5; ++i) {
      F a = gen.any();
      F b = gen.related(a), c = gen.any();
      if ((op == Op::Mul || op == Op::Div) && gen.below(4) == 0) b = gen.edge_partner(a, op == Op::Div);
      if (op == Op::MulAdd && gen.coin()) {
        const auto p = std::bit_cast<Host<F>>(a) * std::bit_cast<Host<F>>(b);
        if (std::isfinite(p)) c = std::bit_cast<F>(-p) ^ (gen.bits() & 0x7);
      }
      if constexpr (sizeof(F) == 4) {
        if (op == Op::MulAdd && gen.below(4) == 0) std::tie(c, a, b) = near_tie(gen);
      }
      const uint32_t controls = gen.controls();
      const auto soft = outcome(controls, [&](uint32_t& s) { return soft_op(op, a, b, c, s); });
      const auto pub = outcome(controls, [&](uint32_t& s) { return public_op(op, a, b, c, s); });
      uint32_t fpscr = controls;
      const std::optional<F> fast = fast_op(op, a, b, c, fpscr);
      const bool fast_ok = !fast || (*fast == soft.value && (fpscr & fp::kFlagsMask) == soft.flags);
      fast_taken += fast.has_value();
      if (pub != soft || !fast_ok) {
        ++mismatches;
        UNSCOPED_INFO(std::hex << "a=" << uint64_t{a} << " b=" << uint64_t{b} << " c=" << uint64_t{c}
                               << " fpscr=" << controls);
        CHECK(pub == soft);
        CHECK(fast_ok);
      }
    }
    CHECK(mismatches == 0);
    // The generator gives the fast path plenty to do (double mul_add has none).
    if (!(sizeof(F) == 8 && op == Op::MulAdd)) CHECK(fast_taken > iterations / 10);
  }
}

}  // namespace

TEST_CASE("Software path = host IEEE arithmetic on normal operands, all rounding modes", "[fp]") {
  check_soft_against_host<uint32_t>(true, 100000);
  check_soft_against_host<uint64_t>(true, 100000);
}

TEST_CASE("Software path = host IEEE arithmetic on any finite operands (denormals, overflow)", "[fp]") {
  check_soft_against_host<uint32_t>(false, 100000);
  check_soft_against_host<uint64_t>(false, 100000);
}

TEST_CASE("Fast path and public functions = software path on any operands and controls", "[fp]") {
  check_fast_against_soft<uint32_t>(300000);
  check_fast_against_soft<uint64_t>(300000);
}

TEST_CASE("Fast path declines where the host could differ", "[fp]") {
  uint32_t fpscr = RN;
  // Not round to nearest; a denormal operand; a result too close to the
  // underflow threshold; an overflow.
  CHECK_FALSE(fp::fast::add(0x3F800000u, 0x3F800000u, fpscr = RZ).has_value());
  CHECK_FALSE(fp::fast::add(0x3F800000u, 0x00000001u, fpscr = RN).has_value());
  CHECK_FALSE(fp::fast::mul(0x3F7FFFFFu, 0x00800000u, fpscr = RN).has_value());
  CHECK_FALSE(fp::fast::mul(0x7F000000u, 0x40000000u, fpscr = RN).has_value());
  // 1 + (1 + 2^-12) * (2^-24 * (1 - 2^-12 + 2^-24)): the double sum rounds to
  // the single tie 1 + 2^-24 exactly, so only the software path knows the
  // true value lies above it.
  CHECK_FALSE(fp::fast::mul_add(0x3F800000u, 0x3F800800u, 0x337FF001u, fpscr = RN).has_value());
  CHECK(fpscr == RN);  // nothing raised on the way out
  const auto sum = fp::fast::add(0x3F800000u, 0x33800000u, fpscr = RN);  // 1 + 2^-24 ties to 1
  REQUIRE(sum);
  CHECK(*sum == 0x3F800000u);
  CHECK(fpscr == (RN | IXC));
}

TEST_CASE("FPRoundInt, FixedToFP and FPToFixed = host rint and conversions in every rounding mode", "[fp]") {
  // libm's rint through pointers: GCC inlines std::rint as code that
  // assumes round-to-nearest, which would defeat the point.
  float (*volatile libm_rintf)(float) = ::rintf;
  double (*volatile libm_rint)(double) = ::rint;
  using Fmt = fp::Format<uint32_t>;
  constexpr fp::Rounding kRoundings[] = {fp::Rounding::TiesEven, fp::Rounding::PlusInf, fp::Rounding::MinusInf,
                                         fp::Rounding::Zero};
  Operands<uint32_t> gen(4);
  int mismatches = 0;
  for (int i = 0; i < 50000 && mismatches < 5; ++i) {
    // Values around the integers, and some far beyond the 32-bit range.
    uint32_t a = gen.below(4) == 0 ? gen.finite() : gen.normal_near(Fmt::kBias + 10, 24);
    const uint32_t v = static_cast<uint32_t>(gen.bits());
    const unsigned fraction_bits = gen.below(3) == 0 ? gen.below(33) : 0;
    for (int m = 0; m < 4; ++m) {
      INFO(std::hex << "a=" << a << " v=" << v << " fraction_bits=" << std::dec << fraction_bits << " mode=" << m);
      volatile float x = std::bit_cast<float>(a);
      volatile int32_t sv = static_cast<int32_t>(v);
      volatile uint32_t uv = v;

      const auto host_int = on_host<uint32_t>(kHostModes[m], [&] { return std::bit_cast<uint32_t>(libm_rintf(x)); });
      const auto arm_int = outcome(RN, [&](uint32_t& s) { return fp::round_int<uint32_t>(a, kRoundings[m], true, s); });

      const auto host_s = on_host<uint32_t>(kHostModes[m], [&] {
        return std::bit_cast<uint32_t>(std::ldexp(static_cast<float>(sv), -static_cast<int>(fraction_bits)));
      });
      const auto arm_s = outcome(RN, [&](uint32_t& s) {
        return fp::from_fixed<uint32_t>(v, 32, fraction_bits, false, kRoundings[m], s);
      });
      const auto host_u = on_host<uint32_t>(kHostModes[m], [&] {
        return std::bit_cast<uint32_t>(std::ldexp(static_cast<float>(uv), -static_cast<int>(fraction_bits)));
      });
      const auto arm_u = outcome(RN, [&](uint32_t& s) {
        return fp::from_fixed<uint32_t>(v, 32, fraction_bits, true, kRoundings[m], s);
      });

      // To s32: the host rounds to an integral double (exact for a single);
      // in range that is the result, out of range it saturates with Invalid
      // alone.
      const auto rounded = on_host<double>(kHostModes[m], [&] { return libm_rint(double{x}); });
      Outcome<uint32_t> expected_fixed{static_cast<uint32_t>(static_cast<int32_t>(rounded.value)), rounded.flags};
      if (rounded.value > 2147483647.0) expected_fixed = {0x7FFFFFFF, IOC};
      if (rounded.value < -2147483648.0) expected_fixed = {0x80000000, IOC};
      const auto arm_fixed =
          outcome(RN, [&](uint32_t& s) { return fp::to_fixed<uint32_t>(a, 32, 0, false, kRoundings[m], s); });

      const bool ok = arm_int == host_int && arm_s == host_s && arm_u == host_u && arm_fixed == expected_fixed;
      if (!ok) {
        ++mismatches;
        CHECK(arm_int == host_int);
        CHECK(arm_s == host_s);
        CHECK(arm_u == host_u);
        CHECK(arm_fixed == expected_fixed);
      }
    }
  }
  CHECK(mismatches == 0);
}
