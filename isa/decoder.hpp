// Table-driven decoder: finds the most specific encoding row matching an
// instruction word and lets it extract operands. Feature gating per core
// happens here, in one place.
#pragma once
#include <cstdint>
#include <vector>

#include "isa/encoding.hpp"
#include "isa/features.hpp"

namespace isa {

class Decoder {
 public:
  explicit Decoder(const CoreProfile& profile);

  // raw is hw1 for 16-bit instructions, hw1<<16 | hw2 for 32-bit ones.
  Decoded decode(uint32_t raw, bool wide) const;

  // All rows of every group, in table order; Decoded::row indexes this.
  static const std::vector<Encoding>& rows();
  static const Encoding& row(uint16_t i) { return rows()[i]; }
  // The row used for an encoding that matches nothing.
  static uint16_t undefined_row();

  static bool is_wide(uint16_t hw1) { return (hw1 >> 11) >= 0x1D; }

 private:
  uint32_t features_;
  std::vector<uint16_t> narrow_;  // 65536 entries: hw -> row
  std::vector<uint16_t> wide_order_;  // 32-bit rows, most specific first
};

// Handler for encodings that decode to nothing the core implements.
void undefined_instruction(Cpu& cpu, const Decoded& d);

}  // namespace isa
