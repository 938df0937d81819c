/* Weights widen with SXTB16 into their even and odd pairs, which meet the
 * columns' [v0 v2 v1 v3] order: two SMLADs per four weights and pixel. The
 * two pixels' groups sit side by side, so one pointer walks both. */
#pragma GCC optimize("O2") /* whatever the board's -Os: see nn_ops_simd.h */
#include "nn_mat_mult_simd.h"

#include "nn_simd_intrinsics.h"
#include "nn_simd_requant.h"

#include <stddef.h>

static inline int32_t bias_of(const nn_simd_filters *f, int32_t oc)
{
  return f->bias ? f->bias[oc] : 0;
}

/* acc + a * b modulo 2^32, as the SMLADs and the portable kernels wrap. */
static inline int32_t mac(int32_t acc, int32_t a, int32_t b)
{
  return (int32_t)((uint32_t)acc + (uint32_t)(a * b));
}

static inline int8_t requantize(const nn_mac_quant *q, int32_t oc, int32_t acc)
{
  return nn_simd_requantize(acc, q->multipliers[oc], q->shifts[oc], q->output_offset, q->act_min,
                            q->act_max);
}

void nn_simd_mat_mult_2px(const nn_simd_filters *f, const nn_mac_quant *q, const int16_t *columns,
                          int8_t *out0, int8_t *out1)
{
  const int32_t depth = f->depth;
  const int32_t tail_start = depth & ~3;
  const int16_t *groups_end = columns + 2 * tail_start;
  int32_t oc = 0;
  for (; oc + 1 < f->out_c; oc += 2) {
    const int8_t *w = f->weights + (size_t)oc * depth; /* channel oc; oc + 1 at w + depth */
    /* a/b: channel oc/oc+1; 0/1: pixel. */
    int32_t a0 = bias_of(f, oc), a1 = a0;
    int32_t b0 = bias_of(f, oc + 1), b1 = b0;
    for (const int16_t *c = columns; c < groups_end; c += 8, w += 4) {
      const int8x4_t word_a = nn_simd_read_s8x4(w);
      const int16x2_t wa_even = nn_simd_even_s8(word_a), wa_odd = nn_simd_odd_s8(word_a);
      a0 = __smlad(wa_even, nn_simd_read_s16x2(c), a0);
      a0 = __smlad(wa_odd, nn_simd_read_s16x2(c + 2), a0);
      a1 = __smlad(wa_even, nn_simd_read_s16x2(c + 4), a1);
      a1 = __smlad(wa_odd, nn_simd_read_s16x2(c + 6), a1);
      const int8x4_t word_b = nn_simd_read_s8x4(w + depth);
      const int16x2_t wb_even = nn_simd_even_s8(word_b), wb_odd = nn_simd_odd_s8(word_b);
      b0 = __smlad(wb_even, nn_simd_read_s16x2(c), b0);
      b0 = __smlad(wb_odd, nn_simd_read_s16x2(c + 2), b0);
      b1 = __smlad(wb_even, nn_simd_read_s16x2(c + 4), b1);
      b1 = __smlad(wb_odd, nn_simd_read_s16x2(c + 6), b1);
    }
    for (int32_t t = 0; t < depth - tail_start; ++t) {
      const int32_t weight_a = w[t], weight_b = w[depth + t];
      a0 = mac(a0, groups_end[t], weight_a);
      a1 = mac(a1, groups_end[4 + t], weight_a);
      b0 = mac(b0, groups_end[t], weight_b);
      b1 = mac(b1, groups_end[4 + t], weight_b);
    }
    out0[oc] = requantize(q, oc, a0);
    out0[oc + 1] = requantize(q, oc + 1, b0);
    out1[oc] = requantize(q, oc, a1);
    out1[oc + 1] = requantize(q, oc + 1, b1);
  }
  if (oc < f->out_c) { /* an odd channel count's last channel */
    const int8_t *w = f->weights + (size_t)oc * depth;
    int32_t a0 = bias_of(f, oc), a1 = a0;
    for (const int16_t *c = columns; c < groups_end; c += 8, w += 4) {
      const int8x4_t word_a = nn_simd_read_s8x4(w);
      const int16x2_t wa_even = nn_simd_even_s8(word_a), wa_odd = nn_simd_odd_s8(word_a);
      a0 = __smlad(wa_even, nn_simd_read_s16x2(c), a0);
      a0 = __smlad(wa_odd, nn_simd_read_s16x2(c + 2), a0);
      a1 = __smlad(wa_even, nn_simd_read_s16x2(c + 4), a1);
      a1 = __smlad(wa_odd, nn_simd_read_s16x2(c + 6), a1);
    }
    for (int32_t t = 0; t < depth - tail_start; ++t) {
      a0 = mac(a0, groups_end[t], w[t]);
      a1 = mac(a1, groups_end[4 + t], w[t]);
    }
    out0[oc] = requantize(q, oc, a0);
    out1[oc] = requantize(q, oc, a1);
  }
}

void nn_simd_mat_mult_1px(const nn_simd_filters *f, const nn_mac_quant *q, const int16_t *columns,
                          int8_t *out)
{
  const int32_t depth = f->depth;
  const int32_t tail_start = depth & ~3;
  const int16_t *groups_end = columns + 2 * tail_start;
  int32_t oc = 0;
  for (; oc + 1 < f->out_c; oc += 2) {
    const int8_t *w = f->weights + (size_t)oc * depth;
    int32_t a = bias_of(f, oc);
    int32_t b = bias_of(f, oc + 1);
    for (const int16_t *c = columns; c < groups_end; c += 8, w += 4) {
      const int16x2_t x_even = nn_simd_read_s16x2(c), x_odd = nn_simd_read_s16x2(c + 2);
      const int8x4_t word_a = nn_simd_read_s8x4(w);
      const int8x4_t word_b = nn_simd_read_s8x4(w + depth);
      a = __smlad(nn_simd_even_s8(word_a), x_even, a);
      a = __smlad(nn_simd_odd_s8(word_a), x_odd, a);
      b = __smlad(nn_simd_even_s8(word_b), x_even, b);
      b = __smlad(nn_simd_odd_s8(word_b), x_odd, b);
    }
    for (int32_t t = 0; t < depth - tail_start; ++t) {
      a = mac(a, groups_end[t], w[t]);
      b = mac(b, groups_end[t], w[depth + t]);
    }
    out[oc] = requantize(q, oc, a);
    out[oc + 1] = requantize(q, oc + 1, b);
  }
  if (oc < f->out_c) {
    const int8_t *w = f->weights + (size_t)oc * depth;
    int32_t a = bias_of(f, oc);
    for (const int16_t *c = columns; c < groups_end; c += 8, w += 4) {
      const int8x4_t word_a = nn_simd_read_s8x4(w);
      a = __smlad(nn_simd_even_s8(word_a), nn_simd_read_s16x2(c), a);
      a = __smlad(nn_simd_odd_s8(word_a), nn_simd_read_s16x2(c + 2), a);
    }
    for (int32_t t = 0; t < depth - tail_start; ++t)
      a = mac(a, groups_end[t], w[t]);
    out[oc] = requantize(q, oc, a);
  }
}
