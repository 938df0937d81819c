// A ComputeEngine in front of another: passes every pass on and sums what
// the passes cost. The sums are the compute phase of a command stream, apart
// from the DMA and the schedule around it, so two engines can be compared on
// the cycles they alone account for.
#pragma once
#include <cstdint>
#include <span>

#include "accel/engine/compute_engine.hpp"

namespace accel::device::test {

class CountingEngine final : public engine::ComputeEngine {
 public:
  explicit CountingEngine(engine::ComputeEngine& inner) : inner_(inner) {}

  model::ArrayShape shape() const override { return inner_.shape(); }
  engine::PassCycles matmul(const model::MatmulJob& job, std::span<int8_t> out) override {
    return count(inner_.matmul(job, out));
  }
  engine::PassCycles add(const model::AddJob& job, std::span<int8_t> out) override {
    return count(inner_.add(job, out));
  }

  // Every pass so far: total and mac_active summed.
  const engine::PassCycles& sum() const { return sum_; }
  uint64_t passes() const { return passes_; }

 private:
  engine::PassCycles count(engine::PassCycles c) {
    sum_.total += c.total;
    sum_.mac_active += c.mac_active;
    ++passes_;
    return c;
  }

  engine::ComputeEngine& inner_;
  engine::PassCycles sum_;
  uint64_t passes_ = 0;
};

}  // namespace accel::device::test
