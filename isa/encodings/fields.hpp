// Field extraction for encoding decode functions. 32-bit encodings arrive as
// hw1<<16 | hw2, so a field drawn in hw1 at bits [h:l] sits at [h+16:l+16].
#pragma once
#include <cstdint>

#include "isa/bits.hpp"
#include "isa/decoded.hpp"

namespace isa::enc {

constexpr uint8_t r3(uint32_t raw, unsigned lo) { return static_cast<uint8_t>((raw >> lo) & 7); }
constexpr uint8_t r4(uint32_t raw, unsigned lo) { return static_cast<uint8_t>((raw >> lo) & 15); }

// Common 32-bit positions.
constexpr uint8_t rn32(uint32_t raw) { return r4(raw, 16); }
constexpr uint8_t rd32(uint32_t raw) { return r4(raw, 8); }
constexpr uint8_t rm32(uint32_t raw) { return r4(raw, 0); }
constexpr uint8_t rt32(uint32_t raw) { return r4(raw, 12); }
constexpr bool s_bit(uint32_t raw) { return (raw >> 20) & 1; }

// i:imm3:imm8
constexpr uint32_t imm12(uint32_t raw) { return (bit<26>(raw) << 11) | (bits<14, 12>(raw) << 8) | bits<7, 0>(raw); }
// imm4:i:imm3:imm8
constexpr uint32_t imm16(uint32_t raw) { return (bits<19, 16>(raw) << 12) | imm12(raw); }
// imm3:imm2, the shift amount / lsb of shifted-register and bitfield forms
constexpr uint32_t imm5_32(uint32_t raw) { return (bits<14, 12>(raw) << 2) | bits<7, 6>(raw); }

inline void set_shift(Decoded& d, uint32_t type, uint32_t imm5) {
  const ImmShift s = decode_imm_shift(type, imm5);
  d.shift = s.type;
  d.shift_n = s.amount;
}

// SP or PC: the registers most 32-bit encodings make UNPREDICTABLE as
// operands (the manual's BadReg()).
constexpr bool sp_or_pc(uint8_t r) { return r == 13 || r == 15; }

inline SetFlags flags_if(bool s) { return s ? SetFlags::Yes : SetFlags::No; }

}  // namespace isa::enc
