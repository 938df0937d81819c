/* The input offset leaves the inner loop: sum (x + offset) * w =
 * sum x * w + offset * sum w (modulo 2^32 as well), and sum w is one pass
 * over a filter row per call, not per pixel. So inputs and weights both
 * widen straight from int8 with SXTB16 (the same even/odd order on both
 * sides of each SMLAD), two channels by two pixels per pass. */
#pragma GCC optimize("O2") /* whatever the board's -Os: see nn_ops_simd.h */
#include "nn_pointwise_simd.h"

#include "nn_simd_intrinsics.h"
#include "nn_simd_requant.h"

#include <stddef.h>

static inline int32_t mac(int32_t acc, int32_t a, int32_t b)
{
  return (int32_t)((uint32_t)acc + (uint32_t)(a * b));
}

/* bias + input_offset * (sum of the row's weights), the accumulators'
 * start for every pixel. */
static int32_t row_start(const int8_t *row, int32_t depth, int32_t bias, int32_t input_offset)
{
  const int16x2_t ones = nn_simd_splat_s16(1);
  int32_t sum = 0;
  int32_t j = 0;
  for (; j + 4 <= depth; j += 4) {
    const int8x4_t word = nn_simd_read_s8x4(row + j);
    sum = __smlad(nn_simd_even_s8(word), ones, sum);
    sum = __smlad(nn_simd_odd_s8(word), ones, sum);
  }
  for (; j < depth; ++j)
    sum += row[j];
  return (int32_t)((uint32_t)bias + (uint32_t)input_offset * (uint32_t)sum);
}

static inline int8_t requantize(const nn_mac_quant *q, int32_t oc, int32_t acc)
{
  return nn_simd_requantize(acc, q->multipliers[oc], q->shifts[oc], q->output_offset, q->act_min,
                            q->act_max);
}

