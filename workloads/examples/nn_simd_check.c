/* nn_simd_check: the DSP kernels (nn/simd/nn_ops_simd.h) against the
 * portable ones (nn/nn_ops.h), byte for byte, then both timed on DS-CNN
 * keyword spotting's layers.
 *
 * 1. The inline requantization of the simd kernels against nn_requantize
 *    on edge values (accumulators, multipliers, every shift).
 * 2. For each kernel, random cases: shapes with odd channel counts, 1x1 and
 *    3x3 and other kernels, strides 1-3, SAME and VALID, dilation,
 *    batches, depth multipliers; random zero points, per-channel multipliers
 *    and shifts (some outside TFLite's range, to reach the edges), bias or
 *    none, activation ranges. One line per kernel: its case count and
 *    mismatches, and the first mismatch's case and output.
 * 3. DS-CNN's layers on 49x10 MFCC input (conv 10x4 stride 2 SAME to
 *    25x5x64, depthwise 3x3 SAME, pointwise 64 -> 64, FC 64 -> 12), each
 *    with both backends: DWT_CYCCNT cycles and their ratio, outputs
 *    compared too.
 * Exit 0 if everything matches, 1 otherwise.
 */
#include <stdio.h>

#include "cortex_m.h"
#include "nn_ops.h"
#include "nn_ops_simd.h"
#include "nn_quant.h"
#include "nn_simd_requant.h"

/* ---- cycle counter (ARMv7-M ARM, DWT): DEMCR.TRCENA powers the DWT ---- */
#define DEMCR EDGESIM_REG32(0xE000EDFCu)
#define DWT_CTRL EDGESIM_REG32(0xE0001000u)
#define DWT_CYCCNT EDGESIM_REG32(0xE0001004u)

static void start_cycle_counter(void)
{
  DEMCR |= 1u << 24;   /* TRCENA */
  DWT_CYCCNT = 0;
  DWT_CTRL |= 1u << 0; /* CYCCNTENA */
}

/* ---- deterministic pseudo-random numbers (xorshift32) ---- */
static uint32_t rng_state = 2463534242u;

static uint32_t next_random(void)
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

/* Uniform in [lo, hi] (hi - lo small against 2^32). */
static int32_t random_in(int32_t lo, int32_t hi)
{
  return lo + (int32_t)(next_random() % (uint32_t)(hi - lo + 1));
}

static int one_in(uint32_t n) { return next_random() % n == 0; }

static void fill_random_s8(int8_t *p, size_t n)
{
  for (size_t i = 0; i < n; ++i)
    p[i] = (int8_t)next_random();
}

/* ---- tensors, sized for the largest random case and the DS-CNN layers ---- */
enum {
  kMaxInput = 8192,
  kMaxWeights = 4096,
  kMaxOutput = 8192,
  kMaxChannels = 64,
  kMaxScratch = 2048,
};

static int8_t input[kMaxInput];
static int8_t weights[kMaxWeights];
static int8_t out_portable[kMaxOutput];
static int8_t out_simd[kMaxOutput];
static int32_t bias_values[kMaxChannels];
static int32_t multipliers[kMaxChannels];
static int32_t shifts[kMaxChannels];
static uint32_t scratch[kMaxScratch / sizeof(uint32_t)]; /* 4-byte aligned */

/* Random quantization for `channels` output channels. Mostly TFLite's
 * ranges (multiplier in [2^30, 2^31), shifts that keep outputs in range);
 * one case in eight takes edge multipliers and any shift in [-31, 7]. */
static nn_mac_quant random_quant(int32_t channels, const int32_t **bias)
{
  static const int32_t edge_multipliers[] = {INT32_MIN, INT32_MAX, 1 << 30, -(1 << 30), 0, 1, -1};
  const int edges = one_in(8);
  for (int32_t c = 0; c < channels; ++c) {
    if (edges) {
      multipliers[c] = one_in(2) ? edge_multipliers[next_random() % 7] : (int32_t)next_random();
      shifts[c] = random_in(-31, 7);
    } else {
      multipliers[c] = (int32_t)((1u << 30) | (next_random() >> 2));
      shifts[c] = random_in(-14, 1);
    }
    bias_values[c] = one_in(8) ? (int32_t)next_random() : random_in(-40000, 40000);
  }
  *bias = one_in(4) ? NULL : bias_values;
  nn_mac_quant q = {.input_offset = random_in(-127, 128), .output_offset = random_in(-128, 127),
                    .act_min = -128, .act_max = 127, .multipliers = multipliers, .shifts = shifts};
  if (one_in(2)) {
    const int32_t a = random_in(-128, 127), b = random_in(-128, 127);
    q.act_min = a < b ? a : b;
    q.act_max = a < b ? b : a;
  }
  return q;
}

