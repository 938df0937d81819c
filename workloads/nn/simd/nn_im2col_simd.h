/* Internal to nn_conv2d_simd: the receptive fields of two output pixels as
 * int16 values interleaved for the SMLAD kernels of nn_mat_mult_simd.h. */
#ifndef EDGESIM_NN_IM2COL_SIMD_H
#define EDGESIM_NN_IM2COL_SIMD_H

#include <stddef.h>
#include <stdint.h>

#include "nn_ops.h"

/* A pixel's column has depth = kernel_h * kernel_w * in_c values, one per
 * filter element in the filter's own (HWI) order: input + input_offset, or
 * 0 for a tap in the padding (padding contributes nothing). The buffer
 * holds the columns of two pixels (slots 0 and 1) group by group, so that a
 * kernel walks one pointer and loads fixed offsets:
 *
 *   group g (elements 4g..4g+3), at 8g:  slot 0: v0 v2 v1 v3, slot 1: v0 v2 v1 v3
 *   tail (depth % 4 elements), at 8 * (depth / 4): slot 0 at +0, slot 1 at +4
 *
 * Elements 1 and 2 of a group trade places: [v0 v2 v1 v3] is the order in
 * which SXTB16 and SXTB16 ROR #8 widen four filter bytes, so one SMLAD
 * pairs each input with its weight. The tail is in plain order. */
static inline size_t nn_simd_columns_int16s(int32_t depth)
{
  return 8 * ((size_t)depth / 4 + 1);
}

/* Fills slot (0 or 1) of columns with output pixel (oy, ox) of image. */
void nn_simd_im2col_pixel(const nn_conv_shape *s, int32_t input_offset, const int8_t *image,
                          int32_t oy, int32_t ox, int16_t *columns, int slot);

#endif
