/* DEPTHWISE_CONV_2D for the DSP extension. The taps inside the image are
 * worked out once per output pixel (a contiguous range of rows and of
 * columns), so no channel loop tests padding. With depth multiplier 1, they
 * become a list of read offsets (in the scratch buffer), and four channels
 * go per pass over it: one word of inputs and one of weights per tap, each
 * widened into its even (channels 0, 2) and odd (1, 3) pairs, the input
 * offset added with SADD16, and SMLABB/SMLATT accumulate channel by channel. */
#pragma GCC optimize("O2") /* whatever the board's -Os: see nn_ops_simd.h */
#include "nn_ops_simd.h"

#include "nn_simd_intrinsics.h"
#include "nn_simd_requant.h"

/* The kernel taps [first, end) of one dimension that fall inside the input. */
typedef struct {
  int32_t first, end;
} tap_range;

static tap_range taps_inside(int32_t o, int32_t stride, int32_t pad, int32_t dilation,
                             int32_t kernel, int32_t size)
{
  const int32_t origin = o * stride - pad;
  tap_range r = {0, kernel};
  while (r.first < kernel && origin + r.first * dilation < 0)
    ++r.first;
  while (r.end > r.first && origin + (r.end - 1) * dilation >= size)
    --r.end;
  return r;
}

/* One output pixel's geometry: the tap ranges and the input pixel of tap (0, 0). */
typedef struct {
  tap_range rows, cols;
  int32_t origin_y, origin_x;
} pixel_taps;

static pixel_taps pixel_taps_for(const nn_window *w, int32_t oy, int32_t ox)
{
  const pixel_taps t = {
      .rows = taps_inside(oy, w->stride_h, w->pad_top, w->dilation_h, w->kernel_h, w->in_h),
      .cols = taps_inside(ox, w->stride_w, w->pad_left, w->dilation_w, w->kernel_w, w->in_w),
      .origin_y = oy * w->stride_h - w->pad_top,
      .origin_x = ox * w->stride_w - w->pad_left};
  return t;
}

static inline int32_t mac(int32_t acc, int32_t a, int32_t b)
{
  return (int32_t)((uint32_t)acc + (uint32_t)(a * b));
}

static inline int8_t requantize(const nn_mac_quant *q, int32_t oc, int32_t acc)
{
  return nn_simd_requantize(acc, q->multipliers[oc], q->shifts[oc], q->output_offset, q->act_min,
                            q->act_max);
}

/* Where one tap inside the image reads, in bytes from the image and from
 * the weights (channel 0; channel c is c further on in both). */
typedef struct {
  int32_t input, weight;
} tap_offsets;

/* The pixel's taps inside the image, in the weights' order; returns their count. */
static int32_t list_taps(const nn_window *w, int32_t channels, const pixel_taps *t, tap_offsets *list)
{
  int32_t n = 0;
  for (int32_t ky = t->rows.first; ky < t->rows.end; ++ky) {
    const int32_t y = t->origin_y + ky * w->dilation_h;
    for (int32_t kx = t->cols.first; kx < t->cols.end; ++kx) {
      const int32_t x = t->origin_x + kx * w->dilation_w;
      list[n].input = (y * w->in_w + x) * channels;
      list[n].weight = (ky * w->kernel_w + kx) * channels;
      ++n;
    }
  }
  return n;
}

/* Depth multiplier 1: all channels of one output pixel. The taps come from
 * a list, so one flat loop (few live registers: the four accumulators stay
 * in registers) covers any kernel size, stride, dilation and padding. */
