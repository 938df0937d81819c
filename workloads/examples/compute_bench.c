/* compute_bench: a deterministic, compute-bound integer benchmark (used for
 * the MIPS measurement). Each iteration refills its inputs from a linear
 * congruential generator, then runs a bitwise CRC-32, a 16x16 matrix
 * multiply and an insertion sort. One checksum depends on every result.
 *
 * The program is plain C99 and also builds for the host: the checksum that
 * tests/system expects was computed with the host build, not copied from a
 * run on an ARM target. Build a longer run with -DBENCH_ITERATIONS=<n>.
 */
#include <stdint.h>
#include <stdio.h>

#ifndef BENCH_ITERATIONS
#define BENCH_ITERATIONS 250  /* about 30 million instructions on a Cortex-M4 */
#endif

enum { CRC_BYTES = 1024, MAT_N = 16, SORT_LEN = 128 };

static uint32_t lcg_state = 12345u;

static uint32_t lcg_next(void)
{
    lcg_state = lcg_state * 1664525u + 1013904223u;  /* Numerical Recipes */
    return lcg_state;
}

/* CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bit by bit. */
static uint32_t crc32(const uint8_t *data, unsigned len)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (unsigned i = 0; i < len; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

static void matmul(int32_t c[MAT_N][MAT_N], int32_t a[MAT_N][MAT_N],
                   int32_t b[MAT_N][MAT_N])
{
    for (int i = 0; i < MAT_N; ++i)
        for (int j = 0; j < MAT_N; ++j) {
            int32_t sum = 0;
            for (int k = 0; k < MAT_N; ++k)
                sum += a[i][k] * b[k][j];
            c[i][j] = sum;
        }
}

static void insertion_sort(int32_t *v, int n)
{
    for (int i = 1; i < n; ++i) {
        int32_t key = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > key) {
            v[j + 1] = v[j];
            --j;
        }
        v[j + 1] = key;
    }
}

static uint8_t buffer[CRC_BYTES];
static int32_t mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];
static int32_t values[SORT_LEN];

int main(void)
{
    /* Known-answer check of the CRC routine: CRC-32 of "123456789". */
    if (crc32((const uint8_t *)"123456789", 9) != 0xCBF43926u) {
        printf("crc32 self-check FAILED\n");
        return 1;
    }

    uint32_t checksum = 0;
    int sorted_ok = 1;
    for (int iter = 0; iter < BENCH_ITERATIONS; ++iter) {
        for (int i = 0; i < CRC_BYTES; ++i)
            buffer[i] = (uint8_t)(lcg_next() >> 24);
        checksum ^= crc32(buffer, CRC_BYTES);

        for (int i = 0; i < MAT_N; ++i)
            for (int j = 0; j < MAT_N; ++j) {
                mat_a[i][j] = (int32_t)(lcg_next() >> 24) - 128;  /* -128..127 */
                mat_b[i][j] = (int32_t)(lcg_next() >> 24) - 128;
            }
        matmul(mat_c, mat_a, mat_b);
        for (int i = 0; i < MAT_N; ++i)
            checksum = checksum * 31u + (uint32_t)mat_c[i][(i * 7) % MAT_N];

        for (int i = 0; i < SORT_LEN; ++i)
            values[i] = (int32_t)lcg_next();
        insertion_sort(values, SORT_LEN);
        for (int i = 1; i < SORT_LEN; ++i)
            sorted_ok &= values[i - 1] <= values[i];
        checksum = checksum * 31u + (uint32_t)values[SORT_LEN / 2];
    }

    printf("compute_bench: %d iterations\n", BENCH_ITERATIONS);
    printf("sorted: %s\n", sorted_ok ? "ok" : "FAILED");
    printf("checksum: 0x%08lx\n", (unsigned long)checksum);
    return sorted_ok ? 0 : 1;
}
