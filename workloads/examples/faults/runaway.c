/* fault_runaway: prints one line, then spins for ever without WFI and
 * without ever exiting.
 *
 * Expected: "fault_runaway: spinning for ever" on stdout, then nothing:
 * edgesim stops at its run limit and exits with 124; under QEMU only an
 * external timeout ends it.
 */
#include <stdint.h>
#include <stdio.h>

static volatile uint32_t spins;

int main(void)
{
    printf("fault_runaway: spinning for ever\n");
    for (;;)
        ++spins;
}
