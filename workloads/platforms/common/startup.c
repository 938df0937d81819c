/* Reset and default exception handlers shared by every edgesim board.
 *
 * The board's vectors.c holds the vector table; common/sections.ld provides
 * the section symbols used here. Programs link with --specs=rdimon.specs
 * -nostartfiles: this file replaces newlib's rdimon crt0, whose stack set-up
 * (from SYS_HEAPINFO) can fault on M-profile boards.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cortex_m.h"

extern uint32_t __data_load_start__[], __data_start__[], __data_end__[];
extern uint32_t __bss_start__[], __bss_end__[];
extern cortex_m_vector __vector_table[];

extern void initialise_monitor_handles(void);
extern void __libc_init_array(void);
extern void __libc_fini_array(void);
extern int main(void);

void Reset_Handler(void)
{
#if __ARM_FP
    /* Hard-float builds: grant full access to CP10/CP11 before any FP code. */
    SCB_CPACR |= 0xFu << 20;
    cortex_m_dsb();
    cortex_m_isb();
#endif

    memcpy(__data_start__, __data_load_start__,
           (size_t)((char *)__data_end__ - (char *)__data_start__));
    memset(__bss_start__, 0, (size_t)((char *)__bss_end__ - (char *)__bss_start__));

#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    /* Boards such as the STM32 alias flash at 0 only while booting. */
    SCB_VTOR = (uint32_t)__vector_table;
#endif

    initialise_monitor_handles();
    atexit(__libc_fini_array);
    __libc_init_array();
    exit(main());
}

/* newlib's __libc_init_array/__libc_fini_array call these; crti.o would
 * define them, but -nostartfiles leaves it out. */
void _init(void) {}
void _fini(void) {}

static const char *const exception_names[EXC_FIRST_IRQ] = {
    "Thread", "Reset", "NMI", "HardFault", "MemManage", "BusFault",
    "UsageFault", "Reserved7", "Reserved8", "Reserved9", "Reserved10",
    "SVCall", "DebugMonitor", "Reserved13", "PendSV", "SysTick",
};

/* Any exception the program does not handle ends here. It names the
 * exception on stderr and exits with EXIT_FAILURE rather than spinning, so a
 * test run ends at once with a reason instead of hitting a time limit.
 * write() and _exit() are plain semihosting calls, safe in handler mode;
 * stdio is not (the fault may have hit inside printf). */
void Default_Handler(void)
{
    uint32_t number = cortex_m_ipsr() & 0x1FFu;
    char line[40] = "unhandled exception ";

    if (number < EXC_FIRST_IRQ) {
        strcat(line, exception_names[number]);
    } else {
        strcat(line, "IRQ ");
        utoa(number - EXC_FIRST_IRQ, line + strlen(line), 10);
    }
    strcat(line, "\n");
    write(STDERR_FILENO, line, strlen(line));
    _exit(EXIT_FAILURE);
}

void NMI_Handler(void) __attribute__((weak, alias("Default_Handler")));
void HardFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void MemManage_Handler(void) __attribute__((weak, alias("Default_Handler")));
void BusFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void UsageFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SVC_Handler(void) __attribute__((weak, alias("Default_Handler")));
void DebugMon_Handler(void) __attribute__((weak, alias("Default_Handler")));
void PendSV_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SysTick_Handler(void) __attribute__((weak, alias("Default_Handler")));
