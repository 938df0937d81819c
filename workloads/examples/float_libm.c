/* float_libm: IEEE 754 arithmetic, conversions and newlib's libm, built twice
 * from this one source: hard-float (float_libm_hard: -mfloat-abi=hard
 * -mfpu=fpv4-sp-d16, single precision in FPv4-SP instructions) and
 * soft-float (float_libm_soft: libgcc's __aeabi_f* / __aeabi_d* routines).
 * Both print the same text, so each build is a reference for the other, and
 * QEMU for the simulator.
 *
 * Every value is printed with its bit pattern (a 1-ulp difference shows),
 * as a hex float and in decimal. Results that IEEE 754 defines exactly
 * (+ - * / sqrt fma, rounding, conversions, comparisons) are checked against
 * values worked out independently (by hand, or in exact rational arithmetic
 * rounded to binary32, ties to even) and marked "ok" or "FAIL"; libm's
 * sinf, expf... and newlib's printf output are only printed. Exit 0 if all
 * checks pass, 1 otherwise.
 *
 * Why some things are as they are:
 *  - Inputs pass through opaque() (a volatile store and load), so GCC cannot
 *    fold the arithmetic at compile time: the target computes it.
 *  - The build uses -ffp-contract=off: otherwise GCC fuses a * b + c into
 *    VFMA in the hard-float build only, and the two builds differ.
 *  - newlib's hard-float libm (thumb/v7e-m+fp/hard) was itself compiled with
 *    FMA contraction, so its sinf, cosf, expf, logf and powf are evaluated
 *    differently from the soft-float library and disagree in the last bit
 *    for some arguments (for 400 random ones: 30 of powf, 4 of cosf, 3 of
 *    sinf, none of expf and logf). The libm arguments below are ones where
 *    both libraries agree; a new argument must be checked on both builds
 *    (ctest system.float_libm.hard_vs_soft).
 *  - fmaf is VFMA.F32 in the hard-float build but newlib's fmaf in the
 *    soft-float one, which computes x * y + z in double and rounds that to
 *    float: two roundings, which can miss by an ulp in rare cases. The fma
 *    cases here have a sum that double holds exactly.
 *  - newlib is built without C99 printf formats (%a prints "a"), so hex
 *    floats come from hex_double(), which formats them as glibc's %a does.
 *  - NaN results are printed with their bits too: the default NaN and NaN
 *    propagation are part of what the simulator must get right.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int checks, failures;

/* ---- values the compiler cannot see through ---------------------------- */

static float opaque(float x)
{
    volatile float v = x;
    return v;
}

static double opaque_d(double x)
{
    volatile double v = x;
    return v;
}

static int32_t opaque_i(int32_t x)
{
    volatile int32_t v = x;
    return v;
}

static int64_t opaque_i64(int64_t x)
{
    volatile int64_t v = x;
    return v;
}

