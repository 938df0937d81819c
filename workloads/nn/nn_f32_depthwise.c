/* DEPTHWISE_CONV_2D, float32: output channel c * depth_multiplier + m sums
 * input channel c alone over the window's taps inside the image. */
#include "nn_f32_activation.h"
#include "nn_ops_f32.h"
#include "nn_window.h"

#include <stddef.h>

static float channel_sum(const nn_depthwise_shape *s, const float *image, const float *weights,
                         int32_t oy, int32_t ox, int32_t c, int32_t oc)
{
  const nn_window *w = &s->window;
  const int32_t out_c = s->in_c * s->depth_multiplier;
  float acc = 0.0f;
  for (int32_t ky = 0; ky < w->kernel_h; ++ky) {
    const int32_t y = nn_tap(oy, ky, w->stride_h, w->pad_top, w->dilation_h, w->in_h);
    if (y < 0)
      continue;
    for (int32_t kx = 0; kx < w->kernel_w; ++kx) {
      const int32_t x = nn_tap(ox, kx, w->stride_w, w->pad_left, w->dilation_w, w->in_w);
      if (x < 0)
        continue;
      acc += image[((size_t)y * w->in_w + x) * s->in_c + c] *
             weights[((size_t)ky * w->kernel_w + kx) * out_c + oc];
    }
  }
  return acc;
}

void nn_f32_depthwise_conv2d(const nn_depthwise_shape *s, const nn_f32_activation *act,
                             const float *input, const float *weights, const float *bias,
                             float *output)
{
  const nn_window *w = &s->window;
  const size_t image_size = (size_t)w->in_h * w->in_w * s->in_c;
  for (int32_t b = 0; b < s->batch; ++b) {
    const float *image = input + b * image_size;
    for (int32_t oy = 0; oy < w->out_h; ++oy) {
      for (int32_t ox = 0; ox < w->out_w; ++ox) {
        for (int32_t c = 0; c < s->in_c; ++c) {
          for (int32_t m = 0; m < s->depth_multiplier; ++m) {
            const int32_t oc = c * s->depth_multiplier + m;
            const float acc = channel_sum(s, image, weights, oy, ox, c, oc);
            *output++ = nn_f32_activate(acc + (bias ? bias[oc] : 0.0f), act);
          }
        }
      }
    }
  }
}
