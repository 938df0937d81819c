/* Internal to nn_conv2d_simd: a 1x1, stride-1, unpadded convolution, where
 * every pixel's input is a contiguous row of in_c values and the whole
 * batch is one matrix of pixels x in_c. No im2col, no scratch. */
#ifndef EDGESIM_NN_POINTWISE_SIMD_H
#define EDGESIM_NN_POINTWISE_SIMD_H

#include <stdint.h>

#include "nn_ops.h"

/* output[p][oc] for pixels p < pixels, from input[p][in_c] and weights
 * [out_c][in_c]. */
void nn_simd_pointwise(int32_t pixels, int32_t in_c, int32_t out_c, const nn_mac_quant *q,
                       const int8_t *input, const int8_t *weights, const int32_t *bias,
                       int8_t *output);

#endif
