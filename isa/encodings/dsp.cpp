// ARMv7E-M DSP extension encodings (A5.3.13-A5.3.16): the subset newlib's
// ARMv7E-M string routines use; the DSP issue completes the group.
#include <array>

#include "isa/encoding.hpp"
#include "isa/encodings/fields.hpp"
#include "isa/exec/dsp.hpp"
#include "isa/features.hpp"

namespace isa {
namespace {
using namespace enc;
namespace x = exec;

constexpr bool sp_or_pc(uint8_t r) { return r == 13 || r == 15; }

bool rd_rn_rm32(uint32_t raw, Decoded& d) {
  d.rd = rd32(raw);
  d.rn = rn32(raw);
  d.rm = rm32(raw);
  return !sp_or_pc(d.rd) && !sp_or_pc(d.rn) && !sp_or_pc(d.rm);
}
bool extend_add32(uint32_t raw, Decoded& d) {
  rd_rn_rm32(raw, d);
  d.shift_n = static_cast<uint8_t>(bits<5, 4>(raw) * 8);
  return !sp_or_pc(d.rd) && d.rn != 13 && !sp_or_pc(d.rm);
}

constexpr uint32_t dsp = kV7M | kDsp;

constexpr std::array kRows{
    Encoding{"UADD8 T1", pattern("11111010 1000 nnnn | 1111 dddd 0100 mmmm"), rd_rn_rm32, x::uadd8, dsp, OpClass::Simd},
    Encoding{"SEL T1", pattern("11111010 1010 nnnn | 1111 dddd 1000 mmmm"), rd_rn_rm32, x::sel, dsp, OpClass::Simd},
    Encoding{"UXTAH T1", pattern("11111010 0 001 nnnn | 1111 dddd 10 rr mmmm"), extend_add32, x::uxtah, dsp, OpClass::IntAlu},
};
}  // namespace

std::span<const Encoding> dsp_encodings() { return kRows; }

}  // namespace isa
