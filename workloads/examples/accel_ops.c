/* accel_ops: every operation of the accelerator against the portable CPU
 * kernels (workloads/nn), bit for bit, on stm32f746-npu.
 *
 * Each operation gets pseudo-random tensors and quantization parameters
 * from a fixed seed, runs on the accelerator (the command stream in DTCM,
 * the tensors in SRAM) and on the CPU, and prints one line:
 *   <op> <shape> wait=<wfi|poll>: match, cpu <n> cycles, accel <n> cycles
 * or "mismatch at <index>: accel <v> cpu <v>" in place of "match". CPU
 * cycles are DWT_CYCCNT around the kernel, accelerator cycles the PMU's
 * busy count for the stream. conv2d_tiled's output and fully_connected's
 * weights are larger than the accelerator's local buffers, so it must tile
 * them. Some operations wait in WFI for the interrupt, others poll STATUS.
 * Exit code 0 if every operation matches, 1 otherwise.
 */
#include <stdbool.h>
#include <stdio.h>

#include "accel_cache.h"
#include "accel_driver.h"
#include "accel_example.h"
#include "nn_ops.h"

static accel_device *accel;

/* One operation's command stream: the layer command and STOP. DTCM is never
 * cached, so the stream needs no cache maintenance. */
static uint32_t stream_words[2 * ACCEL_WORDS_CONV] __attribute__((section(".dtcm")));

/* How one operation ran on both sides. */
typedef struct {
  accel_result result;
  accel_pmu pmu;
  uint32_t cpu_cycles;
} timings;

/* Runs the stream in stream_words on the accelerator: the D-cache is
 * flushed over the arena first and invalidated over the output after. */
static void run_accel(const accel_stream *s, accel_wait_mode wait, const void *output,
                      size_t output_bytes, timings *t)
{
  arena_flush();
  accel_pmu_reset(accel);
  t->result = accel_run(accel, s, wait);
  accel_pmu_read(accel, &t->pmu);
  accel_cache_invalidate(output, output_bytes);
}

static void begin_stream(accel_stream *s)
{
  accel_stream_init(s, stream_words, sizeof stream_words / sizeof stream_words[0]);
}

/* Ends the stream with STOP; a full buffer is a bug in this program. */
static bool end_stream(accel_stream *s, accel_result layer)
{
  if (layer == ACCEL_DRV_OK)
    layer = accel_stream_stop(s);
  if (layer != ACCEL_DRV_OK)
    printf("building the command stream failed (%d)\n", (int)layer);
  return layer == ACCEL_DRV_OK;
}

/* Prints the operation's line; returns 1 if it failed. */
static int report(const char *name, const char *shape, accel_wait_mode wait, const timings *t,
                  const int8_t *accel_out, const int8_t *cpu_out, size_t n)
{
  printf("%s %s wait=%s: ", name, shape, wait == ACCEL_WAIT_IRQ ? "wfi" : "poll");
  if (t->result != ACCEL_DRV_OK) {
    const uint32_t status = accel_status(accel);
    printf("accelerator error %d (STATUS 0x%08lx, command at offset %lu)\n",
           (int)accel_error_code(status), (unsigned long)status,
           (unsigned long)accel_command_offset(accel));
    return 1;
  }
  const long at = first_mismatch(accel_out, cpu_out, n);
  if (at < 0)
    printf("match");
  else
    printf("mismatch at %ld: accel %d cpu %d", at, accel_out[at], cpu_out[at]);
  printf(", cpu %lu cycles, accel %lu cycles\n", (unsigned long)t->cpu_cycles,
         (unsigned long)t->pmu.cycles);
  return at < 0 ? 0 : 1;
}

