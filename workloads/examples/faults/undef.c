/* fault_undef: prints one line, then executes a permanently undefined
 * instruction, with no fault handler installed (no_handlers_vectors.c).
 *
 * Expected: "fault_undef: executing an undefined instruction" on stdout,
 * then lockup: UsageFault (UNDEFINSTR) on ARMv7-M, escalated to HardFault
 * because UsageFault is disabled (plain HardFault on ARMv6-M); the HardFault
 * vector is 0, so the core locks up. edgesim reports the lockup and exits
 * with 125; the second line must never appear.
 */
#include <stdio.h>

int main(void)
{
    printf("fault_undef: executing an undefined instruction\n");
#if __ARM_ARCH_6M__
    __asm volatile("udf #0");              /* 16-bit UDF: 0xDE00 */
#else
    __asm volatile(".inst.w 0xf7f0a000");  /* 32-bit UDF.W #0 */
#endif
    printf("fault_undef: still running (wrong)\n");
    return 0;
}
