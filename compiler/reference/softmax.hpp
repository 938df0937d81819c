// SOFTMAX over the last dimension (`depth` elements per row).
//
// int8 -> int8 (TFLite's reference integer kernel; output scale 1/256, zero
// point -128): per row, d = x - max(row); rows elements with d >= diff_min
// get e = exp(d * beta * input_scale) in fixed point (d rescaled to Q5.26 by
// the beta multiplier, gemmlowp's exp), summed in Q12.19; the sum's
// reciprocal (1/(1+x) by Newton-Raphson) scales each e, and the Q0.31 result
// is rounded to 1/256 steps and offset by -128. Elements below diff_min give -128.
//
// float32: exp((x - max) * beta) / sum, with std::exp in float.
#pragma once

#include "compiler/quant/operator_params.hpp"

#include <cstdint>
#include <span>

namespace compiler::reference {

void softmax(const quant::SoftmaxParams& params, int depth, std::span<const std::int8_t> input,
             std::span<std::int8_t> output);

void softmax(float beta, int depth, std::span<const float> input, std::span<float> output);

} // namespace compiler::reference
