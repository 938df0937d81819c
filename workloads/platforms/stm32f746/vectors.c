/* Vector table of the STM32F746 (Cortex-M7): 16 system exceptions + 98 IRQs,
 * numbered as in ST's reference manual RM0385 (table "STM32F75xxx and
 * STM32F74xxx vector table"). The IRQ handlers and entries are in
 * irq_handlers.inc and irq_vectors.inc, shared with stm32f746-npu. The
 * table is 456 bytes: VTOR needs 512-byte alignment, which the start of
 * flash has.
 */
#include "cortex_m.h"

#include "irq_handlers.inc"

__attribute__((section(".vectors"), used))
const cortex_m_vector vector_table[16 + 98] = {
    CORTEX_M_SYSTEM_VECTORS,
#include "irq_vectors.inc"
};
