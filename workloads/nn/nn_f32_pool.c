/* MAX_POOL_2D and AVERAGE_POOL_2D, float32: each output is its channel's
 * maximum or mean over the window's taps inside the image. */
#include "nn_f32_activation.h"
#include "nn_ops_f32.h"
#include "nn_window.h"

#include <float.h>
#include <stddef.h>

typedef enum { POOL_MAX, POOL_AVERAGE } pool_kind;

static float window_value(pool_kind kind, const nn_pool_shape *s, const float *image, int32_t oy,
                          int32_t ox, int32_t channel)
{
  const nn_window *w = &s->window;
  float max = -FLT_MAX, sum = 0.0f;
  int32_t count = 0;
  for (int32_t ky = 0; ky < w->kernel_h; ++ky) {
    const int32_t y = nn_tap(oy, ky, w->stride_h, w->pad_top, 1, w->in_h);
    if (y < 0)
      continue;
    for (int32_t kx = 0; kx < w->kernel_w; ++kx) {
      const int32_t x = nn_tap(ox, kx, w->stride_w, w->pad_left, 1, w->in_w);
      if (x < 0)
        continue;
      const float v = image[((size_t)y * w->in_w + x) * s->channels + channel];
      max = v > max ? v : max;
      sum += v;
      ++count;
    }
  }
  if (kind == POOL_MAX)
    return max;
  return count > 0 ? sum / (float)count : 0.0f;
}

static void pool(pool_kind kind, const nn_pool_shape *s, const nn_f32_activation *act,
                 const float *input, float *output)
{
  const nn_window *w = &s->window;
  const size_t image_size = (size_t)w->in_h * w->in_w * s->channels;
  for (int32_t b = 0; b < s->batch; ++b) {
    const float *image = input + b * image_size;
    for (int32_t oy = 0; oy < w->out_h; ++oy)
      for (int32_t ox = 0; ox < w->out_w; ++ox)
        for (int32_t c = 0; c < s->channels; ++c)
          *output++ = nn_f32_activate(window_value(kind, s, image, oy, ox, c), act);
  }
}

void nn_f32_max_pool2d(const nn_pool_shape *s, const nn_f32_activation *act, const float *input,
                       float *output)
{
  pool(POOL_MAX, s, act, input, output);
}

void nn_f32_avg_pool2d(const nn_pool_shape *s, const nn_f32_activation *act, const float *input,
                       float *output)
{
  pool(POOL_AVERAGE, s, act, input, output);
}
