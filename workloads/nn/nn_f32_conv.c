/* CONV_2D, float32: each output is act(sum over the taps inside the
 * image and the input channels of input * weight, plus the bias). */
#include "nn_f32_activation.h"
#include "nn_ops_f32.h"
#include "nn_window.h"

#include <stddef.h>

/* One output pixel's sum for one filter, in the documented order. */
static float window_sum(const nn_conv_shape *s, const float *image, const float *filter,
                        int32_t oy, int32_t ox)
{
  const nn_window *w = &s->window;
  float acc = 0.0f;
  for (int32_t ky = 0; ky < w->kernel_h; ++ky) {
    const int32_t y = nn_tap(oy, ky, w->stride_h, w->pad_top, w->dilation_h, w->in_h);
    if (y < 0)
      continue;
    for (int32_t kx = 0; kx < w->kernel_w; ++kx) {
      const int32_t x = nn_tap(ox, kx, w->stride_w, w->pad_left, w->dilation_w, w->in_w);
      if (x < 0)
        continue;
      const float *in = image + ((size_t)y * w->in_w + x) * s->in_c;
      const float *wt = filter + ((size_t)ky * w->kernel_w + kx) * s->in_c;
      for (int32_t c = 0; c < s->in_c; ++c)
        acc += in[c] * wt[c];
    }
  }
  return acc;
}

void nn_f32_conv2d(const nn_conv_shape *s, const nn_f32_activation *act, const float *input,
                   const float *weights, const float *bias, float *output)
{
  const nn_window *w = &s->window;
  const size_t image_size = (size_t)w->in_h * w->in_w * s->in_c;
  const size_t filter_size = (size_t)w->kernel_h * w->kernel_w * s->in_c;
  for (int32_t b = 0; b < s->batch; ++b) {
    const float *image = input + b * image_size;
    for (int32_t oy = 0; oy < w->out_h; ++oy) {
      for (int32_t ox = 0; ox < w->out_w; ++ox) {
        for (int32_t oc = 0; oc < s->out_c; ++oc) {
          const float acc = window_sum(s, image, weights + oc * filter_size, oy, ox);
          *output++ = nn_f32_activate(acc + (bias ? bias[oc] : 0.0f), act);
        }
      }
    }
  }
}
