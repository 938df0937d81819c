/* profile_example: functions whose instruction counts are known by hand,
 * for `edgesim run --profile` (tests/system/check_profile.py).
 *
 * count_down(n) is written in assembly so the compiler cannot change it:
 *     1: subs r0, r0, #1
 *        bne  1b
 *        bx   lr
 * n trips of two instructions and the return: 2n + 1 instructions a call.
 * main calls it COUNT_CALLS times with n = COUNT_TRIPS.
 *
 * SysTick interrupts every TICK_PERIOD_CYCLES cycles while the loops run;
 * its handler, assembly too, counts them in six instructions:
 *     movw r0, #:lower16:profile_ticks
 *     movt r0, #:upper16:profile_ticks
 *     ldr  r1, [r0]
 *     adds r1, r1, #1
 *     str  r1, [r0]
 *     bx   lr
 * main prints the count ("ticks N"): the handler's calls must equal it, and
 * its instructions 6 N. Exits 0.
 */
#include <stdint.h>
#include <stdio.h>

#include "cortex_m.h"

enum { COUNT_CALLS = 3, COUNT_TRIPS = 1000, TICK_PERIOD_CYCLES = 1500 };

volatile uint32_t profile_ticks;

__attribute__((naked, noinline)) void count_down(uint32_t n)
{
    (void)n;
    __asm volatile(
        "1: subs r0, r0, #1\n"
        "   bne 1b\n"
        "   bx lr\n");
}

__attribute__((naked)) void SysTick_Handler(void)
{
    __asm volatile(
        "movw r0, #:lower16:profile_ticks\n"
        "movt r0, #:upper16:profile_ticks\n"
        "ldr r1, [r0]\n"
        "adds r1, r1, #1\n"
        "str r1, [r0]\n"
        "bx lr\n");
}

int main(void)
{
    SYST_RVR = TICK_PERIOD_CYCLES - 1;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_TICKINT | SYST_CSR_CLKSOURCE;
    for (int i = 0; i < COUNT_CALLS; ++i)
        count_down(COUNT_TRIPS);
    SYST_CSR = 0;
    SCB_ICSR = SCB_ICSR_PENDSTCLR;
    printf("count_down %d x %d\n", COUNT_CALLS, COUNT_TRIPS);
    printf("ticks %lu\n", (unsigned long)profile_ticks);
    return 0;
}
