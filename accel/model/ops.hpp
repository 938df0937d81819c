// The functional model's operations: TFLite int8 layers computed the way
// the accelerator computes them, by lowering into array passes
// (lowering.hpp) and running each pass (array.hpp). The golden reference
// for the TLM model and the RTL; tests check it against a plain loop nest.
// Throws std::invalid_argument on inconsistent shapes or operand sizes.
#pragma once
#include <span>

#include "accel/model/array.hpp"
#include "accel/model/layers.hpp"

namespace accel::model {

void conv2d(const Conv2dShape& s, const OutputQuant& q, const MacOperands& ops, ArrayShape array = {});
void depthwise_conv2d(const DepthwiseShape& s, const OutputQuant& q, const MacOperands& ops, ArrayShape array = {});
void fully_connected(const FullyConnectedShape& s, const OutputQuant& q, const MacOperands& ops,
                     ArrayShape array = {});
void add(const AddParams& p, std::span<const int8_t> input1, std::span<const int8_t> input2,
         std::span<int8_t> output, ArrayShape array = {});

}  // namespace accel::model
