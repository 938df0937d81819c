// isa/fp against hand-worked cases from the ARMv7-M ARM pseudocode (FPAdd,
// FPSub, FPMul, FPDiv, FPSqrt, FPMulAdd, FPCompare, FPRound, FPProcessNaNs)
// and IEEE 754. Every expected encoding is worked out in the comment beside
// it. Arithmetic runs through both the public function (fast path where it
// applies) and the software path.
#include <catch2/catch.hpp>
#include <cstdint>
#include <initializer_list>

#include "isa/fp/arith.hpp"
#include "isa/fp/soft.hpp"
#include "tests/isa/fp_helpers.hpp"

using namespace test::fp;
namespace fp = isa::fp;

namespace {

// Single-precision operands used throughout.
constexpr uint32_t kOne = 0x3F800000, kTwo = 0x40000000, kThree = 0x40400000, kMinusOne = 0xBF800000;
constexpr uint32_t kZero = 0x00000000, kNegZero = 0x80000000;
constexpr uint32_t kInf = 0x7F800000, kNegInf = 0xFF800000;
constexpr uint32_t kMax = 0x7F7FFFFF, kNegMax = 0xFF7FFFFF;  // (2 - 2^-23) * 2^127
constexpr uint32_t kMinNormal = 0x00800000;                  // 2^-126
constexpr uint32_t kDenormMin = 0x00000001;                  // 2^-149
constexpr uint32_t kDefaultNaN = 0x7FC00000;
// NaNs with distinct payloads: quiet A and B, signalling C and D. Quietening
// sets fraction bit 22: C -> 0x7FC0000C, D -> 0xFFC0000D.
constexpr uint32_t kQNaNA = 0x7FC0000A, kQNaNB = 0xFFC0000B;
constexpr uint32_t kSNaNC = 0x7F80000C, kSNaND = 0xFF80000D;
constexpr uint32_t kQuietC = 0x7FC0000C, kQuietD = 0xFFC0000D;

template <class F>
struct Binary {
  const char* what;
  uint32_t controls;
  F a, b;
  F value;
  uint32_t flags;
};

template <class F>
using BinaryFn = F (*)(F, F, uint32_t&);

// Each case through the public function and through the software path.
template <class F>
void check(BinaryFn<F> op, BinaryFn<F> soft, std::initializer_list<Binary<F>> cases) {
  for (const auto& c : cases) {
    INFO(c.what);
    const Outcome<F> expected{c.value, c.flags};
    CHECK(outcome(c.controls, [&](uint32_t& s) { return op(c.a, c.b, s); }) == expected);
    CHECK(outcome(c.controls, [&](uint32_t& s) { return soft(c.a, c.b, s); }) == expected);
  }
}

}  // namespace

TEST_CASE("FPAdd single: rounding modes on ties and non-ties", "[fp]") {
  check<uint32_t>(fp::add<uint32_t>, fp::soft::add<uint32_t>, {
      {"1 + 2 = 3", RN, kOne, kTwo, kThree, 0},
      // 1 + 2^-24 is halfway between 1 and 1 + 2^-23: even is 1.
      {"1 + 2^-24 RN", RN, kOne, 0x33800000, 0x3F800000, IXC},
      {"1 + 2^-24 RP", RP, kOne, 0x33800000, 0x3F800001, IXC},
      {"1 + 2^-24 RM", RM, kOne, 0x33800000, 0x3F800000, IXC},
      {"1 + 2^-24 RZ", RZ, kOne, 0x33800000, 0x3F800000, IXC},
      // (1 + 2^-23) + 2^-24: halfway between odd 0x..01 and even 0x..02.
      {"(1 + 2^-23) + 2^-24 RN", RN, 0x3F800001, 0x33800000, 0x3F800002, IXC},
      // The negative tie: RP goes toward zero, RM away.
      {"-1 - 2^-24 RN", RN, kMinusOne, 0xB3800000, 0xBF800000, IXC},
      {"-1 - 2^-24 RP", RP, kMinusOne, 0xB3800000, 0xBF800000, IXC},
      {"-1 - 2^-24 RM", RM, kMinusOne, 0xB3800000, 0xBF800001, IXC},
      {"-1 - 2^-24 RZ", RZ, kMinusOne, 0xB3800000, 0xBF800000, IXC},
      // 1 + 3 * 2^-25 is 0.75 ulp above 1.
      {"1 + 0.75 ulp RN", RN, kOne, 0x33C00000, 0x3F800001, IXC},
      {"1 + 0.75 ulp RP", RP, kOne, 0x33C00000, 0x3F800001, IXC},
      {"1 + 0.75 ulp RM", RM, kOne, 0x33C00000, 0x3F800000, IXC},
      {"1 + 0.75 ulp RZ", RZ, kOne, 0x33C00000, 0x3F800000, IXC},
      // 1 + 2^-25 is 0.25 ulp above 1.
      {"1 + 0.25 ulp RN", RN, kOne, 0x33000000, 0x3F800000, IXC},
      {"1 + 0.25 ulp RP", RP, kOne, 0x33000000, 0x3F800001, IXC},
  });
}

TEST_CASE("FPAdd/FPSub single: zeros, infinities, NaNs", "[fp]") {
  check<uint32_t>(fp::add<uint32_t>, fp::soft::add<uint32_t>, {
      // An exact zero sum is +0, or -0 when rounding toward minus infinity.
      {"1 + -1 RN", RN, kOne, kMinusOne, kZero, 0},
      {"1 + -1 RP", RP, kOne, kMinusOne, kZero, 0},
      {"1 + -1 RZ", RZ, kOne, kMinusOne, kZero, 0},
      {"1 + -1 RM", RM, kOne, kMinusOne, kNegZero, 0},
      {"-0 + -0", RN, kNegZero, kNegZero, kNegZero, 0},
      {"+0 + -0 RN", RN, kZero, kNegZero, kZero, 0},
      {"+0 + -0 RM", RM, kZero, kNegZero, kNegZero, 0},
      {"inf + -inf", RN, kInf, kNegInf, kDefaultNaN, IOC},
      {"inf + 1", RN, kInf, kOne, kInf, 0},
      {"-inf + max", RN, kNegInf, kMax, kNegInf, 0},
      // FPProcessNaNs: first signalling NaN, else first quiet NaN.
      {"qNaN A + qNaN B: A", RN, kQNaNA, kQNaNB, kQNaNA, 0},
      {"1 + qNaN B: B with its sign", RN, kOne, kQNaNB, kQNaNB, 0},
      {"qNaN A + sNaN D: D quietened", RN, kQNaNA, kSNaND, kQuietD, IOC},
      {"sNaN C + sNaN D: C quietened", RN, kSNaNC, kSNaND, kQuietC, IOC},
      {"sNaN C + 1", RN, kSNaNC, kOne, kQuietC, IOC},
      {"DN: qNaN B + 1", DN, kQNaNB, kOne, kDefaultNaN, 0},
      {"DN: 1 + sNaN D", DN, kOne, kSNaND, kDefaultNaN, IOC},
  });
  check<uint32_t>(fp::sub<uint32_t>, fp::soft::sub<uint32_t>, {
      {"3 - 1 = 2", RN, kThree, kOne, kTwo, 0},
      {"1 - 1 RM = -0", RM, kOne, kOne, kNegZero, 0},
      {"-0 - +0 = -0", RN, kNegZero, kZero, kNegZero, 0},
      {"+0 - +0 RN = +0", RN, kZero, kZero, kZero, 0},
      {"inf - inf", RN, kInf, kInf, kDefaultNaN, IOC},
      {"inf - -inf", RN, kInf, kNegInf, kInf, 0},
      {"1 - inf", RN, kOne, kInf, kNegInf, 0},
      // The NaN operand is not negated by FPSub.
      {"1 - qNaN B", RN, kOne, kQNaNB, kQNaNB, 0},
      {"1 - sNaN C", RN, kOne, kSNaNC, kQuietC, IOC},
  });
}

