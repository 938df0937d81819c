/* Vector table of the fault examples: the initial stack pointer and
 * Reset_Handler, nothing else. All other entries are 0: no handler is
 * installed. A fault then escalates to HardFault, whose vector (0) has
 * bit 0 clear; entering it raises an INVSTATE UsageFault at HardFault
 * priority, which the core cannot take: it locks up (ARMv7-M ARM B1.5.15,
 * ARMv6-M ARM B1.5.15 "Unrecoverable exception cases").
 */
#include "cortex_m.h"

__attribute__((section(".vectors"), used))
const cortex_m_vector vector_table[16] = {
    (cortex_m_vector)__stack_top,
    Reset_Handler,
    /* NMI, HardFault, MemManage, BusFault, UsageFault, ..., SysTick: 0 */
};
