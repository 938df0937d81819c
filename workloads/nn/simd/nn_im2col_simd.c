#pragma GCC optimize("O2") /* whatever the board's -Os: see nn_ops_simd.h */
#include "nn_im2col_simd.h"

#include "nn_simd_intrinsics.h"
#include "nn_window.h"

/* Where filter element j of a slot's column goes (see the header). */
static inline int32_t column_index(int32_t j, int32_t tail_start, int slot)
{
  if (j >= tail_start)
    return 2 * tail_start + 4 * slot + (j - tail_start);
  return 2 * (j & ~3) + 4 * slot + ((j & 1) << 1) + ((j >> 1) & 1);
}

/* in_c a multiple of 4: every tap starts a group, so a tap's channels widen
 * word by word, each word into its even and its odd pair. */
static void fill_by_words(const nn_conv_shape *s, int32_t input_offset, const int8_t *image,
                          int32_t oy, int32_t ox, int16_t *group)
{
  const nn_window *w = &s->window;
  const int16x2_t offset = nn_simd_splat_s16(input_offset);
  for (int32_t ky = 0; ky < w->kernel_h; ++ky) {
    const int32_t y = nn_tap(oy, ky, w->stride_h, w->pad_top, w->dilation_h, w->in_h);
    for (int32_t kx = 0; kx < w->kernel_w; ++kx) {
      const int32_t x = nn_tap(ox, kx, w->stride_w, w->pad_left, w->dilation_w, w->in_w);
      if (y < 0 || x < 0) {
        for (int32_t c = 0; c < s->in_c; c += 4, group += 8) {
          nn_simd_write_s16x2(group, 0);
          nn_simd_write_s16x2(group + 2, 0);
        }
        continue;
      }
      const int8_t *in = image + ((size_t)y * w->in_w + x) * s->in_c;
      for (int32_t c = 0; c < s->in_c; c += 4, group += 8) {
        const int8x4_t word = nn_simd_read_s8x4(in + c);
        nn_simd_write_s16x2(group, __sadd16(nn_simd_even_s8(word), offset));
        nn_simd_write_s16x2(group + 2, __sadd16(nn_simd_odd_s8(word), offset));
      }
    }
  }
}

/* Any in_c: groups of four straddle taps, so element by element. */
static void fill_by_elements(const nn_conv_shape *s, int32_t input_offset, const int8_t *image,
                             int32_t oy, int32_t ox, int16_t *columns, int slot)
{
  const nn_window *w = &s->window;
  const int32_t tail_start = (w->kernel_h * w->kernel_w * s->in_c) & ~3;
  int32_t j = 0;
  for (int32_t ky = 0; ky < w->kernel_h; ++ky) {
    const int32_t y = nn_tap(oy, ky, w->stride_h, w->pad_top, w->dilation_h, w->in_h);
    for (int32_t kx = 0; kx < w->kernel_w; ++kx) {
      const int32_t x = nn_tap(ox, kx, w->stride_w, w->pad_left, w->dilation_w, w->in_w);
      if (y < 0 || x < 0) {
        for (int32_t c = 0; c < s->in_c; ++c, ++j)
          columns[column_index(j, tail_start, slot)] = 0;
        continue;
      }
      const int8_t *in = image + ((size_t)y * w->in_w + x) * s->in_c;
      for (int32_t c = 0; c < s->in_c; ++c, ++j)
        columns[column_index(j, tail_start, slot)] = (int16_t)(in[c] + input_offset);
    }
  }
}

void nn_simd_im2col_pixel(const nn_conv_shape *s, int32_t input_offset, const int8_t *image,
                          int32_t oy, int32_t ox, int16_t *columns, int slot)
{
  if (s->in_c % 4 == 0) /* no tail either */
    fill_by_words(s, input_offset, image, oy, ox, columns + 4 * slot);
  else
    fill_by_elements(s, input_offset, image, oy, ox, columns, slot);
}
