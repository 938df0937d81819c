// The public arithmetic of arith.hpp: the fast path where it provably gives
// the Arm result, else the software path.
#include "isa/fp/arith.hpp"

#include "isa/fp/fast_path.hpp"
#include "isa/fp/soft.hpp"

namespace isa::fp {

template <class F>
F add(F a, F b, uint32_t& fpscr) {
  if (const auto r = fast::add(a, b, fpscr)) return *r;
  return soft::add(a, b, fpscr);
}

template <class F>
F sub(F a, F b, uint32_t& fpscr) {
  if (const auto r = fast::sub(a, b, fpscr)) return *r;
  return soft::sub(a, b, fpscr);
}

template <class F>
F mul(F a, F b, uint32_t& fpscr) {
  if (const auto r = fast::mul(a, b, fpscr)) return *r;
  return soft::mul(a, b, fpscr);
}

template <class F>
F div(F a, F b, uint32_t& fpscr) {
  if (const auto r = fast::div(a, b, fpscr)) return *r;
  return soft::div(a, b, fpscr);
}

template <class F>
F sqrt(F a, uint32_t& fpscr) {
  if (const auto r = fast::sqrt(a, fpscr)) return *r;
  return soft::sqrt(a, fpscr);
}

template <class F>
F mul_add(F addend, F a, F b, uint32_t& fpscr) {
  if (const auto r = fast::mul_add(addend, a, b, fpscr)) return *r;
  return soft::mul_add(addend, a, b, fpscr);
}

template uint32_t add<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint32_t sub<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint32_t mul<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint32_t div<uint32_t>(uint32_t, uint32_t, uint32_t&);
template uint32_t sqrt<uint32_t>(uint32_t, uint32_t&);
template uint32_t mul_add<uint32_t>(uint32_t, uint32_t, uint32_t, uint32_t&);
template uint64_t add<uint64_t>(uint64_t, uint64_t, uint32_t&);
template uint64_t sub<uint64_t>(uint64_t, uint64_t, uint32_t&);
template uint64_t mul<uint64_t>(uint64_t, uint64_t, uint32_t&);
template uint64_t div<uint64_t>(uint64_t, uint64_t, uint32_t&);
template uint64_t sqrt<uint64_t>(uint64_t, uint32_t&);
template uint64_t mul_add<uint64_t>(uint64_t, uint64_t, uint64_t, uint32_t&);

}  // namespace isa::fp
