/* CONV_2D: each output is the bias plus the sum over the kernel taps
 * inside the image of (input + input_offset) * weight, requantized with
 * its output channel's multiplier and shift. */
#include "nn_ops.h"
#include "nn_quant.h"
#include "nn_window.h"

#include <stddef.h>

/* One output pixel's sum over its window for the filter given, without bias. */
static int32_t window_sum(const nn_conv_shape *s, int32_t input_offset, const int8_t *image,
                          const int8_t *filter, int32_t oy, int32_t ox)
{
  const nn_window *w = &s->window;
  int32_t acc = 0;
  for (int32_t ky = 0; ky < w->kernel_h; ++ky) {
    const int32_t y = nn_tap(oy, ky, w->stride_h, w->pad_top, w->dilation_h, w->in_h);
    if (y < 0)
      continue;
    for (int32_t kx = 0; kx < w->kernel_w; ++kx) {
      const int32_t x = nn_tap(ox, kx, w->stride_w, w->pad_left, w->dilation_w, w->in_w);
      if (x < 0)
        continue;
      const int8_t *in = image + ((size_t)y * w->in_w + x) * s->in_c;
      const int8_t *wt = filter + ((size_t)ky * w->kernel_w + kx) * s->in_c;
      for (int32_t c = 0; c < s->in_c; ++c)
        acc = nn_wrapping_add(acc, (in[c] + input_offset) * wt[c]);
    }
  }
  return acc;
}

void nn_conv2d(const nn_conv_shape *s, const nn_mac_quant *q, const int8_t *input,
               const int8_t *weights, const int32_t *bias, int8_t *output)
{
  const nn_window *w = &s->window;
  const size_t image_size = (size_t)w->in_h * w->in_w * s->in_c;
  const size_t filter_size = (size_t)w->kernel_h * w->kernel_w * s->in_c;
  for (int32_t b = 0; b < s->batch; ++b) {
    const int8_t *image = input + b * image_size;
    for (int32_t oy = 0; oy < w->out_h; ++oy) {
      for (int32_t ox = 0; ox < w->out_w; ++ox) {
        for (int32_t oc = 0; oc < s->out_c; ++oc) {
          int32_t acc = window_sum(s, q->input_offset, image, weights + oc * filter_size, oy, ox);
          if (bias)
            acc = nn_wrapping_add(acc, bias[oc]);
          *output++ = nn_requantize(acc, q->multipliers[oc], q->shifts[oc], q->output_offset,
                                    q->act_min, q->act_max);
        }
      }
    }
  }
}
