/* Building the accelerator's command streams: one function per command,
 * each appending the command's words (accel/device/accel_interface.h and
 * accel/README.md give the layouts) to a word buffer the caller owns.
 *
 * Pure C with no register access, so that the host tests can check its
 * words against the device model's encoder (tests/accel/driver). The
 * parameter structs follow the word layouts field by field; a field as wide
 * as its bits in the word cannot overflow, so the only value the encoder
 * refuses is a base register index past ACCEL_BASE_COUNT. Everything else
 * (shapes, offsets, shifts) is the device's to check: it reports
 * ACCEL_ERROR_PARAMETER and friends in STATUS.
 */
#ifndef EDGESIM_ACCEL_STREAM_H
#define EDGESIM_ACCEL_STREAM_H

#include <stdint.h>

#include "accel/device/accel_interface.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  ACCEL_DRV_OK = 0,
  ACCEL_DRV_FULL,       /* the stream buffer has no room for the command: nothing was written */
  ACCEL_DRV_BAD_FIELD,  /* a value does not fit its field (a base register index) */
  ACCEL_DRV_FAILED,     /* the device stopped the stream with an error (STATUS says which) */
  ACCEL_DRV_NO_DEVICE   /* the ID or interface version is not the one this driver speaks */
} accel_result;

/* A command stream under construction. */
typedef struct {
  uint32_t *words;
  uint32_t capacity; /* in words */
  uint32_t length;   /* words written so far */
} accel_stream;

/* An address operand: the device adds BASE<base> to offset. With BASE0 = 0
 * (the driver's default) base 0 and an absolute address is the plain case. */
typedef struct {
  uint8_t base; /* 0 .. ACCEL_BASE_COUNT-1 */
  uint32_t offset;
} accel_address;

static inline accel_address accel_at(uint32_t address)
{
  accel_address a = {0, address};
  return a;
}

/* The bias operand of a layer without bias. */
static inline accel_address accel_no_bias(void) { return accel_at((uint32_t)ACCEL_NO_BIAS); }

/* DMA_LOAD (system memory -> local buffer) and DMA_STORE (the reverse). */
typedef struct {
  accel_address system;
  uint32_t buffer; /* enum accel_buffer */
  uint32_t buffer_offset;
  uint32_t bytes;
} accel_dma_params;

/* The address operands of CONV2D, DEPTHWISE_CONV2D and FULLY_CONNECTED, in
 * word order. bias, multipliers and shifts are int32 arrays, one entry per
 * output channel (bias may be accel_no_bias()). */
typedef struct {
  accel_address input, weights, bias, multipliers, shifts, output;
} accel_mac_operands;

/* The quantization words of the MAC commands. */
typedef struct {
  int32_t input_offset;  /* -(input zero point) */
  int32_t output_offset; /* output zero point */
  int16_t act_min, act_max;
} accel_mac_quant;

/* The spatial words of CONV2D and DEPTHWISE_CONV2D. */
typedef struct {
  uint16_t in_h, in_w;
  uint16_t out_h, out_w;
  uint8_t kernel_h, kernel_w, stride_h, stride_w;
  uint8_t dilation_h, dilation_w, pad_top, pad_left;
} accel_window;

/* CONV2D: input NHWC, weights OHWI [out_c][kernel_h][kernel_w][in_c]. */
typedef struct {
  accel_mac_operands at;
  accel_window window;
  uint16_t in_c, out_c;
  accel_mac_quant quant;
  uint32_t batch;
} accel_conv2d_params;

/* DEPTHWISE_CONV2D: weights [kernel_h][kernel_w][in_c * depth_multiplier];
 * output channel c * depth_multiplier + m reads input channel c. */
typedef struct {
  accel_mac_operands at;
  accel_window window;
  uint16_t in_c, depth_multiplier;
  accel_mac_quant quant;
  uint32_t batch;
} accel_depthwise_params;

/* FULLY_CONNECTED: input [batch][in_features], weights [out_features][in_features]. */
typedef struct {
  accel_mac_operands at;
  uint32_t in_features, out_features, batch;
  accel_mac_quant quant;
} accel_fully_connected_params;

/* A requantization scale: Q31 multiplier and power-of-two shift (> 0 left). */
typedef struct {
  int32_t multiplier, shift;
} accel_scale;

/* ADD: TFLite's int8 ADD over count elements (shifts <= 0). */
typedef struct {
  accel_address input1, input2, output;
  uint32_t count;
  int32_t input1_offset, input2_offset; /* -(zero points) */
  int32_t left_shift;
  accel_scale input1_scale, input2_scale, output_scale;
  int32_t output_offset;
  int16_t act_min, act_max;
} accel_add_params;

void accel_stream_init(accel_stream *s, uint32_t *buffer, uint32_t capacity_words);
static inline void accel_stream_clear(accel_stream *s) { s->length = 0; }
/* CMD_LENGTH for the stream. */
static inline uint32_t accel_stream_bytes(const accel_stream *s) { return 4u * s->length; }

accel_result accel_stream_nop(accel_stream *s);
accel_result accel_stream_stop(accel_stream *s);
accel_result accel_stream_irq(accel_stream *s);
accel_result accel_stream_wait(accel_stream *s);
accel_result accel_stream_dma_load(accel_stream *s, const accel_dma_params *p);
accel_result accel_stream_dma_store(accel_stream *s, const accel_dma_params *p);
accel_result accel_stream_conv2d(accel_stream *s, const accel_conv2d_params *p);
accel_result accel_stream_depthwise_conv2d(accel_stream *s, const accel_depthwise_params *p);
accel_result accel_stream_fully_connected(accel_stream *s, const accel_fully_connected_params *p);
accel_result accel_stream_add(accel_stream *s, const accel_add_params *p);
/* Words as given, for what the functions above cannot build (tests of the
 * device's error handling). */
accel_result accel_stream_raw(accel_stream *s, const uint32_t *words, uint32_t count);

#ifdef __cplusplus
}
#endif

#endif
