/* FULLY_CONNECTED for the DSP extension: two weight rows per pass over the
 * input, each input word widened once (SXTB16, offset added with SADD16)
 * and used by both rows' SMLADs. */
#pragma GCC optimize("O2") /* whatever the board's -Os: see nn_ops_simd.h */
#include "nn_ops_simd.h"

#include "nn_simd_intrinsics.h"
#include "nn_simd_requant.h"

static inline int32_t mac(int32_t acc, int32_t a, int32_t b)
{
  return (int32_t)((uint32_t)acc + (uint32_t)(a * b));
}

static inline int8_t requantize(const nn_mac_quant *q, int32_t o, int32_t acc)
{
  return nn_simd_requantize(acc, q->multipliers[o], q->shifts[o], q->output_offset, q->act_min,
                            q->act_max);
}

size_t nn_fully_connected_simd_scratch_bytes(const nn_fully_connected_shape *s)
{
  (void)s;
  return 0;
}

void nn_fully_connected_simd(const nn_fully_connected_shape *s, const nn_mac_quant *q,
                             const int8_t *input, const int8_t *weights, const int32_t *bias,
                             int8_t *output, void *scratch)
{
  (void)scratch;
  const int32_t n = s->in_features;
  const int32_t tail_start = n & ~3;
  const int16x2_t offset = nn_simd_splat_s16(q->input_offset);
  for (int32_t b = 0; b < s->batch; ++b) {
    const int8_t *in = input + (size_t)b * n;
    int32_t o = 0;
    for (; o + 1 < s->out_features; o += 2) {
      const int8_t *wa = weights + (size_t)o * n;
      const int8_t *wb = wa + n;
      int32_t acc_a = bias ? bias[o] : 0;
      int32_t acc_b = bias ? bias[o + 1] : 0;
      for (int32_t i = 0; i < tail_start; i += 4) {
        const int8x4_t x = nn_simd_read_s8x4(in + i);
        const int16x2_t x_even = __sadd16(nn_simd_even_s8(x), offset);
        const int16x2_t x_odd = __sadd16(nn_simd_odd_s8(x), offset);
        const int8x4_t word_a = nn_simd_read_s8x4(wa + i);
        const int8x4_t word_b = nn_simd_read_s8x4(wb + i);
        acc_a = __smlad(nn_simd_even_s8(word_a), x_even, acc_a);
        acc_a = __smlad(nn_simd_odd_s8(word_a), x_odd, acc_a);
        acc_b = __smlad(nn_simd_even_s8(word_b), x_even, acc_b);
        acc_b = __smlad(nn_simd_odd_s8(word_b), x_odd, acc_b);
      }
      for (int32_t i = tail_start; i < n; ++i) {
        acc_a = mac(acc_a, in[i] + q->input_offset, wa[i]);
        acc_b = mac(acc_b, in[i] + q->input_offset, wb[i]);
      }
      *output++ = requantize(q, o, acc_a);
      *output++ = requantize(q, o + 1, acc_b);
    }
    if (o < s->out_features) { /* an odd row count's last row */
      const int8_t *wa = weights + (size_t)o * n;
      int32_t acc = bias ? bias[o] : 0;
      for (int32_t i = 0; i < tail_start; i += 4) {
        const int8x4_t x = nn_simd_read_s8x4(in + i);
        const int8x4_t word_a = nn_simd_read_s8x4(wa + i);
        acc = __smlad(nn_simd_even_s8(word_a), __sadd16(nn_simd_even_s8(x), offset), acc);
        acc = __smlad(nn_simd_odd_s8(word_a), __sadd16(nn_simd_odd_s8(x), offset), acc);
      }
      for (int32_t i = tail_start; i < n; ++i)
        acc = mac(acc, in[i] + q->input_offset, wa[i]);
      *output++ = requantize(q, o, acc);
    }
  }
}
