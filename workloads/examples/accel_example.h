/* What the accelerator examples (accel_ops, accel_errors) share: the
 * device on stm32f746-npu, a pseudo-random generator with a fixed seed, a
 * memory arena for tensors, the core's cycle counter, and the comparison of
 * an accelerator's output with the CPU kernels'. */
#ifndef EDGESIM_ACCEL_EXAMPLE_H
#define EDGESIM_ACCEL_EXAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "accel_driver.h"
#include "nn_ops.h"

/* The board's accelerator, initialised (exits with 1 if it is missing). */
accel_device *example_accel(void);

/* A 32-bit LCG (Numerical Recipes' constants): the same numbers on every run. */
void rand_seed(uint32_t seed);
uint32_t rand_u32(void);
int32_t rand_range(int32_t lo, int32_t hi); /* lo..hi inclusive */
void rand_int8(int8_t *p, size_t n);

/* Tensors live in one arena of 32-byte aligned blocks (the D-cache's lines,
 * see accel_cache.h), emptied before each operation. */
void arena_reset(void);
void *arena_alloc(size_t bytes);
/* Cleans and invalidates the D-cache over everything allocated. */
void arena_flush(void);
/* BASE-relative addressing: the arena's start. */
uint32_t arena_base(void);

/* DWT_CYCCNT, started by example_accel(). */
uint32_t cpu_cycles(void);

/* The address operand of a pointer (BASE0, which the driver sets to 0). */
accel_address address_of(const volatile void *p);

/* The ADD command for the CPU kernel's parameters. */
accel_add_params add_command(const nn_add_params *q, const int8_t *input1, const int8_t *input2,
                             int8_t *output, uint32_t count);

/* Index of the first byte where a and b differ, or -1. */
long first_mismatch(const int8_t *a, const int8_t *b, size_t n);

/* The operands of a MAC operation, in the arena. */
typedef struct {
  int8_t *input, *weights;
  int32_t *bias, *multipliers, *shifts;
  int8_t *accel_out, *cpu_out;
  size_t output_bytes;
  nn_mac_quant quant;
} mac_tensors;

/* Random operands for `channels` outputs reducing over k products, scaled
 * so that outputs rarely saturate; the arena is reset first. */
void make_mac_tensors(mac_tensors *t, size_t input_bytes, size_t weight_bytes, size_t output_bytes,
                      uint32_t channels, uint32_t k, bool with_bias);
/* The tensors' addresses as command operands (absolute, BASE0 = 0). */
accel_mac_operands mac_operands(const mac_tensors *t);
accel_mac_quant mac_quant(const nn_mac_quant *q);
accel_window accel_window_of(const nn_window *w);
/* A window with TFLite's SAME or VALID padding. */
nn_window make_window(nn_padding padding, int32_t in_h, int32_t in_w, int32_t kernel_h,
                      int32_t kernel_w, int32_t stride_h, int32_t stride_w, int32_t dilation_h,
                      int32_t dilation_w);

#endif
