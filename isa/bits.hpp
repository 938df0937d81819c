// Bit-level helpers from the ARMv7-M ARM pseudocode (A2.2): shifts with
// carry-out, AddWithCarry, ThumbExpandImm, saturation. Pure functions.
#pragma once
#include <cstdint>

namespace isa {

enum class ShiftType : uint8_t { LSL = 0, LSR = 1, ASR = 2, ROR = 3, RRX = 4 };

template <unsigned hi, unsigned lo>
constexpr uint32_t bits(uint32_t v) {
  static_assert(hi >= lo && hi < 32);
  return (v >> lo) & ((hi - lo == 31) ? 0xFFFFFFFFu : ((1u << (hi - lo + 1)) - 1));
}
template <unsigned n>
constexpr uint32_t bit(uint32_t v) { return (v >> n) & 1u; }

constexpr int32_t sign_extend(uint32_t v, unsigned width) {
  const uint32_t m = 1u << (width - 1);
  v &= (width == 32) ? 0xFFFFFFFFu : ((1u << width) - 1);
  return static_cast<int32_t>((v ^ m) - m);
}

constexpr uint32_t ror32(uint32_t v, unsigned n) {
  n &= 31;
  return n ? (v >> n) | (v << (32 - n)) : v;
}

struct ValueCarry {
  uint32_t value;
  bool carry;
};

// Shift_C(): amount 0 returns the value unchanged with carry_in (A2.2.2).
// Amounts may exceed 32 (register-controlled shifts use the bottom byte).
constexpr ValueCarry shift_c(uint32_t v, ShiftType type, unsigned amount, bool carry_in) {
  if (amount == 0 && type != ShiftType::RRX) return {v, carry_in};
  switch (type) {
    case ShiftType::LSL:
      if (amount < 32) return {v << amount, ((v >> (32 - amount)) & 1u) != 0};
      if (amount == 32) return {0, (v & 1u) != 0};
      return {0, false};
    case ShiftType::LSR:
      if (amount < 32) return {v >> amount, ((v >> (amount - 1)) & 1u) != 0};
      if (amount == 32) return {0, (v >> 31) != 0};
      return {0, false};
    case ShiftType::ASR: {
      if (amount >= 32) {
        const bool s = (v >> 31) != 0;
        return {s ? 0xFFFFFFFFu : 0u, s};
      }
      const auto sv = static_cast<int32_t>(v);
      return {static_cast<uint32_t>(sv >> amount), ((v >> (amount - 1)) & 1u) != 0};
    }
    case ShiftType::ROR: {
      const uint32_t r = ror32(v, amount & 31);
      return {r, (r >> 31) != 0};
    }
    case ShiftType::RRX:
      return {(v >> 1) | (carry_in ? 0x80000000u : 0u), (v & 1u) != 0};
  }
  return {v, carry_in};
}

// DecodeImmShift() (A7.4.2): the immediate-shift encodings' (type, imm5) pair.
struct ImmShift {
  ShiftType type;
  uint8_t amount;
};
constexpr ImmShift decode_imm_shift(uint32_t type, uint32_t imm5) {
  switch (type & 3) {
    case 0: return {ShiftType::LSL, static_cast<uint8_t>(imm5)};
    case 1: return {ShiftType::LSR, static_cast<uint8_t>(imm5 ? imm5 : 32)};
    case 2: return {ShiftType::ASR, static_cast<uint8_t>(imm5 ? imm5 : 32)};
    default: return imm5 ? ImmShift{ShiftType::ROR, static_cast<uint8_t>(imm5)} : ImmShift{ShiftType::RRX, 1};
  }
}

struct AddResult {
  uint32_t value;
  bool carry;
  bool overflow;
};
constexpr AddResult add_with_carry(uint32_t a, uint32_t b, bool carry_in) {
  const uint64_t usum = uint64_t{a} + b + (carry_in ? 1 : 0);
  const int64_t ssum = int64_t{static_cast<int32_t>(a)} + static_cast<int32_t>(b) + (carry_in ? 1 : 0);
  const auto r = static_cast<uint32_t>(usum);
  return {r, (usum >> 32) != 0, static_cast<int64_t>(static_cast<int32_t>(r)) != ssum};
}

// ThumbExpandImm_C() (A5.3.2). When the encoding does not rotate, the carry
// flag is left as it was: `rotates` tells the caller which case applies.
struct ExpandedImm {
  uint32_t value;
  bool rotates;  // carry-out is bit 31 of value when true, else APSR.C unchanged
  bool valid;    // false for the UNPREDICTABLE zero-byte patterns
};
constexpr ExpandedImm thumb_expand_imm(uint32_t imm12) {
  const uint32_t b = imm12 & 0xFF;
  if ((imm12 >> 10) == 0) {
    switch ((imm12 >> 8) & 3) {
      case 0: return {b, false, true};
      case 1: return {(b << 16) | b, false, b != 0};
      case 2: return {(b << 24) | (b << 8), false, b != 0};
      default: return {(b << 24) | (b << 16) | (b << 8) | b, false, b != 0};
    }
  }
  const uint32_t unrotated = 0x80u | (imm12 & 0x7F);
  return {ror32(unrotated, (imm12 >> 7) & 0x1F), true, true};
}

// SignedSatQ / UnsignedSatQ (A2.2.3).
struct SatResult {
  uint32_t value;
  bool saturated;
};
constexpr SatResult signed_sat(int64_t v, unsigned n) {
  const int64_t hi = (int64_t{1} << (n - 1)) - 1, lo = -(int64_t{1} << (n - 1));
  if (v > hi) return {static_cast<uint32_t>(hi), true};
  if (v < lo) return {static_cast<uint32_t>(lo), true};
  return {static_cast<uint32_t>(v), false};
}
constexpr SatResult unsigned_sat(int64_t v, unsigned n) {
  const int64_t hi = (n == 32) ? int64_t{0xFFFFFFFF} : (int64_t{1} << n) - 1;
  if (v > hi) return {static_cast<uint32_t>(hi), true};
  if (v < 0) return {0, true};
  return {static_cast<uint32_t>(v), false};
}

}  // namespace isa