TEST_CASE("FPAdd single: overflow in each rounding mode", "[fp]") {
  check<uint32_t>(fp::add<uint32_t>, fp::soft::add<uint32_t>, {
      // max + max = 2^129 - 2^105: infinity where rounding goes up in
      // magnitude, else the largest normal; Overflow and Inexact always.
      {"max + max RN", RN, kMax, kMax, kInf, OFC | IXC},
      {"max + max RP", RP, kMax, kMax, kInf, OFC | IXC},
      {"max + max RM", RM, kMax, kMax, kMax, OFC | IXC},
      {"max + max RZ", RZ, kMax, kMax, kMax, OFC | IXC},
      {"-max - max RN", RN, kNegMax, kNegMax, kNegInf, OFC | IXC},
      {"-max - max RP", RP, kNegMax, kNegMax, kNegMax, OFC | IXC},
      {"-max - max RM", RM, kNegMax, kNegMax, kNegInf, OFC | IXC},
      {"-max - max RZ", RZ, kNegMax, kNegMax, kNegMax, OFC | IXC},
      // max + 2^103 = 2^128 - 2^103, halfway between max (odd) and 2^128:
      // overflow only where the rounding goes up.
      {"max + half ulp RN", RN, kMax, 0x73000000, kInf, OFC | IXC},
      {"max + half ulp RP", RP, kMax, 0x73000000, kInf, OFC | IXC},
      {"max + half ulp RM", RM, kMax, 0x73000000, kMax, IXC},
      {"max + half ulp RZ", RZ, kMax, 0x73000000, kMax, IXC},
  });
}

TEST_CASE("FPAdd single: denormals, flush-to-zero of inputs and results", "[fp]") {
  check<uint32_t>(fp::add<uint32_t>, fp::soft::add<uint32_t>, {
      // 2^-126 - 2^-149 = 0x007FFFFF exactly: a denormal but exact result
      // raises nothing (Underflow needs tiny and inexact).
      {"min normal - min denormal", RN, kMinNormal, 0x80000001, 0x007FFFFF, 0},
      {"2^-127 + 2^-127", RN, 0x00400000, 0x00400000, kMinNormal, 0},
      // FZ: denormal inputs are zeros with Input Denormal.
      {"FZ: 2^-127 + 2^-127", FZ, 0x00400000, 0x00400000, kZero, IDC},
      {"FZ: 1 + min denormal", FZ, kOne, kDenormMin, kOne, IDC},
      {"FZ: min denormal - min denormal RM", FZ | RM, kDenormMin, 0x80000001, kNegZero, IDC},
      // (2^-126 + 2^-149) - 2^-126 = 2^-149: tiny; FZ flushes it to a signed
      // zero with Underflow and without Inexact.
      {"tiny exact result", RN, 0x00800001, 0x80800000, kDenormMin, 0},
      {"FZ: tiny result", FZ, 0x00800001, 0x80800000, kZero, UFC},
      {"FZ: negative tiny result", FZ, 0x00800000, 0x80800001, kNegZero, UFC},
  });
}

TEST_CASE("FPMul single", "[fp]") {
  check<uint32_t>(fp::mul<uint32_t>, fp::soft::mul<uint32_t>, {
      {"2 * 3 = 6", RN, kTwo, kThree, 0x40C00000, 0},
      {"0 * inf", RN, kZero, kInf, kDefaultNaN, IOC},
      {"inf * -0", RN, kInf, kNegZero, kDefaultNaN, IOC},
      {"-0 * 3", RN, kNegZero, kThree, kNegZero, 0},
      {"inf * -2", RN, kInf, 0xC0000000, kNegInf, 0},
      {"qNaN A * sNaN D", RN, kQNaNA, kSNaND, kQuietD, IOC},
      // Tininess before rounding: (1 - 2^-24) * 2^-126 = (2^23 - 1/2) *
      // 2^-149 is tiny, halfway between 0x007FFFFF and 0x00800000, and
      // rounds (to even) up to the smallest normal: Underflow and Inexact.
      {"rounds up to min normal RN", RN, 0x3F7FFFFF, kMinNormal, kMinNormal, UFC | IXC},
      {"same RZ", RZ, 0x3F7FFFFF, kMinNormal, 0x007FFFFF, UFC | IXC},
      {"same RP", RP, 0x3F7FFFFF, kMinNormal, kMinNormal, UFC | IXC},
      {"same FZ: flushed, no IXC", FZ, 0x3F7FFFFF, kMinNormal, kZero, UFC},
      // 2^-64 * 2^-80 = 2^-144 = 32 * 2^-149, an exact denormal.
      {"exact denormal product", RN, 0x1F800000, 0x17800000, 0x00000020, 0},
      {"exact denormal product FZ", FZ, 0x1F800000, 0x17800000, kZero, UFC},
      // 2^-149 * 0.5 = 2^-150: halfway between 0 and 2^-149.
      {"2^-150 RN", RN, kDenormMin, 0x3F000000, kZero, UFC | IXC},
      {"2^-150 RP", RP, kDenormMin, 0x3F000000, kDenormMin, UFC | IXC},
      {"2^-150 FZ: input flushed", FZ, kDenormMin, 0x3F000000, kZero, IDC},
      {"FZ: denormal * inf", FZ, kDenormMin, kInf, kDefaultNaN, IOC | IDC},
      // 2^127 * 2 = 2^128.
      {"overflow RN", RN, 0x7F000000, kTwo, kInf, OFC | IXC},
      {"overflow RZ", RZ, 0x7F000000, kTwo, kMax, OFC | IXC},
  });
}

