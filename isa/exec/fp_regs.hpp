// S/D register access and sign-bit helpers shared by the FP handlers.
#pragma once
#include <cstdint>

#include "isa/cpu.hpp"
#include "isa/exec/fp.hpp"
#include "isa/fp/arith.hpp"

namespace isa::exec {

template <class F>
F fp_get(const Cpu& c, unsigned n) {
  if constexpr (sizeof(F) == 4)
    return c.state().sreg[n];
  else
    return c.state().dreg(n);
}

template <class F>
void fp_put(Cpu& c, unsigned n, F v) {
  if constexpr (sizeof(F) == 4)
    c.state().sreg[n] = v;
  else
    c.state().set_dreg(n, v);
}

template <class F> constexpr F kSignBit = F{1} << (8 * sizeof(F) - 1);
// FPNeg/FPAbs: bit operations, NaNs included (A2.5.4).
template <class F> constexpr F fp_neg(F v) { return v ^ kSignBit<F>; }
template <class F> constexpr F fp_abs(F v) { return v & ~kSignBit<F>; }

inline fp::Rounding resolve(RoundBy r, uint32_t fpscr) {
  switch (r) {
    case RoundBy::Fpscr: return fp::rounding_of(fpscr);
    case RoundBy::TiesEven: return fp::Rounding::TiesEven;
    case RoundBy::PlusInf: return fp::Rounding::PlusInf;
    case RoundBy::MinusInf: return fp::Rounding::MinusInf;
    case RoundBy::Zero: return fp::Rounding::Zero;
    case RoundBy::TiesAway: return fp::Rounding::TiesAway;
  }
  return fp::Rounding::TiesEven;
}

}  // namespace isa::exec
