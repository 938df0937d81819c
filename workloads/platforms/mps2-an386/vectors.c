/* Vector table of the Arm MPS2 board with the AN386 FPGA image (Cortex-M4),
 * as QEMU 7.2's `-M mps2-an386` models it: 16 system exceptions + 32 IRQs.
 * IRQ names follow Arm's CMSDK_CM4 device header; see README.md for what
 * QEMU actually wires to each line.
 */
#include "cortex_m.h"

/* IRQs nobody handles go to Default_Handler, which names the IRQ. */
static void Unused_IRQHandler(void) { Default_Handler(); }

void UART0RX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART0TX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART1RX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART1TX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART2RX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART2TX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO0ALL_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO1ALL_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void TIMER0_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void TIMER1_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void DUALTIMER_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void SPI_0_1_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART_0_1_2_OVF_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void ETHERNET_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void I2S_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void TOUCHSCREEN_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO2_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO3_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART3RX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART3TX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART4RX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void UART4TX_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void SPI_2_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void SPI_3_4_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO0_0_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO0_1_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO0_2_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO0_3_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO0_4_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO0_5_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO0_6_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));
void GPIO0_7_Handler(void) __attribute__((weak, alias("Unused_IRQHandler")));

__attribute__((section(".vectors"), used))
const cortex_m_vector vector_table[16 + 32] = {
    CORTEX_M_SYSTEM_VECTORS,
    /* IRQ 0.. */
    UART0RX_Handler,            /*  0 */
    UART0TX_Handler,            /*  1 */
    UART1RX_Handler,            /*  2 */
    UART1TX_Handler,            /*  3 */
    UART2RX_Handler,            /*  4 */
    UART2TX_Handler,            /*  5 */
    GPIO0ALL_Handler,           /*  6 */
    GPIO1ALL_Handler,           /*  7 */
    TIMER0_Handler,             /*  8 */
    TIMER1_Handler,             /*  9 */
    DUALTIMER_Handler,          /* 10 */
    SPI_0_1_Handler,            /* 11 */
    UART_0_1_2_OVF_Handler,     /* 12 */
    ETHERNET_Handler,           /* 13 */
    I2S_Handler,                /* 14 */
    TOUCHSCREEN_Handler,        /* 15 */
    GPIO2_Handler,              /* 16 */
    GPIO3_Handler,              /* 17 */
    UART3RX_Handler,            /* 18 */
    UART3TX_Handler,            /* 19 */
    UART4RX_Handler,            /* 20 */
    UART4TX_Handler,            /* 21 */
    SPI_2_Handler,              /* 22 */
    SPI_3_4_Handler,            /* 23 */
    GPIO0_0_Handler,            /* 24 */
    GPIO0_1_Handler,            /* 25 */
    GPIO0_2_Handler,            /* 26 */
    GPIO0_3_Handler,            /* 27 */
    GPIO0_4_Handler,            /* 28 */
    GPIO0_5_Handler,            /* 29 */
    GPIO0_6_Handler,            /* 30 */
    GPIO0_7_Handler,            /* 31 */
};