TEST_CASE("FPDiv single", "[fp]") {
  check<uint32_t>(fp::div<uint32_t>, fp::soft::div<uint32_t>, {
      // 1/3 = 1.0101...b * 2^-2; the bits after the 23rd are 1010..., above half.
      {"1/3 RN", RN, kOne, kThree, 0x3EAAAAAB, IXC},
      {"1/3 RP", RP, kOne, kThree, 0x3EAAAAAB, IXC},
      {"1/3 RM", RM, kOne, kThree, 0x3EAAAAAA, IXC},
      {"1/3 RZ", RZ, kOne, kThree, 0x3EAAAAAA, IXC},
      {"6/3 = 2", RN, 0x40C00000, kThree, kTwo, 0},
      {"1/+0", RN, kOne, kZero, kInf, DZC},
      {"-1/+0", RN, kMinusOne, kZero, kNegInf, DZC},
      {"1/-0", RN, kOne, kNegZero, kNegInf, DZC},
      {"0/0", RN, kZero, kZero, kDefaultNaN, IOC},
      {"inf/inf", RN, kInf, kNegInf, kDefaultNaN, IOC},
      {"inf/0: no DZC", RN, kInf, kZero, kInf, 0},
      {"0/inf", RN, kZero, kInf, kZero, 0},
      {"-0/3", RN, kNegZero, kThree, kNegZero, 0},
      {"3/-inf", RN, kThree, kNegInf, kNegZero, 0},
      {"FZ: 1/denormal divides by zero", FZ, kOne, kDenormMin, kInf, DZC | IDC},
      {"1/2^-149 = 2^149 overflows", RN, kOne, kDenormMin, kInf, OFC | IXC},
      {"2^-126 / 2 = 2^-127 exactly", RN, kMinNormal, kTwo, 0x00400000, 0},
      // 2^-126 / 3 = (2^23 / 3) * 2^-149 = 2796202.67 * 2^-149 -> 2796203.
      {"2^-126 / 3", RN, kMinNormal, kThree, 0x002AAAAB, UFC | IXC},
      {"sNaN C / qNaN B", RN, kSNaNC, kQNaNB, kQuietC, IOC},
  });
}

TEST_CASE("FPSqrt single", "[fp]") {
  const struct {
    const char* what;
    uint32_t controls, a, value, flags;
  } cases[] = {
      {"sqrt 4 = 2", RN, 0x40800000, kTwo, 0},
      // sqrt 2 = 1.0110101000001001111001100110011...b: the 24th and later
      // fraction bits 0011... are below half.
      {"sqrt 2 RN", RN, kTwo, 0x3FB504F3, IXC},
      {"sqrt 2 RZ", RZ, kTwo, 0x3FB504F3, IXC},
      {"sqrt 2 RP", RP, kTwo, 0x3FB504F4, IXC},
      {"sqrt -1", RN, kMinusOne, kDefaultNaN, IOC},
      {"sqrt -0 = -0", RN, kNegZero, kNegZero, 0},
      {"sqrt +inf", RN, kInf, kInf, 0},
      {"sqrt -inf", RN, kNegInf, kDefaultNaN, IOC},
      {"sqrt sNaN D", RN, kSNaND, kQuietD, IOC},
      {"sqrt qNaN B", RN, kQNaNB, kQNaNB, 0},
      {"DN: sqrt qNaN B", DN, kQNaNB, kDefaultNaN, 0},
      // sqrt 2^-148 = 2^-74, exponent field 127 - 74 = 0x35.
      {"sqrt of a denormal", RN, 0x00000002, 0x1A800000, 0},
      {"FZ: sqrt -denormal = -0, not invalid", FZ, 0x80000001, kNegZero, IDC},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    const Outcome<uint32_t> expected{c.value, c.flags};
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::sqrt<uint32_t>(c.a, s); }) == expected);
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::soft::sqrt<uint32_t>(c.a, s); }) == expected);
  }
}

TEST_CASE("FPMulAdd single: one rounding, NaN order (addend, a, b), inf * 0 + qNaN", "[fp]") {
  const struct {
    const char* what;
    uint32_t controls, addend, a, b, value, flags;
  } cases[] = {
      // (1 + 2^-12)^2 - (1 + 2^-11) = 2^-24 exactly; a separate multiply
      // would round the square to 1 + 2^-11 and give 0.
      {"fused: no intermediate rounding", RN, 0xBF801000, 0x3F800800, 0x3F800800, 0x33800000, 0},
      // (1 + 2^-12) * (2^-24 * (1 - 2^-12 + 2^-24)) = 2^-24 * (1 + 2^-36), so
      // 1 + that is just above the tie between 1 and 1 + 2^-23: rounds up.
      {"just above a tie", RN, kOne, 0x3F800800, 0x337FF001, 0x3F800001, IXC},
      {"1 + 0 * inf", RN, kOne, kZero, kInf, kDefaultNaN, IOC},
      // ARMv7-M FPMulAdd: an invalid product beats a quiet NaN addend.
      {"qNaN + inf * 0", RN, kQNaNA, kInf, kZero, kDefaultNaN, IOC},
      {"sNaN + inf * 0", RN, kSNaNC, kInf, kZero, kQuietC, IOC},
      {"qNaN A + sNaN D * 1", RN, kQNaNA, kSNaND, kOne, kQuietD, IOC},
      {"qNaN A + qNaN B * qNaN B", RN, kQNaNA, kQNaNB, kQNaNB, kQNaNA, 0},
      {"1 + qNaN B * sNaN C", RN, kOne, kQNaNB, kSNaNC, kQuietC, IOC},
      {"1 + qNaN B * 2", RN, kOne, kQNaNB, kTwo, kQNaNB, 0},
      {"DN: 1 + qNaN B * 2", DN, kOne, kQNaNB, kTwo, kDefaultNaN, 0},
      {"-inf + inf * 2", RN, kNegInf, kInf, kTwo, kDefaultNaN, IOC},
      {"inf + inf * 2", RN, kInf, kInf, kTwo, kInf, 0},
      {"1 + -inf * 2", RN, kOne, kNegInf, kTwo, kNegInf, 0},
      {"+0 + -0 * 1 RN", RN, kZero, kNegZero, kOne, kZero, 0},
      {"+0 + -0 * 1 RM", RM, kZero, kNegZero, kOne, kNegZero, 0},
      {"-0 + -0 * 1", RN, kNegZero, kNegZero, kOne, kNegZero, 0},
      {"-1 + 1 * 1 RN", RN, kMinusOne, kOne, kOne, kZero, 0},
      {"-1 + 1 * 1 RM", RM, kMinusOne, kOne, kOne, kNegZero, 0},
      {"3 + 0 * 5", RN, kThree, kZero, 0x40A00000, kThree, 0},
      // max * 2 - max = max: the product never overflows on its own.
      {"-max + max * 2", RN, kNegMax, kMax, kTwo, kMax, 0},
      {"FZ: denormal + 1 * 1", FZ, kDenormMin, kOne, kOne, kOne, IDC},
      // 2^-126 * (1 - 2^-24) + 0: as for FPMul, tiny before rounding.
      {"tiny product rounds to min normal", RN, kZero, 0x3F7FFFFF, kMinNormal, kMinNormal, UFC | IXC},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    const Outcome<uint32_t> expected{c.value, c.flags};
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::mul_add<uint32_t>(c.addend, c.a, c.b, s); }) ==
          expected);
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::soft::mul_add<uint32_t>(c.addend, c.a, c.b, s); }) ==
          expected);
  }
}

