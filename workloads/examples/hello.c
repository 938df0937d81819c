/* hello: the smallest useful program. Prints a greeting and a few lines
 * through semihosting (newlib printf) and exits with code 0. */
#include <stdio.h>

int main(void)
{
    printf("Hello from edgesim\n");
    printf("board: %s\n", EDGESIM_BOARD);
    for (int i = 1; i <= 3; ++i)
        printf("line %d of 3: %d squared is %d\n", i, i, i * i);
    return 0;
}
