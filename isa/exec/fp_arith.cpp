// FP data processing: arithmetic, multiply-accumulate, bit operations,
// compares and the FPv5 selects, min/max and round-to-integral.
#include "isa/exec/fp.hpp"
#include "isa/exec/fp_regs.hpp"

namespace isa::exec {

namespace {
// Operands of the three-register forms, after ExecuteFPCheck().
template <class F>
struct Operands {
  F n, m;
  uint32_t& fpscr;
};
template <class F>
Operands<F> operands(Cpu& c, const Decoded& d) {
  c.fp_check();
  return {fp_get<F>(c, d.rn), fp_get<F>(c, d.rm), c.state().fpscr};
}
}  // namespace

template <class F> void FpArith<F>::add(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::add(o.n, o.m, o.fpscr));
}
template <class F> void FpArith<F>::sub(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::sub(o.n, o.m, o.fpscr));
}
template <class F> void FpArith<F>::mul(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::mul(o.n, o.m, o.fpscr));
}
template <class F> void FpArith<F>::nmul(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp_neg(fp::mul(o.n, o.m, o.fpscr)));
}
template <class F> void FpArith<F>::div(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::div(o.n, o.m, o.fpscr));
}
template <class F> void FpArith<F>::sqrt(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::sqrt(o.m, o.fpscr));
}

// VMLA: Vd + Vn*Vm; VMLS: Vd - Vn*Vm; VNMLA: -Vd - Vn*Vm; VNMLS: -Vd + Vn*Vm.
// The product is rounded (and raises its flags) before the addition.
template <class F> void FpArith<F>::mla(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  const F product = fp::mul(o.n, o.m, o.fpscr);
  fp_put<F>(c, d.rd, fp::add(fp_get<F>(c, d.rd), product, o.fpscr));
}
template <class F> void FpArith<F>::mls(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  const F product = fp::mul(o.n, o.m, o.fpscr);
  fp_put<F>(c, d.rd, fp::add(fp_get<F>(c, d.rd), fp_neg(product), o.fpscr));
}
template <class F> void FpArith<F>::nmla(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  const F product = fp::mul(o.n, o.m, o.fpscr);
  fp_put<F>(c, d.rd, fp::add(fp_neg(fp_get<F>(c, d.rd)), fp_neg(product), o.fpscr));
}
template <class F> void FpArith<F>::nmls(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  const F product = fp::mul(o.n, o.m, o.fpscr);
  fp_put<F>(c, d.rd, fp::add(fp_neg(fp_get<F>(c, d.rd)), product, o.fpscr));
}

// VFMA: Vd + Vn*Vm; VFMS: Vd + (-Vn)*Vm; VFNMA: -Vd + (-Vn)*Vm;
// VFNMS: -Vd + Vn*Vm, each rounded once (FPMulAdd).
template <class F> void FpArith<F>::fma(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::mul_add(fp_get<F>(c, d.rd), o.n, o.m, o.fpscr));
}
template <class F> void FpArith<F>::fms(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::mul_add(fp_get<F>(c, d.rd), fp_neg(o.n), o.m, o.fpscr));
}
template <class F> void FpArith<F>::fnma(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::mul_add(fp_neg(fp_get<F>(c, d.rd)), fp_neg(o.n), o.m, o.fpscr));
}
template <class F> void FpArith<F>::fnms(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::mul_add(fp_neg(fp_get<F>(c, d.rd)), o.n, o.m, o.fpscr));
}

template <class F> void FpArith<F>::abs(Cpu& c, const Decoded& d) {
  c.fp_check();
  fp_put<F>(c, d.rd, fp_abs(fp_get<F>(c, d.rm)));
}
template <class F> void FpArith<F>::neg(Cpu& c, const Decoded& d) {
  c.fp_check();
  fp_put<F>(c, d.rd, fp_neg(fp_get<F>(c, d.rm)));
}
template <class F> void FpArith<F>::mov(Cpu& c, const Decoded& d) {
  c.fp_check();
  fp_put<F>(c, d.rd, fp_get<F>(c, d.rm));
}
template <class F> void FpArith<F>::mov_imm(Cpu& c, const Decoded& d) {
  c.fp_check();
  // A double's VFPExpandImm() has only zeros below its top word.
  fp_put<F>(c, d.rd, sizeof(F) == 4 ? F{d.imm} : F{d.imm} << (sizeof(F) * 4));
}

template <class F> void FpArith<F>::cmp(Cpu& c, const Decoded& d) {
  c.fp_check();
  uint32_t& fpscr = c.state().fpscr;
  const F m = (d.imm & kWithZero) ? F{0} : fp_get<F>(c, d.rm);
  const uint32_t nzcv = fp::compare(fp_get<F>(c, d.rd), m, d.imm & kSignalQuietNan, fpscr);
  fpscr = (fpscr & ~fp::kNzcvMask) | nzcv;
}

template <class F> void FpArith<F>::sel(Cpu& c, const Decoded& d) {
  c.fp_check();
  fp_put<F>(c, d.rd, fp_get<F>(c, c.condition_passed(d.cond) ? d.rn : d.rm));
}
template <class F> void FpArith<F>::maxnm(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::max_num(o.n, o.m, o.fpscr));
}
template <class F> void FpArith<F>::minnm(Cpu& c, const Decoded& d) {
  auto o = operands<F>(c, d);
  fp_put<F>(c, d.rd, fp::min_num(o.n, o.m, o.fpscr));
}

template <class F> void FpArith<F>::rint(Cpu& c, const Decoded& d) {
  c.fp_check();
  uint32_t& fpscr = c.state().fpscr;
  const fp::Rounding r = resolve(static_cast<RoundBy>(d.imm & 0xFF), fpscr);
  fp_put<F>(c, d.rd, fp::round_int(fp_get<F>(c, d.rm), r, d.imm & kExact, fpscr));
}

template struct FpArith<uint32_t>;
template struct FpArith<uint64_t>;

}  // namespace isa::exec