TEST_CASE("Double precision arithmetic", "[fp]") {
  constexpr uint64_t kOneD = 0x3FF0000000000000, kTwoD = 0x4000000000000000, kThreeD = 0x4008000000000000;
  constexpr uint64_t kMaxD = 0x7FEFFFFFFFFFFFFF, kInfD = 0x7FF0000000000000, kNaND = 0x7FF8000000000000;
  constexpr uint64_t kMinNormalD = 0x0010000000000000;  // 2^-1022
  check<uint64_t>(fp::add<uint64_t>, fp::soft::add<uint64_t>, {
      {"1 + 2 = 3", RN, kOneD, kTwoD, kThreeD, 0},
      // 1 + 2^-53: a tie, even is 1.
      {"1 + 2^-53 RN", RN, kOneD, 0x3CA0000000000000, kOneD, IXC},
      {"1 + 2^-53 RP", RP, kOneD, 0x3CA0000000000000, 0x3FF0000000000001, IXC},
      {"max + max RN", RN, kMaxD, kMaxD, kInfD, OFC | IXC},
      {"max + max RZ", RZ, kMaxD, kMaxD, kMaxD, OFC | IXC},
      {"inf - inf", RN, kInfD, 0xFFF0000000000000, kNaND, IOC},
      // Quietening sets fraction bit 51.
      {"sNaN + 1", RN, 0x7FF0000000000001, kOneD, 0x7FF8000000000001, IOC},
      {"FZ: denormal + denormal", FZ, 0x0000000000000001, 0x0000000000000001, 0, IDC},
  });
  check<uint64_t>(fp::mul<uint64_t>, fp::soft::mul<uint64_t>, {
      {"2 * 3 = 6", RN, kTwoD, kThreeD, 0x4018000000000000, 0},
      // (1 - 2^-53) * 2^-1022: tiny, a tie that rounds up to 2^-1022.
      {"rounds up to min normal", RN, 0x3FEFFFFFFFFFFFFF, kMinNormalD, kMinNormalD, UFC | IXC},
      {"same FZ", FZ, 0x3FEFFFFFFFFFFFFF, kMinNormalD, 0, UFC},
      {"0 * inf", RN, 0, kInfD, kNaND, IOC},
  });
  check<uint64_t>(fp::div<uint64_t>, fp::soft::div<uint64_t>, {
      // 1/3 = 1.0101...b * 2^-2: 52 fraction bits 0x5555555555555, then
      // 0101..., below half.
      {"1/3 RN", RN, kOneD, kThreeD, 0x3FD5555555555555, IXC},
      {"1/3 RP", RP, kOneD, kThreeD, 0x3FD5555555555556, IXC},
      {"-1/0", RN, 0xBFF0000000000000, 0, 0xFFF0000000000000, DZC},
      {"6/3 = 2", RN, 0x4018000000000000, kThreeD, kTwoD, 0},
  });
  // sqrt 2 = 0x3FF6A09E667F3BCC + 0.565 ulp (1.41421356237309504880...).
  const Outcome<uint64_t> sqrt2_rn{0x3FF6A09E667F3BCD, IXC}, sqrt2_rz{0x3FF6A09E667F3BCC, IXC};
  CHECK(outcome(RN, [](uint32_t& s) { return fp::sqrt<uint64_t>(kTwoD, s); }) == sqrt2_rn);
  CHECK(outcome(RZ, [](uint32_t& s) { return fp::sqrt<uint64_t>(kTwoD, s); }) == sqrt2_rz);
  CHECK(outcome(RN, [](uint32_t& s) { return fp::soft::sqrt<uint64_t>(kTwoD, s); }) == sqrt2_rn);
  CHECK(outcome(RN, [](uint32_t& s) { return fp::sqrt<uint64_t>(0x8000000000000000, s); }) ==
        Outcome<uint64_t>{0x8000000000000000, 0});
  // (1 + 2^-27)^2 - (1 + 2^-26) = 2^-54 exactly (exponent field 1023 - 54).
  CHECK(outcome(RN, [](uint32_t& s) {
          return fp::mul_add<uint64_t>(0xBFF0000004000000, 0x3FF0000002000000, 0x3FF0000002000000, s);
        }) == Outcome<uint64_t>{0x3C90000000000000, 0});
  CHECK(outcome(RN, [](uint32_t& s) { return fp::mul_add<uint64_t>(0x7FF8000000000005, kInfD, 0, s); }) ==
        Outcome<uint64_t>{kNaND, IOC});
}

TEST_CASE("FPCompare: NZCV, quiet and signalling NaNs, VCMPE", "[fp]") {
  const struct {
    const char* what;
    uint32_t controls, a, b;
    bool quiet_nan_exc;
    uint32_t nzcv, flags;
  } cases[] = {
      {"1 < 2", RN, kOne, kTwo, false, 0x80000000, 0},
      {"2 > 1", RN, kTwo, kOne, false, 0x20000000, 0},
      {"1 == 1", RN, kOne, kOne, false, 0x60000000, 0},
      {"+0 == -0", RN, kZero, kNegZero, false, 0x60000000, 0},
      {"-inf < inf", RN, kNegInf, kInf, false, 0x80000000, 0},
      {"-max < -1", RN, kNegMax, kMinusOne, false, 0x80000000, 0},
      {"-1 > -max", RN, kMinusOne, kNegMax, false, 0x20000000, 0},
      {"VCMP qNaN: unordered, quiet", RN, kQNaNA, kOne, false, 0x30000000, 0},
      {"VCMPE qNaN: Invalid", RN, kQNaNA, kOne, true, 0x30000000, IOC},
      {"VCMP sNaN: Invalid", RN, kOne, kSNaNC, false, 0x30000000, IOC},
      {"denormal > 0", RN, kDenormMin, kZero, false, 0x20000000, 0},
      {"-denormal < denormal", RN, 0x80000001, kDenormMin, false, 0x80000000, 0},
      {"FZ: denormal == 0", FZ, kDenormMin, kZero, false, 0x60000000, IDC},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::compare<uint32_t>(c.a, c.b, c.quiet_nan_exc, s); }) ==
          Outcome<uint32_t>{c.nzcv, c.flags});
  }
  CHECK(outcome(RN, [](uint32_t& s) {
          return fp::compare<uint64_t>(0x3FF0000000000000, 0x7FF0000000000001, false, s);
        }) == Outcome<uint32_t>{0x30000000, IOC});
  CHECK(outcome(RN, [](uint32_t& s) {
          return fp::compare<uint64_t>(0xBFF0000000000000, 0x0000000000000001, false, s);
        }) == Outcome<uint32_t>{0x80000000, 0});
}

