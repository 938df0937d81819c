/* Internal to nn_conv2d_simd: every output channel of one or two pixels
 * from their interleaved im2col columns (nn_im2col_simd.h). */
#ifndef EDGESIM_NN_MAT_MULT_SIMD_H
#define EDGESIM_NN_MAT_MULT_SIMD_H

#include <stdint.h>

#include "nn_ops.h"

/* The filters: out_c rows of depth int8 weights (OHWI flattened). */
typedef struct {
  const int8_t *weights;
  const int32_t *bias; /* or NULL */
  int32_t out_c, depth;
} nn_simd_filters;

/* out0[oc] (slot 0) and out1[oc] (slot 1) for every output channel oc:
 * two channels by two pixels per pass, four accumulators. */
void nn_simd_mat_mult_2px(const nn_simd_filters *f, const nn_mac_quant *q, const int16_t *columns,
                          int8_t *out0, int8_t *out1);

/* Slot 0 alone (the last pixel of an odd count). */
void nn_simd_mat_mult_1px(const nn_simd_filters *f, const nn_mac_quant *q, const int16_t *columns,
                          int8_t *out);

#endif
