/* Vector table of edgesim's minimal Cortex-M0+ board: the ARMv6-M system
 * exceptions + 32 IRQ lines (the most an ARMv6-M NVIC has). The board has no
 * peripherals of its own, so the IRQs carry numbers, not names.
 */
#include "cortex_m.h"

/* IRQs nobody handles go to Default_Handler, which names the IRQ. */
static void Unused_IRQHandler(void) { Default_Handler(); }

void IRQ0_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ1_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ2_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ3_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ4_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ5_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ6_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ7_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ8_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ9_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ10_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ11_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ12_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ13_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ14_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ15_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ16_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ17_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ18_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ19_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ20_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ21_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ22_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ23_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ24_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ25_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ26_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ27_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ28_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ29_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ30_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void IRQ31_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));

__attribute__((section(".vectors"), used))
const cortex_m_vector vector_table[16 + 32] = {
    CORTEX_M_SYSTEM_VECTORS,
    /* IRQ 0.. */
    IRQ0_Handler,                /*  0 */
    IRQ1_Handler,                /*  1 */
    IRQ2_Handler,                /*  2 */
    IRQ3_Handler,                /*  3 */
    IRQ4_Handler,                /*  4 */
    IRQ5_Handler,                /*  5 */
    IRQ6_Handler,                /*  6 */
    IRQ7_Handler,                /*  7 */
    IRQ8_Handler,                /*  8 */
    IRQ9_Handler,                /*  9 */
    IRQ10_Handler,               /* 10 */
    IRQ11_Handler,               /* 11 */
    IRQ12_Handler,               /* 12 */
    IRQ13_Handler,               /* 13 */
    IRQ14_Handler,               /* 14 */
    IRQ15_Handler,               /* 15 */
    IRQ16_Handler,               /* 16 */
    IRQ17_Handler,               /* 17 */
    IRQ18_Handler,               /* 18 */
    IRQ19_Handler,               /* 19 */
    IRQ20_Handler,               /* 20 */
    IRQ21_Handler,               /* 21 */
    IRQ22_Handler,               /* 22 */
    IRQ23_Handler,               /* 23 */
    IRQ24_Handler,               /* 24 */
    IRQ25_Handler,               /* 25 */
    IRQ26_Handler,               /* 26 */
    IRQ27_Handler,               /* 27 */
    IRQ28_Handler,               /* 28 */
    IRQ29_Handler,               /* 29 */
    IRQ30_Handler,               /* 30 */
    IRQ31_Handler,               /* 31 */
};
