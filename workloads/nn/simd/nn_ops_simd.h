/* int8 kernels for the ARMv7E-M DSP extension (Cortex-M4, M7, M33 with
 * DSP): the same operations, parameters, layouts and results as the
 * portable kernels of nn_ops.h, bit for bit, computed with SXTB16/SMLAD.
 *
 * Each kernel takes a scratch buffer from the caller (the model compiler
 * places it in the activation arena): at least the number of bytes its
 * *_scratch_bytes function returns for the shape, 4-byte aligned. A size of
 * 0 means the kernel does not touch it (NULL is fine then). The buffer
 * holds nothing between calls, so kernels can share one.
 *
 *   nn_conv2d_simd            im2col of two output pixels into int16
 *                             columns (input offset added, padding zero),
 *                             then 2 output channels x 2 pixels per pass
 *                             of SMLADs; 1x1 stride-1 unpadded
 *                             convolutions read the input rows directly
 *                             (no scratch).
 *   nn_depthwise_conv2d_simd  depth multiplier 1: four channels per pass
 *                             (SMLABB/SMLATT) over a list of the pixel's
 *                             taps inside the image (scratch: 8 bytes per
 *                             kernel tap); other multipliers: plain loops
 *                             over the taps inside the image (no scratch).
 *   nn_fully_connected_simd   two weight rows per pass of SMLADs.
 *
 * The sources are compiled at -O2 whatever the build's level (a pragma at
 * the top of each): at the boards' -Os, GCC 12 keeps part of the 2x2 blocked
 * loops' accumulators and pointers on the stack (a load and a store per
 * SMLAD or two) and calls the requantization out of line; at -O2 the loops
 * stay in registers. -O3 adds nothing the loops need (they are unrolled by
 * hand) and grows the code.
 */
#ifndef EDGESIM_NN_OPS_SIMD_H
#define EDGESIM_NN_OPS_SIMD_H

#include <stddef.h>
#include <stdint.h>

#include "nn_ops.h"

#ifdef __cplusplus
extern "C" {
#endif

size_t nn_conv2d_simd_scratch_bytes(const nn_conv_shape *s);
void nn_conv2d_simd(const nn_conv_shape *s, const nn_mac_quant *q, const int8_t *input,
                    const int8_t *weights, const int32_t *bias, int8_t *output, void *scratch);

size_t nn_depthwise_conv2d_simd_scratch_bytes(const nn_depthwise_shape *s);
void nn_depthwise_conv2d_simd(const nn_depthwise_shape *s, const nn_mac_quant *q,
                              const int8_t *input, const int8_t *weights, const int32_t *bias,
                              int8_t *output, void *scratch);

size_t nn_fully_connected_simd_scratch_bytes(const nn_fully_connected_shape *s);
void nn_fully_connected_simd(const nn_fully_connected_shape *s, const nn_mac_quant *q,
                             const int8_t *input, const int8_t *weights, const int32_t *bias,
                             int8_t *output, void *scratch);

#ifdef __cplusplus
}
#endif

#endif
