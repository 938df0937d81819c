/* The accel backend's runtime (model_accel.h). */
#include "model_accel.h"

#include <stdio.h>
#include <stdlib.h>

#include "accel_cache.h"
#include "accel_driver.h"

enum { EXIT_ACCEL_FAILED = 3 };

/* The device of this program: accel_init() keeps a pointer to it for the
 * interrupt handler, so it lives as long as the program. */
static accel_device device;
static accel_wait_mode wait_mode = ACCEL_WAIT_POLL;

void edgesim_accel_init(uint32_t base, int32_t irq)
{
  if (accel_init(&device, base, irq < 0 ? 0u : (uint32_t)irq) != ACCEL_DRV_OK) {
    printf("edgesim accel: no accelerator at 0x%08lx (ID 0x%08lx)\n", (unsigned long)base,
           (unsigned long)accel_read(&device, ACCEL_ID));
    exit(EXIT_ACCEL_FAILED);
  }
  wait_mode = irq < 0 ? ACCEL_WAIT_POLL : ACCEL_WAIT_IRQ;
  if (wait_mode == ACCEL_WAIT_IRQ)
    accel_enable_irqs(&device, ACCEL_IRQ_DONE | ACCEL_IRQ_ERROR);
}

void edgesim_accel_layer(const edgesim_accel_job *job)
{
  for (unsigned i = 0; i < 2; ++i)
    accel_cache_flush(job->reads[i].data, job->reads[i].bytes);
  accel_cache_flush(job->write.data, job->write.bytes);
  accel_start_at(&device, (uint32_t)(uintptr_t)job->stream, job->stream_bytes);
  const uint32_t status = accel_wait(&device, wait_mode);
  accel_cache_invalidate(job->write.data, job->write.bytes);
  if (!(status & ACCEL_STATUS_DONE) || (status & ACCEL_STATUS_ERROR)) {
    printf("edgesim accel: layer %lu failed: error %d at command offset %lu (status 0x%08lx)\n",
           (unsigned long)job->layer, (int)accel_error_code(status),
           (unsigned long)accel_command_offset(&device), (unsigned long)status);
    exit(EXIT_ACCEL_FAILED);
  }
}
