/* fp_bench: a deterministic, single-precision floating-point benchmark for
 * the FPU (built hard-float). Each iteration refills its inputs from a linear
 * congruential generator (int to float conversions) and runs
 *
 *  - a 20x20 matrix multiply accumulating with fmaf (VFMA.F32),
 *  - a 3x3 convolution of a 32x32 image with fmaf, then a normalisation by
 *    the largest magnitude (VABS, compares, one division, multiplies),
 *  - per element of a 128-value vector: a degree-7 odd polynomial (sine's
 *    Taylor series) by Horner's rule with fmaf, a square root by Newton's
 *    method (divisions, VDIV.F32) against sqrtf (VSQRT.F32), and a quotient,
 *
 * and folds the bit pattern of every result into one checksum.
 *
 * Only operations IEEE 754 rounds exactly are used (+ - * / sqrt fma,
 * conversions, comparisons; no libm transcendental), in round to nearest
 * with denormals kept, and the build uses -ffp-contract=off so that GCC
 * fuses nothing the source does not fuse. The result is therefore the same
 * on any IEEE 754 machine: the program also builds for the host, and the
 * checksum that tests/system expects comes from that build, not from a run
 * on an ARM target. Build a longer run with -DBENCH_ITERATIONS=<n>.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifndef BENCH_ITERATIONS
#define BENCH_ITERATIONS 160  /* about 30 million instructions on a Cortex-M4F */
#endif

enum { MAT_N = 20, IMG_N = 32, CONV_N = IMG_N - 2, VEC_N = 128, NEWTON_STEPS = 6 };

static uint32_t lcg_state = 314159u;

static uint32_t lcg_next(void)
{
    lcg_state = lcg_state * 1664525u + 1013904223u;  /* Numerical Recipes */
    return lcg_state;
}

/* A float in [-1, 1): the top 24 bits of the LCG, signed, times 2^-23. */
static float lcg_float(void)
{
    return (float)((int32_t)lcg_next() >> 8) * 0x1p-23f;
}

static uint32_t checksum = 2166136261u;  /* FNV-1a offset basis */

static void fold(float x)
{
    uint32_t bits;
    memcpy(&bits, &x, sizeof bits);
    checksum = (checksum ^ bits) * 16777619u;  /* FNV-1a prime, a word at a time */
}

static float mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];
static float image[IMG_N][IMG_N], conv[CONV_N][CONV_N];
static float vec[VEC_N];

static void matmul(void)
{
    for (int i = 0; i < MAT_N; ++i)
        for (int j = 0; j < MAT_N; ++j) {
            float sum = 0.0f;
            for (int k = 0; k < MAT_N; ++k)
                sum = fmaf(mat_a[i][k], mat_b[k][j], sum);
            mat_c[i][j] = sum;
        }
}

/* A sharpening kernel (weights sum to 1). */
static const float conv_kernel[3][3] = {
    { -0.125f, -0.25f, -0.125f },
    { -0.25f,   2.5f,  -0.25f  },
    { -0.125f, -0.25f, -0.125f },
};

/* Convolves, then scales the output to [-1, 1]; returns the scale. */
static float convolve_normalise(void)
{
    float peak = 0.0f;
    for (int y = 0; y < CONV_N; ++y)
        for (int x = 0; x < CONV_N; ++x) {
            float sum = 0.0f;
            for (int ky = 0; ky < 3; ++ky)
                for (int kx = 0; kx < 3; ++kx)
                    sum = fmaf(conv_kernel[ky][kx], image[y + ky][x + kx], sum);
            conv[y][x] = sum;
            if (fabsf(sum) > peak)
                peak = fabsf(sum);
        }
    float scale = peak > 0.0f ? 1.0f / peak : 1.0f;
    for (int y = 0; y < CONV_N; ++y)
        for (int x = 0; x < CONV_N; ++x)
            conv[y][x] *= scale;
    return scale;
}

/* sin(x) ~ x - x^3/3! + x^5/5! - x^7/7!, as x * p(x^2) by Horner's rule. */
static float sine_poly(float x)
{
    float x2 = x * x;
    float p = -1.0f / 5040.0f;
    p = fmaf(p, x2, 1.0f / 120.0f);
    p = fmaf(p, x2, -1.0f / 6.0f);
    p = fmaf(p, x2, 1.0f);
    return x * p;
}

/* Newton's method for sqrt(a), a in [1, 4): y <- (y + a / y) / 2. */
static float newton_sqrt(float a)
{
    float y = 0.5f * (a + 1.0f);
    for (int step = 0; step < NEWTON_STEPS; ++step)
        y = 0.5f * (y + a / y);
    return y;
}

int main(void)
{
    int newton_exact = 0;  /* Newton's result equal to sqrtf's */
    float scale_sum = 0.0f;

    for (int iter = 0; iter < BENCH_ITERATIONS; ++iter) {
        for (int i = 0; i < MAT_N; ++i)
            for (int j = 0; j < MAT_N; ++j) {
                mat_a[i][j] = lcg_float();
                mat_b[i][j] = lcg_float();
            }
        matmul();
        for (int i = 0; i < MAT_N; ++i)
            for (int j = 0; j < MAT_N; ++j)
                fold(mat_c[i][j]);

        for (int y = 0; y < IMG_N; ++y)
            for (int x = 0; x < IMG_N; ++x)
                image[y][x] = lcg_float();
        scale_sum += convolve_normalise();
        for (int y = 0; y < CONV_N; ++y)
            for (int x = 0; x < CONV_N; ++x)
                fold(conv[y][x]);

        for (int i = 0; i < VEC_N; ++i)
            vec[i] = lcg_float();
        for (int i = 0; i < VEC_N; ++i) {
            float x = vec[i] * 3.14159265f;               /* [-pi, pi) */
            float a = fmaf(vec[i], 1.5f, 2.5f);            /* [1, 4) */
            float root = newton_sqrt(a);
            float exact = sqrtf(a);
            newton_exact += root == exact;
            fold(sine_poly(x));
            fold(root);
            fold(exact);
            fold(x / a);
        }
    }

    printf("fp_bench: %d iterations\n", BENCH_ITERATIONS);
    printf("newton: %d of %d roots equal sqrtf's\n", newton_exact,
           BENCH_ITERATIONS * VEC_N);
    printf("scale sum: %.6e\n", (double)scale_sum);
    printf("checksum: 0x%08lx\n", (unsigned long)checksum);
    return 0;
}
