/* uart_hello (mps2-an386 only): writes its greeting to UART0, the CMSDK APB
 * UART at 0x40004000, by polling; no semihosting until the final exit(0).
 * On QEMU (-nographic) and on edgesim, UART0 output goes to stdout, so the
 * output is the same as hello's first line. Registers: see
 * platforms/mps2-an386/README.md. */
#include <stdint.h>

#define UART0_DATA    (*(volatile uint32_t *)0x40004000u)
#define UART0_STATE   (*(volatile uint32_t *)0x40004004u)
#define UART0_CTRL    (*(volatile uint32_t *)0x40004008u)
#define UART0_BAUDDIV (*(volatile uint32_t *)0x40004010u)
#define UART_STATE_TX_FULL (1u << 0)
#define UART_CTRL_TX_ENABLE (1u << 0)

static void uart_putc(char c)
{
    while (UART0_STATE & UART_STATE_TX_FULL) {
    }
    UART0_DATA = (uint8_t)c;
}

int main(void)
{
    UART0_BAUDDIV = 25000000u / 115200u;  /* 25 MHz APB clock; >= 16 */
    UART0_CTRL = UART_CTRL_TX_ENABLE;
    for (const char *s = "Hello from edgesim over UART0\n"; *s; ++s)
        uart_putc(*s);
    return 0;
}