/* TFLite's geometry for one dimension; 0 when VALID leaves no output. */
static int32_t random_dimension(nn_padding padding, int32_t in, int32_t kernel, int32_t stride,
                                int32_t dilation, int32_t *pad)
{
  int32_t out;
  nn_padding_for(padding, in, kernel, stride, dilation, &out, pad);
  return out;
}

/* A random window; kernel_h/kernel_w given (0: random 1..4). Returns 0 if
 * the draw has no output (the caller draws again). */
static int random_window(nn_window *w, int32_t kernel_h, int32_t kernel_w, int32_t stride)
{
  const nn_padding padding = one_in(2) ? NN_PADDING_SAME : NN_PADDING_VALID;
  w->in_h = random_in(1, 9);
  w->in_w = random_in(1, 9);
  w->kernel_h = kernel_h ? kernel_h : random_in(1, 4);
  w->kernel_w = kernel_w ? kernel_w : random_in(1, 4);
  w->stride_h = stride ? stride : (one_in(6) ? 3 : random_in(1, 2));
  w->stride_w = stride ? stride : (one_in(6) ? 3 : random_in(1, 2));
  w->dilation_h = one_in(4) ? random_in(2, 3) : 1;
  w->dilation_w = one_in(4) ? random_in(2, 3) : 1;
  w->out_h = random_dimension(padding, w->in_h, w->kernel_h, w->stride_h, w->dilation_h, &w->pad_top);
  w->out_w = random_dimension(padding, w->in_w, w->kernel_w, w->stride_w, w->dilation_w, &w->pad_left);
  return w->out_h > 0 && w->out_w > 0;
}

/* in_c: a multiple of 4 one time in three (the kernels' word paths), else any 1..11. */
static int32_t random_channels(void)
{
  return one_in(3) ? 4 * random_in(1, 3) : random_in(1, 11);
}

static void print_window(const nn_window *w)
{
  printf("in %ldx%ld kernel %ldx%ld stride %ldx%ld dilation %ldx%ld pad %ld,%ld out %ldx%ld",
         (long)w->in_h, (long)w->in_w, (long)w->kernel_h, (long)w->kernel_w, (long)w->stride_h,
         (long)w->stride_w, (long)w->dilation_h, (long)w->dilation_w, (long)w->pad_top,
         (long)w->pad_left, (long)w->out_h, (long)w->out_w);
}

static void print_quant(const nn_mac_quant *q, const int32_t *bias)
{
  printf(" input_offset %ld output_offset %ld act [%ld, %ld]%s", (long)q->input_offset,
         (long)q->output_offset, (long)q->act_min, (long)q->act_max, bias ? "" : " no bias");
}

/* ---- comparing ---- */
typedef struct {
  const char *kernel;
  int cases;
  int mismatched_cases;
  int first_case; /* -1: none yet */
} tally;

/* Index of the first differing output byte, or -1. */
static long first_difference(size_t n)
{
  for (size_t i = 0; i < n; ++i)
    if (out_portable[i] != out_simd[i])
      return (long)i;
  return -1;
}

/* Counts a case; returns 1 when it is the kernel's first mismatch (the
 * caller then prints the case). */
static int record(tally *t, size_t outputs)
{
  const long at = first_difference(outputs);
  ++t->cases;
  if (at < 0)
    return 0;
  ++t->mismatched_cases;
  if (t->first_case >= 0)
    return 0;
  t->first_case = t->cases - 1;
  printf("%s: case %d: output %ld is %d (portable) but %d (simd): ", t->kernel, t->first_case, at,
         out_portable[at], out_simd[at]);
  return 1;
}

static int report(const tally *t)
{
  printf("%s: %d cases, %d mismatches\n", t->kernel, t->cases, t->mismatched_cases);
  return t->mismatched_cases;
}

/* Output bytes a kernel writes, cleared to different values on the two
 * sides so that an output one side skips cannot match by accident. */
static void clear_outputs(size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    out_portable[i] = 0x55;
    out_simd[i] = (int8_t)0xaa;
  }
}

