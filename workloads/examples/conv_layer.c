/* conv_layer: one CONV_2D layer (24x24x16 -> 24x24x32, 3x3, stride 1, SAME
 * padding, per-channel requantization) on stm32f746-npu, either on the CPU
 * (the portable nn kernels) or on the accelerator (CONV_LAYER_ON_ACCEL=1,
 * waiting in WFI for its interrupt). The two builds run the same layer on
 * the same pseudo-random tensors, so their runs compare one to one: cycles,
 * traffic and, for the accelerator, its utilization, from edgesim's
 * summary or --stats. Prints the layer's cycles and an output checksum (the
 * same for both builds), exit 0.
 */
#include <stdio.h>

#include "accel_cache.h"
#include "accel_driver.h"
#include "accel_example.h"
#include "nn_ops.h"

#ifndef CONV_LAYER_ON_ACCEL
#define CONV_LAYER_ON_ACCEL 0
#endif

enum { kInH = 24, kInW = 24, kInC = 16, kOutC = 32, kKernel = 3 };

static uint32_t stream_words[ACCEL_WORDS_CONV + 1] __attribute__((section(".dtcm")));

/* FNV-1a over the output bytes. */
static uint32_t checksum(const int8_t *p, size_t n)
{
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; ++i)
    h = (h ^ (uint8_t)p[i]) * 16777619u;
  return h;
}

static uint32_t run_on_accel(const mac_tensors *t, const nn_window *w)
{
  accel_device *accel = example_accel();
  accel_stream s;
  accel_stream_init(&s, stream_words, sizeof stream_words / sizeof stream_words[0]);
  const accel_conv2d_params p = {.at = mac_operands(t), .window = accel_window_of(w),
                                 .in_c = kInC, .out_c = kOutC, .quant = mac_quant(&t->quant),
                                 .batch = 1};
  if (accel_stream_conv2d(&s, &p) != ACCEL_DRV_OK || accel_stream_stop(&s) != ACCEL_DRV_OK) {
    printf("building the command stream failed\n");
    return 0;
  }
  arena_flush();
  const uint32_t start = cpu_cycles();
  if (accel_run(accel, &s, ACCEL_WAIT_IRQ) != ACCEL_DRV_OK) {
    printf("accelerator error %d\n", (int)accel_error_code(accel_status(accel)));
    return 0;
  }
  const uint32_t cycles = cpu_cycles() - start;
  accel_cache_invalidate(t->accel_out, t->output_bytes);
  return cycles;
}

static uint32_t run_on_cpu(const mac_tensors *t, const nn_window *w)
{
  const nn_conv_shape shape = {.batch = 1, .in_c = kInC, .out_c = kOutC, .window = *w};
  const uint32_t start = cpu_cycles();
  nn_conv2d(&shape, &t->quant, t->input, t->weights, t->bias, t->accel_out);
  return cpu_cycles() - start;
}

int main(void)
{
  (void)example_accel(); /* starts the cycle counter */
  const nn_window w = make_window(NN_PADDING_SAME, kInH, kInW, kKernel, kKernel, 1, 1, 1, 1);
  const uint32_t k = kKernel * kKernel * kInC;
  mac_tensors t;
  rand_seed(2026);
  make_mac_tensors(&t, kInH * kInW * kInC, kOutC * k, (size_t)w.out_h * w.out_w * kOutC, kOutC, k, true);
  const uint32_t cycles = CONV_LAYER_ON_ACCEL ? run_on_accel(&t, &w) : run_on_cpu(&t, &w);
  if (cycles == 0)
    return 1;
  const unsigned long macs = (unsigned long)w.out_h * w.out_w * kOutC * k;
  printf("conv_layer %dx%dx%d -> %ldx%ldx%d k%dx%d on the %s: %lu core cycles, %lu MACs, output checksum 0x%08lx\n",
         kInH, kInW, kInC, (long)w.out_h, (long)w.out_w, kOutC, kKernel, kKernel,
         CONV_LAYER_ON_ACCEL ? "accelerator" : "cpu", (unsigned long)cycles, macs,
         (unsigned long)checksum(t.accel_out, t.output_bytes));
  return 0;
}
