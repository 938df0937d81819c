// A decoded instruction: the handler that executes it and the operands its
// encoding supplied. One handler serves every encoding of an operation; the
// encoding's decode function normalises fields into this shape.
#pragma once
#include <cstdint>

#include "isa/bits.hpp"
#include "isa/timing/timing.hpp"

namespace isa {

class Cpu;
struct Decoded;
using ExecFn = void (*)(Cpu&, const Decoded&);

// 16-bit data-processing encodings set flags only outside an IT block.
enum class SetFlags : uint8_t { No, Yes, OutsideIt };

struct Decoded {
  ExecFn exec = nullptr;
  uint32_t imm = 0;  // immediate, offset, register list or branch offset
  uint8_t rd = 0, rn = 0, rm = 0;
  uint8_t ra = 0;  // accumulator, RdHi, or Rt2
  ShiftType shift = ShiftType::LSL;
  uint8_t shift_n = 0;
  SetFlags setflags = SetFlags::No;
  uint8_t cond = 0xE;        // condition of B<c>
  bool imm_carry = false;    // ThumbExpandImm rotated: carry-out is imm<31>
  bool use_imm = false;      // second operand is imm (else shifted Rm)
  bool add = true;           // U: add offset
  bool index = true;         // P: offset applied before the access
  bool wback = false;        // W: write the address back
  uint8_t size = 2;          // encoding length in bytes
  uint16_t row = 0;          // the encoding table row that matched
  timing::InstrTiming timing;  // filled in by the core's timing model
};

}  // namespace isa