/* ---- 1. requantization edges ---- */
static int check_requantize(void)
{
  static const int32_t accs[] = {0, 1, -1, 2, -2, 3, -3, 1 << 20, -(1 << 20), 123456789, -123456789,
                                 INT32_MAX, INT32_MIN, INT32_MAX - 1, INT32_MIN + 1, 1 << 30};
  static const int32_t mults[] = {INT32_MIN, INT32_MAX, 1 << 30, (1 << 30) + 1, -(1 << 30), 0, 1, -1,
                                  1518500250, -1518500250};
  int checks = 0, mismatches = 0;
  for (int shift = -31; shift <= 31; ++shift) {
    for (size_t a = 0; a < sizeof accs / sizeof accs[0]; ++a) {
      for (size_t m = 0; m < sizeof mults / sizeof mults[0]; ++m) {
        const int8_t expected = nn_requantize(accs[a], mults[m], shift, 3, -128, 127);
        const int8_t got = nn_simd_requantize(accs[a], mults[m], shift, 3, -128, 127);
        ++checks;
        if (expected != got && mismatches++ == 0)
          printf("requantize: acc %ld multiplier %ld shift %d: %d (portable) but %d (simd)\n",
                 (long)accs[a], (long)mults[m], shift, expected, got);
      }
    }
  }
  for (int i = 0; i < 20000; ++i) {
    const int32_t acc = (int32_t)next_random() >> random_in(0, 31);
    const int32_t mult = (int32_t)next_random();
    const int32_t shift = random_in(-31, 31);
    const int32_t offset = random_in(-128, 127);
    const int8_t expected = nn_requantize(acc, mult, shift, offset, -100, 90);
    const int8_t got = nn_simd_requantize(acc, mult, shift, offset, -100, 90);
    ++checks;
    if (expected != got && mismatches++ == 0)
      printf("requantize: acc %ld multiplier %ld shift %ld: %d (portable) but %d (simd)\n",
             (long)acc, (long)mult, (long)shift, expected, got);
  }
  printf("requantize: %d checks, %d mismatches\n", checks, mismatches);
  return mismatches;
}

/* ---- 2. random cases ---- */
static int check_conv2d(int count)
{
  tally t = {"conv2d", 0, 0, -1};
  while (t.cases < count) {
    nn_conv_shape s;
    /* One case in five pointwise (the kernel's own path), one in five 3x3. */
    const int kind = random_in(0, 4);
    const int32_t k = kind == 0 ? 1 : kind == 1 ? 3 : 0;
    if (!random_window(&s.window, k, k, kind == 0 && !one_in(4) ? 1 : 0))
      continue;
    s.batch = one_in(4) ? 2 : 1;
    s.in_c = random_channels();
    s.out_c = random_in(1, 10);
    const nn_window *w = &s.window;
    const size_t in_size = (size_t)s.batch * w->in_h * w->in_w * s.in_c;
    const size_t w_size = (size_t)s.out_c * w->kernel_h * w->kernel_w * s.in_c;
    const size_t out_size = (size_t)s.batch * w->out_h * w->out_w * s.out_c;
    if (in_size > kMaxInput || w_size > kMaxWeights || out_size > kMaxOutput ||
        nn_conv2d_simd_scratch_bytes(&s) > sizeof scratch)
      continue;
    fill_random_s8(input, in_size);
    fill_random_s8(weights, w_size);
    const int32_t *bias;
    const nn_mac_quant q = random_quant(s.out_c, &bias);
    clear_outputs(out_size);
    nn_conv2d(&s, &q, input, weights, bias, out_portable);
    nn_conv2d_simd(&s, &q, input, weights, bias, out_simd, scratch);
    if (record(&t, out_size)) {
      printf("batch %ld in_c %ld out_c %ld ", (long)s.batch, (long)s.in_c, (long)s.out_c);
      print_window(w);
      print_quant(&q, bias);
      printf("\n");
    }
  }
  return report(&t);
}

