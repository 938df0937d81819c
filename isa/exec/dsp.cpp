#include "isa/exec/dsp.hpp"

#include "isa/cpu.hpp"

namespace isa::exec {

void uadd8(Cpu& c, const Decoded& d) {
  const uint32_t n = c.reg(d.rn), m = c.reg(d.rm);
  uint32_t result = 0;
  uint8_t ge = 0;
  for (unsigned lane = 0; lane < 4; ++lane) {
    const uint32_t sum = ((n >> (8 * lane)) & 0xFF) + ((m >> (8 * lane)) & 0xFF);
    result |= (sum & 0xFF) << (8 * lane);
    if (sum >= 0x100) ge |= 1u << lane;
  }
  c.write_reg(d.rd, result);
  c.state().ge = ge;
}

void sel(Cpu& c, const Decoded& d) {
  const uint32_t n = c.reg(d.rn), m = c.reg(d.rm);
  uint32_t result = 0;
  for (unsigned lane = 0; lane < 4; ++lane) {
    const uint32_t mask = 0xFFu << (8 * lane);
    result |= ((c.state().ge >> lane) & 1) ? (n & mask) : (m & mask);
  }
  c.write_reg(d.rd, result);
}

void uxtah(Cpu& c, const Decoded& d) { c.write_reg(d.rd, c.reg(d.rn) + (ror32(c.reg(d.rm), d.shift_n) & 0xFFFF)); }

}  // namespace isa::exec
