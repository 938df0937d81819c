/* libc_tour: exercises the parts of newlib that firmware leans on and that
 * stress an instruction-set simulator: printf formatting (integers, 64-bit,
 * floating point), malloc/realloc/calloc/free, qsort, setjmp/longjmp,
 * 64-bit division and modulo (__aeabi_ldivmod / __aeabi_uldivmod) and the
 * string functions. Every check compares against a value worked out by
 * hand or with Python, prints "ok" or "FAIL", and the program exits 0 only
 * if all checks pass (1 otherwise).
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks, failures;

static void check(const char *what, int ok)
{
    ++checks;
    if (!ok)
        ++failures;
    printf("%-4s %s\n", ok ? "ok" : "FAIL", what);
}

static void check_format(const char *got, const char *expected)
{
    int ok = strcmp(got, expected) == 0;
    ++checks;
    if (!ok)
        ++failures;
    printf("%-4s \"%s\"%s%s%s\n", ok ? "ok" : "FAIL", got,
           ok ? "" : " (expected \"", ok ? "" : expected, ok ? "" : "\")");
}

static void tour_printf(void)
{
    char s[96];
    snprintf(s, sizeof s, "%d|%5d|%-5d|%05d|%+d", 42, 42, 42, 42, 42);
    check_format(s, "42|   42|42   |00042|+42");
    snprintf(s, sizeof s, "%x|%X|%#x|%o|%#o|%u", 255, 255, 255, 255, 255, 4000000000u);
    check_format(s, "ff|FF|0xff|377|0377|4000000000");
    snprintf(s, sizeof s, "%lld|%llu|%llx", -9000000000LL, 18000000000000000000ULL,
             0x123456789abcdefULL);
    check_format(s, "-9000000000|18000000000000000000|123456789abcdef");
    snprintf(s, sizeof s, "%c%c%c|%s|%6s|%-6s|%.3s|%%", 'a', 'b', 'c', "edge", "edge",
             "edge", "edge");
    check_format(s, "abc|edge|  edge|edge  |edg|%");
    snprintf(s, sizeof s, "%.3f|%e|%g|%.1f", 3.14159265, 12345.678, 0.0001, -2.26);
    check_format(s, "3.142|1.234568e+04|0.0001|-2.3");
}

static void tour_malloc(void)
{
    enum { BLOCKS = 16 };
    unsigned char *block[BLOCKS];
    int ok = 1;
    for (int i = 0; i < BLOCKS; ++i) {
        block[i] = malloc(32u * (unsigned)(i + 1));
        ok &= block[i] != NULL;
        if (block[i])
            memset(block[i], i, 32u * (unsigned)(i + 1));
    }
    for (int i = 0; i < BLOCKS && ok; ++i)
        for (unsigned j = 0; j < 32u * (unsigned)(i + 1); ++j)
            ok &= block[i][j] == i;
    check("malloc: 16 blocks hold their contents", ok);

    for (int i = 0; i < BLOCKS; i += 2)
        free(block[i]);
    unsigned char *grown = realloc(block[1], 1024);
    ok = grown != NULL;
    for (unsigned j = 0; ok && j < 64; ++j)
        ok &= grown[j] == 1;
    check("realloc keeps the old contents", ok);
    block[1] = grown;

    uint32_t *zeroed = calloc(256, sizeof *zeroed);
    ok = zeroed != NULL;
    for (int i = 0; ok && i < 256; ++i)
        ok &= zeroed[i] == 0;
    check("calloc returns zeroed memory", ok);
    free(zeroed);
    for (int i = 1; i < BLOCKS; i += 2)
        free(block[i]);
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void tour_qsort(void)
{
    int v[] = {42, -7, 1000, 0, 3, -7, 99, 12, -500, 8};
    const int sorted[] = {-500, -7, -7, 0, 3, 8, 12, 42, 99, 1000};
    qsort(v, sizeof v / sizeof v[0], sizeof v[0], compare_ints);
    check("qsort ints", memcmp(v, sorted, sizeof v) == 0);

    const char *words[] = {"sram", "flash", "cache", "dma", "bus"};
    qsort(words, 5, sizeof words[0], compare_strings);
    check("qsort strings", strcmp(words[0], "bus") == 0 && strcmp(words[1], "cache") == 0 &&
                               strcmp(words[2], "dma") == 0 && strcmp(words[3], "flash") == 0 &&
                               strcmp(words[4], "sram") == 0);
}

static jmp_buf jump_target;

/* Recurses `depth` frames deep, then jumps back to jump_target with `value`
 * (returns normally when value is 0). The "+ 1" keeps real frames on the
 * stack: the recursion cannot become a loop. */
