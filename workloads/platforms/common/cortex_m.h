/* Cortex-M core registers and instructions used by edgesim's firmware.
 *
 * Addresses are from the ARMv7-M / ARMv6-M Architecture Reference Manuals
 * (System Control Space at 0xE000E000). Only what the startup code and the
 * examples need; this is not a CMSIS replacement.
 */
#ifndef EDGESIM_CORTEX_M_H
#define EDGESIM_CORTEX_M_H

#include <stdint.h>

#define EDGESIM_REG32(addr) (*(volatile uint32_t *)(addr))

/* SysTick (B3.3 in ARMv7-M ARM) */
#define SYST_CSR   EDGESIM_REG32(0xE000E010u) /* control and status */
#define SYST_RVR   EDGESIM_REG32(0xE000E014u) /* reload value (24 bits) */
#define SYST_CVR   EDGESIM_REG32(0xE000E018u) /* current value */
#define SYST_CSR_ENABLE    (1u << 0)
#define SYST_CSR_TICKINT   (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2)  /* 1 = processor clock */
#define SYST_CSR_COUNTFLAG (1u << 16)

/* System Control Block */
#define SCB_ICSR   EDGESIM_REG32(0xE000ED04u) /* interrupt control and state */
#define SCB_VTOR   EDGESIM_REG32(0xE000ED08u) /* vector table offset */
#define SCB_SHPR3  EDGESIM_REG32(0xE000ED20u) /* priorities of PendSV [23:16], SysTick [31:24] */
#define SCB_CPACR  EDGESIM_REG32(0xE000ED88u) /* coprocessor access (FPU), ARMv7-M only */
#define SCB_ICSR_PENDSVSET (1u << 28)
#define SCB_ICSR_PENDSTCLR (1u << 25)  /* clear a pending SysTick */

/* Exception numbers (IPSR values) of the system exceptions. */
enum cortex_m_exception {
    EXC_RESET = 1, EXC_NMI = 2, EXC_HARDFAULT = 3, EXC_MEMMANAGE = 4,
    EXC_BUSFAULT = 5, EXC_USAGEFAULT = 6, EXC_SVCALL = 11,
    EXC_DEBUGMON = 12, EXC_PENDSV = 14, EXC_SYSTICK = 15,
    EXC_FIRST_IRQ = 16,
};

static inline void cortex_m_wfi(void) { __asm volatile("wfi" ::: "memory"); }
static inline void cortex_m_dsb(void) { __asm volatile("dsb" ::: "memory"); }
static inline void cortex_m_isb(void) { __asm volatile("isb" ::: "memory"); }
static inline void cortex_m_enable_irq(void) { __asm volatile("cpsie i" ::: "memory"); }
static inline void cortex_m_disable_irq(void) { __asm volatile("cpsid i" ::: "memory"); }

static inline uint32_t cortex_m_ipsr(void)
{
    uint32_t ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return ipsr;
}

/* Handlers every Cortex-M vector table names. startup.c defines them as weak
 * aliases of Default_Handler; a program overrides one by defining it. */
void Reset_Handler(void);
void Default_Handler(void);
void NMI_Handler(void);
void HardFault_Handler(void);
void MemManage_Handler(void);   /* ARMv7-M only */
void BusFault_Handler(void);    /* ARMv7-M only */
void UsageFault_Handler(void);  /* ARMv7-M only */
void SVC_Handler(void);
void DebugMon_Handler(void);    /* ARMv7-M only */
void PendSV_Handler(void);
void SysTick_Handler(void);

/* One entry of a vector table. Entry 0 holds the initial stack pointer. */
typedef void (*cortex_m_vector)(void);

/* Defined by the linker script (common/sections.ld). */
extern uint32_t __stack_top[];

/* The 16 system entries every vector table starts with (ARMv7-M ARM B1.5.3,
 * ARMv6-M ARM B1.5.2), for a board's vectors.c to follow with its IRQs.
 * ARMv6-M reserves the MemManage, BusFault, UsageFault and DebugMonitor
 * slots. */
#if defined(__ARM_ARCH_6M__)
#define CORTEX_M_SYSTEM_VECTORS                                            \
    (cortex_m_vector)__stack_top, Reset_Handler, NMI_Handler, HardFault_Handler, \
    0, 0, 0, 0, 0, 0, 0, SVC_Handler, 0, 0, PendSV_Handler, SysTick_Handler
#else
#define CORTEX_M_SYSTEM_VECTORS                                            \
    (cortex_m_vector)__stack_top, Reset_Handler, NMI_Handler, HardFault_Handler, \
    MemManage_Handler, BusFault_Handler, UsageFault_Handler, 0, 0, 0, 0,   \
    SVC_Handler, DebugMon_Handler, 0, PendSV_Handler, SysTick_Handler
#endif

#endif
