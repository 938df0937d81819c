/* Vector table of stm32f746-npu: the STM32F746's (16 system exceptions +
 * IRQs 0..97, shared with platforms/stm32f746 through its .inc files) plus
 * IRQ 98, the accelerator's interrupt. The table is 460 bytes: VTOR needs
 * 512-byte alignment, which the start of flash has.
 */
#include "cortex_m.h"

#include "../stm32f746/irq_handlers.inc"

/* The accelerator's interrupt (ACCEL_IRQ_* in accel_interface.h). The
 * driver (workloads/accel/accel_driver.c) defines it. */
void ACCEL_IRQHandler(void) __attribute__((weak, alias("Unused_IRQHandler")));

__attribute__((section(".vectors"), used))
const cortex_m_vector vector_table[16 + 99] = {
    CORTEX_M_SYSTEM_VECTORS,
#include "../stm32f746/irq_vectors.inc"
    ACCEL_IRQHandler,               /* 98 */
};
