/* Keeping the Cortex-M7's data cache coherent with the accelerator's DMA,
 * which reads and writes memory behind the cache. Before START: flush (clean
 * and invalidate) everything the stream touches, the stream itself
 * included, so the DMA reads what the CPU wrote and no dirty line is written
 * back over the results later. After the stream: invalidate the outputs, so
 * the CPU reads what the DMA wrote. Lines are 32 bytes: buffers the
 * accelerator writes should be 32-byte aligned and sized, or the CPU must
 * leave their neighbours alone while the stream runs.
 *
 * Memory the L1 does not cache (DTCM) needs none of this. edgesim's L1 is a
 * timing model without cache maintenance (platforms/README.md): there these
 * are plain stores to the SCB that change nothing. */
#ifndef EDGESIM_ACCEL_CACHE_H
#define EDGESIM_ACCEL_CACHE_H

#include <stddef.h>

void accel_cache_flush(const volatile void *start, size_t bytes);
void accel_cache_invalidate(const volatile void *start, size_t bytes);

#endif
