/* CONV_2D for the DSP extension: pointwise layers straight from the input
 * rows, every other layer through im2col columns of two pixels at a time. */
#pragma GCC optimize("O2") /* whatever the board's -Os: see nn_ops_simd.h */
#include "nn_ops_simd.h"

#include "nn_im2col_simd.h"
#include "nn_mat_mult_simd.h"
#include "nn_pointwise_simd.h"

/* 1x1, stride 1, no padding: output pixel p reads input pixel p alone. */
static int is_pointwise(const nn_conv_shape *s)
{
  const nn_window *w = &s->window;
  return w->kernel_h == 1 && w->kernel_w == 1 && w->stride_h == 1 && w->stride_w == 1 &&
         w->pad_top == 0 && w->pad_left == 0 && w->out_h == w->in_h && w->out_w == w->in_w;
}

static int32_t filter_depth(const nn_conv_shape *s)
{
  return s->window.kernel_h * s->window.kernel_w * s->in_c;
}

size_t nn_conv2d_simd_scratch_bytes(const nn_conv_shape *s)
{
  return is_pointwise(s) ? 0 : nn_simd_columns_int16s(filter_depth(s)) * sizeof(int16_t);
}

void nn_conv2d_simd(const nn_conv_shape *s, const nn_mac_quant *q, const int8_t *input,
                    const int8_t *weights, const int32_t *bias, int8_t *output, void *scratch)
{
  const nn_window *w = &s->window;
  if (is_pointwise(s)) {
    nn_simd_pointwise(s->batch * w->out_h * w->out_w, s->in_c, s->out_c, q, input, weights, bias,
                      output);
    return;
  }
  const nn_simd_filters filters = {.weights = weights, .bias = bias, .out_c = s->out_c,
                                   .depth = filter_depth(s)};
  int16_t *columns = scratch;
  const size_t image_size = (size_t)w->in_h * w->in_w * s->in_c;
  /* Pixels pair up in output order, across rows and images: a pair is
   * computed once both columns are filled. */
  int pending = 0;
  int8_t *pending_output = output;
  for (int32_t b = 0; b < s->batch; ++b) {
    const int8_t *image = input + b * image_size;
    for (int32_t oy = 0; oy < w->out_h; ++oy) {
      for (int32_t ox = 0; ox < w->out_w; ++ox) {
        nn_simd_im2col_pixel(s, q->input_offset, image, oy, ox, columns, pending);
        if (pending == 0) {
          pending = 1;
          continue;
        }
        nn_simd_mat_mult_2px(&filters, q, columns, pending_output, pending_output + s->out_c);
        pending_output += 2 * s->out_c;
        pending = 0;
      }
    }
  }
  if (pending)
    nn_simd_mat_mult_1px(&filters, q, columns, pending_output);
}
