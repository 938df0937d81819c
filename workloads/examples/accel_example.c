#include "accel_example.h"

#include <stdio.h>
#include <stdlib.h>

#include "accel_cache.h"
#include "cortex_m.h"
#include "stm32f746_npu.h"

/* The core's cycle counter (ARMv7-M ARM, DWT): DEMCR.TRCENA powers the DWT,
 * DWT_CTRL.CYCCNTENA starts the count. */
#define DEMCR EDGESIM_REG32(0xE000EDFCu)
#define DWT_CTRL EDGESIM_REG32(0xE0001000u)
#define DWT_CYCCNT EDGESIM_REG32(0xE0001004u)
#define DEMCR_TRCENA (1u << 24)
#define DWT_CTRL_CYCCNTENA (1u << 0)

enum { ARENA_BYTES = 96 * 1024, ARENA_ALIGN = 32 };

static accel_device device;
static uint32_t rand_state = 1;
static uint8_t arena[ARENA_BYTES] __attribute__((aligned(ARENA_ALIGN)));
static size_t arena_used;

accel_device *example_accel(void)
{
  DEMCR |= DEMCR_TRCENA;
  DWT_CTRL |= DWT_CTRL_CYCCNTENA;
  if (accel_init(&device, STM32F746_NPU_ACCEL_BASE, STM32F746_NPU_ACCEL_IRQ) != ACCEL_DRV_OK) {
    printf("no accelerator at 0x%08lx (ID 0x%08lx)\n", (unsigned long)STM32F746_NPU_ACCEL_BASE,
           (unsigned long)accel_read(&device, ACCEL_ID));
    exit(1);
  }
  return &device;
}

void rand_seed(uint32_t seed) { rand_state = seed; }

uint32_t rand_u32(void)
{
  rand_state = rand_state * 1664525u + 1013904223u;
  return rand_state;
}

int32_t rand_range(int32_t lo, int32_t hi)
{
  /* The high bits: an LCG's low bits have short periods. */
  const uint64_t span = (uint64_t)((int64_t)hi - lo + 1);
  return (int32_t)(lo + (int64_t)(((uint64_t)rand_u32() * span) >> 32));
}

void rand_int8(int8_t *p, size_t n)
{
  for (size_t i = 0; i < n; ++i)
    p[i] = (int8_t)(rand_u32() >> 24);
}

void arena_reset(void) { arena_used = 0; }

void *arena_alloc(size_t bytes)
{
  const size_t rounded = (bytes + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if (rounded > ARENA_BYTES - arena_used) {
    printf("arena: %u bytes do not fit (%u of %u used)\n", (unsigned)bytes, (unsigned)arena_used,
           (unsigned)ARENA_BYTES);
    exit(1);
  }
  void *p = arena + arena_used;
  arena_used += rounded;
  return p;
}

void arena_flush(void) { accel_cache_flush(arena, arena_used); }

uint32_t arena_base(void) { return (uint32_t)(uintptr_t)arena; }

uint32_t cpu_cycles(void) { return DWT_CYCCNT; }

accel_address address_of(const volatile void *p) { return accel_at((uint32_t)(uintptr_t)p); }

accel_add_params add_command(const nn_add_params *q, const int8_t *input1, const int8_t *input2,
                             int8_t *output, uint32_t count)
{
  const accel_add_params p = {
      .input1 = address_of(input1), .input2 = address_of(input2), .output = address_of(output),
      .count = count,
      .input1_offset = q->input1_offset, .input2_offset = q->input2_offset,
      .left_shift = q->left_shift,
      .input1_scale = {q->input1_multiplier, q->input1_shift},
      .input2_scale = {q->input2_multiplier, q->input2_shift},
      .output_scale = {q->output_multiplier, q->output_shift},
      .output_offset = q->output_offset,
      .act_min = (int16_t)q->act_min, .act_max = (int16_t)q->act_max,
  };
  return p;
}

long first_mismatch(const int8_t *a, const int8_t *b, size_t n)
{
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i])
      return (long)i;
  return -1;
}


/* floor(sqrt(n)), for the size of a typical sum. */
static uint32_t isqrt(uint32_t n)
{
  uint32_t r = 0;
  while ((r + 1) * (r + 1) <= n)
    ++r;
  return r;
}