static void pixel_multiplier1(const nn_depthwise_shape *s, const nn_mac_quant *q,
                              const int8_t *image, const int8_t *weights, const int32_t *bias,
                              const tap_offsets *taps, int32_t tap_count, int8_t *out)
{
  const int32_t channels = s->in_c;
  const tap_offsets *taps_end = taps + tap_count;
  const int16x2_t offset = nn_simd_splat_s16(q->input_offset);
  int32_t c = 0;
  for (; c + 4 <= channels; c += 4) {
    int32_t acc0 = bias ? bias[c] : 0, acc1 = bias ? bias[c + 1] : 0;
    int32_t acc2 = bias ? bias[c + 2] : 0, acc3 = bias ? bias[c + 3] : 0;
    const int8_t *in = image + c;
    const int8_t *wt = weights + c;
    for (const tap_offsets *tap = taps; tap < taps_end; ++tap) {
      const int8x4_t x = nn_simd_read_s8x4(in + tap->input);
      const int8x4_t k = nn_simd_read_s8x4(wt + tap->weight);
      const int16x2_t x_even = __sadd16(nn_simd_even_s8(x), offset);
      const int16x2_t k_even = nn_simd_even_s8(k);
      acc0 = __smlabb(x_even, k_even, acc0);
      acc2 = __smlatt(x_even, k_even, acc2);
      const int16x2_t x_odd = __sadd16(nn_simd_odd_s8(x), offset);
      const int16x2_t k_odd = nn_simd_odd_s8(k);
      acc1 = __smlabb(x_odd, k_odd, acc1);
      acc3 = __smlatt(x_odd, k_odd, acc3);
    }
    out[c] = requantize(q, c, acc0);
    out[c + 1] = requantize(q, c + 1, acc1);
    out[c + 2] = requantize(q, c + 2, acc2);
    out[c + 3] = requantize(q, c + 3, acc3);
  }
  for (; c < channels; ++c) { /* channels % 4 */
    int32_t acc = bias ? bias[c] : 0;
    for (const tap_offsets *tap = taps; tap < taps_end; ++tap)
      acc = mac(acc, image[tap->input + c] + q->input_offset, weights[tap->weight + c]);
    out[c] = requantize(q, c, acc);
  }
}

/* Any depth multiplier: output channel c * multiplier + m reads input channel c. */
static void pixel_any_multiplier(const nn_depthwise_shape *s, const nn_mac_quant *q,
                                 const int8_t *image, const int8_t *weights, const int32_t *bias,
                                 const pixel_taps *t, int8_t *out)
{
  const nn_window *w = &s->window;
  const int32_t out_c = s->in_c * s->depth_multiplier;
  for (int32_t c = 0; c < s->in_c; ++c) {
    for (int32_t m = 0; m < s->depth_multiplier; ++m) {
      const int32_t oc = c * s->depth_multiplier + m;
      int32_t acc = bias ? bias[oc] : 0;
      for (int32_t ky = t->rows.first; ky < t->rows.end; ++ky) {
        const int32_t y = t->origin_y + ky * w->dilation_h;
        for (int32_t kx = t->cols.first; kx < t->cols.end; ++kx) {
          const int32_t x = t->origin_x + kx * w->dilation_w;
          const int32_t in = image[((size_t)y * w->in_w + x) * s->in_c + c];
          const int32_t wt = weights[((size_t)ky * w->kernel_w + kx) * out_c + oc];
          acc = mac(acc, in + q->input_offset, wt);
        }
      }
      out[oc] = requantize(q, oc, acc);
    }
  }
}

size_t nn_depthwise_conv2d_simd_scratch_bytes(const nn_depthwise_shape *s)
{
  if (s->depth_multiplier != 1)
    return 0;
  return (size_t)s->window.kernel_h * s->window.kernel_w * sizeof(tap_offsets);
}

void nn_depthwise_conv2d_simd(const nn_depthwise_shape *s, const nn_mac_quant *q,
                              const int8_t *input, const int8_t *weights, const int32_t *bias,
                              int8_t *output, void *scratch)
{
  const nn_window *w = &s->window;
  const size_t image_size = (size_t)w->in_h * w->in_w * s->in_c;
  const size_t out_c = (size_t)s->in_c * s->depth_multiplier;
  tap_offsets *taps = scratch;
  for (int32_t b = 0; b < s->batch; ++b) {
    const int8_t *image = input + b * image_size;
    for (int32_t oy = 0; oy < w->out_h; ++oy) {
      for (int32_t ox = 0; ox < w->out_w; ++ox) {
        const pixel_taps t = pixel_taps_for(w, oy, ox);
        if (s->depth_multiplier == 1)
          pixel_multiplier1(s, q, image, weights, bias, taps, list_taps(w, s->in_c, &t, taps),
                            output);
        else
          pixel_any_multiplier(s, q, image, weights, bias, &t, output);
        output += out_c;
      }
    }
  }
}
