/* dsp_kernels: ARMv7E-M DSP-extension kernels, each checked against a
 * portable C reference with the same arithmetic:
 *
 *  dot_int8      int8 dot product, CMSIS-NN style: four int8 of each operand
 *                loaded as one word, widened by SXTB16 (bytes 0, 2) and
 *                SXTB16 ROR #8 (bytes 1, 3) into int16 pairs, accumulated
 *                with SMLAD.
 *  fir_q15       32-tap q15 FIR over 256 samples, CMSIS-DSP arm_fir_q15
 *                style: packed q15 pairs, PKHBT for the odd output, 64-bit
 *                sums (SMLALD/SMLALDX), SSAT back to q15.
 *  fir_q15_fast  the same filter with 32-bit sums (SMLAD/SMLADX, as
 *                arm_fir_fast_q15): exact only while sum|h| * 2^15 < 2^31,
 *                which the program checks before using it.
 *  fir_q15_wma   a weighted moving sum (taps 32000 down to 1000, gain about
 *                16) through the 64-bit kernel: sums beyond 2^32, most outputs
 *                saturate.
 *  max_u8        byte-wise max with USUB8 (sets GE per byte) and SEL.
 *  qadd          QADD saturation and the sticky Q flag.
 *
 * The Q flag is checked too: SSAT sets it exactly when an output saturates,
 * SMLAD leaves it clear when no sum overflows, QADD sets it when it clamps
 * (each kernel is a function of its own, called between clearing Q and
 * reading it).
 *
 * Inputs come from a fixed-seed LCG; tests/system/dsp_kernels_model.py
 * recomputes every printed value independently (and designs the low-pass).
 * Exit 0 only if all checks pass, 1 otherwise. Built for the Cortex-M4
 * boards only. The kernels are noipa so that each stays one function in the
 * ELF, whose disassembly tests/system checks for the DSP instructions.
 */
#include <arm_acle.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dsp_simd.h"

enum { DOT_LEN = 1027, FIR_TAPS = 32, FIR_LEN = 256, MAX_LEN = 256 };

/* ---- data and checksums ------------------------------------------------- */

static uint32_t lcg_state = 2718281u;

static uint32_t lcg_next(void)
{
    lcg_state = lcg_state * 1664525u + 1013904223u;  /* Numerical Recipes */
    return lcg_state;
}

static int8_t lcg_s8(void)
{
    int top = (int)(lcg_next() >> 24);
    return (int8_t)(top >= 128 ? top - 256 : top);
}

static uint8_t lcg_u8(void) { return (uint8_t)(lcg_next() >> 24); }

/* CRC-32 (IEEE 802.3, reflected 0xEDB88320), bit by bit: zlib.crc32. */
static uint32_t crc32_update(uint32_t crc, uint8_t byte)
{
    crc ^= byte;
    for (int bit = 0; bit < 8; ++bit)
        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    return crc;
}

static uint32_t crc32_bytes(const uint8_t *data, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i)
        crc = crc32_update(crc, data[i]);
    return ~crc;
}

/* Of the samples as little-endian int16, whatever the host's byte order. */
static uint32_t crc32_q15(const int16_t *y, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) {
        uint16_t sample = (uint16_t)y[i];
        crc = crc32_update(crc, (uint8_t)sample);
        crc = crc32_update(crc, (uint8_t)(sample >> 8));
    }
    return ~crc;
}

static int failures;

static const char *verdict(int ok)
{
    if (!ok)
        ++failures;
    return ok ? "ok" : "FAIL";
}

/* ---- 1. int8 dot product ------------------------------------------------ */

__attribute__((noipa))
static int32_t dot_s8_simd(const int8_t *a, const int8_t *b, size_t n)
{
    int32_t acc = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        int8x4_t wa = dsp_read_s8x4(a + i);
        int8x4_t wb = dsp_read_s8x4(b + i);
        acc = __smlad(__sxtb16(wa), __sxtb16(wb), acc);                /* a0 b0 + a2 b2 */
        acc = __smlad(dsp_sxtb16_ror8(wa), dsp_sxtb16_ror8(wb), acc);  /* a1 b1 + a3 b3 */
    }
    for (; i < n; ++i)
        acc += a[i] * b[i];
    return acc;
}

