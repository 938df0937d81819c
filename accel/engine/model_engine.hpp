// The C++ model behind the ComputeEngine interface: each pass computed by
// the functional model (model/array.hpp), its cycles by the schedule's
// formulas (array_timing.hpp).
#pragma once
#include "accel/engine/compute_engine.hpp"

namespace accel::engine {

class ModelEngine final : public ComputeEngine {
 public:
  // The default is the default array (8x8). Throws std::invalid_argument
  // for an array without rows or columns.
  explicit ModelEngine(model::ArrayShape shape = {});

  model::ArrayShape shape() const override { return shape_; }
  // Throws std::invalid_argument for a pass larger than the array (m > rows,
  // n > cols) or without a reduction (k = 0).
  PassCycles matmul(const model::MatmulJob& job, std::span<int8_t> out) override;
  PassCycles add(const model::AddJob& job, std::span<int8_t> out) override;

 private:
  model::ArrayShape shape_;
};

}  // namespace accel::engine
