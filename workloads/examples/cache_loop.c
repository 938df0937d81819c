/* cache_loop: one loop whose body is LOOP_BYTES of straight-line code, run
 * until about TOTAL_INSNS instructions have executed, for the L1 I-cache
 * tests: a loop that fits in the I-cache misses only on its first pass, one
 * bigger than the cache misses on every line of every pass (LRU sweeps).
 * Build it twice with different LOOP_BYTES; both variants execute the same
 * instructions but for loop overhead.
 *
 * The body is LOOP_BYTES / 2 copies of the 16-bit ADDS Rd, #1 (assembler
 * .rept), so its size does not depend on the compiler.
 */
#include <stdint.h>
#include <stdio.h>

#ifndef LOOP_BYTES
#define LOOP_BYTES 2048
#endif
#ifndef TOTAL_INSNS
#define TOTAL_INSNS 1048576
#endif

enum { BODY_INSNS = LOOP_BYTES / 2, PASSES = TOTAL_INSNS / BODY_INSNS };

/* noinline: one copy of the body, whatever the optimiser thinks of it. */
__attribute__((noinline)) static uint32_t run(uint32_t passes)
{
    uint32_t acc = 0;
    for (uint32_t p = 0; p < passes; ++p)
        __asm volatile(".rept %c1\n\tadds %0, #1\n\t.endr" : "+l"(acc) : "i"(BODY_INSNS) : "cc");
    return acc;
}

int main(void)
{
    const uint32_t acc = run(PASSES);
    printf("cache_loop: %d-byte loop, %d passes, sum %lu\n", LOOP_BYTES, PASSES, (unsigned long)acc);
    return acc == (uint32_t)PASSES * BODY_INSNS ? 0 : 1;
}
