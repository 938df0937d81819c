/* DEPTHWISE_CONV_2D: output channel c * depth_multiplier + m sums input
 * channel c alone over the window; weights [kernel_h][kernel_w][out_c]. */
#include "nn_ops.h"
#include "nn_quant.h"
#include "nn_window.h"

#include <stddef.h>

static int32_t channel_sum(const nn_depthwise_shape *s, int32_t input_offset, const int8_t *image,
                           const int8_t *weights, int32_t oy, int32_t ox, int32_t c, int32_t oc)
{
  const nn_window *w = &s->window;
  const int32_t out_c = s->in_c * s->depth_multiplier;
  int32_t acc = 0;
  for (int32_t ky = 0; ky < w->kernel_h; ++ky) {
    const int32_t y = nn_tap(oy, ky, w->stride_h, w->pad_top, w->dilation_h, w->in_h);
    if (y < 0)
      continue;
    for (int32_t kx = 0; kx < w->kernel_w; ++kx) {
      const int32_t x = nn_tap(ox, kx, w->stride_w, w->pad_left, w->dilation_w, w->in_w);
      if (x < 0)
        continue;
      const int32_t in = image[((size_t)y * w->in_w + x) * s->in_c + c];
      const int32_t wt = weights[((size_t)ky * w->kernel_w + kx) * out_c + oc];
      acc = nn_wrapping_add(acc, (in + input_offset) * wt);
    }
  }
  return acc;
}

void nn_depthwise_conv2d(const nn_depthwise_shape *s, const nn_mac_quant *q, const int8_t *input,
                         const int8_t *weights, const int32_t *bias, int8_t *output)
{
  const nn_window *w = &s->window;
  const size_t image_size = (size_t)w->in_h * w->in_w * s->in_c;
  for (int32_t b = 0; b < s->batch; ++b) {
    const int8_t *image = input + b * image_size;
    for (int32_t oy = 0; oy < w->out_h; ++oy) {
      for (int32_t ox = 0; ox < w->out_w; ++ox) {
        for (int32_t c = 0; c < s->in_c; ++c) {
          for (int32_t m = 0; m < s->depth_multiplier; ++m) {
            const int32_t oc = c * s->depth_multiplier + m;
            int32_t acc = channel_sum(s, q->input_offset, image, weights, oy, ox, c, oc);
            if (bias)
              acc = nn_wrapping_add(acc, bias[oc]);
            *output++ = nn_requantize(acc, q->multipliers[oc], q->shifts[oc], q->output_offset,
                                      q->act_min, q->act_max);
          }
        }
      }
    }
  }
}
