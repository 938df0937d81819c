/* dsp_bench: a deterministic benchmark for the ARMv7E-M DSP extension.
 * Each iteration refills its inputs from a linear congruential generator and
 * runs
 *
 *  - an int8 fully connected layer (64 outputs x 256 inputs), CMSIS-NN
 *    style: four int8 of each operand loaded as one word, widened by SXTB16
 *    and SXTB16 ROR #8, accumulated with SMLAD; then requantised to int8
 *    (SMULL-based fixed-point multiply, rounding shift, SSAT #8),
 *  - a 32-tap q15 FIR over 256 samples with 32-bit sums (SMLAD, and SMLADX
 *    on PKHBT-packed pairs for the odd outputs, as arm_fir_fast_q15), SSAT
 *    back to q15,
 *
 * and folds every output into one checksum. dot_s8 and fir_q15 stay functions
 * of their own (noipa) so that tests/system can find their instructions.
 *
 * The kernels are written once, over small wrappers of the instructions:
 * on a DSP core (-mcpu=cortex-m4) the wrappers are the ACLE intrinsics and
 * dsp_simd.h; elsewhere (the host build) they are C models of the
 * instructions. The checksum that tests/system expects comes from the host
 * build, so the firmware's SIMD results are checked against plain C.
 * Build a longer run with -DBENCH_ITERATIONS=<n>.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifndef BENCH_ITERATIONS
#define BENCH_ITERATIONS 420  /* about 30 million instructions on a Cortex-M4 */
#endif

enum { FC_IN = 256, FC_OUT = 64, FIR_TAPS = 32, FIR_LEN = 256 };

/* ---- the instructions: ACLE on a DSP core, C models elsewhere ---------- */

#if defined(__ARM_FEATURE_DSP)
#include <arm_acle.h>
#include "dsp_simd.h"

static inline uint32_t read_s8x4(const int8_t *p) { return (uint32_t)dsp_read_s8x4(p); }
static inline uint32_t read_q15x2(const int16_t *p) { return (uint32_t)dsp_read_q15x2(p); }
static inline uint32_t sxtb16(uint32_t x) { return (uint32_t)__sxtb16((int8x4_t)x); }
static inline uint32_t sxtb16_ror8(uint32_t x) { return (uint32_t)dsp_sxtb16_ror8((int8x4_t)x); }
static inline uint32_t pkhbt(uint32_t bottom, uint32_t top)
{
    return (uint32_t)dsp_pkhbt((int16x2_t)bottom, (int16x2_t)top);
}
static inline int32_t smlad(uint32_t x, uint32_t y, int32_t acc)
{
    return __smlad((int16x2_t)x, (int16x2_t)y, acc);
}
static inline int32_t smladx(uint32_t x, uint32_t y, int32_t acc)
{
    return __smladx((int16x2_t)x, (int16x2_t)y, acc);
}
static inline int32_t ssat8(int32_t x) { return __ssat(x, 8); }
static inline int32_t ssat16(int32_t x) { return __ssat(x, 16); }
#else
static inline uint32_t read_s8x4(const int8_t *p)
{
    return (uint32_t)(uint8_t)p[0] | (uint32_t)(uint8_t)p[1] << 8 |
           (uint32_t)(uint8_t)p[2] << 16 | (uint32_t)(uint8_t)p[3] << 24;
}
static inline uint32_t read_q15x2(const int16_t *p)
{
    return (uint32_t)(uint16_t)p[0] | (uint32_t)(uint16_t)p[1] << 16;
}
static inline int16_t lo16(uint32_t x) { return (int16_t)(uint16_t)x; }
static inline int16_t hi16(uint32_t x) { return (int16_t)(uint16_t)(x >> 16); }
/* Bytes 0 and 2 sign-extended into the halfwords. */
static inline uint32_t sxtb16(uint32_t x)
{
    return (uint16_t)(int16_t)(int8_t)(uint8_t)x |
           (uint32_t)(uint16_t)(int16_t)(int8_t)(uint8_t)(x >> 16) << 16;
}
static inline uint32_t sxtb16_ror8(uint32_t x) { return sxtb16(x >> 8 | x << 24); }
static inline uint32_t pkhbt(uint32_t bottom, uint32_t top)
{
    return (bottom & 0xFFFFu) | (top & 0xFFFF0000u);
}
/* The kernels keep every sum below 2^31, so plain int32 sums are exact. */
static inline int32_t smlad(uint32_t x, uint32_t y, int32_t acc)
{
    return acc + lo16(x) * lo16(y) + hi16(x) * hi16(y);
}
static inline int32_t smladx(uint32_t x, uint32_t y, int32_t acc)
{
    return acc + lo16(x) * hi16(y) + hi16(x) * lo16(y);
}
static inline int32_t ssat8(int32_t x) { return x > 127 ? 127 : x < -128 ? -128 : x; }
static inline int32_t ssat16(int32_t x) { return x > 32767 ? 32767 : x < -32768 ? -32768 : x; }
#endif

/* ---- data and checksum ------------------------------------------------- */

static uint32_t lcg_state = 1618033u;

static uint32_t lcg_next(void)
{
    lcg_state = lcg_state * 1664525u + 1013904223u;  /* Numerical Recipes */
    return lcg_state;
}

