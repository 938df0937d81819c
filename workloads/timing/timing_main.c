/* Timing microbenchmarks: runs every benchmark of timing_m4.S or
 * timing_m0plus.S and prints one line per benchmark,
 *
 *     <name> <cycles per sequence>
 *
 * where cycles = (t(2K) - t(K)) / K: each benchmark times K and 2K copies of
 * its sequence inside the same frame (timing_bench.inc), so the frame's own
 * cost cancels exactly. The value is an integer when the difference divides
 * by K (it should: copies do not interact except as intended), otherwise it
 * is printed with three decimals, and "error" when t(2K) < t(K). Exit 0.
 *
 * Timer: DWT_CYCCNT on ARMv7-M, SysTick (processor clock, counting down
 * from 0xFFFFFF, cleared before each measurement) on ARMv6-M.
 * tests/system/check_timing.py compares the lines with the TRM values in
 * tests/system/timing_expected.tsv.
 */
#include <stdint.h>
#include <stdio.h>

#include "cortex_m.h"

struct timing_benchmark {
    const char *name;
    uint32_t (*run_k)(void);   /* K copies: elapsed timer count */
    uint32_t (*run_k2)(void);  /* 2K copies */
    uint32_t k;
};

/* timing_bench.inc: the entries, then one with name == 0. */
extern const struct timing_benchmark timing_benchmarks[];

#if defined(__ARM_ARCH_6M__)
static void timer_init(void)
{
    SYST_CSR = 0;
    SYST_RVR = 0xFFFFFFu;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_CLKSOURCE;  /* no TICKINT */
}

static uint32_t measure(uint32_t (*run)(void))
{
    /* Cleared now, the counter reloads 0xFFFFFF on the next cycle, well
     * before the start read, and cannot wrap within one measurement. */
    SYST_CVR = 0;
    return run() & 0xFFFFFFu;
}
#else
#define DEMCR      EDGESIM_REG32(0xE000EDFCu)
#define DWT_CTRL   EDGESIM_REG32(0xE0001000u)
#define DEMCR_TRCENA     (1u << 24)
#define DWT_CTRL_CYCCNTENA (1u << 0)

static void timer_init(void)
{
    DEMCR |= DEMCR_TRCENA;
    DWT_CTRL |= DWT_CTRL_CYCCNTENA;
}

static uint32_t measure(uint32_t (*run)(void))
{
    return run();  /* 32-bit counter: the difference is modulo 2^32 */
}
#endif

int main(void)
{
    timer_init();
    for (const struct timing_benchmark *b = timing_benchmarks; b->name; ++b) {
        /* Each function once to warm up, then measured. */
        (void)measure(b->run_k);
        (void)measure(b->run_k2);
        const uint32_t t1 = measure(b->run_k);
        const uint32_t t2 = measure(b->run_k2);
        if (t2 < t1 || b->k == 0) {
            printf("%s error\n", b->name);
            continue;
        }
        const uint32_t diff = t2 - t1;
        if (diff % b->k == 0) {
            printf("%s %lu\n", b->name, (unsigned long)(diff / b->k));
        } else {
            const unsigned long milli = ((unsigned long)diff * 1000u + b->k / 2) / b->k;
            printf("%s %lu.%03lu\n", b->name, milli / 1000u, milli % 1000u);
        }
    }
    return 0;
}
