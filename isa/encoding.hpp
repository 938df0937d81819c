// Encodings are data: each row pairs a bit pattern (as in the ARM ARM's
// encoding diagrams) with a decode function that extracts operands and the
// shared handler that executes them. Patterns are parsed at compile time.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

#include "isa/decoded.hpp"
#include "isa/work.hpp"

namespace isa {

struct Pattern {
  uint32_t mask = 0;
  uint32_t value = 0;
  uint8_t width = 0;  // 16 or 32

  constexpr bool matches(uint32_t raw) const { return (raw & mask) == value; }
  constexpr int fixed_bits() const { return __builtin_popcount(mask); }
};

// '0'/'1' are fixed bits, any letter is an operand bit, spaces and '|' are
// separators. 32-bit patterns are hw1 then hw2, as the manual draws them.
consteval Pattern pattern(std::string_view s) {
  Pattern p;
  for (char ch : s) {
    if (ch == ' ' || ch == '|') continue;
    if (p.width == 32) throw "pattern longer than 32 bits";
    p.mask <<= 1;
    p.value <<= 1;
    if (ch == '0' || ch == '1') {
      p.mask |= 1;
      p.value |= (ch == '1');
    }
    ++p.width;
  }
  if (p.width != 16 && p.width != 32) throw "pattern must be 16 or 32 bits";
  return p;
}

// Operation class: what timing and energy models key on (gem5's OpClass).
enum class OpClass : uint8_t {
  IntAlu,
  IntMul,
  IntMulLong,
  IntDiv,
  Load,
  Store,
  LoadMultiple,
  StoreMultiple,
  Branch,
  System,
  Hint,
  Simd,
  FloatAdd,   // VADD, VSUB, VABS, VNEG, VMAXNM, VMINNM, VSEL, VRINT
  FloatMul,   // VMUL, VNMUL
  FloatMac,   // VMLA, VMLS, VNMLA, VNMLS (chained), VFMA and friends (fused)
  FloatDiv,
  FloatSqrt,
  FloatCmp,   // VCMP{E}
  FloatCvt,   // VCVT in all forms
  FloatMove,  // VMOV, VMRS, VMSR
  Undefined,
};

// The FP arithmetic, compare, convert and move classes (FloatAdd..FloatMove).
constexpr bool is_float(OpClass c) { return c >= OpClass::FloatAdd && c <= OpClass::FloatMove; }

// Extracts operands; returns false where the manual says UNPREDICTABLE or
// UNDEFINED for this encoding (edgesim then raises UNDEFINSTR).
using DecodeFn = bool (*)(uint32_t raw, Decoded& d);

struct Encoding {
  std::string_view name;  // mnemonic and encoding, e.g. "ADD (imm) T3"
  Pattern pattern;
  DecodeFn decode;
  ExecFn exec;
  uint32_t features;  // isa::Feature bits the core must have
  OpClass op_class;
  // The arithmetic one execution does, for the energy model: fixed per row,
  // so the core only counts executions per row (isa/encodings/row_work.hpp
  // has the rules; tests/isa/test_work.cpp checks it against op_class).
  Work work{};
};

// Each instruction group contributes its rows (16- and 32-bit alike).
std::span<const Encoding> data_processing_encodings();
std::span<const Encoding> multiply_divide_encodings();
std::span<const Encoding> load_store_encodings();
std::span<const Encoding> branch_encodings();
std::span<const Encoding> misc_encodings();
std::span<const Encoding> dsp_encodings();
std::span<const Encoding> fp_encodings();

}  // namespace isa