static int8_t lcg_s8(void) { return (int8_t)(uint8_t)(lcg_next() >> 24); }
static int16_t lcg_q15(void) { return (int16_t)(uint16_t)(lcg_next() >> 16); }

static uint32_t checksum = 2166136261u;  /* FNV-1a offset basis */

static void fold(int32_t x)
{
    checksum = (checksum ^ (uint32_t)x) * 16777619u;  /* FNV-1a prime, a word at a time */
}

/* ---- int8 fully connected layer ---------------------------------------- */

static _Alignas(4) int8_t fc_weights[FC_OUT][FC_IN];
static _Alignas(4) int8_t fc_input[FC_IN];
static int32_t fc_bias[FC_OUT];
static int8_t fc_output[FC_OUT];

__attribute__((noipa))
static int32_t dot_s8(const int8_t *a, const int8_t *b)
{
    int32_t acc = 0;
    for (int i = 0; i < FC_IN; i += 4) {
        uint32_t wa = read_s8x4(a + i), wb = read_s8x4(b + i);
        acc = smlad(sxtb16(wa), sxtb16(wb), acc);            /* a0 b0 + a2 b2 */
        acc = smlad(sxtb16_ror8(wa), sxtb16_ror8(wb), acc);  /* a1 b1 + a3 b3 */
    }
    return acc;
}

/* TFLite-style requantisation: round(acc * multiplier / 2^31 / 2^shift),
 * saturated to int8. */
static int8_t requantise(int32_t acc, int32_t multiplier, int shift)
{
    int64_t product = (int64_t)acc * multiplier;
    int32_t high = (int32_t)((product + (INT64_C(1) << 30)) >> 31);
    int32_t rounded = (high + (1 << (shift - 1))) >> shift;
    return (int8_t)ssat8(rounded);
}

static void fully_connected(void)
{
    for (int o = 0; o < FC_OUT; ++o) {
        int32_t acc = dot_s8(fc_weights[o], fc_input) + fc_bias[o];
        fc_output[o] = requantise(acc, 1518500250, 10);  /* x 0.707 / 1024 */
    }
}

/* ---- q15 FIR ----------------------------------------------------------- */

/* taps_rev[j] = h[TAPS-1-j]; state[m] = x[m - (TAPS-1)] with TAPS-1 samples
 * of history, so y[n] = sum_j taps_rev[j] state[n+j] (dsp_kernels.c has the
 * derivation). |h| <= 2047: sums stay below 32 * 2^11 * 2^15 = 2^31. */
static _Alignas(4) int16_t fir_taps_rev[FIR_TAPS];
static _Alignas(4) int16_t fir_state[FIR_TAPS - 1 + FIR_LEN + 1];
static int16_t fir_output[FIR_LEN];

__attribute__((noipa))
static void fir_q15(void)
{
    for (int i = 0; i < FIR_LEN; i += 2) {
        const int16_t *px = fir_state + i;
        int32_t acc0 = 0, acc1 = 0;
        uint32_t x0 = read_q15x2(px);
        for (int j = 0; j < FIR_TAPS; j += 2) {
            uint32_t c = read_q15x2(fir_taps_rev + j);
            uint32_t x2 = read_q15x2(px + j + 2);
            acc0 = smlad(x0, c, acc0);
            acc1 = smladx(pkhbt(x2, x0), c, acc1);
            x0 = x2;
        }
        fir_output[i] = (int16_t)ssat16(acc0 >> 15);
        fir_output[i + 1] = (int16_t)ssat16(acc1 >> 15);
    }
}

int main(void)
{
    for (int o = 0; o < FC_OUT; ++o) {
        for (int i = 0; i < FC_IN; ++i)
            fc_weights[o][i] = lcg_s8();
        fc_bias[o] = (int32_t)(lcg_next() >> 20) - 2048;
    }
    for (int j = 0; j < FIR_TAPS; ++j)
        fir_taps_rev[j] = (int16_t)((int32_t)(lcg_next() % 4095u) - 2047);

    unsigned saturated = 0;
    for (int iter = 0; iter < BENCH_ITERATIONS; ++iter) {
        for (int i = 0; i < FC_IN; ++i)
            fc_input[i] = lcg_s8();
        fully_connected();
        for (int o = 0; o < FC_OUT; ++o) {
            fold(fc_output[o]);
            saturated += fc_output[o] == INT8_MIN || fc_output[o] == INT8_MAX;
        }

        /* The last TAPS-1 samples become the next block's history. */
        memmove(fir_state, fir_state + FIR_LEN, (FIR_TAPS - 1) * sizeof fir_state[0]);
        for (int i = 0; i < FIR_LEN; ++i)
            fir_state[FIR_TAPS - 1 + i] = lcg_q15();
        fir_q15();
        for (int i = 0; i < FIR_LEN; ++i) {
            fold(fir_output[i]);
            saturated += fir_output[i] == INT16_MIN || fir_output[i] == INT16_MAX;
        }
    }

    printf("dsp_bench: %d iterations\n", BENCH_ITERATIONS);
    printf("saturated outputs: %u\n", saturated);
    printf("checksum: 0x%08lx\n", (unsigned long)checksum);
    return 0;
}