static int conv2d(const char *name, int32_t batch, int32_t in_c, int32_t out_c, nn_window w,
                  bool with_bias, accel_wait_mode wait)
{
  const nn_conv_shape shape = {.batch = batch, .in_c = in_c, .out_c = out_c, .window = w};
  const uint32_t k = (uint32_t)(w.kernel_h * w.kernel_w * in_c);
  mac_tensors t;
  make_mac_tensors(&t, (size_t)batch * w.in_h * w.in_w * in_c, (size_t)out_c * k,
                   (size_t)batch * w.out_h * w.out_w * out_c, (uint32_t)out_c, k, with_bias);

  accel_stream s;
  begin_stream(&s);
  const accel_conv2d_params p = {.at = mac_operands(&t), .window = accel_window_of(&w),
                                 .in_c = (uint16_t)in_c, .out_c = (uint16_t)out_c,
                                 .quant = mac_quant(&t.quant), .batch = (uint32_t)batch};
  if (!end_stream(&s, accel_stream_conv2d(&s, &p)))
    return 1;
  timings tm;
  run_accel(&s, wait, t.accel_out, t.output_bytes, &tm);

  const uint32_t start = cpu_cycles();
  nn_conv2d(&shape, &t.quant, t.input, t.weights, t.bias, t.cpu_out);
  tm.cpu_cycles = cpu_cycles() - start;

  char text[112];
  snprintf(text, sizeof text, "%ldx%ldx%ldx%ld->%ldx%ldx%ldx%ld k%ldx%ld s%ldx%ld d%ldx%ld p%ldx%ld%s",
           (long)batch, (long)w.in_h, (long)w.in_w, (long)in_c, (long)batch, (long)w.out_h,
           (long)w.out_w, (long)out_c, (long)w.kernel_h, (long)w.kernel_w, (long)w.stride_h,
           (long)w.stride_w, (long)w.dilation_h, (long)w.dilation_w, (long)w.pad_top,
           (long)w.pad_left, with_bias ? "" : " no bias");
  return report(name, text, wait, &tm, t.accel_out, t.cpu_out, t.output_bytes);
}

/* The depthwise convolution addresses its operands from BASE1 (the arena),
 * to exercise the regions word. */
static int depthwise(int32_t in_c, int32_t multiplier, nn_window w, accel_wait_mode wait)
{
  const nn_depthwise_shape shape = {.batch = 1, .in_c = in_c, .depth_multiplier = multiplier,
                                    .window = w};
  const int32_t out_c = in_c * multiplier;
  const uint32_t k = (uint32_t)(w.kernel_h * w.kernel_w);
  mac_tensors t;
  make_mac_tensors(&t, (size_t)w.in_h * w.in_w * in_c, (size_t)k * out_c,
                   (size_t)w.out_h * w.out_w * out_c, (uint32_t)out_c, k, true);

  accel_mac_operands at = mac_operands(&t);
  accel_address *const operands[] = {&at.input, &at.weights, &at.bias,
                                     &at.multipliers, &at.shifts, &at.output};
  for (unsigned i = 0; i < 6; ++i) {
    operands[i]->base = 1;
    operands[i]->offset -= arena_base();
  }
  accel_set_base(accel, 1, arena_base());

  accel_stream s;
  begin_stream(&s);
  const accel_depthwise_params p = {.at = at, .window = accel_window_of(&w),
                                    .in_c = (uint16_t)in_c, .depth_multiplier = (uint16_t)multiplier,
                                    .quant = mac_quant(&t.quant), .batch = 1};
  if (!end_stream(&s, accel_stream_depthwise_conv2d(&s, &p)))
    return 1;
  timings tm;
  run_accel(&s, wait, t.accel_out, t.output_bytes, &tm);
  accel_set_base(accel, 1, 0);

  const uint32_t start = cpu_cycles();
  nn_depthwise_conv2d(&shape, &t.quant, t.input, t.weights, t.bias, t.cpu_out);
  tm.cpu_cycles = cpu_cycles() - start;

  char text[96];
  snprintf(text, sizeof text, "1x%ldx%ldx%ld->1x%ldx%ldx%ld k%ldx%ld multiplier %ld",
           (long)w.in_h, (long)w.in_w, (long)in_c, (long)w.out_h, (long)w.out_w, (long)out_c,
           (long)w.kernel_h, (long)w.kernel_w, (long)multiplier);
  return report("depthwise_conv2d", text, wait, &tm, t.accel_out, t.cpu_out, t.output_bytes);
}

static int fully_connected(int32_t batch, int32_t in_features, int32_t out_features,
                           accel_wait_mode wait)
{
  const nn_fully_connected_shape shape = {.batch = batch, .in_features = in_features,
                                          .out_features = out_features};
  mac_tensors t;
  make_mac_tensors(&t, (size_t)batch * in_features, (size_t)out_features * in_features,
                   (size_t)batch * out_features, (uint32_t)out_features, (uint32_t)in_features, true);

  accel_stream s;
  begin_stream(&s);
  const accel_fully_connected_params p = {
      .at = mac_operands(&t), .in_features = (uint32_t)in_features,
      .out_features = (uint32_t)out_features, .batch = (uint32_t)batch,
      .quant = mac_quant(&t.quant)};
  if (!end_stream(&s, accel_stream_fully_connected(&s, &p)))
    return 1;
  timings tm;
  run_accel(&s, wait, t.accel_out, t.output_bytes, &tm);

  const uint32_t start = cpu_cycles();
  nn_fully_connected(&shape, &t.quant, t.input, t.weights, t.bias, t.cpu_out);
  tm.cpu_cycles = cpu_cycles() - start;

  char text[64];
  snprintf(text, sizeof text, "%ldx%ld->%ldx%ld", (long)batch, (long)in_features, (long)batch,
           (long)out_features);
  return report("fully_connected", text, wait, &tm, t.accel_out, t.cpu_out, t.output_bytes);
}

