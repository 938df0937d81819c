#include "accel/engine/model_engine.hpp"

#include <stdexcept>

#include "accel/engine/array_timing.hpp"

namespace accel::engine {

ModelEngine::ModelEngine(model::ArrayShape shape) : shape_(shape) {
  if (shape.rows == 0 || shape.cols == 0)
    throw std::invalid_argument("model engine: the array needs at least one row and one column");
}

PassCycles ModelEngine::matmul(const model::MatmulJob& job, std::span<int8_t> out) {
  if (job.m > shape_.rows || job.n > shape_.cols)
    throw std::invalid_argument("model engine: a matmul pass larger than the array");
  if (job.k == 0) throw std::invalid_argument("model engine: a matmul pass with k = 0");
  model::run_matmul(job, out);
  return matmul_cycles(shape_, job.k);
}

PassCycles ModelEngine::add(const model::AddJob& job, std::span<int8_t> out) {
  model::run_add(job, out);
  return add_cycles(shape_, job.count);
}

}  // namespace accel::engine
