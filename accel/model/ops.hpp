// The functional model's operations: TFLite int8 layers computed the way
// the accelerator computes them, by lowering into array passes
// (lowering.hpp) and running each pass (array.hpp). The golden reference
// for the TLM model and the RTL; tests check it against a plain loop nest.
//
// Passes run in the order the device issues them when its buffers hold the
// whole layer: for each batch image, for each group of up to array.cols
// output channels (depthwise: each input channel, then its
// depth_multiplier outputs in groups of up to cols), for each block of up
// to array.rows consecutive output pixels (ops.cpp says how the device's
// chunks and row bands wrap this). ADD runs in passes of up to 64 beats
// (64 * cols elements). The order and the pass sizes never change the
// results.
//
// Throws std::invalid_argument (the message names the operation and the
// rule) when:
//  - a dimension is 0 (batch, channels, features, depth_multiplier, in/out
//    height and width, kernel, stride, dilation), or array.rows/cols is 0;
//  - an operand's size is not the one its shape gives (input, weights,
//    output exactly; bias 0 or out_c entries; requant exactly out_c);
//  - the window does not overlap the image: pad_top must be less than the
//    dilated kernel height (kernel_h-1)*dilation_h+1, so the first output
//    row's window reaches row 0, and (out_h-1)*stride_h - pad_top < in_h,
//    so the last one starts inside the image; the same for the width. Any
//    such out_h/out_w and padding is computed (taps outside the image read
//    the input zero point); padding_for() gives TFLite's SAME and VALID;
//  - the reduction length kernel_h*kernel_w*in_c (FC: in_features) does not
//    fit in 32 bits;
//  - input_offset is outside [-127, 128] (the zero point, fed as padding,
//    must fit int8), output_offset outside [-128, 127], act_min > act_max
//    or either outside [-128, 127];
//  - a requant shift is outside [-31, 30];
//  - ADD: the three tensors differ in size or are empty, left_shift is
//    outside [0, 22] (so (x + offset) << left_shift fits int32), an input
//    offset is outside [-127, 128], an output offset, clamp or shift breaks
//    the rules above.
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