static int check_depthwise(int count)
{
  tally t = {"depthwise_conv2d", 0, 0, -1};
  while (t.cases < count) {
    nn_depthwise_shape s;
    const int32_t k = one_in(2) ? 3 : 0;
    if (!random_window(&s.window, k, k, 0))
      continue;
    s.batch = one_in(4) ? 2 : 1;
    s.in_c = one_in(6) ? random_in(13, 20) : random_channels();
    s.depth_multiplier = one_in(3) ? random_in(2, 3) : 1;
    const nn_window *w = &s.window;
    const int32_t out_c = s.in_c * s.depth_multiplier;
    const size_t in_size = (size_t)s.batch * w->in_h * w->in_w * s.in_c;
    const size_t w_size = (size_t)w->kernel_h * w->kernel_w * out_c;
    const size_t out_size = (size_t)s.batch * w->out_h * w->out_w * out_c;
    if (in_size > kMaxInput || w_size > kMaxWeights || out_size > kMaxOutput ||
        out_c > kMaxChannels || nn_depthwise_conv2d_simd_scratch_bytes(&s) > sizeof scratch)
      continue;
    fill_random_s8(input, in_size);
    fill_random_s8(weights, w_size);
    const int32_t *bias;
    const nn_mac_quant q = random_quant(out_c, &bias);
    clear_outputs(out_size);
    nn_depthwise_conv2d(&s, &q, input, weights, bias, out_portable);
    nn_depthwise_conv2d_simd(&s, &q, input, weights, bias, out_simd, scratch);
    if (record(&t, out_size)) {
      printf("batch %ld in_c %ld multiplier %ld ", (long)s.batch, (long)s.in_c,
             (long)s.depth_multiplier);
      print_window(w);
      print_quant(&q, bias);
      printf("\n");
    }
  }
  return report(&t);
}

static int check_fully_connected(int count)
{
  tally t = {"fully_connected", 0, 0, -1};
  while (t.cases < count) {
    const nn_fully_connected_shape s = {.batch = random_in(1, 3), .in_features = random_in(1, 100),
                                        .out_features = random_in(1, 20)};
    const size_t out_size = (size_t)s.batch * s.out_features;
    if (nn_fully_connected_simd_scratch_bytes(&s) > sizeof scratch)
      continue;
    fill_random_s8(input, (size_t)s.batch * s.in_features);
    fill_random_s8(weights, (size_t)s.out_features * s.in_features);
    const int32_t *bias;
    const nn_mac_quant q = random_quant(s.out_features, &bias);
    clear_outputs(out_size);
    nn_fully_connected(&s, &q, input, weights, bias, out_portable);
    nn_fully_connected_simd(&s, &q, input, weights, bias, out_simd, scratch);
    if (record(&t, out_size)) {
      printf("batch %ld in %ld out %ld", (long)s.batch, (long)s.in_features, (long)s.out_features);
      print_quant(&q, bias);
      printf("\n");
    }
  }
  return report(&t);
}

/* ---- 3. DS-CNN's layers, timed ---- */

/* TFLite-like quantization for the timed layers: realistic multipliers and
 * shifts, bias, ReLU-style clamp. */
static nn_mac_quant layer_quant(int32_t channels, int32_t shift)
{
  for (int32_t c = 0; c < channels; ++c) {
    multipliers[c] = (int32_t)((1u << 30) | (next_random() >> 2));
    shifts[c] = shift;
    bias_values[c] = random_in(-2000, 2000);
  }
  const nn_mac_quant q = {.input_offset = 83, .output_offset = -128, .act_min = -128,
                          .act_max = 127, .multipliers = multipliers, .shifts = shifts};
  return q;
}

typedef struct {
  uint32_t portable, simd;
} cycle_pair;

static int report_layer(const char *name, cycle_pair c, size_t outputs)
{
  const long at = first_difference(outputs);
  const char *verdict = at < 0 ? "outputs match" : "OUTPUTS DIFFER";
  if (c.simd == 0) { /* no cycle counter (QEMU's DWT reads as zero) */
    printf("layer %s: no cycle counts, %s\n", name, verdict);
  } else {
    const uint32_t hundredths = (uint32_t)(((uint64_t)c.portable * 100 + c.simd / 2) / c.simd);
    printf("layer %s: portable %lu cycles, simd %lu cycles, ratio %lu.%02lu, %s\n", name,
           (unsigned long)c.portable, (unsigned long)c.simd, (unsigned long)(hundredths / 100),
           (unsigned long)(hundredths % 100), verdict);
  }
  if (at >= 0)
    printf("layer %s: output %ld is %d (portable) but %d (simd)\n", name, at, out_portable[at],
           out_simd[at]);
  return at < 0 ? 0 : 1;
}

