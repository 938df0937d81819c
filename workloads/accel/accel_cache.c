/* D-cache maintenance by address: the ARMv7-M cache maintenance registers
 * in the System Control Space (DCIMVAC, DCCIMVAC: write an address, the line
 * holding it is invalidated or cleaned and invalidated to the point of
 * coherency); the Cortex-M7's lines are 32 bytes. */
#include "accel_cache.h"

#include <stdint.h>

#include "cortex_m.h"

#define SCB_DCIMVAC EDGESIM_REG32(0xE000EF5Cu)  /* invalidate by address to PoC */
#define SCB_DCCIMVAC EDGESIM_REG32(0xE000EF70u) /* clean and invalidate by address to PoC */

enum { DCACHE_LINE_BYTES = 32 };

static void by_line(volatile uint32_t *op, const volatile void *start, size_t bytes)
{
  if (bytes == 0)
    return;
  uintptr_t line = (uintptr_t)start & ~(uintptr_t)(DCACHE_LINE_BYTES - 1);
  const uintptr_t end = (uintptr_t)start + bytes;
  cortex_m_dsb(); /* earlier stores reach the cache before it is cleaned */
  for (; line < end; line += DCACHE_LINE_BYTES)
    *op = (uint32_t)line;
  cortex_m_dsb(); /* the maintenance completes before the DMA starts */
  cortex_m_isb();
}

void accel_cache_flush(const volatile void *start, size_t bytes)
{
  by_line(&SCB_DCCIMVAC, start, bytes);
}

void accel_cache_invalidate(const volatile void *start, size_t bytes)
{
  by_line(&SCB_DCIMVAC, start, bytes);
}