static int32_t dot_s8_ref(const int8_t *a, const int8_t *b, size_t n)
{
    int32_t acc = 0;
    for (size_t i = 0; i < n; ++i)
        acc += a[i] * b[i];
    return acc;
}

static void check_dot(void)
{
    static _Alignas(4) int8_t a[DOT_LEN], b[DOT_LEN];
    for (size_t i = 0; i < DOT_LEN; ++i) {
        a[i] = lcg_s8();
        b[i] = lcg_s8();
    }
    a[0] = -128, b[0] = -128;  /* the largest product, 2^14 */
    a[1] = -128, b[1] = 127;

    dsp_clear_q();
    int32_t simd = dot_s8_simd(a, b, DOT_LEN);
    int q = dsp_q_flag();  /* |sum| <= 1027 * 2^14: SMLAD never overflows */
    int32_t ref = dot_s8_ref(a, b, DOT_LEN);
    printf("dot_int8: %d elements, simd %ld ref %ld %s\n", DOT_LEN, (long)simd,
           (long)ref, verdict(simd == ref && !q));
    if (q)
        printf("dot_int8: Q flag set, but no sum overflowed\n");
}

/* ---- 2. q15 FIR --------------------------------------------------------- */

/* 32-tap Hamming-windowed sinc low-pass, cutoff fs/8, DC gain 1 (sum 32766),
 * sum|h| = 46878: from `tests/system/dsp_kernels_model.py --c-taps`. */
static const int16_t lowpass_taps[FIR_TAPS] = {
       -21,    -60,    -84,    -52,     78,    273,    387,    221,
      -301,   -974,  -1305,   -731,   1017,   3642,   6306,   7987,
      7987,   6306,   3642,   1017,   -731,  -1305,   -974,   -301,
       221,    387,    273,     78,    -52,    -84,    -60,    -21,
};

/* The kernels compute y[n] = sat16((sum_k h[k] x[n-k]) >> 15) as CMSIS-DSP
 * does: taps_rev[j] = h[TAPS-1-j] (time-reversed, so that taps and samples
 * run the same way) and state[m] = x[m - (TAPS-1)] (TAPS-1 zeros of history,
 * the n inputs, one spare slot), so y[n] = sum_j taps_rev[j] state[n+j].
 * Two outputs per pass: output i (i even) multiplies the word-aligned pairs
 * (state[i+j], state[i+j+1]) by (taps_rev[j], taps_rev[j+1]); output i+1
 * needs (state[i+j+1], state[i+j+2]), which straddles two words: PKHBT puts
 * state[i+j+2] in the bottom and state[i+j+1] in the top halfword, and the
 * exchanging multiply (X) pairs them with taps_rev[j+1] and taps_rev[j].
 * n must be even; state is 4-byte aligned. */
typedef void fir_kernel(const int16_t *taps_rev, const int16_t *state, int16_t *y,
                        size_t n);

/* Products are q30; 32 of them reach 2^35: 64-bit sums. */
__attribute__((noipa))
static void fir_q15_smlald(const int16_t *taps_rev, const int16_t *state, int16_t *y,
                           size_t n)
{
    for (size_t i = 0; i < n; i += 2) {
        const int16_t *px = state + i;
        int64_t acc0 = 0, acc1 = 0;
        int16x2_t x0 = dsp_read_q15x2(px);
        for (size_t j = 0; j < FIR_TAPS; j += 2) {
            int16x2_t c = dsp_read_q15x2(taps_rev + j);
            int16x2_t x2 = dsp_read_q15x2(px + j + 2);
            acc0 = __smlald(x0, c, acc0);
            acc1 = __smlaldx(dsp_pkhbt(x2, x0), c, acc1);
            x0 = x2;
        }
        y[i] = (int16_t)__ssat((int32_t)(acc0 >> 15), 16);
        y[i + 1] = (int16_t)__ssat((int32_t)(acc1 >> 15), 16);
    }
}

/* 32-bit sums: exact when sum|h| <= 65535 (fir_fits_32bit), since then every
 * partial sum is below 65535 * 2^15 < 2^31 in magnitude. */