static int bit_length(uint32_t v)
{
  int n = 0;
  for (; v; v >>= 1)
    ++n;
  return n;
}

/* Random operands for `channels` outputs reducing over k products. The
 * shifts scale a typical sum (about 6000 * sqrt(k): int8 products summed
 * with random signs) to about +-64, so that outputs rarely saturate. */
void make_mac_tensors(mac_tensors *t, size_t input_bytes, size_t weight_bytes,
                             size_t output_bytes, uint32_t channels, uint32_t k, bool with_bias)
{
  arena_reset();
  t->input = arena_alloc(input_bytes);
  t->weights = arena_alloc(weight_bytes);
  t->bias = with_bias ? arena_alloc(channels * sizeof(int32_t)) : NULL;
  t->multipliers = arena_alloc(channels * sizeof(int32_t));
  t->shifts = arena_alloc(channels * sizeof(int32_t));
  t->accel_out = arena_alloc(output_bytes);
  t->cpu_out = arena_alloc(output_bytes);
  t->output_bytes = output_bytes;

  rand_int8(t->input, input_bytes);
  rand_int8(t->weights, weight_bytes);
  const int base_shift = -bit_length(isqrt(k) * 6000 / 64);
  for (uint32_t c = 0; c < channels; ++c) {
    if (t->bias)
      t->bias[c] = rand_range(-20000, 20000);
    t->multipliers[c] = (int32_t)((1u << 30) | (rand_u32() >> 2)); /* [2^30, 2^31): a normalised Q31 */
    t->shifts[c] = base_shift + rand_range(-1, 1);
  }
  t->quant.input_offset = -(int32_t)(int8_t)(rand_u32() >> 24); /* -(zero point): [-127, 128] */
  t->quant.output_offset = rand_range(-16, 16);
  t->quant.act_min = -128 + rand_range(0, 31);
  t->quant.act_max = 127 - rand_range(0, 31);
  t->quant.multipliers = t->multipliers;
  t->quant.shifts = t->shifts;
}

accel_mac_operands mac_operands(const mac_tensors *t)
{
  const accel_mac_operands at = {
      .input = address_of(t->input),
      .weights = address_of(t->weights),
      .bias = t->bias ? address_of(t->bias) : accel_no_bias(),
      .multipliers = address_of(t->multipliers),
      .shifts = address_of(t->shifts),
      .output = address_of(t->accel_out),
  };
  return at;
}

accel_mac_quant mac_quant(const nn_mac_quant *q)
{
  const accel_mac_quant aq = {.input_offset = q->input_offset,
                              .output_offset = q->output_offset,
                              .act_min = (int16_t)q->act_min,
                              .act_max = (int16_t)q->act_max};
  return aq;
}

accel_window accel_window_of(const nn_window *w)
{
  const accel_window aw = {
      .in_h = (uint16_t)w->in_h, .in_w = (uint16_t)w->in_w,
      .out_h = (uint16_t)w->out_h, .out_w = (uint16_t)w->out_w,
      .kernel_h = (uint8_t)w->kernel_h, .kernel_w = (uint8_t)w->kernel_w,
      .stride_h = (uint8_t)w->stride_h, .stride_w = (uint8_t)w->stride_w,
      .dilation_h = (uint8_t)w->dilation_h, .dilation_w = (uint8_t)w->dilation_w,
      .pad_top = (uint8_t)w->pad_top, .pad_left = (uint8_t)w->pad_left,
  };
  return aw;
}

/* A window with TFLite's SAME or VALID padding. */
nn_window make_window(nn_padding padding, int32_t in_h, int32_t in_w, int32_t kernel_h,
                             int32_t kernel_w, int32_t stride_h, int32_t stride_w,
                             int32_t dilation_h, int32_t dilation_w)
{
  nn_window w = {.in_h = in_h, .in_w = in_w, .kernel_h = kernel_h, .kernel_w = kernel_w,
                 .stride_h = stride_h, .stride_w = stride_w,
                 .dilation_h = dilation_h, .dilation_w = dilation_w};
  nn_padding_for(padding, in_h, kernel_h, stride_h, dilation_h, &w.out_h, &w.pad_top);
  nn_padding_for(padding, in_w, kernel_w, stride_w, dilation_w, &w.out_w, &w.pad_left);
  return w;
}