static nn_window dscnn_window(int32_t in_h, int32_t in_w, int32_t kernel_h, int32_t kernel_w,
                              int32_t stride)
{
  nn_window w = {.in_h = in_h, .in_w = in_w, .kernel_h = kernel_h, .kernel_w = kernel_w,
                 .stride_h = stride, .stride_w = stride, .dilation_h = 1, .dilation_w = 1};
  nn_padding_for(NN_PADDING_SAME, in_h, kernel_h, stride, 1, &w.out_h, &w.pad_top);
  nn_padding_for(NN_PADDING_SAME, in_w, kernel_w, stride, 1, &w.out_w, &w.pad_left);
  return w;
}

static int time_dscnn_layers(void)
{
  int failures = 0;
  cycle_pair c;
  uint32_t t0;

  {
    const nn_conv_shape s = {.batch = 1, .in_c = 1, .out_c = 64,
                             .window = dscnn_window(49, 10, 10, 4, 2)};
    const size_t out_size = (size_t)s.window.out_h * s.window.out_w * s.out_c;
    fill_random_s8(input, 49 * 10);
    fill_random_s8(weights, 64 * 10 * 4);
    const nn_mac_quant q = layer_quant(64, -9);
    clear_outputs(out_size);
    t0 = DWT_CYCCNT;
    nn_conv2d(&s, &q, input, weights, bias_values, out_portable);
    c.portable = DWT_CYCCNT - t0;
    t0 = DWT_CYCCNT;
    nn_conv2d_simd(&s, &q, input, weights, bias_values, out_simd, scratch);
    c.simd = DWT_CYCCNT - t0;
    failures += report_layer("conv 49x10x1->25x5x64 k10x4 s2 SAME", c, out_size);
  }
  {
    const nn_depthwise_shape s = {.batch = 1, .in_c = 64, .depth_multiplier = 1,
                                  .window = dscnn_window(25, 5, 3, 3, 1)};
    const size_t out_size = 25 * 5 * 64;
    fill_random_s8(input, 25 * 5 * 64);
    fill_random_s8(weights, 3 * 3 * 64);
    const nn_mac_quant q = layer_quant(64, -7);
    clear_outputs(out_size);
    t0 = DWT_CYCCNT;
    nn_depthwise_conv2d(&s, &q, input, weights, bias_values, out_portable);
    c.portable = DWT_CYCCNT - t0;
    t0 = DWT_CYCCNT;
    nn_depthwise_conv2d_simd(&s, &q, input, weights, bias_values, out_simd, scratch);
    c.simd = DWT_CYCCNT - t0;
    failures += report_layer("depthwise 25x5x64 k3x3 s1 SAME", c, out_size);
  }
  {
    const nn_conv_shape s = {.batch = 1, .in_c = 64, .out_c = 64,
                             .window = dscnn_window(25, 5, 1, 1, 1)};
    const size_t out_size = 25 * 5 * 64;
    fill_random_s8(input, 25 * 5 * 64);
    fill_random_s8(weights, 64 * 64);
    const nn_mac_quant q = layer_quant(64, -10);
    clear_outputs(out_size);
    t0 = DWT_CYCCNT;
    nn_conv2d(&s, &q, input, weights, bias_values, out_portable);
    c.portable = DWT_CYCCNT - t0;
    t0 = DWT_CYCCNT;
    nn_conv2d_simd(&s, &q, input, weights, bias_values, out_simd, scratch);
    c.simd = DWT_CYCCNT - t0;
    failures += report_layer("pointwise 25x5x64->64", c, out_size);
  }
  {
    const nn_fully_connected_shape s = {.batch = 1, .in_features = 64, .out_features = 12};
    fill_random_s8(input, 64);
    fill_random_s8(weights, 12 * 64);
    const nn_mac_quant q = layer_quant(12, -8);
    clear_outputs(12);
    t0 = DWT_CYCCNT;
    nn_fully_connected(&s, &q, input, weights, bias_values, out_portable);
    c.portable = DWT_CYCCNT - t0;
    t0 = DWT_CYCCNT;
    nn_fully_connected_simd(&s, &q, input, weights, bias_values, out_simd, scratch);
    c.simd = DWT_CYCCNT - t0;
    failures += report_layer("fully_connected 64->12", c, 12);
  }
  return failures;
}

int main(void)
{
  start_cycle_counter();
  printf("nn_simd_check on %s\n", EDGESIM_BOARD);
  int failures = check_requantize();
  failures += check_conv2d(300);
  failures += check_depthwise(300);
  failures += check_fully_connected(300);
  failures += time_dscnn_layers();
  if (failures) {
    printf("nn_simd_check: %d mismatches\n", failures);
    return 1;
  }
  printf("nn_simd_check: all kernels match\n");
  return 0;
}
