// Private to isa/fp (and its tests): the software path of the arithmetic in
// arith.hpp, a direct rendering of the pseudocode that never touches the
// host FPU. The public functions try the fast path (fast_path.hpp) first;
// tests call these directly to hold the two against each other.
#pragma once
#include <cstdint>

namespace isa::fp::soft {

template <class F> F add(F a, F b, uint32_t& fpscr);
template <class F> F sub(F a, F b, uint32_t& fpscr);
template <class F> F mul(F a, F b, uint32_t& fpscr);
template <class F> F div(F a, F b, uint32_t& fpscr);
template <class F> F sqrt(F a, uint32_t& fpscr);
template <class F> F mul_add(F addend, F a, F b, uint32_t& fpscr);

}  // namespace isa::fp::soft
