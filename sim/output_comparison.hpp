// How close one output tensor of the firmware comes to the host reference's,
// accumulated over the inputs `edgesim validate` runs.
//
// Integer outputs (int8 and the other integer types) must be bit-exact; the
// difference is counted in quantization steps (raw integer values). Float32
// outputs must be within a relative tolerance of the reference, element by
// element: |actual - expected| <= tolerance * |expected| (the rule of
// tests/system/compare_floats.py), so an expected 0 needs an exact 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "compiler/graph/graph.hpp"

namespace sim {

class OutputComparison {
 public:
  OutputComparison(const compiler::graph::Tensor& tensor, double float_tolerance);

  // Compares one input's output with the reference's (both the tensor's
  // bytes, little-endian); returns whether it matches. Throws
  // std::invalid_argument when a size is not the tensor's.
  bool add(std::span<const std::uint8_t> actual, std::span<const std::uint8_t> expected);

  bool is_float() const { return type_ == compiler::graph::DataType::Float32; }
  int inputs() const { return inputs_; }
  int matching_inputs() const { return matching_inputs_; }
  int exact_inputs() const { return exact_inputs_; }
  std::size_t elements() const { return elements_; }
  std::size_t exact_elements() const { return exact_elements_; }
  std::int64_t max_step_difference() const { return max_steps_; }  // integer outputs
  double max_abs_error() const { return max_abs_; }                 // float outputs
  double max_rel_error() const { return max_rel_; }                 // float outputs; infinite when an expected 0 was missed

  // What the last add() found wrong, e.g. "3 of 12 elements differ, by up to 2 steps (element 5: 17, expected 15)".
  const std::string& last_difference() const { return last_difference_; }

 private:
  bool add_integers(std::span<const std::uint8_t> actual, std::span<const std::uint8_t> expected);
  bool add_floats(std::span<const std::uint8_t> actual, std::span<const std::uint8_t> expected);

  compiler::graph::DataType type_;
  std::size_t tensor_bytes_;
  double tolerance_;
  int inputs_ = 0, matching_inputs_ = 0, exact_inputs_ = 0;
  std::size_t elements_ = 0, exact_elements_ = 0;
  std::int64_t max_steps_ = 0;
  double max_abs_ = 0, max_rel_ = 0;
  std::string last_difference_;
};

}  // namespace sim
