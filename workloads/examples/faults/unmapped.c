/* fault_unmapped: prints one line, then loads a word from 0x90000000, an
 * address no edgesim board (nor QEMU's mps2-an386) maps, with no fault
 * handler installed (no_handlers_vectors.c).
 *
 * Expected: "fault_unmapped: loading from 0x90000000" on stdout, then
 * lockup: precise BusFault on ARMv7-M, escalated to HardFault because
 * BusFault is disabled (plain HardFault on ARMv6-M); the HardFault vector
 * is 0, so the core locks up. edgesim reports the lockup (naming the address)
 * and exits with 125; the second line must never appear.
 */
#include <stdint.h>
#include <stdio.h>

int main(void)
{
    printf("fault_unmapped: loading from 0x90000000\n");
    uint32_t value = *(volatile uint32_t *)0x90000000u;
    printf("fault_unmapped: read 0x%08lx (wrong)\n", (unsigned long)value);
    return 0;
}
