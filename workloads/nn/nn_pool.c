/* MAX_POOL_2D and AVERAGE_POOL_2D, int8, as TFLite's reference kernels:
 * each output is its channel's maximum or rounded mean over the window's
 * taps that fall inside the image, clamped to the activation range. */
#include "nn_ops.h"
#include "nn_window.h"

#include <stddef.h>

/* What one window gathers of one channel: its largest tap, the sum and
 * the number of taps inside the image. */
typedef struct {
  int32_t max, sum, count;
} window_taps;

static window_taps gather(const nn_pool_shape *s, const int8_t *image, int32_t oy, int32_t ox,
                          int32_t channel)
{
  const nn_window *w = &s->window;
  window_taps taps = {.max = INT8_MIN, .sum = 0, .count = 0};
  for (int32_t ky = 0; ky < w->kernel_h; ++ky) {
    const int32_t y = nn_tap(oy, ky, w->stride_h, w->pad_top, 1, w->in_h);
    if (y < 0)
      continue;
    for (int32_t kx = 0; kx < w->kernel_w; ++kx) {
      const int32_t x = nn_tap(ox, kx, w->stride_w, w->pad_left, 1, w->in_w);
      if (x < 0)
        continue;
      const int32_t v = image[((size_t)y * w->in_w + x) * s->channels + channel];
      if (v > taps.max)
        taps.max = v;
      taps.sum += v;
      ++taps.count;
    }
  }
  return taps;
}

static int8_t clamp(int32_t v, int32_t act_min, int32_t act_max)
{
  if (v < act_min)
    v = act_min;
  if (v > act_max)
    v = act_max;
  return (int8_t)v;
}

/* sum / count rounded to nearest, ties away from zero (C's division
 * truncates toward zero, so add half the divisor away from zero first). */
static int32_t rounded_mean(int32_t sum, int32_t count)
{
  if (count == 0)
    return 0;
  return sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
}

typedef enum { POOL_MAX, POOL_AVERAGE } pool_kind;

static void pool(pool_kind kind, const nn_pool_shape *s, int32_t act_min, int32_t act_max,
                 const int8_t *input, int8_t *output)
{
  const nn_window *w = &s->window;
  const size_t image_size = (size_t)w->in_h * w->in_w * s->channels;
  for (int32_t b = 0; b < s->batch; ++b) {
    const int8_t *image = input + b * image_size;
    for (int32_t oy = 0; oy < w->out_h; ++oy) {
      for (int32_t ox = 0; ox < w->out_w; ++ox) {
        for (int32_t c = 0; c < s->channels; ++c) {
          const window_taps taps = gather(s, image, oy, ox, c);
          const int32_t v = kind == POOL_MAX ? taps.max : rounded_mean(taps.sum, taps.count);
          *output++ = clamp(v, act_min, act_max);
        }
      }
    }
  }
}

void nn_max_pool2d(const nn_pool_shape *s, int32_t act_min, int32_t act_max, const int8_t *input,
                   int8_t *output)
{
  pool(POOL_MAX, s, act_min, act_max, input, output);
}

void nn_avg_pool2d(const nn_pool_shape *s, int32_t act_min, int32_t act_max, const int8_t *input,
                   int8_t *output)
{
  pool(POOL_AVERAGE, s, act_min, act_max, input, output);
}
