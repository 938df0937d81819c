// ADD with numpy-style broadcasting (shapes aligned at their last
// dimension; a dimension of 1 repeats).
//
// int8 (TFLite's reference integer ADD): each input x becomes
//   multiply_by_quantized_multiplier((x + offset) << left_shift, input multiplier)
// (both now on a common fine scale), the two are summed, and
//   out = clamp(multiply_by_quantized_multiplier(sum, output multiplier) + output_offset).
// float32: a + b clamped to the activation range.
#pragma once

#include "compiler/quant/operator_params.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace compiler::reference {

struct BroadcastShapes {
  std::vector<int> input1;
  std::vector<int> input2;
  std::vector<int> output;
};

void add(const BroadcastShapes& shapes, const quant::AddParams& params, std::span<const std::int8_t> input1,
         std::span<const std::int8_t> input2, std::span<std::int8_t> output);

void add(const BroadcastShapes& shapes, quant::FloatRange activation, std::span<const float> input1,
         std::span<const float> input2, std::span<float> output);

} // namespace compiler::reference