__attribute__((noipa))
static void fir_q15_smlad(const int16_t *taps_rev, const int16_t *state, int16_t *y,
                          size_t n)
{
    for (size_t i = 0; i < n; i += 2) {
        const int16_t *px = state + i;
        int32_t acc0 = 0, acc1 = 0;
        int16x2_t x0 = dsp_read_q15x2(px);
        for (size_t j = 0; j < FIR_TAPS; j += 2) {
            int16x2_t c = dsp_read_q15x2(taps_rev + j);
            int16x2_t x2 = dsp_read_q15x2(px + j + 2);
            acc0 = __smlad(x0, c, acc0);
            acc1 = __smladx(dsp_pkhbt(x2, x0), c, acc1);
            x0 = x2;
        }
        y[i] = (int16_t)__ssat(acc0 >> 15, 16);
        y[i + 1] = (int16_t)__ssat(acc1 >> 15, 16);
    }
}

static int fir_fits_32bit(const int16_t *h)
{
    int32_t sum = 0;
    for (size_t k = 0; k < FIR_TAPS; ++k)
        sum += h[k] < 0 ? -h[k] : h[k];
    return sum <= 65535;
}

/* Direct form in natural tap order; returns how many outputs saturated. */
static unsigned fir_q15_ref(const int16_t *h, const int16_t *x, int16_t *y, size_t n)
{
    unsigned saturated = 0;
    for (size_t i = 0; i < n; ++i) {
        int64_t acc = 0;
        for (size_t k = 0; k < FIR_TAPS && k <= i; ++k)
            acc += (int32_t)h[k] * x[i - k];
        int64_t v = acc >> 15;
        if (v > INT16_MAX || v < INT16_MIN) {
            ++saturated;
            v = v > INT16_MAX ? INT16_MAX : INT16_MIN;
        }
        y[i] = (int16_t)v;
    }
    return saturated;
}

/* state: TAPS-1 zeros, then the FIR_LEN inputs, then a spare slot. */
static _Alignas(4) int16_t fir_state[FIR_TAPS - 1 + FIR_LEN + 1];
static int16_t *const fir_input = fir_state + FIR_TAPS - 1;

static void make_fir_input(void)
{
    for (int n = 0; n < FIR_LEN; ++n) {
        int p = n % 64;
        int tri = (p < 32 ? p : 64 - p) * 750 - 12000;  /* period 64, +-12000 */
        int hf = (n & 2) ? 6000 : -6000;                 /* fs/4, above the cutoff */
        int noise = (int)(lcg_next() >> 22) - 512;
        fir_input[n] = (int16_t)(tri + hf + noise);
    }
    /* Full scale with the signs of the low-pass taps, ending at samples 191
     * and 231 (negated): there the low-pass gives +-sum|h|, beyond q15. */
    for (int n = 160; n < 192; ++n)
        fir_input[n] = lowpass_taps[191 - n] >= 0 ? INT16_MAX : INT16_MIN;
    for (int n = 200; n < 232; ++n)
        fir_input[n] = lowpass_taps[231 - n] >= 0 ? INT16_MIN : INT16_MAX;
}

static void check_fir(const char *name, fir_kernel *kernel, const int16_t *h)
{
    static _Alignas(4) int16_t taps_rev[FIR_TAPS];
    static int16_t y[FIR_LEN], y_ref[FIR_LEN];
    for (size_t j = 0; j < FIR_TAPS; ++j)
        taps_rev[j] = h[FIR_TAPS - 1 - j];

    dsp_clear_q();
    kernel(taps_rev, fir_state, y, FIR_LEN);
    int q = dsp_q_flag();
    unsigned saturated = fir_q15_ref(h, fir_input, y_ref, FIR_LEN);

    size_t first_diff = FIR_LEN;
    for (size_t i = FIR_LEN; i-- > 0;)
        if (y[i] != y_ref[i])
            first_diff = i;
    int q_ok = q == (saturated > 0);  /* only SSAT can set Q here */
    printf("%s: %d samples, %u saturated, checksum 0x%08lx, %s\n", name, FIR_LEN,
           saturated, (unsigned long)crc32_q15(y, FIR_LEN),
           verdict(first_diff == FIR_LEN && q_ok));
    if (first_diff != FIR_LEN)
        printf("%s: first difference at sample %u: simd %d ref %d\n", name,
               (unsigned)first_diff, y[first_diff], y_ref[first_diff]);
    if (!q_ok)
        printf("%s: Q flag %s after %u saturated outputs\n", name, q ? "set" : "clear",
               saturated);
}

/* ---- 3. GE flags and SEL; QADD ------------------------------------------ */