TEST_CASE("FPMaxNum/FPMinNum: a single quiet NaN loses, zeros ordered", "[fp]") {
  check<uint32_t>(fp::max_num<uint32_t>, fp::max_num<uint32_t>, {
      {"max(1, 2)", RN, kOne, kTwo, kTwo, 0},
      {"max(-1, -2)", RN, kMinusOne, 0xC0000000, kMinusOne, 0},
      {"max(1, qNaN)", RN, kOne, kQNaNB, kOne, 0},
      {"max(qNaN, 1)", RN, kQNaNA, kOne, kOne, 0},
      {"max(-inf, qNaN)", RN, kNegInf, kQNaNA, kNegInf, 0},
      {"max(qNaN A, qNaN B)", RN, kQNaNA, kQNaNB, kQNaNA, 0},
      {"DN: max(qNaN A, qNaN B)", DN, kQNaNA, kQNaNB, kDefaultNaN, 0},
      {"max(sNaN C, 1)", RN, kSNaNC, kOne, kQuietC, IOC},
      {"max(qNaN A, sNaN D)", RN, kQNaNA, kSNaND, kQuietD, IOC},
      {"max(+0, -0)", RN, kZero, kNegZero, kZero, 0},
      {"max(-0, +0)", RN, kNegZero, kZero, kZero, 0},
      {"max(-0, -0)", RN, kNegZero, kNegZero, kNegZero, 0},
      {"max of denormals", RN, kDenormMin, 0x00000002, 0x00000002, 0},
      {"FZ: max of denormals", FZ, kDenormMin, 0x00000002, kZero, IDC},
  });
  check<uint32_t>(fp::min_num<uint32_t>, fp::min_num<uint32_t>, {
      {"min(1, 2)", RN, kOne, kTwo, kOne, 0},
      {"min(qNaN, -5)", RN, kQNaNA, 0xC0A00000, 0xC0A00000, 0},
      {"min(inf, qNaN)", RN, kInf, kQNaNB, kInf, 0},
      {"min(qNaN A, qNaN B)", RN, kQNaNA, kQNaNB, kQNaNA, 0},
      {"min(+0, -0)", RN, kZero, kNegZero, kNegZero, 0},
      {"min(-0, +0)", RN, kNegZero, kZero, kNegZero, 0},
      {"min(1, sNaN D)", RN, kOne, kSNaND, kQuietD, IOC},
  });
  CHECK(outcome(RN, [](uint32_t& s) {
          return fp::max_num<uint64_t>(0x7FF8000000000000, 0xC000000000000000, s);
        }) == Outcome<uint64_t>{0xC000000000000000, 0});
}

TEST_CASE("FPRoundInt: every rounding, ties away, signed zeros, VRINTX inexact", "[fp]") {
  using R = fp::Rounding;
  const struct {
    const char* what;
    uint32_t controls, a;
    R rounding;
    bool exact;
    uint32_t value, flags;
  } cases[] = {
      // 2.5 (0x40200000) and -2.5: a tie in each direction.
      {"2.5 ties-even", RN, 0x40200000, R::TiesEven, true, 0x40000000, IXC},
      {"2.5 ties-away", RN, 0x40200000, R::TiesAway, true, 0x40400000, IXC},
      {"2.5 +inf", RN, 0x40200000, R::PlusInf, true, 0x40400000, IXC},
      {"2.5 -inf", RN, 0x40200000, R::MinusInf, true, 0x40000000, IXC},
      {"2.5 zero", RN, 0x40200000, R::Zero, true, 0x40000000, IXC},
      {"-2.5 ties-even", RN, 0xC0200000, R::TiesEven, true, 0xC0000000, IXC},
      {"-2.5 ties-away", RN, 0xC0200000, R::TiesAway, true, 0xC0400000, IXC},
      {"-2.5 +inf", RN, 0xC0200000, R::PlusInf, true, 0xC0000000, IXC},
      {"-2.5 -inf", RN, 0xC0200000, R::MinusInf, true, 0xC0400000, IXC},
      {"-2.5 zero", RN, 0xC0200000, R::Zero, true, 0xC0000000, IXC},
      {"3.5 ties-even = 4", RN, 0x40600000, R::TiesEven, true, 0x40800000, IXC},
      // -0.5 rounds to -0 (keeping the sign) or to -1.
      {"-0.5 ties-even", RN, 0xBF000000, R::TiesEven, true, kNegZero, IXC},
      {"-0.5 ties-away", RN, 0xBF000000, R::TiesAway, true, 0xBF800000, IXC},
      {"-0.5 +inf", RN, 0xBF000000, R::PlusInf, true, kNegZero, IXC},
      {"-0.5 -inf", RN, 0xBF000000, R::MinusInf, true, 0xBF800000, IXC},
      {"-0.5 zero", RN, 0xBF000000, R::Zero, true, kNegZero, IXC},
      {"0.3 +inf", RN, 0x3E99999A, R::PlusInf, true, kOne, IXC},
      {"0.3 zero", RN, 0x3E99999A, R::Zero, true, kZero, IXC},
      {"2.5 without exact: no IXC", RN, 0x40200000, R::TiesEven, false, 0x40000000, 0},
      // 2^23 - 0.5: the last single with a fraction; 8388607 is odd.
      {"2^23 - 0.5 ties-even", RN, 0x4AFFFFFF, R::TiesEven, true, 0x4B000000, IXC},
      {"2^24 + 2 is integral", RN, 0x4B800001, R::TiesEven, true, 0x4B800001, 0},
      {"3 is integral", RN, kThree, R::Zero, true, kThree, 0},
      {"sNaN C", RN, kSNaNC, R::Zero, true, kQuietC, IOC},
      {"-inf", RN, kNegInf, R::Zero, true, kNegInf, 0},
      {"-0", RN, kNegZero, R::PlusInf, true, kNegZero, 0},
      {"denormal +inf = 1", RN, kDenormMin, R::PlusInf, true, kOne, IXC},
      {"-denormal -inf = -1", RN, 0x80000001, R::MinusInf, true, 0xBF800000, IXC},
      {"FZ: denormal is zero", FZ, kDenormMin, R::PlusInf, true, kZero, IDC},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::round_int<uint32_t>(c.a, c.rounding, c.exact, s); }) ==
          Outcome<uint32_t>{c.value, c.flags});
  }
  // Double 2.5 ties away to 3; -0.5 ties to even -0.
  CHECK(outcome(RN, [](uint32_t& s) { return fp::round_int<uint64_t>(0x4004000000000000, R::TiesAway, true, s); }) ==
        Outcome<uint64_t>{0x4008000000000000, IXC});
  CHECK(outcome(RN, [](uint32_t& s) { return fp::round_int<uint64_t>(0xBFE0000000000000, R::TiesEven, true, s); }) ==
        Outcome<uint64_t>{0x8000000000000000, IXC});
}

