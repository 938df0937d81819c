/* Portable float32 kernels with TFLite's float reference semantics, for
 * the float models (built hard-float on the M4F/M7 boards, soft-float
 * elsewhere). Layouts and shapes are the int8 kernels' (nn_ops.h): NHWC
 * activations, CONV_2D weights OHWI, DEPTHWISE [kernel_h][kernel_w]
 * [in_c * depth_multiplier], FC [out_features][in_features]; bias float
 * per output channel, or NULL for none.
 *
 * Summation order (the host reference uses the same, so results agree
 * bit for bit when the compiler neither reassociates nor contracts; the
 * library is built with -ffp-contract=off so that a*b+c stays two
 * roundings, and no kernel needs -ffast-math):
 *   CONV_2D     acc = 0; for ky, for kx (taps inside the image), for ic:
 *               acc += in * w; out = act(acc + bias)
 *   DEPTHWISE   acc = 0; for ky, for kx (taps inside the image):
 *               acc += in * w; out = act(acc + bias)
 *   FC          acc = 0; for i: acc += in * w; out = act(acc + bias)
 *   AVG_POOL    sum = 0; for ky, for kx (taps inside the image): sum += in;
 *               out = act(sum / count), count the taps inside the image
 *   MAX_POOL    max = -FLT_MAX; for ky, for kx: max = in > max ? in : max
 *   ADD         out = act(in1 + in2)
 *   SOFTMAX     per row: max as MAX_POOL; e_c = expf((x_c - max) * beta);
 *               sum = 0; for c: sum += e_c; out_c = e_c / sum
 * act(v) clamps to [min, max] as TFLite's ActivationFunctionWithMinMax
 * (v < min ? min : v, then > max ? max : v: NaN passes through); no
 * activation is {-INFINITY, INFINITY}. CONCATENATION and SOFTMAX have no
 * fused activation (TFLite requires NONE for CONCATENATION; SOFTMAX has
 * none). SOFTMAX needs expf: link libm.
 */
#ifndef EDGESIM_NN_OPS_F32_H
#define EDGESIM_NN_OPS_F32_H

#include <stdint.h>

#include "nn_ops.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A fused activation as its output range (RELU: {0, INFINITY}, RELU6:
 * {0, 6}, RELU_N1_TO_1: {-1, 1}). */
typedef struct {
  float min, max;
} nn_f32_activation;

void nn_f32_conv2d(const nn_conv_shape *s, const nn_f32_activation *act, const float *input,
                   const float *weights, const float *bias, float *output);
void nn_f32_depthwise_conv2d(const nn_depthwise_shape *s, const nn_f32_activation *act,
                             const float *input, const float *weights, const float *bias,
                             float *output);
void nn_f32_fully_connected(const nn_fully_connected_shape *s, const nn_f32_activation *act,
                            const float *input, const float *weights, const float *bias,
                            float *output);
/* Pooling: the window's dilation fields are ignored, as for the int8
 * kernels. A window wholly in the padding (impossible with SAME/VALID)
 * gives act(0) for the average and act(-FLT_MAX) for the maximum. */
void nn_f32_max_pool2d(const nn_pool_shape *s, const nn_f32_activation *act, const float *input,
                       float *output);
void nn_f32_avg_pool2d(const nn_pool_shape *s, const nn_f32_activation *act, const float *input,
                       float *output);
void nn_f32_add(const nn_f32_activation *act, const float *input1, const float *input2,
                float *output, uint32_t count);

/* CONCATENATION seen as [outer][axis][inner], as nn_concat_s8. */
typedef struct {
  const float *data;
  int32_t axis_size; /* this input's extent along the axis */
} nn_concat_input_f32;

void nn_f32_concat(const nn_concat_input_f32 *inputs, int32_t input_count, int32_t outer_size,
                   int32_t inner_size, float *output);
/* SOFTMAX over rows of `depth` elements; output may not alias input. */
void nn_f32_softmax(float beta, const float *input, float *output, int32_t rows, int32_t depth);

#ifdef __cplusplus
}
#endif

#endif