/* ADD with TFLite's parameters for random scales: input 1 has the larger
 * scale (multiplier 0.5), input 2 a smaller one, 20 bits of headroom. */
static int add(uint32_t count, accel_wait_mode wait)
{
  arena_reset();
  int8_t *in1 = arena_alloc(count), *in2 = arena_alloc(count);
  int8_t *accel_out = arena_alloc(count), *cpu_out = arena_alloc(count);
  rand_int8(in1, count);
  rand_int8(in2, count);
  const nn_add_params q = {
      .input1_offset = -(int32_t)(int8_t)(rand_u32() >> 24),
      .input2_offset = -(int32_t)(int8_t)(rand_u32() >> 24),
      .left_shift = 20,
      .input1_multiplier = 1 << 30, .input1_shift = 0,
      .input2_multiplier = (int32_t)((1u << 30) | (rand_u32() >> 2)), .input2_shift = -1,
      .output_multiplier = (int32_t)((1u << 30) | (rand_u32() >> 2)),
      .output_shift = rand_range(-20, -19),
      .output_offset = rand_range(-16, 16),
      .act_min = -128, .act_max = 127,
  };

  accel_stream s;
  begin_stream(&s);
  const accel_add_params p = add_command(&q, in1, in2, accel_out, count);
  if (!end_stream(&s, accel_stream_add(&s, &p)))
    return 1;
  timings tm;
  run_accel(&s, wait, accel_out, count, &tm);

  const uint32_t start = cpu_cycles();
  nn_add(&q, in1, in2, cpu_out, count);
  tm.cpu_cycles = cpu_cycles() - start;

  char text[32];
  snprintf(text, sizeof text, "%lu elements", (unsigned long)count);
  return report("add", text, wait, &tm, accel_out, cpu_out, count);
}

int main(void)
{
  accel = example_accel();
  accel_info info;
  accel_read_info(accel, &info);
  printf("accel_ops: %lux%lu MAC array, buffers input %lu weight %lu output %lu bytes\n",
         (unsigned long)info.rows, (unsigned long)info.cols, (unsigned long)info.input_bytes,
         (unsigned long)info.weight_bytes, (unsigned long)info.output_bytes);
  rand_seed(0x5EED0001u);

  int failures = 0;
  /* Strides, dilation and SAME padding, two images. */
  failures += conv2d("conv2d", 2, 5, 7,
                     make_window(NN_PADDING_SAME, 9, 11, 3, 3, 2, 1, 1, 2), true, ACCEL_WAIT_IRQ);
  /* VALID padding, a 5x3 kernel with stride 3 and dilation 2 x 1, no bias. */
  failures += conv2d("conv2d_valid", 1, 3, 10,
                     make_window(NN_PADDING_VALID, 21, 14, 5, 3, 3, 1, 2, 1), false, ACCEL_WAIT_POLL);
  /* 40x40x16 outputs (25600 bytes) do not fit the output buffer: row bands. */
  failures += conv2d("conv2d_tiled", 1, 8, 16,
                     make_window(NN_PADDING_SAME, 40, 40, 3, 3, 1, 1, 1, 1), true, ACCEL_WAIT_POLL);
  failures += depthwise(6, 2, make_window(NN_PADDING_SAME, 15, 13, 3, 3, 2, 1, 1, 1),
                        ACCEL_WAIT_IRQ);
  /* 64 KiB of weights (plus 12 bytes a channel) do not fit the weight
   * buffer: output channels in chunks. */
  failures += fully_connected(4, 1024, 64, ACCEL_WAIT_POLL);
  failures += add(3000, ACCEL_WAIT_IRQ);

  printf("accel_ops: %s\n", failures ? "FAILED" : "all operations match");
  return failures ? 1 : 0;
}