TEST_CASE("FPToFixed: rounding, saturation with Invalid only, NaN, 16-bit and fraction bits", "[fp]") {
  using R = fp::Rounding;
  const struct {
    const char* what;
    uint32_t controls, a;
    unsigned width, fraction_bits;
    bool is_unsigned;
    R rounding;
    uint32_t value, flags;
  } cases[] = {
      {"1.5 -> s32 toward zero", RN, 0x3FC00000, 32, 0, false, R::Zero, 1, IXC},
      {"1.5 -> s32 ties-even", RN, 0x3FC00000, 32, 0, false, R::TiesEven, 2, IXC},
      {"2.5 -> s32 ties-even", RN, 0x40200000, 32, 0, false, R::TiesEven, 2, IXC},
      {"2.5 -> s32 ties-away", RN, 0x40200000, 32, 0, false, R::TiesAway, 3, IXC},
      {"-1.5 -> s32 ties-even", RN, 0xBFC00000, 32, 0, false, R::TiesEven, 0xFFFFFFFE, IXC},
      {"-1.5 -> s32 toward zero", RN, 0xBFC00000, 32, 0, false, R::Zero, 0xFFFFFFFF, IXC},
      {"-1.5 -> s32 -inf", RN, 0xBFC00000, 32, 0, false, R::MinusInf, 0xFFFFFFFE, IXC},
      {"-1.5 -> s32 +inf", RN, 0xBFC00000, 32, 0, false, R::PlusInf, 0xFFFFFFFF, IXC},
      // 2^31 is one past the largest s32 and fits u32.
      {"2^31 -> s32 saturates", RN, 0x4F000000, 32, 0, false, R::Zero, 0x7FFFFFFF, IOC},
      {"2^31 -> u32", RN, 0x4F000000, 32, 0, true, R::Zero, 0x80000000, 0},
      {"-2^31 -> s32", RN, 0xCF000000, 32, 0, false, R::Zero, 0x80000000, 0},
      {"-(2^31 + 256) -> s32 saturates", RN, 0xCF000001, 32, 0, false, R::Zero, 0x80000000, IOC},
      {"2^32 - 256 -> u32", RN, 0x4F7FFFFF, 32, 0, true, R::Zero, 0xFFFFFF00, 0},
      {"2^32 -> u32 saturates", RN, 0x4F800000, 32, 0, true, R::Zero, 0xFFFFFFFF, IOC},
      {"-1 -> u32 saturates", RN, kMinusOne, 32, 0, true, R::Zero, 0, IOC},
      // Negative values that round to 0 are in range for unsigned.
      {"-0.5 -> u32 toward zero", RN, 0xBF000000, 32, 0, true, R::Zero, 0, IXC},
      {"-0.5 -> u32 ties-even", RN, 0xBF000000, 32, 0, true, R::TiesEven, 0, IXC},
      {"-0.75 -> u32 ties-even rounds to -1", RN, 0xBF400000, 32, 0, true, R::TiesEven, 0, IOC},
      {"qNaN -> s32", RN, kQNaNA, 32, 0, false, R::Zero, 0, IOC},
      {"sNaN -> u32", RN, kSNaND, 32, 0, true, R::Zero, 0, IOC},
      {"+inf -> s32", RN, kInf, 32, 0, false, R::Zero, 0x7FFFFFFF, IOC},
      {"-inf -> s32", RN, kNegInf, 32, 0, false, R::Zero, 0x80000000, IOC},
      {"+inf -> u32", RN, kInf, 32, 0, true, R::Zero, 0xFFFFFFFF, IOC},
      {"-inf -> u32", RN, kNegInf, 32, 0, true, R::Zero, 0, IOC},
      {"-0 -> s32", RN, kNegZero, 32, 0, false, R::Zero, 0, 0},
      {"denormal -> s32 toward zero", RN, kDenormMin, 32, 0, false, R::Zero, 0, IXC},
      {"denormal -> s32 +inf", RN, kDenormMin, 32, 0, false, R::PlusInf, 1, IXC},
      {"FZ: denormal -> s32 +inf", FZ, kDenormMin, 32, 0, false, R::PlusInf, 0, IDC},
      // 16-bit: 1.0 with 8 fraction bits is 0x100; 128 * 256 = 32768 > 32767.
      {"1.0 -> s16.8", RN, kOne, 16, 8, false, R::Zero, 0x100, 0},
      {"128 -> s16.8 saturates", RN, 0x43000000, 16, 8, false, R::Zero, 0x7FFF, IOC},
      {"-128 -> s16.8, sign-extended", RN, 0xC3000000, 16, 8, false, R::Zero, 0xFFFF8000, 0},
      {"-129 -> s16.8 saturates", RN, 0xC3010000, 16, 8, false, R::Zero, 0xFFFF8000, IOC},
      {"65535/256 -> u16.8", RN, 0x437FFF00, 16, 8, true, R::Zero, 0xFFFF, 0},
      {"256 -> u16.8 saturates", RN, 0x43800000, 16, 8, true, R::Zero, 0xFFFF, IOC},
      {"-1 -> u16 saturates", RN, kMinusOne, 16, 0, true, R::Zero, 0, IOC},
      {"-1 -> s16", RN, kMinusOne, 16, 0, false, R::Zero, 0xFFFFFFFF, 0},
      // 0x3DCCCCCD = 0.100000001490116... ; * 2^16 = 6553.6000977.
      {"0.1 -> s32.16 ties-even", RN, 0x3DCCCCCD, 32, 16, false, R::TiesEven, 0x199A, IXC},
      {"0.1 -> s32.16 toward zero", RN, 0x3DCCCCCD, 32, 16, false, R::Zero, 0x1999, IXC},
      {"0.5 -> u32.32", RN, 0x3F000000, 32, 32, true, R::Zero, 0x80000000, 0},
      {"1.0 -> u32.32 saturates", RN, kOne, 32, 32, true, R::Zero, 0xFFFFFFFF, IOC},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CHECK(outcome(c.controls, [&](uint32_t& s) {
            return fp::to_fixed<uint32_t>(c.a, c.width, c.fraction_bits, c.is_unsigned, c.rounding, s);
          }) == Outcome<uint32_t>{c.value, c.flags});
  }
  // 2^31 - 0.5 (exact in double): a tie that rounds up to 2^31 and then
  // saturates (Invalid, no Inexact); toward zero it fits, inexactly.
  CHECK(outcome(RN, [](uint32_t& s) {
          return fp::to_fixed<uint64_t>(0x41DFFFFFFFE00000, 32, 0, false, R::TiesEven, s);
        }) == Outcome<uint32_t>{0x7FFFFFFF, IOC});
  CHECK(outcome(RN, [](uint32_t& s) {
          return fp::to_fixed<uint64_t>(0x41DFFFFFFFE00000, 32, 0, false, R::Zero, s);
        }) == Outcome<uint32_t>{0x7FFFFFFF, IXC});
  CHECK(outcome(RN, [](uint32_t& s) {
          return fp::to_fixed<uint64_t>(0x41EFFFFFFFE00000, 32, 0, true, R::Zero, s);  // 2^32 - 1
        }) == Outcome<uint32_t>{0xFFFFFFFF, 0});
}

