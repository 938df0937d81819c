/* Portable int8 kernels with TFLite's int8 semantics (CONV_2D,
 * DEPTHWISE_CONV_2D, FULLY_CONNECTED, ADD, MAX_POOL_2D, AVERAGE_POOL_2D,
 * SOFTMAX, CONCATENATION, QUANTIZE, DEQUANTIZE) as plain C loops, for the
 * CPU. Every integer parameter (multipliers, shifts, activation ranges,
 * softmax's beta multiplier and diff_min) is derived on the host, as
 * TFLite's Prepare does: the kernels take them ready-made.
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

/* ---- pooling ----------------------------------------------------------
 * NHWC in and out, channel by channel. The window's dilation fields are
 * ignored (pooling has none: taps are adjacent); pad_top/pad_left from
 * nn_padding_for with dilation 1. Input and output share one quantization
 * (TFLite requires it), so the kernels only clamp to [act_min, act_max]. */
typedef struct {
  int32_t batch, channels;
  nn_window window;
} nn_pool_shape;

/* The largest input tap inside the image (padding never wins; a window
 * wholly in the padding gives -128, clamped). */
void nn_max_pool2d(const nn_pool_shape *s, int32_t act_min, int32_t act_max, const int8_t *input,
                   int8_t *output);
/* The sum of the taps inside the image divided by their count (not the
 * window's size), rounded to nearest with ties away from zero. A window
 * wholly in the padding (impossible with TFLite's SAME/VALID) gives 0,
 * clamped. */
void nn_avg_pool2d(const nn_pool_shape *s, int32_t act_min, int32_t act_max, const int8_t *input,
                   int8_t *output);

/* ---- softmax ----------------------------------------------------------
 * TFLite's int8 reference SOFTMAX over rows of `depth` elements: the
 * difference to the row's maximum, scaled by input_multiplier and
 * input_left_shift into a fixed-point number with 5 integer bits, exp()
 * in fixed point (gemmlowp's exp_on_negative_values), the sum's
 * reciprocal by 1/(1+x), and the output rounded to scale 1/256, zero
 * point -128. Differences below diff_min contribute nothing and give
 * -128. Rows shorter than 512 (TFLite checks the same bound: the sum of
 * the exps must stay below 2^9). The host derives the parameters as
 * TFLite's Prepare:
 *   input_multiplier, input_left_shift: QuantizeMultiplierGreaterThanOne of
 *     min(beta * input_scale * 2^26, 2^31 - 1)
 *   diff_min: -floor(31 * 2^26 / 2^input_left_shift) */
typedef struct {
  int32_t input_multiplier; /* Q31 */
  int32_t input_left_shift; /* >= 0 */
  int32_t diff_min;         /* <= 0 */
} nn_softmax_params;

void nn_softmax_s8(const nn_softmax_params *p, const int8_t *input, int8_t *output, int32_t rows,
                   int32_t depth);

/* ---- requantization, QUANTIZE and DEQUANTIZE --------------------------- */

/* One int8 tensor to another's quantization: output = clamp to int8 of
 * output_offset + (input + input_offset) * multiplier * 2^shift / 2^31,
 * rounded as nn_multiply_by_quantized_multiplier (TFLite's Requantize;
 * multiplier and shift from QuantizeMultiplier(input_scale / output_scale)). */
typedef struct {
  int32_t input_offset;  /* -(input zero point) */
  int32_t multiplier;    /* Q31 */
  int32_t shift;         /* > 0 left, < 0 right */
  int32_t output_offset; /* output zero point */
} nn_requant_params;

/* An affine (per-tensor) quantization: real = scale * (q - zero_point). */
typedef struct {
  float scale;
  int32_t zero_point;
} nn_affine_quant;

/* QUANTIZE int8 -> int8. */
void nn_requantize_s8_s8(const nn_requant_params *p, const int8_t *input, int8_t *output,
                         uint32_t count);
/* QUANTIZE float32 -> int8 as TFLite's reference AffineQuantize:
 * round(x / scale) with the division in float (TFLite casts its double
 * scale to float) and ties away from zero, plus the zero point, saturated
 * to [-128, 127]. NaN gives -128. No libm needed. */
void nn_quantize_f32_s8(const nn_affine_quant *q, const float *input, int8_t *output,
                        uint32_t count);
/* DEQUANTIZE int8 -> float32: scale * (q - zero_point), one float rounding
 * (the same value as TFLite's double product rounded to float: the exact
 * product has at most 33 significant bits). */
void nn_dequantize_s8_f32(const nn_affine_quant *q, const int8_t *input, float *output,
                          uint32_t count);

/* ---- concatenation ----------------------------------------------------
 * CONCATENATION along one axis of inputs that agree on every other
 * dimension: seen as [outer][axis][inner], the output's axis holds input
 * 0's slice, then input 1's, and so on, for each outer index. TFLite's
 * int8 kernel requires every input to have the output's scale and zero
 * point (requant NULL: a copy); for the project's own networks an input
 * may instead carry the requantization to the output's (requant non-NULL,
 * the arithmetic of nn_requantize_s8_s8). No activation: TFLite requires
 * NONE for CONCATENATION. */
typedef struct {
  const int8_t *data;
  int32_t axis_size;                /* this input's extent along the axis */
  const nn_requant_params *requant; /* NULL: same quantization as the output */
} nn_concat_input_s8;

void nn_concat_s8(const nn_concat_input_s8 *inputs, int32_t input_count, int32_t outer_size,
                  int32_t inner_size, int8_t *output);

#ifdef __cplusplus
}
#endif

#endif
