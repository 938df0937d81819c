/* Portable int8 kernels with TFLite's int8 semantics (CONV_2D,
 * DEPTHWISE_CONV_2D, FULLY_CONNECTED, ADD) as plain C loops, for the CPU.
 * The layouts are the accelerator's (accel/README.md), so one set of
 * tensors feeds both:
 *   activations  NHWC, int8
 *   CONV_2D      weights OHWI [out_c][kernel_h][kernel_w][in_c]
 *   DEPTHWISE    weights [kernel_h][kernel_w][in_c * depth_multiplier]
 *                (TFLite's 1HWC with C = in_c * depth_multiplier)
 *   FC           weights [out_features][in_features]
 *   bias         int32 per output channel, or NULL
 *   requant      int32 multipliers and shifts per output channel
 * Weights are symmetric (no weight zero point); input_offset is minus the
 * input zero point. Padded taps contribute nothing, as in TFLite. The
 * kernels do not check parameters: the accelerator's rules
 * (accel/model/checks.hpp) say which are valid.
 */
#ifndef EDGESIM_NN_OPS_H
#define EDGESIM_NN_OPS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Quantization of a MAC operation's output. */
typedef struct {
  int32_t input_offset;  /* -(input zero point) */
  int32_t output_offset; /* output zero point */
  int32_t act_min, act_max;
  const int32_t *multipliers; /* Q31, one per output channel */
  const int32_t *shifts;      /* > 0 left, < 0 right, one per output channel */
} nn_mac_quant;

/* The spatial geometry of a convolution; pad_top/pad_left are explicit
 * (nn_padding_for gives TFLite's SAME and VALID). */
typedef struct {
  int32_t in_h, in_w, out_h, out_w;
  int32_t kernel_h, kernel_w;
  int32_t stride_h, stride_w;
  int32_t dilation_h, dilation_w;
  int32_t pad_top, pad_left;
} nn_window;

typedef struct {
  int32_t batch, in_c, out_c;
  nn_window window;
} nn_conv_shape;

typedef struct {
  int32_t batch, in_c, depth_multiplier; /* out_c = in_c * depth_multiplier */
  nn_window window;
} nn_depthwise_shape;

typedef struct {
  int32_t batch, in_features, out_features;
} nn_fully_connected_shape;

/* TFLite's int8 ADD: each input offset, shifted left by left_shift and
 * scaled; their sum scaled to the output (all shifts <= 0). */
typedef struct {
  int32_t input1_offset, input2_offset; /* -(zero points) */
  int32_t left_shift;
  int32_t input1_multiplier, input1_shift;
  int32_t input2_multiplier, input2_shift;
  int32_t output_multiplier, output_shift;
  int32_t output_offset;
  int32_t act_min, act_max;
} nn_add_params;

typedef enum { NN_PADDING_SAME, NN_PADDING_VALID } nn_padding;

/* TFLite's output size and leading padding of one spatial dimension. */
void nn_padding_for(nn_padding padding, int32_t in, int32_t kernel, int32_t stride, int32_t dilation,
                    int32_t *out, int32_t *pad_before);

void nn_conv2d(const nn_conv_shape *s, const nn_mac_quant *q, const int8_t *input,
               const int8_t *weights, const int32_t *bias, int8_t *output);
void nn_depthwise_conv2d(const nn_depthwise_shape *s, const nn_mac_quant *q, const int8_t *input,
                         const int8_t *weights, const int32_t *bias, int8_t *output);
void nn_fully_connected(const nn_fully_connected_shape *s, const nn_mac_quant *q,
                        const int8_t *input, const int8_t *weights, const int32_t *bias,
                        int8_t *output);
void nn_add(const nn_add_params *p, const int8_t *input1, const int8_t *input2, int8_t *output,
            uint32_t count);

#ifdef __cplusplus
}
#endif

#endif