TEST_CASE("FixedToFP: signedness, width, fraction bits, rounding", "[fp]") {
  using R = fp::Rounding;
  const struct {
    const char* what;
    uint32_t v;
    unsigned width, fraction_bits;
    bool is_unsigned;
    R rounding;
    uint32_t value, flags;
  } cases[] = {
      {"s32 -1", 0xFFFFFFFF, 32, 0, false, R::TiesEven, kMinusOne, 0},
      // 2^32 - 1 has 32 significant bits; those past the 24th are all ones.
      {"u32 2^32 - 1 ties-even", 0xFFFFFFFF, 32, 0, true, R::TiesEven, 0x4F800000, IXC},
      {"u32 2^32 - 1 toward zero", 0xFFFFFFFF, 32, 0, true, R::Zero, 0x4F7FFFFF, IXC},
      {"s32 -2^31", 0x80000000, 32, 0, false, R::Zero, 0xCF000000, 0},
      // 2^24 + 1: halfway between 2^24 and 2^24 + 2.
      {"2^24 + 1 ties-even", 0x01000001, 32, 0, false, R::TiesEven, 0x4B800000, IXC},
      {"2^24 + 1 ties-away", 0x01000001, 32, 0, false, R::TiesAway, 0x4B800001, IXC},
      {"2^24 + 1 +inf", 0x01000001, 32, 0, false, R::PlusInf, 0x4B800001, IXC},
      {"2^24 + 1 zero", 0x01000001, 32, 0, false, R::Zero, 0x4B800000, IXC},
      {"0x180 with 8 fraction bits = 1.5", 0x180, 32, 8, false, R::Zero, 0x3FC00000, 0},
      {"s16 0xFFFF = -1", 0xFFFF, 16, 0, false, R::Zero, kMinusOne, 0},
      {"u16 uses the low 16 bits: 65535", 0x1FFFF, 16, 0, true, R::Zero, 0x477FFF00, 0},
      {"s16.15 0x8000 = -1", 0x8000, 16, 15, false, R::Zero, kMinusOne, 0},
      // 32767 / 32768 = 1.11111111111111b * 2^-1 (fourteen ones after the point).
      {"s16.15 0x7FFF", 0x7FFF, 16, 15, false, R::Zero, 0x3F7FFE00, 0},
      {"u32.32 0x80000000 = 0.5", 0x80000000, 32, 32, true, R::Zero, 0x3F000000, 0},
      {"zero is +0", 0, 32, 0, false, R::MinusInf, kZero, 0},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CHECK(outcome(RN, [&](uint32_t& s) {
            return fp::from_fixed<uint32_t>(c.v, c.width, c.fraction_bits, c.is_unsigned, c.rounding, s);
          }) == Outcome<uint32_t>{c.value, c.flags});
  }
  // 2^32 - 1 = 1.(31 ones)b * 2^31 fits a double: exponent field 0x41E.
  CHECK(outcome(RN, [](uint32_t& s) { return fp::from_fixed<uint64_t>(0xFFFFFFFF, 32, 0, true, R::TiesEven, s); }) ==
        Outcome<uint64_t>{0x41EFFFFFFFE00000, 0});
  CHECK(outcome(RN, [](uint32_t& s) { return fp::from_fixed<uint64_t>(0x80000000, 32, 0, false, R::Zero, s); }) ==
        Outcome<uint64_t>{0xC1E0000000000000, 0});
}

TEST_CASE("FPConvert single <-> double: denormals, flush-to-zero, NaN payloads", "[fp]") {
  const struct {
    const char* what;
    uint32_t controls, a;
    uint64_t value;
    uint32_t flags;
  } widen[] = {
      {"1.0", RN, kOne, 0x3FF0000000000000, 0},
      // 2^-149 is normal in double: exponent field 1023 - 149 = 0x36A.
      {"min denormal", RN, kDenormMin, 0x36A0000000000000, 0},
      {"FZ: min denormal", FZ, kDenormMin, 0, IDC},
      // The payload moves up 29 bits: 0xA << 29 = 0x140000000.
      {"qNaN A", RN, kQNaNA, 0x7FF8000140000000, 0},
      {"sNaN D quietened", RN, kSNaND, 0xFFF80001A0000000, IOC},
      {"DN: qNaN A", DN, kQNaNA, 0x7FF8000000000000, 0},
      {"-inf", RN, kNegInf, 0xFFF0000000000000, 0},
      {"-0", RN, kNegZero, 0x8000000000000000, 0},
  };
  for (const auto& c : widen) {
    INFO(c.what);
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::f32_to_f64(c.a, s); }) ==
          Outcome<uint64_t>{c.value, c.flags});
  }
  const struct {
    const char* what;
    uint32_t controls;
    uint64_t a;
    uint32_t value, flags;
  } narrow[] = {
      {"1.0", RN, 0x3FF0000000000000, kOne, 0},
      // pi = 1.10010010000111111011010|1010001...b * 2: above half an ulp.
      {"pi RN", RN, 0x400921FB54442D18, 0x40490FDB, IXC},
      {"pi RZ", RZ, 0x400921FB54442D18, 0x40490FDA, IXC},
      {"2^-149", RN, 0x36A0000000000000, kDenormMin, 0},
      {"2^-150 ties to 0", RN, 0x3690000000000000, kZero, UFC | IXC},
      {"1.5 * 2^-150", RN, 0x3698000000000000, kDenormMin, UFC | IXC},
      {"FZ: 2^-149 flushed", FZ, 0x36A0000000000000, kZero, UFC},
      {"double denormal RN", RN, 0x0000000000000001, kZero, UFC | IXC},
      {"double denormal RP", RP, 0x0000000000000001, kDenormMin, UFC | IXC},
      {"FZ: double denormal", FZ, 0x0000000000000001, kZero, IDC},
      // (1 - 2^-25) * 2^-126 = (2^23 - 1/4) * 2^-149: tiny, rounds to 2^-126.
      {"rounds up to min normal", RN, 0x380FFFFFF0000000, kMinNormal, UFC | IXC},
      {"2^128 RN", RN, 0x47F0000000000000, kInf, OFC | IXC},
      {"2^128 RZ", RZ, 0x47F0000000000000, kMax, OFC | IXC},
      {"-2^128 RP", RP, 0xC7F0000000000000, kNegMax, OFC | IXC},
      {"qNaN with payload 0xA << 29", RN, 0x7FF8000140000000, kQNaNA, 0},
      // Narrowing keeps fraction bits 50..29: a payload below them is lost.
      {"sNaN with a low payload", RN, 0x7FF0000000000001, kDefaultNaN, IOC},
      // Fraction 0x123456789ABCD >> 29 = 0x91A2B, plus the quiet bit.
      {"negative sNaN", RN, 0xFFF123456789ABCD, 0xFFC91A2B, IOC},
      {"DN: sNaN", DN, 0xFFF123456789ABCD, kDefaultNaN, IOC},
  };
  for (const auto& c : narrow) {
    INFO(c.what);
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::f64_to_f32(c.a, s); }) ==
          Outcome<uint32_t>{c.value, c.flags});
  }
}