static uint32_t bits_f(float x)
{
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static uint64_t bits_d(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static float float_of_bits(uint32_t u)
{
    float x;
    memcpy(&x, &u, sizeof x);
    return opaque(x);
}

static double double_of_bits(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return opaque_d(x);
}

/* ---- printing ------------------------------------------------------------ */

/* x as C99's %a prints it with glibc: 0x1.8p+1, 0x0.0000000000001p-1022,
 * -0x0p+0, inf, -nan. Floats go through (double), exactly as printf's
 * variadic promotion does. */
static const char *hex_double(char *out, size_t size, double x)
{
    uint64_t u = bits_d(x);
    const char *sign = (u >> 63) ? "-" : "";
    unsigned biased = (unsigned)(u >> 52) & 0x7FFu;
    uint64_t fraction = u & ((UINT64_C(1) << 52) - 1);

    if (biased == 0x7FFu) {
        snprintf(out, size, "%s%s", sign, fraction ? "nan" : "inf");
    } else if (biased == 0 && fraction == 0) {
        snprintf(out, size, "%s0x0p+0", sign);
    } else {
        int exponent = biased ? (int)biased - 1023 : -1022;
        int digits = 13;  /* 52 fraction bits */
        while (digits > 0 && (fraction & 0xFu) == 0) {
            fraction >>= 4;
            --digits;
        }
        if (digits > 0)
            snprintf(out, size, "%s0x%d.%0*llxp%+d", sign, biased != 0, digits,
                     (unsigned long long)fraction, exponent);
        else
            snprintf(out, size, "%s0x%dp%+d", sign, biased != 0, exponent);
    }
    return out;
}

static void print_f(const char *mark, const char *what, float x)
{
    char hex[40];
    printf("%-4s %-44s 0x%08lx %-16s %.9g\n", mark, what, (unsigned long)bits_f(x),
           hex_double(hex, sizeof hex, x), (double)x);
}

static void print_d(const char *mark, const char *what, double x)
{
    char hex[40];
    printf("%-4s %-44s 0x%016llx %-24s %.17g\n", mark, what, (unsigned long long)bits_d(x),
           hex_double(hex, sizeof hex, x), x);
}

static const char *verdict(int ok)
{
    ++checks;
    if (!ok)
        ++failures;
    return ok ? "ok" : "FAIL";
}

/* A float result IEEE 754 defines exactly, against its expected bits. */
static void check_f(const char *what, float got, uint32_t expected)
{
    print_f(verdict(bits_f(got) == expected), what, got);
    if (bits_f(got) != expected)
        printf("     expected 0x%08lx\n", (unsigned long)expected);
}

static void check_d(const char *what, double got, uint64_t expected)
{
    print_d(verdict(bits_d(got) == expected), what, got);
    if (bits_d(got) != expected)
        printf("     expected 0x%016llx\n", (unsigned long long)expected);
}

static void check_i(const char *what, int64_t got, int64_t expected)
{
    printf("%-4s %-44s %lld\n", verdict(got == expected), what, (long long)got);
    if (got != expected)
        printf("     expected %lld\n", (long long)expected);
}

/* Printed only: libm and NaN results. */
static void show_f(const char *what, float x) { print_f("", what, x); }
static void show_d(const char *what, double x) { print_d("", what, x); }
static void show_i(const char *what, int64_t x) { printf("     %-44s %lld\n", what, (long long)x); }

/* ---- 1. single-precision arithmetic ------------------------------------- */

static void arithmetic(void)
{
    const float one = opaque(1.0f);
    const float denormal = opaque(1e-40f);          /* 0x000116c2 */
    const float flt_min = opaque(FLT_MIN);          /* 0x1p-126 */
    const float flt_max = opaque(FLT_MAX);
    const float tiniest = float_of_bits(0x00000001u); /* 0x1p-149 */
    const float zero = opaque(0.0f), minus_zero = opaque(-0.0f);
    const float inf = opaque(INFINITY);

    printf("-- arithmetic (binary32, round to nearest even)\n");
    check_f("1 + 0x1p-24 (tie: to even)", one + opaque(0x1p-24f), 0x3f800000u);
    check_f("1 + 0x1.8p-23 (tie: to even)", one + opaque(0x1.8p-23f), 0x3f800002u);
    check_f("1 + 0x1.000002p-24 (above the tie)", one + opaque(0x1.000002p-24f), 0x3f800001u);
    check_f("1 - 0x1p-25 (tie: to even)", one - opaque(0x1p-25f), 0x3f800000u);
    check_f("0.1f + 0.2f", opaque(0.1f) + opaque(0.2f), 0x3e99999au);
    check_f("16777216 + 1", opaque(16777216.0f) + one, 0x4b800000u);
    check_f("16777216 + 3", opaque(16777216.0f) + opaque(3.0f), 0x4b800002u);
    check_f("0.1f * 0.1f", opaque(0.1f) * opaque(0.1f), 0x3c23d70bu);
    check_f("1 / 3", one / opaque(3.0f), 0x3eaaaaabu);
    check_f("2 / 3", opaque(2.0f) / opaque(3.0f), 0x3f2aaaabu);
    check_f("-1 / 3", -one / opaque(3.0f), 0xbeaaaaabu);
    check_f("10 / 0.1f", opaque(10.0f) / opaque(0.1f), 0x42c80000u);
    check_f("FLT_MAX * 0.5", flt_max * opaque(0.5f), 0x7effffffu);
    check_f("FLT_MAX * 2 (overflow)", flt_max * opaque(2.0f), 0x7f800000u);
    check_f("-FLT_MAX - FLT_MAX (overflow)", -flt_max - flt_max, 0xff800000u);

    printf("-- denormals (no flush to zero)\n");
    check_f("1e-40f * 2", denormal * opaque(2.0f), 0x00022d84u);
    check_f("1e-40f + 1e-40f", denormal + denormal, 0x00022d84u);
    check_f("1e-40f / 3", denormal / opaque(3.0f), 0x00005cebu);
    check_f("FLT_MIN / 3", flt_min / opaque(3.0f), 0x002aaaabu);
    check_f("FLT_MIN - 0x1p-149", flt_min - tiniest, 0x007fffffu);
    check_f("FLT_MIN * 0x1p-10", flt_min * opaque(0x1p-10f), 0x00002000u);
    check_f("0x1p-149 * 1.5 (tie: to even)", tiniest * opaque(1.5f), 0x00000002u);
    check_f("0x1p-149 * 2.5 (tie: to even)", tiniest * opaque(2.5f), 0x00000002u);
    check_f("0x1p-149 * 0.5 (tie: to even, 0)", tiniest * opaque(0.5f), 0x00000000u);
    check_f("-0x1p-149 * 0.25 (underflow to -0)", -tiniest * opaque(0.25f), 0x80000000u);
    check_f("1e-40f * 1e30f", denormal * opaque(1e30f), 0x2edbe6b1u);

    printf("-- signed zeros and infinities\n");
    check_f("-0 + 0", minus_zero + zero, 0x00000000u);
    check_f("-0 + -0", minus_zero + minus_zero, 0x80000000u);
    check_f("-0 * 5", minus_zero * opaque(5.0f), 0x80000000u);
    check_f("1 - 1", one - one, 0x00000000u);
    check_f("-(1 - 1)", -(one - one), 0x80000000u);
    check_f("1 / -0", one / minus_zero, 0xff800000u);
    check_f("-1 / inf", -one / inf, 0x80000000u);
    check_f("inf + FLT_MAX", inf + flt_max, 0x7f800000u);

    printf("-- square root\n");
    check_f("sqrtf(2)", sqrtf(opaque(2.0f)), 0x3fb504f3u);
    check_f("sqrtf(0.01f)", sqrtf(opaque(0.01f)), 0x3dcccccdu);
    check_f("sqrtf(FLT_MAX)", sqrtf(flt_max), 0x5f7fffffu);
    check_f("sqrtf(1e-40f)", sqrtf(denormal), 0x1e3ce4e7u);
    check_f("sqrtf(0x1p-149)", sqrtf(tiniest), 0x1a3504f3u);
    check_f("sqrtf(-0)", sqrtf(minus_zero), 0x80000000u);
    check_f("sqrtf(inf)", sqrtf(inf), 0x7f800000u);

    printf("-- fused multiply-add (one rounding)\n");
    const float a = opaque(0x1.001p+0f);             /* 1 + 2^-12 */
    const float c = opaque(0x1.002p+0f);             /* 1 + 2^-11 */
    check_f("fmaf(2, 3, 4)", fmaf(opaque(2.0f), opaque(3.0f), opaque(4.0f)), 0x41200000u);
    check_f("fmaf(1+2^-12, 1+2^-12, -(1+2^-11))", fmaf(a, a, -c), 0x33800000u);
    check_f("(1+2^-12) * (1+2^-12) - (1+2^-11)", a * a - c, 0x00000000u);
    check_f("fmaf(0.1f, 10, -1)", fmaf(opaque(0.1f), opaque(10.0f), -one), 0x32800000u);
    check_f("0.1f * 10 - 1", opaque(0.1f) * opaque(10.0f) - one, 0x00000000u);
    check_f("fmaf(0x1p-70, 0x1p-70, 0) (denormal)",
            fmaf(opaque(0x1p-70f), opaque(0x1p-70f), zero), 0x00000200u);
    check_f("fmaf(-3, 1e-40f, 1e-40f)", fmaf(opaque(-3.0f), denormal, denormal), 0x80022d84u);
    check_f("fmaf(0x1p100, 0x1p100, -inf)",
            fmaf(opaque(0x1p100f), opaque(0x1p100f), -inf), 0xff800000u);
    check_f("fmaf(-1, 0, -0)", fmaf(-one, zero, minus_zero), 0x80000000u);

    printf("-- fabsf, floorf, negation\n");
    check_f("fabsf(-0)", fabsf(minus_zero), 0x00000000u);
    check_f("fabsf(-inf)", fabsf(-inf), 0x7f800000u);
    check_f("fabsf(-1e-40f)", fabsf(-denormal), 0x000116c2u);
    check_f("fabsf(-nan) (clears the sign only)", fabsf(float_of_bits(0xffc00001u)), 0x7fc00001u);
    check_f("-nan (flips the sign only)", -float_of_bits(0x7fc00001u), 0xffc00001u);
    check_f("floorf(2.5)", floorf(opaque(2.5f)), 0x40000000u);
    check_f("floorf(-2.5)", floorf(opaque(-2.5f)), 0xc0400000u);
    check_f("floorf(-0.5)", floorf(opaque(-0.5f)), 0xbf800000u);
    check_f("floorf(-0)", floorf(minus_zero), 0x80000000u);
    check_f("floorf(8388607.5)", floorf(opaque(8388607.5f)), 0x4afffffeu);
    check_f("floorf(-1e-40f)", floorf(-denormal), 0xbf800000u);
    check_f("floorf(1e30f)", floorf(opaque(1e30f)), 0x7149f2cau);

    printf("-- invalid operations and NaN operands (printed)\n");
    show_f("0 / 0", zero / zero);
    show_f("inf - inf", inf - inf);
    show_f("0 * inf", zero * inf);
    show_f("sqrtf(-1)", sqrtf(-one));
    show_f("fmaf(inf, 0, 1)", fmaf(inf, zero, one));
    show_f("qnan 0x7fc00001 + 1", float_of_bits(0x7fc00001u) + one);
    show_f("1 * -qnan 0xffc00002", one * float_of_bits(0xffc00002u));
    show_f("snan 0x7f800001 + 1 (quietened)", float_of_bits(0x7f800001u) + one);
    show_f("qnan 0x7fc00003 + qnan 0x7fc00004", float_of_bits(0x7fc00003u) + float_of_bits(0x7fc00004u));
}

/* ---- 2. conversions ------------------------------------------------------- */

static void conversions(void)
{
    printf("-- float to int: truncation toward zero\n");
    check_i("(int)2.5f", (int32_t)opaque(2.5f), 2);
    check_i("(int)-2.5f", (int32_t)opaque(-2.5f), -2);
    check_i("(int)2.9999998f", (int32_t)opaque(2.9999998f), 2);
    check_i("(int)-0.99999994f", (int32_t)opaque(-0.99999994f), 0);
    check_i("(int)-1e-40f", (int32_t)opaque(-1e-40f), 0);
    check_i("(int)2147483520.0f (largest below 2^31)", (int32_t)opaque(2147483520.0f), 2147483520);
    check_i("(int)-2147483648.0f", (int32_t)opaque(-2147483648.0f), INT32_MIN);
    check_i("(unsigned)4294967040.0f", (uint32_t)opaque(4294967040.0f), 4294967040);
    check_i("(unsigned)2.5f", (uint32_t)opaque(2.5f), 2);
    check_i("(long long)-1e18f", (int64_t)opaque(-1e18f), -999999984306749440);
    check_i("(int)-2.5 (double)", (int32_t)opaque_d(-2.5), -2);
    check_i("(long long)1e18 (double)", (int64_t)opaque_d(1e18), 1000000000000000000);

    printf("-- float to integer value: rounding functions\n");
    check_i("lrintf(0.5) (ties to even)", lrintf(opaque(0.5f)), 0);
    check_i("lrintf(1.5)", lrintf(opaque(1.5f)), 2);
    check_i("lrintf(2.5)", lrintf(opaque(2.5f)), 2);
    check_i("lrintf(-2.5)", lrintf(opaque(-2.5f)), -2);
    check_i("lrintf(-3.5)", lrintf(opaque(-3.5f)), -4);
    check_i("lroundf(2.5) (ties away from zero)", lroundf(opaque(2.5f)), 3);
    check_i("lroundf(-2.5)", lroundf(opaque(-2.5f)), -3);
    check_f("roundf(0.49999997f)", roundf(opaque(0.49999997f)), 0x00000000u);
    check_f("roundf(-2.5)", roundf(opaque(-2.5f)), 0xc0400000u);
    check_f("rintf(2.5)", rintf(opaque(2.5f)), 0x40000000u);
    check_f("nearbyintf(-0.5)", nearbyintf(opaque(-0.5f)), 0x80000000u);
    check_f("truncf(-2.7)", truncf(opaque(-2.7f)), 0xc0000000u);

    printf("-- int to float\n");
    check_f("(float)16777217 (tie: to even)", (float)opaque_i(16777217), 0x4b800000u);
    check_f("(float)16777219 (tie: to even)", (float)opaque_i(16777219), 0x4b800002u);
    check_f("(float)-16777217", (float)opaque_i(-16777217), 0xcb800000u);
    check_f("(float)33554438 (tie: to even)", (float)opaque_i(33554438), 0x4c000002u);
    check_f("(float)2147483647", (float)opaque_i(INT32_MAX), 0x4f000000u);
    check_f("(float)-2147483648", (float)opaque_i(INT32_MIN), 0xcf000000u);
    check_f("(float)0xffffff80u (tie: to even, 2^32)", (float)(uint32_t)opaque_i(-128), 0x4f800000u);
    check_f("(float)0xffffff7fu", (float)(uint32_t)opaque_i(-129), 0x4f7fffffu);
    check_f("(float)(2^40 + 2^16) (tie: to even)",
            (float)opaque_i64((INT64_C(1) << 40) + (1 << 16)), 0x53800000u);
    check_f("(float)(2^40 + 2^16 + 1) (above the tie)",
            (float)opaque_i64((INT64_C(1) << 40) + (1 << 16) + 1), 0x53800001u);
    check_d("(double)(2^53 + 1) (tie: to even)",
            (double)opaque_i64((INT64_C(1) << 53) + 1), UINT64_C(0x4340000000000000));
    check_d("(double)(2^53 + 3) (tie: to even)",
            (double)opaque_i64((INT64_C(1) << 53) + 3), UINT64_C(0x4340000000000002));

    printf("-- float to double (exact)\n");
    check_d("(double)0.1f", (double)opaque(0.1f), UINT64_C(0x3fb99999a0000000));
    check_d("(double)1e-40f (denormal to normal)", (double)opaque(1e-40f), UINT64_C(0x37a16c2000000000));
    check_d("(double)-0.0f", (double)opaque(-0.0f), UINT64_C(0x8000000000000000));
    check_d("(double)FLT_MAX", (double)opaque(FLT_MAX), UINT64_C(0x47efffffe0000000));
    check_d("(double)-inf", (double)opaque(-INFINITY), UINT64_C(0xfff0000000000000));

    printf("-- double to float (rounded)\n");
    check_f("(float)0.1", (float)opaque_d(0.1), 0x3dcccccdu);
    check_f("(float)(1 + 2^-24) (tie: to even)", (float)opaque_d(1.0 + 0x1p-24), 0x3f800000u);
    check_f("(float)(1 + 3 * 2^-24) (tie: to even)", (float)opaque_d(1.0 + 0x3p-24), 0x3f800002u);
    check_f("(float)(1 + 2^-24 + 2^-40) (above the tie)",
            (float)opaque_d(1.0 + 0x1p-24 + 0x1p-40), 0x3f800001u);
    check_f("(float)1e39 (overflow)", (float)opaque_d(1e39), 0x7f800000u);
    check_f("(float)-1e39", (float)opaque_d(-1e39), 0xff800000u);
    check_f("(float)0x1.ffffffp+127 (tie: to even, inf)", (float)opaque_d(0x1.ffffffp+127), 0x7f800000u);
    check_f("(float)0x1.fffffefffffffp+127", (float)opaque_d(0x1.fffffefffffffp+127), 0x7f7fffffu);
    check_f("(float)1e-40 (denormal)", (float)opaque_d(1e-40), 0x000116c2u);
    check_f("(float)1e-46 (underflow)", (float)opaque_d(1e-46), 0x00000000u);
    check_f("(float)-1e-46", (float)opaque_d(-1e-46), 0x80000000u);
    check_f("(float)0x1.8p-149 (tie: to even)", (float)opaque_d(0x1.8p-149), 0x00000002u);

    printf("-- float <-> double NaN (printed)\n");
    show_d("(double)qnan 0x7fc00001", (double)float_of_bits(0x7fc00001u));
    show_d("(double)snan 0xff800001", (double)float_of_bits(0xff800001u));
    show_f("(float)qnan 0x7ff8000000000001", (float)double_of_bits(UINT64_C(0x7ff8000000000001)));
    show_f("(float)qnan 0xfff8000020000000", (float)double_of_bits(UINT64_C(0xfff8000020000000)));
    show_f("(float)0.0 / 0.0", (float)(opaque_d(0.0) / opaque_d(0.0)));

    /* Undefined in C, so printed, not checked: VCVT saturates (NaN gives 0),
     * and so do libgcc's __aeabi_f2iz and __aeabi_f2uiz. */
    printf("-- float to int out of range (printed)\n");
    show_i("(int)nan", (int32_t)opaque(NAN));
    show_i("(int)3e9f", (int32_t)opaque(3e9f));
    show_i("(int)-3e9f", (int32_t)opaque(-3e9f));
    show_i("(unsigned)-1.0f", (uint32_t)opaque(-1.0f));
    show_i("(unsigned)5e9f", (uint32_t)opaque(5e9f));
}

/* ---- 3. comparisons ------------------------------------------------------- */

static void comparisons(void)
{
    const float nan = opaque(NAN), one = opaque(1.0f);
    const double nan_d = opaque_d(NAN), one_d = opaque_d(1.0);

    printf("-- comparisons (NaN is unordered: only != holds)\n");
    check_i("nan < 1", nan < one, 0);
    check_i("nan > 1", nan > one, 0);
    check_i("nan <= nan", nan <= nan, 0);
    check_i("nan >= 1", nan >= one, 0);
    check_i("nan == nan", nan == nan, 0);
    check_i("nan != nan", nan != nan, 1);
    check_i("!(nan < 1)", !(nan < one), 1);
    check_i("isless(nan, 1)", isless(nan, one), 0);
    check_i("isgreaterequal(1, nan)", isgreaterequal(one, nan), 0);
    check_i("islessgreater(nan, 1)", islessgreater(nan, one), 0);
    check_i("isunordered(1, nan)", isunordered(one, nan), 1);
    check_i("isunordered(1, inf)", isunordered(one, opaque(INFINITY)), 0);
    check_i("nan < 1 (double)", nan_d < one_d, 0);
    check_i("nan != nan (double)", nan_d != nan_d, 1);
    check_i("-0 == 0", opaque(-0.0f) == opaque(0.0f), 1);
    check_i("-0 < 0", opaque(-0.0f) < opaque(0.0f), 0);
    check_i("inf > FLT_MAX", opaque(INFINITY) > opaque(FLT_MAX), 1);
    check_i("-inf < -FLT_MAX", opaque(-INFINITY) < opaque(-FLT_MAX), 1);
    check_i("1e-40f > 0", opaque(1e-40f) > opaque(0.0f), 1);
    check_i("0x1p-149 > 0x1p-150 (double)", opaque_d(0x1p-149) > opaque_d(0x1p-150), 1);
    check_i("fmaxf(nan, 1) (the number)", (int64_t)fmaxf(nan, one), 1);
    check_i("fminf(-1, nan)", (int64_t)fminf(-one, nan), -1);
    check_i("fpclassify(1e-40f) == FP_SUBNORMAL", fpclassify(opaque(1e-40f)) == FP_SUBNORMAL, 1);
    check_i("isnan(nan)", isnan(nan) != 0, 1);
    check_i("isinf(-inf)", isinf(opaque(-INFINITY)) != 0, 1);
    check_i("signbit(-0.0f)", signbit(opaque(-0.0f)) != 0, 1);
    check_i("signbit(-nan)", signbit(-nan) != 0, 1);
}

/* ---- 4. libm ---------------------------------------------------------------- */

/* Arguments where newlib's hard-float and soft-float libm agree to the bit
 * (see the top of the file): edge values, ordinary ones, huge ones (sinf's
 * argument reduction), results that overflow or are denormal. */
static void libm_float(void)
{
    static const float sin_cos_args[] = {
        0.0f, -0.0f, 1e-40f, 0x1p-20f, 0.5f, -1.0f, 0.78539816f, 1.57079637f,
        3.14159274f, 100.0f, -1000.5f, 1e6f, 1e30f, -FLT_MAX, INFINITY, NAN,
    };
    static const float exp_args[] = {
        0.0f, -0.0f, 1e-40f, 1.0f, -1.0f, 0.5f, 10.0f, 88.7f, 89.0f,
        -87.0f, -100.0f, -104.0f, INFINITY, -INFINITY, NAN,
    };
    static const float log_args[] = {
        1.0f, 2.0f, 10.0f, 0.5f, 2.71828175f, 1e-40f, FLT_MIN, FLT_MAX,
        0.0f, -0.0f, -1.0f, INFINITY, NAN,
    };
    static const float pow_args[][2] = {
        {2.0f, 10.0f}, {2.0f, 0.5f}, {2.0f, -149.0f}, {2.0f, -150.0f}, {10.0f, -3.0f},
        {-2.0f, 3.0f}, {-8.0f, 0.33333334f}, {0.0f, -1.0f}, {-0.0f, -1.0f},
        {-0.0f, 3.0f}, {1.0f, NAN}, {NAN, 0.0f}, {INFINITY, -1.0f},
        {-INFINITY, 3.0f}, {1.00000012f, 1e6f}, {3.0f, 2.5f}, {2.5f, 3.7f},
        {1e-40f, 0.5f}, {10.0f, 38.5f},
    };
    char what[64];

    printf("-- libm, float (printed)\n");
    for (size_t i = 0; i < sizeof sin_cos_args / sizeof sin_cos_args[0]; ++i) {
        float x = opaque(sin_cos_args[i]);
        snprintf(what, sizeof what, "sinf(%.9g)", (double)x);
        show_f(what, sinf(x));
        snprintf(what, sizeof what, "cosf(%.9g)", (double)x);
        show_f(what, cosf(x));
    }
    for (size_t i = 0; i < sizeof exp_args / sizeof exp_args[0]; ++i) {
        float x = opaque(exp_args[i]);
        snprintf(what, sizeof what, "expf(%.9g)", (double)x);
        show_f(what, expf(x));
    }
    for (size_t i = 0; i < sizeof log_args / sizeof log_args[0]; ++i) {
        float x = opaque(log_args[i]);
        snprintf(what, sizeof what, "logf(%.9g)", (double)x);
        show_f(what, logf(x));
    }
    for (size_t i = 0; i < sizeof pow_args / sizeof pow_args[0]; ++i) {
        float x = opaque(pow_args[i][0]), y = opaque(pow_args[i][1]);
        snprintf(what, sizeof what, "powf(%.9g, %.9g)", (double)x, (double)y);
        show_f(what, powf(x, y));
    }
}

/* Double precision is software in both builds (FPv4-SP has no double
 * instructions), so these agree for any argument. */
static void libm_double(void)
{
    static const double sin_args[] = { 0.5, -0.0, 1e-310, 3.141592653589793, 1e22, -1e300 };
    static const double exp_args[] = { 1.0, -1.0, 709.0, 710.0, -745.0, -746.0 };
    static const double sqrt_args[] = { 2.0, 1e-310, 0x1.fffffffffffffp+1023, -0.0, -1.0 };
    static const double pow_args[][2] = {
        {2.0, 0.5}, {10.0, -5.0}, {-2.0, 3.0}, {2.0, 1023.5}, {0.5, 1074.0}, {1.0000001, 1e9},
    };
    char what[64];

    printf("-- libm, double (printed)\n");
    for (size_t i = 0; i < sizeof sin_args / sizeof sin_args[0]; ++i) {
        double x = opaque_d(sin_args[i]);
        snprintf(what, sizeof what, "sin(%.17g)", x);
        show_d(what, sin(x));
    }
    for (size_t i = 0; i < sizeof exp_args / sizeof exp_args[0]; ++i) {
        double x = opaque_d(exp_args[i]);
        snprintf(what, sizeof what, "exp(%.17g)", x);
        show_d(what, exp(x));
    }
    for (size_t i = 0; i < sizeof sqrt_args / sizeof sqrt_args[0]; ++i) {
        double x = opaque_d(sqrt_args[i]);
        snprintf(what, sizeof what, "sqrt(%.17g)", x);
        show_d(what, sqrt(x));
    }
    for (size_t i = 0; i < sizeof pow_args / sizeof pow_args[0]; ++i) {
        double x = opaque_d(pow_args[i][0]), y = opaque_d(pow_args[i][1]);
        snprintf(what, sizeof what, "pow(%.17g, %.17g)", x, y);
        show_d(what, pow(x, y));
    }
    /* IEEE 754 requires sqrt to be correctly rounded. */
    check_d("sqrt(2)", sqrt(opaque_d(2.0)), UINT64_C(0x3ff6a09e667f3bcd));
    check_d("sqrt(0x1p-1074)", sqrt(opaque_d(0x1p-1074)), UINT64_C(0x1e60000000000000));
}

/* ---- 5. printf ------------------------------------------------------------- */

/* newlib's conversions of binary to decimal (printed): floats reach printf
 * as doubles. */
static void printf_formats(void)
{
    static const float floats[] = {
        0.1f, 1e-40f, FLT_MAX, -0.0f, 2.5f, 123456789.0f, 1e-5f, INFINITY, -NAN,
    };
    static const double doubles[] = {
        0.1, 0.125, 2.5, 1e21, 5e-324, -DBL_MAX, 1.0 / 3.0, 100000.0, 1e6,
    };

    printf("-- printf %%f %%e %%g (printed)\n");
    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; ++i) {
        double x = (double)opaque(floats[i]);
        printf("     float  %%f %f  %%e %e  %%g %g  %%.3e %.3e  %%.0f %.0f\n", x, x, x, x, x);
    }
    for (size_t i = 0; i < sizeof doubles / sizeof doubles[0]; ++i) {
        double x = opaque_d(doubles[i]);
        printf("     double %%.2f %.2f  %%.17e %.17e  %%g %g  %%.20g %.20g\n", x, x, x, x);
    }
}

int main(void)
{
    printf("float_libm: IEEE 754 single and double precision, newlib libm\n");
    arithmetic();
    conversions();
    comparisons();
    libm_float();
    libm_double();
    printf_formats();
    printf("float_libm: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
