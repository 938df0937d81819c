// FP conversions: with 32-bit integers (VCVT rounds toward zero, VCVTR per
// FPSCR, FPv5's VCVT{A,N,P,M} as named), with 16/32-bit fixed point in place
// (to fixed rounds toward zero, from fixed to nearest), between single and
// double precision, and with half precision (VCVTB/VCVTT).
#include "isa/exec/fp.hpp"
#include "isa/exec/fp_regs.hpp"

namespace isa::exec {

namespace {
RoundBy round_by(const Decoded& d) { return static_cast<RoundBy>(d.imm & 0xFF); }
bool is_unsigned(const Decoded& d) { return d.imm & kUnsigned; }
}  // namespace

// Sd = the integer value of Vm.
template <class F> void FpConvert<F>::to_int(Cpu& c, const Decoded& d) {
  c.fp_check();
  uint32_t& fpscr = c.state().fpscr;
  const fp::Rounding r = resolve(round_by(d), fpscr);
  c.state().sreg[d.rd] = fp::to_fixed(fp_get<F>(c, d.rm), 32, 0, is_unsigned(d), r, fpscr);
}

// Vd = the value of the integer in Sm, rounded per FPSCR.
template <class F> void FpConvert<F>::from_int(Cpu& c, const Decoded& d) {
  c.fp_check();
  uint32_t& fpscr = c.state().fpscr;
  const uint32_t v = c.state().sreg[d.rm];
  fp_put<F>(c, d.rd, fp::from_fixed<F>(v, 32, 0, is_unsigned(d), fp::rounding_of(fpscr), fpscr));
}

// Vd = Vd as fixed point with imm fraction bits, sign- or zero-extended.
template <class F> void FpConvert<F>::to_fixed(Cpu& c, const Decoded& d) {
  c.fp_check();
  uint32_t& fpscr = c.state().fpscr;
  const unsigned fraction_bits = d.imm & 0xFF;
  const uint32_t v = fp::to_fixed(fp_get<F>(c, d.rd), d.shift_n, fraction_bits, is_unsigned(d),
                                  fp::Rounding::Zero, fpscr);
  if constexpr (sizeof(F) == 4)
    fp_put<F>(c, d.rd, v);
  else
    fp_put<F>(c, d.rd, is_unsigned(d) ? uint64_t{v} : static_cast<uint64_t>(int64_t{static_cast<int32_t>(v)}));
}

// Vd = the fixed-point value in Vd's low shift_n bits.
template <class F> void FpConvert<F>::from_fixed(Cpu& c, const Decoded& d) {
  c.fp_check();
  uint32_t& fpscr = c.state().fpscr;
  const unsigned fraction_bits = d.imm & 0xFF;
  const auto v = static_cast<uint32_t>(fp_get<F>(c, d.rd));
  fp_put<F>(c, d.rd,
            fp::from_fixed<F>(v, d.shift_n, fraction_bits, is_unsigned(d), fp::Rounding::TiesEven, fpscr));
}

// One half of Sd = Vm in half precision; the other half is kept.
template <class F> void FpConvert<F>::to_half(Cpu& c, const Decoded& d) {
  c.fp_check();
  uint32_t& fpscr = c.state().fpscr;
  uint16_t h = 0;
  if constexpr (sizeof(F) == 4)
    h = fp::f32_to_f16(fp_get<F>(c, d.rm), fpscr);
  else
    h = fp::f64_to_f16(fp_get<F>(c, d.rm), fpscr);
  uint32_t& sd = c.state().sreg[d.rd];
  sd = (sd & ~(0xFFFFu << d.imm)) | (uint32_t{h} << d.imm);
}

// Vd = the half-precision value in one half of Sm.
template <class F> void FpConvert<F>::from_half(Cpu& c, const Decoded& d) {
  c.fp_check();
  uint32_t& fpscr = c.state().fpscr;
  const auto h = static_cast<uint16_t>(c.state().sreg[d.rm] >> d.imm);
  if constexpr (sizeof(F) == 4)
    fp_put<F>(c, d.rd, fp::f16_to_f32(h, fpscr));
  else
    fp_put<F>(c, d.rd, fp::f16_to_f64(h, fpscr));
}

void cvt_f64_f32(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.state().set_dreg(d.rd, fp::f32_to_f64(c.state().sreg[d.rm], c.state().fpscr));
}

void cvt_f32_f64(Cpu& c, const Decoded& d) {
  c.fp_check();
  c.state().sreg[d.rd] = fp::f64_to_f32(c.state().dreg(d.rm), c.state().fpscr);
}

template struct FpConvert<uint32_t>;
template struct FpConvert<uint64_t>;

}  // namespace isa::exec
