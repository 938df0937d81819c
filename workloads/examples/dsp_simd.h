/* ARMv7E-M SIMD helpers that GCC 12's <arm_acle.h> lacks.
 *
 * ACLE spells them __ror and __pkhbt, but arm-none-eabi-gcc 12 provides
 * neither, and it compiles neither __sxtb16(rotate(x, 8)) into SXTB16's
 * rotation field nor the halfword-packing C expression into PKHBT (it emits
 * ROR + SXTB16 and UXTH + ORR). As CMSIS-Core's __SXTB16_RORn does, these
 * use the instructions directly. The word reads go through memcpy, which GCC
 * turns into one LDR (as CMSIS-NN's arm_nn_read_s8x4), without breaking
 * strict aliasing.
 */
#ifndef EDGESIM_DSP_SIMD_H
#define EDGESIM_DSP_SIMD_H

#include <arm_acle.h>
#include <stdint.h>
#include <string.h>

#if !defined(__ARM_FEATURE_DSP) || !defined(__ARM_FEATURE_SIMD32)
#error "dsp_simd.h needs the ARMv7E-M DSP extension (-mcpu=cortex-m4 or later)"
#endif

/* Four int8 as one word: byte i of the word is p[i] (little-endian). */
static inline int8x4_t dsp_read_s8x4(const int8_t *p)
{
    int8x4_t word;
    memcpy(&word, p, sizeof word);
    return word;
}

/* Two q15 as one word: bottom halfword p[0], top halfword p[1]. */
static inline int16x2_t dsp_read_q15x2(const int16_t *p)
{
    int16x2_t word;
    memcpy(&word, p, sizeof word);
    return word;
}

/* SXTB16 Rd, Rm, ROR #8: bytes 1 and 3 of x sign-extended into the bottom
 * and top halfwords; the ACLE idiom __sxtb16(__ror(x, 8)) in one instruction.
 * (__sxtb16(x) takes bytes 0 and 2.) */
static inline int16x2_t dsp_sxtb16_ror8(int8x4_t x)
{
    int16x2_t pair;
    __asm("sxtb16 %0, %1, ror #8" : "=r"(pair) : "r"(x));
    return pair;
}

/* PKHBT Rd, Rn, Rm: bottom halfword of bottom, top halfword of top
 * (ACLE's __pkhbt(bottom, top, 0)). */
static inline int16x2_t dsp_pkhbt(int16x2_t bottom, int16x2_t top)
{
    int16x2_t packed;
    __asm("pkhbt %0, %1, %2" : "=r"(packed) : "r"(bottom), "r"(top));
    return packed;
}

/* The sticky Q flag (APSR bit 27), cleared before and read after the code
 * under test. ACLE's __set_saturation_occurred/__saturation_occurred are
 * not used: GCC 12 treats them as accesses to a register that calls do not
 * clobber, so it hoists a read of Q out of a loop around a call (and it
 * orders a __qadd against them only if it has seen a read of Q before
 * expanding the __qadd). Volatile asm with a memory clobber stays where
 * it is written, on either side of a call. */
static inline void dsp_clear_q(void)
{
    uint32_t apsr;
    __asm volatile("mrs %0, apsr" : "=r"(apsr) : : "memory");
    apsr &= ~(UINT32_C(1) << 27);
    __asm volatile("msr apsr_nzcvq, %0" : : "r"(apsr) : "cc", "memory");
}

static inline int dsp_q_flag(void)
{
    uint32_t apsr;
    __asm volatile("mrs %0, apsr" : "=r"(apsr) : : "memory");
    return (int)((apsr >> 27) & 1u);
}

#endif