TEST_CASE("FPSingleToHalf/FPHalfToSingle: IEEE and alternative half precision", "[fp]") {
  const struct {
    const char* what;
    uint32_t controls, a;
    uint16_t value;
    uint32_t flags;
  } to_half[] = {
      {"1.0", RN, kOne, 0x3C00, 0},
      {"65504, the largest half", RN, 0x477FE000, 0x7BFF, 0},
      // 65520 = 1.11111111111b * 2^15: halfway between 65504 (odd) and 2^16.
      {"65520 RN overflows", RN, 0x477FF000, 0x7C00, OFC | IXC},
      {"65520 RZ", RZ, 0x477FF000, 0x7BFF, IXC},
      // AHP: exponent 31 is normal, so 2^16 is 0x7C00 and 131008 is 0x7FFF.
      {"AHP: 65520 rounds to 2^16", AHP, 0x477FF000, 0x7C00, IXC},
      {"AHP: 131008", AHP, 0x47FFE000, 0x7FFF, 0},
      {"AHP: 2^17 saturates with Invalid", AHP, 0x48000000, 0x7FFF, IOC},
      {"AHP: NaN is a signed zero", AHP, kQNaNB, 0x8000, IOC},
      {"AHP: +inf", AHP, kInf, 0x7FFF, IOC},
      {"AHP: -inf", AHP, kNegInf, 0xFFFF, IOC},
      // Fraction bits 21..13 of 0x7FC02000 are 0x001.
      {"qNaN payload", RN, 0x7FC02000, 0x7E01, 0},
      {"sNaN payload", RN, 0x7F802000, 0x7E01, IOC},
      {"DN: qNaN", DN, 0x7FC02000, 0x7E00, 0},
      {"-inf", RN, kNegInf, 0xFC00, 0},
      {"-0", RN, kNegZero, 0x8000, 0},
      {"2^-24, the smallest half", RN, 0x33800000, 0x0001, 0},
      {"2^-25 ties to 0", RN, 0x33000000, 0x0000, UFC | IXC},
      {"1.5 * 2^-25", RN, 0x33400000, 0x0001, UFC | IXC},
      {"FZ does not flush half results", FZ, 0x33800000, 0x0001, 0},
      {"FZ flushes single inputs", FZ, kDenormMin, 0x0000, IDC},
      // 2^-14 - 2^-25 = 1023.5 * 2^-24: tiny, rounds (to even) up to 2^-14.
      {"rounds up to the smallest normal half", RN, 0x387FE000, 0x0400, UFC | IXC},
  };
  for (const auto& c : to_half) {
    INFO(c.what);
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::f32_to_f16(c.a, s); }) ==
          Outcome<uint16_t>{c.value, c.flags});
  }
  const struct {
    const char* what;
    uint32_t controls;
    uint16_t a;
    uint32_t value, flags;
  } from_half[] = {
      {"1.0", RN, 0x3C00, kOne, 0},
      {"2^-24", RN, 0x0001, 0x33800000, 0},
      {"FZ does not flush half inputs", FZ, 0x0001, 0x33800000, 0},
      // 1023 * 2^-24 = 1.111111111b * 2^-15.
      {"largest denormal", RN, 0x03FF, 0x387FC000, 0},
      {"inf", RN, 0x7C00, kInf, 0},
      {"-inf", RN, 0xFC00, kNegInf, 0},
      {"qNaN payload moves up 13 bits", RN, 0x7E01, 0x7FC02000, 0},
      {"sNaN quietened", RN, 0x7C01, 0x7FC02000, IOC},
      {"negative sNaN: 0x155 << 13", RN, 0xFD55, 0xFFEAA000, IOC},
      {"DN: qNaN", DN, 0x7E01, kDefaultNaN, 0},
      {"AHP: 0x7C00 = 2^16", AHP, 0x7C00, 0x47800000, 0},
      {"AHP: 0x7FFF = 131008", AHP, 0x7FFF, 0x47FFE000, 0},
      {"AHP: 0xFFFF = -131008", AHP, 0xFFFF, 0xC7FFE000, 0},
      {"-0", RN, 0x8000, kNegZero, 0},
  };
  for (const auto& c : from_half) {
    INFO(c.what);
    CHECK(outcome(c.controls, [&](uint32_t& s) { return fp::f16_to_f32(c.a, s); }) ==
          Outcome<uint32_t>{c.value, c.flags});
  }
}

TEST_CASE("Double <-> half: one rounding, NaN payloads, AHP", "[fp]") {
  CHECK(outcome(RN, [](uint32_t& s) { return fp::f64_to_f16(0x3FF0000000000000, s); }) ==
        Outcome<uint16_t>{0x3C00, 0});
  // 1 + 2^-11 + 2^-40 is just above halfway between 1 and 1 + 2^-10; going
  // through single first would round to 1 + 2^-11 and then tie to 1.
  CHECK(outcome(RN, [](uint32_t& s) { return fp::f64_to_f16(0x3FF0020000001000, s); }) ==
        Outcome<uint16_t>{0x3C01, IXC});
  // Fraction bits 50..42 survive: none in 0x...0001, 0x100 in 0x4000000000000.
  CHECK(outcome(RN, [](uint32_t& s) { return fp::f64_to_f16(0x7FF8000000000001, s); }) ==
        Outcome<uint16_t>{0x7E00, 0});
  CHECK(outcome(RN, [](uint32_t& s) { return fp::f64_to_f16(0x7FF4000000000000, s); }) ==
        Outcome<uint16_t>{0x7F00, IOC});
  CHECK(outcome(AHP, [](uint32_t& s) { return fp::f64_to_f16(0x7FF8000000000000, s); }) ==
        Outcome<uint16_t>{0x0000, IOC});
  CHECK(outcome(AHP, [](uint32_t& s) { return fp::f64_to_f16(0xFFF0000000000000, s); }) ==
        Outcome<uint16_t>{0xFFFF, IOC});
  CHECK(outcome(FZ, [](uint32_t& s) { return fp::f64_to_f16(0x0000000000000001, s); }) ==
        Outcome<uint16_t>{0x0000, IDC});

  CHECK(outcome(RN, [](uint32_t& s) { return fp::f16_to_f64(0x3C00, s); }) ==
        Outcome<uint64_t>{0x3FF0000000000000, 0});
  // Payload 0x001 moves up 42 bits.
  CHECK(outcome(RN, [](uint32_t& s) { return fp::f16_to_f64(0x7E01, s); }) ==
        Outcome<uint64_t>{0x7FF8040000000000, 0});
  // 2^-24: exponent field 1023 - 24 = 0x3E7.
  CHECK(outcome(RN, [](uint32_t& s) { return fp::f16_to_f64(0x0001, s); }) ==
        Outcome<uint64_t>{0x3E70000000000000, 0});
  // 131008 = 1.1111111111b * 2^16: exponent field 0x40F.
  CHECK(outcome(AHP, [](uint32_t& s) { return fp::f16_to_f64(0x7FFF, s); }) ==
        Outcome<uint64_t>{0x40FFFC0000000000, 0});
}
