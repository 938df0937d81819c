/* FULLY_CONNECTED, float32: out[b][o] = act(sum_i in[b][i] * w[o][i] + bias[o]). */
#include "nn_f32_activation.h"
#include "nn_ops_f32.h"

#include <stddef.h>

void nn_f32_fully_connected(const nn_fully_connected_shape *s, const nn_f32_activation *act,
                            const float *input, const float *weights, const float *bias,
                            float *output)
{
  for (int32_t b = 0; b < s->batch; ++b) {
    const float *in = input + (size_t)b * s->in_features;
    for (int32_t o = 0; o < s->out_features; ++o) {
      const float *wt = weights + (size_t)o * s->in_features;
      float acc = 0.0f;
      for (int32_t i = 0; i < s->in_features; ++i)
        acc += in[i] * wt[i];
      *output++ = nn_f32_activate(acc + (bias ? bias[o] : 0.0f), act);
    }
  }
}
