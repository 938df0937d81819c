/* exit_code: exits with code 3, to test that the firmware's semihosting exit
 * code (SYS_EXIT_EXTENDED, via newlib's exit()) becomes the process's. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("exiting with code 3\n");
    exit(3);
}