__attribute__((noipa))
static void max_u8_simd(const uint8_t *u, const uint8_t *v, uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i += 4) {  /* n is a multiple of 4 */
        uint8x4_t a, b;
        memcpy(&a, u + i, sizeof a);
        memcpy(&b, v + i, sizeof b);
        (void)__usub8(a, b);              /* GE[k] = a.byte[k] >= b.byte[k] */
        uint8x4_t max = __sel(a, b);      /* byte k from a where GE[k], else b */
        memcpy(out + i, &max, sizeof max);
    }
}

static void check_max_u8(void)
{
    static _Alignas(4) uint8_t u[MAX_LEN], v[MAX_LEN], max[MAX_LEN];
    for (size_t i = 0; i < MAX_LEN; ++i) {
        u[i] = lcg_u8();
        v[i] = lcg_u8();
        if (i % 16 == 5)
            v[i] = u[i];  /* equal bytes: GE set */
    }
    u[0] = 0, v[0] = 255;
    u[1] = 255, v[1] = 0;

    max_u8_simd(u, v, max, MAX_LEN);
    size_t first_diff = MAX_LEN;
    for (size_t i = MAX_LEN; i-- > 0;)
        if (max[i] != (u[i] > v[i] ? u[i] : v[i]))
            first_diff = i;
    printf("max_u8: %d bytes, checksum 0x%08lx, %s\n", MAX_LEN,
           (unsigned long)crc32_bytes(max, MAX_LEN), verdict(first_diff == MAX_LEN));
    if (first_diff != MAX_LEN)
        printf("max_u8: first difference at byte %u: max(%u, %u) gave %u\n",
               (unsigned)first_diff, u[first_diff], v[first_diff], max[first_diff]);
}

/* A function of its own, like the kernels: the Q checks bracket a call. */
__attribute__((noipa))
static int32_t qadd(int32_t a, int32_t b) { return __qadd(a, b); }

static void check_qadd(void)
{
    /* Expected sums and Q by hand: the exact sum clamped to [-2^31, 2^31-1]. */
    static const struct { int32_t a, b, sum; int q; } cases[] = {
        { 1000, -3000, -2000, 0 },
        { 0x40000000, 0x3FFFFFFF, INT32_MAX, 0 },    /* exactly 2^31 - 1 */
        { -0x40000000, -0x40000000, INT32_MIN, 0 },  /* exactly -2^31 */
        { 0x7FFFFFF0, 0x100, INT32_MAX, 1 },
        { INT32_MAX, INT32_MAX, INT32_MAX, 1 },
        { INT32_MIN, -1, INT32_MIN, 1 },
    };
    enum { CASES = sizeof cases / sizeof cases[0] };
    int ok = 1;
    for (size_t i = 0; i < CASES; ++i) {
        dsp_clear_q();
        int32_t sum = qadd(cases[i].a, cases[i].b);
        int q = dsp_q_flag();
        if (sum != cases[i].sum || q != cases[i].q) {
            ok = 0;
            printf("qadd: 0x%08lx + 0x%08lx gave 0x%08lx Q=%d, expected 0x%08lx Q=%d\n",
                   (unsigned long)cases[i].a, (unsigned long)cases[i].b,
                   (unsigned long)sum, q, (unsigned long)cases[i].sum, cases[i].q);
        }
    }
    printf("qadd: %d cases, %s\n", CASES, verdict(ok));
}

int main(void)
{
    printf("dsp_kernels on %s\n", EDGESIM_BOARD);
    check_dot();

    make_fir_input();
    check_fir("fir_q15", fir_q15_smlald, lowpass_taps);
    if (fir_fits_32bit(lowpass_taps))
        check_fir("fir_q15_fast", fir_q15_smlad, lowpass_taps);
    else
        printf("fir_q15_fast: the low-pass needs 64-bit sums, %s\n", verdict(0));
    static int16_t wma_taps[FIR_TAPS];  /* h[k] = 1000 (32 - k): sum|h| = 528000 */
    for (int k = 0; k < FIR_TAPS; ++k)
        wma_taps[k] = (int16_t)(1000 * (FIR_TAPS - k));
    check_fir("fir_q15_wma", fir_q15_smlald, wma_taps);

    check_max_u8();
    check_qadd();

    if (failures)
        printf("dsp_kernels: %d checks failed\n", failures);
    else
        printf("dsp_kernels: all checks passed\n");
    return failures ? 1 : 0;
}
