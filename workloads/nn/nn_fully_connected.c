/* FULLY_CONNECTED: out[b][o] = requant(bias[o] + sum_i (in[b][i] + input_offset) * w[o][i]). */
#include "nn_ops.h"
#include "nn_quant.h"

#include <stddef.h>

void nn_fully_connected(const nn_fully_connected_shape *s, const nn_mac_quant *q,
                        const int8_t *input, const int8_t *weights, const int32_t *bias,
                        int8_t *output)
{
  for (int32_t b = 0; b < s->batch; ++b) {
    const int8_t *in = input + (size_t)b * s->in_features;
    for (int32_t o = 0; o < s->out_features; ++o) {
      const int8_t *wt = weights + (size_t)o * s->in_features;
      int32_t acc = bias ? bias[o] : 0;
      for (int32_t i = 0; i < s->in_features; ++i)
        acc = nn_wrapping_add(acc, (in[i] + q->input_offset) * wt[i]);
      *output++ = nn_requantize(acc, q->multipliers[o], q->shifts[o], q->output_offset, q->act_min,
                                q->act_max);
    }
  }
}