static int descend(int depth, int value)
{
    if (depth == 0) {
        if (value != 0)
            longjmp(jump_target, value);
        return 0;
    }
    return descend(depth - 1, value) + 1;
}

static void tour_setjmp(void)
{
    volatile int attempts = 0;
    int result = setjmp(jump_target);
    ++attempts;
    if (result == 0)
        descend(8, 42);
    check("longjmp out of 9 frames returns 42", result == 42 && attempts == 2);
    check("descend returns normally with value 0", descend(8, 0) == 8);

    result = setjmp(jump_target);
    if (result == 0)
        longjmp(jump_target, 0);
    check("longjmp(env, 0) makes setjmp return 1", result == 1);
}

static void tour_division(void)
{
    /* volatile: keep the compiler from folding the divisions. */
    volatile uint64_t ua = 0xFEDCBA9876543210ULL, ub = 0x12345;
    check("u64 /", ua / ub == 0xE0004FA01C4DULL);
    check("u64 %", ua % ub == 0x10A4FULL);

    volatile int64_t sa = -1234567890123456789LL, sb = 98765;
    check("s64 / (negative dividend)", sa / sb == -12500054575238LL);
    check("s64 % (negative dividend)", sa % sb == -75719);
    sa = 1234567890123456789LL;
    sb = -98765;
    check("s64 / (negative divisor)", sa / sb == -12500054575238LL);
    check("s64 % (negative divisor)", sa % sb == 75719);
    sa = INT64_MIN;
    sb = 7;
    check("s64 INT64_MIN / 7", sa / sb == -1317624576693539401LL && sa % sb == -1);

    volatile uint32_t u32a = 4000000000u, u32b = 7;
    check("u32 / and %", u32a / u32b == 571428571u && u32a % u32b == 3u);
}

static void tour_strings(void)
{
    char s[64];
    strcpy(s, "edge");
    strcat(s, "sim");
    check("strcpy + strcat + strlen", strcmp(s, "edgesim") == 0 && strlen(s) == 7);
    check("strcmp / strncmp order", strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 &&
                                       strncmp("cortex-m4", "cortex-m0", 8) == 0);
    check("strchr / strrchr / strstr", strchr(s, 'e') == s && strrchr(s, 'e') == s + 3 &&
                                           strstr(s, "sim") == s + 4);

    memcpy(s, "0123456789", 11);
    memmove(s + 2, s, 5);  /* overlapping, copies forwards over itself */
    check("memmove overlapping", strcmp(s, "0101234789") == 0);
    memset(s, 'x', 3);
    check("memset + memcmp", memcmp(s, "xxx1234789", 10) == 0);

    char *end;
    long hex = strtol("  -0x1F rest", &end, 16);
    check("strtol hex with end pointer", hex == -31 && strcmp(end, " rest") == 0);
    check("strtoul / atoi", strtoul("4294967295", NULL, 10) == 4294967295UL &&
                                atoi("-12345") == -12345);

    strcpy(s, "Mixed Case 42");
    for (char *p = s; *p; ++p)
        *p = (char)toupper((unsigned char)*p);
    check("toupper", strcmp(s, "MIXED CASE 42") == 0);
}

int main(void)
{
    printf("libc_tour on %s\n", EDGESIM_BOARD);
    tour_printf();
    tour_malloc();
    tour_qsort();
    tour_setjmp();
    tour_division();
    tour_strings();
    printf("libc_tour: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