/* Two output channels (rows wa, wb) for every pixel. */
static void channel_pair(int32_t pixels, int32_t in_c, int32_t out_c, const nn_mac_quant *q,
                         const int8_t *input, const int8_t *wa, const int32_t *bias, int32_t oc,
                         int8_t *output)
{
  const int8_t *wb = wa + in_c;
  const int32_t start_a = row_start(wa, in_c, bias ? bias[oc] : 0, q->input_offset);
  const int32_t start_b = row_start(wb, in_c, bias ? bias[oc + 1] : 0, q->input_offset);
  const int32_t tail_start = in_c & ~3;
  int32_t p = 0;
  for (; p + 1 < pixels; p += 2) {
    /* Pixel p + 1 and channel oc + 1 are in_c further on than p and oc. */
    const int8_t *x = input + (size_t)p * in_c;
    const int8_t *w = wa;
    int32_t a0 = start_a, a1 = start_a, b0 = start_b, b1 = start_b;
    for (const int8_t *x_end = x + tail_start; x < x_end; x += 4, w += 4) {
      const int8x4_t word_a = nn_simd_read_s8x4(w);
      const int16x2_t wa_even = nn_simd_even_s8(word_a), wa_odd = nn_simd_odd_s8(word_a);
      const int8x4_t word_0 = nn_simd_read_s8x4(x);
      const int16x2_t x0_even = nn_simd_even_s8(word_0), x0_odd = nn_simd_odd_s8(word_0);
      a0 = __smlad(wa_even, x0_even, a0);
      a0 = __smlad(wa_odd, x0_odd, a0);
      const int8x4_t word_1 = nn_simd_read_s8x4(x + in_c);
      const int16x2_t x1_even = nn_simd_even_s8(word_1), x1_odd = nn_simd_odd_s8(word_1);
      a1 = __smlad(wa_even, x1_even, a1);
      a1 = __smlad(wa_odd, x1_odd, a1);
      const int8x4_t word_b = nn_simd_read_s8x4(w + in_c);
      const int16x2_t wb_even = nn_simd_even_s8(word_b), wb_odd = nn_simd_odd_s8(word_b);
      b0 = __smlad(wb_even, x0_even, b0);
      b0 = __smlad(wb_odd, x0_odd, b0);
      b1 = __smlad(wb_even, x1_even, b1);
      b1 = __smlad(wb_odd, x1_odd, b1);
    }
    const int8_t *x0 = input + (size_t)p * in_c;
    const int8_t *x1 = x0 + in_c;
    for (int32_t j = tail_start; j < in_c; ++j) {
      a0 = mac(a0, x0[j], wa[j]);
      a1 = mac(a1, x1[j], wa[j]);
      b0 = mac(b0, x0[j], wb[j]);
      b1 = mac(b1, x1[j], wb[j]);
    }
    int8_t *out0 = output + (size_t)p * out_c + oc;
    int8_t *out1 = out0 + out_c;
    out0[0] = requantize(q, oc, a0);
    out0[1] = requantize(q, oc + 1, b0);
    out1[0] = requantize(q, oc, a1);
    out1[1] = requantize(q, oc + 1, b1);
  }
  if (p < pixels) { /* an odd pixel count's last pixel */
    const int8_t *x0 = input + (size_t)p * in_c;
    int32_t a0 = start_a, b0 = start_b;
    for (int32_t j = 0; j < tail_start; j += 4) {
      const int8x4_t word_a = nn_simd_read_s8x4(wa + j);
      const int8x4_t word_b = nn_simd_read_s8x4(wb + j);
      const int8x4_t word_0 = nn_simd_read_s8x4(x0 + j);
      const int16x2_t x0_even = nn_simd_even_s8(word_0), x0_odd = nn_simd_odd_s8(word_0);
      a0 = __smlad(nn_simd_even_s8(word_a), x0_even, a0);
      a0 = __smlad(nn_simd_odd_s8(word_a), x0_odd, a0);
      b0 = __smlad(nn_simd_even_s8(word_b), x0_even, b0);
      b0 = __smlad(nn_simd_odd_s8(word_b), x0_odd, b0);
    }
    for (int32_t j = tail_start; j < in_c; ++j) {
      a0 = mac(a0, x0[j], wa[j]);
      b0 = mac(b0, x0[j], wb[j]);
    }
    int8_t *out0 = output + (size_t)p * out_c + oc;
    out0[0] = requantize(q, oc, a0);
    out0[1] = requantize(q, oc + 1, b0);
  }
}

/* The last channel of an odd channel count, pixel by pixel. */
static void single_channel(int32_t pixels, int32_t in_c, int32_t out_c, const nn_mac_quant *q,
                           const int8_t *input, const int8_t *wa, const int32_t *bias, int32_t oc,
                           int8_t *output)
{
  const int32_t start = row_start(wa, in_c, bias ? bias[oc] : 0, q->input_offset);
  const int32_t tail_start = in_c & ~3;
  for (int32_t p = 0; p < pixels; ++p) {
    const int8_t *x = input + (size_t)p * in_c;
    int32_t a = start;
    for (int32_t j = 0; j < tail_start; j += 4) {
      const int8x4_t word_a = nn_simd_read_s8x4(wa + j);
      const int8x4_t word_x = nn_simd_read_s8x4(x + j);
      a = __smlad(nn_simd_even_s8(word_a), nn_simd_even_s8(word_x), a);
      a = __smlad(nn_simd_odd_s8(word_a), nn_simd_odd_s8(word_x), a);
    }
    for (int32_t j = tail_start; j < in_c; ++j)
      a = mac(a, x[j], wa[j]);
    output[(size_t)p * out_c + oc] = requantize(q, oc, a);
  }
}

void nn_simd_pointwise(int32_t pixels, int32_t in_c, int32_t out_c, const nn_mac_quant *q,
                       const int8_t *input, const int8_t *weights, const int32_t *bias,
                       int8_t *output)
{
  int32_t oc = 0;
  for (; oc + 1 < out_c; oc += 2)
    channel_pair(pixels, in_c, out_c, q, input, weights + (size_t)oc * in_c, bias, oc, output);
  if (oc < out_c)
    single_channel(pixels, in_c, out_c, q, input, weights + (size_t)oc * in_c, bias, oc, output);
}
