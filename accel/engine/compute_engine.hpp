// The datapath behind the accelerator's control: runs array passes and
// says how many accelerator cycles each took. Two implementations behind
// this one interface (accel.impl): the C++ model with the timing formulas
// of array_timing.hpp, and the Verilated RTL, which counts its own clock
// edges. Tests hold the two to identical outputs and cycles.
#pragma once
#include <cstdint>
#include <span>

#include "accel/model/array.hpp"

namespace accel::engine {

struct PassCycles {
  uint64_t total = 0;       // from the pass's start to its last output written
  uint64_t mac_active = 0;  // cycles in which at least one MAC accumulated
};

class ComputeEngine {
 public:
  virtual ~ComputeEngine() = default;
  virtual model::ArrayShape shape() const = 0;
  virtual PassCycles matmul(const model::MatmulJob& job, std::span<int8_t> out) = 0;
  virtual PassCycles add(const model::AddJob& job, std::span<int8_t> out) = 0;
};

}  // namespace accel::engine
