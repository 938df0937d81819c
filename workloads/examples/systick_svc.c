/* systick_svc: interrupts and system calls, with output that does not depend
 * on wall-clock time or host speed.
 *
 * 1. SysTick interrupts every TICK_PERIOD_CYCLES core cycles. Its handler
 *    counts ticks and switches SysTick off at TICK_TARGET, so the count is
 *    exact; main sleeps in WFI meanwhile.
 * 2. SVC calls: SVC_Handler finds the stacked exception frame (MSP or PSP,
 *    from EXC_RETURN bit 2), reads the SVC number from the SVC instruction
 *    before the stacked PC, takes arguments from stacked r0-r3 and returns a
 *    result in stacked r0.
 * 3. SVC_PEND_PENDSV pends PendSV, which has the lowest priority: it runs
 *    once, right after that SVC handler returns (tail-chained).
 * 4. One SVC from thread mode on the process stack (CONTROL.SPSEL = 1).
 * Exits 0 if every result is as expected, 1 otherwise.
 */
#include <stdint.h>
#include <stdio.h>

#include "cortex_m.h"

enum { TICK_PERIOD_CYCLES = 5000, TICK_TARGET = 10 };
enum svc_number { SVC_ADD = 0, SVC_DOT2 = 1, SVC_PEND_PENDSV = 2 };

static volatile uint32_t ticks;
static volatile uint32_t svc_calls;
static volatile uint32_t last_exc_return;
static volatile uint32_t pendsv_runs;
static volatile uint32_t svc_calls_when_pendsv_ran;

void SysTick_Handler(void)
{
    if (++ticks == TICK_TARGET) {
        /* Stop here, so the count stays exact. A tick that expired while
         * this handler ran is already pending (QEMU's SysTick follows host
         * time, so under load it can): clear it too. */
        SYST_CSR = 0;
        SCB_ICSR = SCB_ICSR_PENDSTCLR;
    }
}

void PendSV_Handler(void)
{
    ++pendsv_runs;
    svc_calls_when_pendsv_ran = svc_calls;
}

/* Called by SVC_Handler with the exception frame {r0,r1,r2,r3,r12,lr,pc,xpsr}
 * and the EXC_RETURN value. */
__attribute__((used)) void svc_dispatch(uint32_t *frame, uint32_t exc_return)
{
    const uint16_t *return_pc = (const uint16_t *)frame[6];
    uint32_t number = return_pc[-1] & 0xFFu;  /* SVC #imm8 is 0xDFxx */

    ++svc_calls;
    last_exc_return = exc_return;
    switch (number) {
    case SVC_ADD:
        frame[0] = frame[0] + frame[1];
        break;
    case SVC_DOT2:
        frame[0] = frame[0] * frame[1] + frame[2] * frame[3];
        break;
    case SVC_PEND_PENDSV:
        SCB_ICSR = SCB_ICSR_PENDSVSET;
        frame[0] = 0;
        break;
    default:
        frame[0] = 0xFFFFFFFFu;
        break;
    }
}

/* ARMv6-M instructions only, so the same handler serves the Cortex-M0+. */
__attribute__((naked)) void SVC_Handler(void)
{
    __asm volatile(
        "   movs r0, #4          \n"
        "   mov  r1, lr          \n"  /* r1 = EXC_RETURN */
        "   tst  r0, r1          \n"  /* bit 2: frame on PSP (1) or MSP (0) */
        "   beq  1f              \n"
        "   mrs  r0, psp         \n"
        "   b    2f              \n"
        "1: mrs  r0, msp         \n"
        "2: push {r4, lr}        \n"  /* r4 keeps the stack 8-byte aligned */
        "   bl   svc_dispatch    \n"
        "   pop  {r4, pc}        \n"); /* pc = EXC_RETURN: exception return */
}

