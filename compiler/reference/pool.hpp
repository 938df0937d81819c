// AVERAGE_POOL_2D and MAX_POOL_2D, channel by channel over the taps of the
// window that lie inside the input (padding taps are not counted).
//
// int8 (input and output share one quantization, so raw values are pooled):
//   average: sum / count rounded to nearest, ties away from zero
//            ((sum +- count/2) / count, truncating), then clamped;
//   max:     the largest tap, clamped.
// float32: sum / count or the largest tap, clamped to the activation range.
#pragma once

#include "compiler/quant/activation_range.hpp"
#include "compiler/reference/geometry.hpp"

#include <cstdint>
#include <span>

namespace compiler::reference {

void average_pool(const WindowGeometry& g, quant::ActivationRange activation, std::span<const std::int8_t> input,
                  std::span<std::int8_t> output);
void average_pool(const WindowGeometry& g, quant::FloatRange activation, std::span<const float> input,
                  std::span<float> output);

void max_pool(const WindowGeometry& g, quant::ActivationRange activation, std::span<const std::int8_t> input,
              std::span<std::int8_t> output);
void max_pool(const WindowGeometry& g, quant::FloatRange activation, std::span<const float> input,
              std::span<float> output);

} // namespace compiler::reference
