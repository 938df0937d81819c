/* Internal to the simd kernels: the ARMv7E-M DSP operations they are built
 * from, on top of GCC's <arm_acle.h>.
 *
 * SXTB16 takes bytes 0 and 2 of a word, SXTB16 with ROR #8 bytes 1 and 3.
 * A word of four int8 [a0 a1 a2 a3] therefore widens to the halfword pairs
 * (a0, a2) and (a1, a3): the kernels keep that "even/odd" order on both
 * operands of an SMLAD, so the products still pair up channel by channel.
 * GCC 12's ACLE has no __ror and does not fold a rotate into SXTB16, hence
 * the one-instruction asm. Word reads and writes go through memcpy: GCC
 * makes them single LDR/STR (unaligned access is allowed on ARMv7-M)
 * without breaking strict aliasing.
 */
#ifndef EDGESIM_NN_SIMD_INTRINSICS_H
#define EDGESIM_NN_SIMD_INTRINSICS_H

#include <arm_acle.h>
#include <stdint.h>
#include <string.h>

#if !defined(__ARM_FEATURE_DSP) || !defined(__ARM_FEATURE_SIMD32)
#error "the simd nn kernels need the ARMv7E-M DSP extension (-mcpu=cortex-m4 or later)"
#endif

/* Four int8 as one word, p[0] in the low byte. */
static inline int8x4_t nn_simd_read_s8x4(const int8_t *p)
{
  int8x4_t word;
  memcpy(&word, p, sizeof word);
  return word;
}

/* Two int16 as one word, p[0] in the low halfword. */
static inline int16x2_t nn_simd_read_s16x2(const int16_t *p)
{
  int16x2_t word;
  memcpy(&word, p, sizeof word);
  return word;
}

static inline void nn_simd_write_s16x2(int16_t *p, int16x2_t word)
{
  memcpy(p, &word, sizeof word);
}

/* Bytes 0 and 2 of x, sign-extended to halfwords. */
static inline int16x2_t nn_simd_even_s8(int8x4_t x)
{
  return __sxtb16(x);
}

/* Bytes 1 and 3 of x, sign-extended to halfwords (SXTB16 Rd, Rm, ROR #8). */
static inline int16x2_t nn_simd_odd_s8(int8x4_t x)
{
  int16x2_t pair;
  __asm("sxtb16 %0, %1, ror #8" : "=r"(pair) : "r"(x));
  return pair;
}

/* The same int16 value in both halfwords (an input offset for SADD16). */
static inline int16x2_t nn_simd_splat_s16(int32_t value)
{
  const uint32_t half = (uint32_t)value & 0xffffu;
  return (int16x2_t)(half | (half << 16));
}

#endif
