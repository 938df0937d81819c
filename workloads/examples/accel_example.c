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
