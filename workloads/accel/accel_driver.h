/* The accelerator's driver: its registers (accel/device/accel_interface.h),
 * running a command stream built with accel_stream.h, waiting for it by
 * polling STATUS or asleep in WFI until the interrupt, errors and the PMU.
 *
 * One device per program: the interrupt handler (ACCEL_IRQHandler, the name
 * the stm32f746-npu vector table gives IRQ 98) serves the device last
 * passed to accel_init(), which must stay alive. Streams and the data they
 * name must be visible to the DMA: see accel_cache.h.
 */
#ifndef EDGESIM_ACCEL_DRIVER_H
#define EDGESIM_ACCEL_DRIVER_H

#include <stdint.h>

#include "accel/device/accel_interface.h"
#include "accel_stream.h"

typedef struct {
  uintptr_t base; /* the register block */
  uint32_t irq;   /* its NVIC line */
} accel_device;

typedef enum {
  ACCEL_WAIT_POLL, /* spin on STATUS.BUSY */
  ACCEL_WAIT_IRQ   /* sleep in WFI until the DONE or ERROR interrupt */
} accel_wait_mode;

/* What CONFIG and the buffer size registers say. */
typedef struct {
  uint32_t rows, cols, version;
  uint32_t input_bytes, weight_bytes, output_bytes;
} accel_info;

/* The PMU's counters (accelerator cycles and bytes). */
typedef struct {
  uint64_t cycles;     /* busy: from START to the end of the stream */
  uint64_t mac_active; /* cycles in which the array accumulated */
  uint64_t stall;      /* cycles within layer commands when the array waited for DMA */
  uint64_t dma_read_bytes, dma_write_bytes;
  uint64_t macs; /* useful multiply-accumulates */
} accel_pmu;

/* Checks ID and interface version, resets the device, sets every BASE
 * register to 0 (address words are then absolute), masks its interrupts
 * and routes the NVIC line to this device. */
accel_result accel_init(accel_device *dev, uintptr_t base, uint32_t irq);
void accel_read_info(const accel_device *dev, accel_info *info);

uint32_t accel_read(const accel_device *dev, uint32_t offset);
void accel_write(const accel_device *dev, uint32_t offset, uint32_t value);
void accel_set_base(const accel_device *dev, unsigned index, uint32_t address);

/* IRQ_ENABLE = mask (ACCEL_IRQ_*); the NVIC line is enabled while the mask
 * is not 0. */
void accel_enable_irqs(const accel_device *dev, uint32_t mask);
/* The IRQ_STATUS bits the handler has seen since the last accel_start. */
uint32_t accel_irqs_seen(void);

/* Runs the stream at CMD_BASE = s->words. Clears stale IRQ_STATUS bits and
 * what the handler saw first. Does not wait. */
void accel_start(const accel_device *dev, const accel_stream *s);
/* The same with CMD_BASE and CMD_LENGTH as given. */
void accel_start_at(const accel_device *dev, uint32_t cmd_base, uint32_t cmd_length);
/* Wait for the stream to end; return STATUS. accel_wait_irq needs the DONE
 * and ERROR interrupts enabled (accel_enable_irqs). */
uint32_t accel_wait_poll(const accel_device *dev);
uint32_t accel_wait_irq(const accel_device *dev);
uint32_t accel_wait(const accel_device *dev, accel_wait_mode mode);
/* Start, wait (ACCEL_WAIT_IRQ enables the DONE and ERROR interrupts first),
 * and say how it ended: ACCEL_DRV_OK (STATUS.DONE) or ACCEL_DRV_FAILED. */
accel_result accel_run(const accel_device *dev, const accel_stream *s, accel_wait_mode mode);

/* Stops after the command running; clears STATUS and IRQ_STATUS, not the PMU. */
void accel_reset(const accel_device *dev);
uint32_t accel_status(const accel_device *dev);
static inline enum accel_error accel_error_code(uint32_t status)
{
  return (enum accel_error)((status >> ACCEL_STATUS_ERROR_SHIFT) & 0xFFu);
}
uint32_t accel_error_address(const accel_device *dev); /* a failed DMA transfer's address */
uint32_t accel_command_offset(const accel_device *dev); /* byte offset of the failed command */

void accel_pmu_reset(const accel_device *dev);
void accel_pmu_read(const accel_device *dev, accel_pmu *pmu);

#endif