static uint32_t svc_add(uint32_t a, uint32_t b)
{
    register uint32_t r0 __asm("r0") = a;
    register uint32_t r1 __asm("r1") = b;
    __asm volatile("svc %[n]" : "+r"(r0) : "r"(r1), [n] "i"(SVC_ADD) : "memory");
    return r0;
}

static uint32_t svc_dot2(uint32_t a, uint32_t b, uint32_t c, uint32_t d)
{
    register uint32_t r0 __asm("r0") = a;
    register uint32_t r1 __asm("r1") = b;
    register uint32_t r2 __asm("r2") = c;
    register uint32_t r3 __asm("r3") = d;
    __asm volatile("svc %[n]" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), [n] "i"(SVC_DOT2)
                   : "memory");
    return r0;
}

static void svc_pend_pendsv(void)
{
    __asm volatile("svc %[n]" : : [n] "i"(SVC_PEND_PENDSV) : "r0", "memory");
}

static void wait_for_ticks(void)
{
    SYST_RVR = TICK_PERIOD_CYCLES - 1;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;

    /* Check and sleep with interrupts masked: a tick between the check and
     * WFI would otherwise be lost and WFI would sleep for ever. A pending
     * interrupt still wakes WFI; it is taken once interrupts are unmasked. */
    cortex_m_disable_irq();
    while (ticks < TICK_TARGET) {
        cortex_m_wfi();
        cortex_m_enable_irq();
        cortex_m_isb();
        cortex_m_disable_irq();
    }
    cortex_m_enable_irq();
}

static uint32_t process_stack[256] __attribute__((aligned(8)));

/* One SVC_ADD from thread mode on the process stack, then back to the main
 * stack. A single asm block, so the compiler cannot touch the stack while
 * the stack pointer is switched. */
static uint32_t svc_add_on_process_stack(uint32_t a, uint32_t b)
{
    register uint32_t r0 __asm("r0") = a;
    register uint32_t r1 __asm("r1") = b;
    __asm volatile("msr  psp, %[top]        \n"
                   "msr  control, %[use_psp] \n"  /* CONTROL.SPSEL = 1 */
                   "isb                     \n"
                   "svc  %[n]               \n"
                   "msr  control, %[use_msp] \n"
                   "isb                     \n"
                   : "+r"(r0)
                   : "r"(r1), [top] "r"(process_stack + 256), [use_psp] "r"(2u),
                     [use_msp] "r"(0u), [n] "i"(SVC_ADD)
                   : "memory");
    return r0;
}

int main(void)
{
    int ok = 1;

    SCB_SHPR3 |= 0xFFu << 16;  /* PendSV: lowest priority */

    wait_for_ticks();
    printf("systick: %lu ticks of %d cycles\n", (unsigned long)ticks, TICK_PERIOD_CYCLES);
    ok &= ticks == TICK_TARGET;

    uint32_t sum = svc_add(40, 2);
    printf("svc add(40, 2) = %lu\n", (unsigned long)sum);
    ok &= sum == 42;

    uint32_t dot = svc_dot2(3, 4, 5, 7);
    printf("svc dot2(3, 4, 5, 7) = %lu\n", (unsigned long)dot);
    ok &= dot == 47;  /* 3*4 + 5*7 */
    ok &= last_exc_return == 0xFFFFFFF9u;  /* thread mode, main stack */

    svc_pend_pendsv();
    printf("pendsv: ran %lu time(s), after svc call %lu\n", (unsigned long)pendsv_runs,
           (unsigned long)svc_calls_when_pendsv_ran);
    ok &= pendsv_runs == 1 && svc_calls_when_pendsv_ran == 3;

    sum = svc_add_on_process_stack(1000, 337);
    printf("svc add on process stack = %lu, exc_return 0x%08lx\n", (unsigned long)sum,
           (unsigned long)last_exc_return);
    ok &= sum == 1337 && last_exc_return == 0xFFFFFFFDu;

    printf("systick_svc: %s\n", ok ? "all checks passed" : "FAILED");
    return ok ? 0 : 1;
}
