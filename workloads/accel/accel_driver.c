/* Register access, waiting and the interrupt handler (accel_driver.h). */
#include "accel_driver.h"

#include "cortex_m.h"

/* NVIC set/clear-enable and clear-pending registers: one bit per line,
 * 32 lines a word (ARMv7-M ARM, NVIC). */
#define NVIC_ISER(n) EDGESIM_REG32(0xE000E100u + 4u * (n))
#define NVIC_ICER(n) EDGESIM_REG32(0xE000E180u + 4u * (n))
#define NVIC_ICPR(n) EDGESIM_REG32(0xE000E280u + 4u * (n))

enum { STREAM_END_IRQS = ACCEL_IRQ_DONE | ACCEL_IRQ_ERROR,
       ALL_IRQS = ACCEL_IRQ_DONE | ACCEL_IRQ_ERROR | ACCEL_IRQ_COMMAND };

/* The device the handler serves, and what it saw: written by the handler,
 * read by thread code. */
static const accel_device *irq_device;
static volatile uint32_t irqs_seen;

static volatile uint32_t *reg(const accel_device *dev, uint32_t offset)
{
  return (volatile uint32_t *)(dev->base + offset);
}

uint32_t accel_read(const accel_device *dev, uint32_t offset) { return *reg(dev, offset); }

void accel_write(const accel_device *dev, uint32_t offset, uint32_t value) { *reg(dev, offset) = value; }

void accel_set_base(const accel_device *dev, unsigned index, uint32_t address)
{
  accel_write(dev, ACCEL_BASE0 + 4u * index, address);
}

accel_result accel_init(accel_device *dev, uintptr_t base, uint32_t irq)
{
  dev->base = base;
  dev->irq = irq;
  if (accel_read(dev, ACCEL_ID) != ACCEL_ID_VALUE ||
      accel_read(dev, ACCEL_CONFIG) >> 16 != ACCEL_INTERFACE_VERSION)
    return ACCEL_DRV_NO_DEVICE;
  irq_device = dev;
  accel_enable_irqs(dev, 0);
  accel_reset(dev);
  for (unsigned i = 0; i < ACCEL_BASE_COUNT; ++i)
    accel_set_base(dev, i, 0);
  return ACCEL_DRV_OK;
}

void accel_read_info(const accel_device *dev, accel_info *info)
{
  const uint32_t config = accel_read(dev, ACCEL_CONFIG);
  info->rows = config & 0xFFu;
  info->cols = (config >> 8) & 0xFFu;
  info->version = config >> 16;
  info->input_bytes = accel_read(dev, ACCEL_INPUT_BUFFER_BYTES);
  info->weight_bytes = accel_read(dev, ACCEL_WEIGHT_BUFFER_BYTES);
  info->output_bytes = accel_read(dev, ACCEL_OUTPUT_BUFFER_BYTES);
}

void accel_enable_irqs(const accel_device *dev, uint32_t mask)
{
  const uint32_t word = dev->irq / 32, bit = 1u << (dev->irq % 32);
  accel_write(dev, ACCEL_IRQ_ENABLE, mask);
  if (mask) {
    NVIC_ISER(word) = bit;
  } else {
    NVIC_ICER(word) = bit;
    NVIC_ICPR(word) = bit; /* forget an interrupt raised before the mask */
  }
  cortex_m_dsb();
  cortex_m_isb();
}

uint32_t accel_irqs_seen(void) { return irqs_seen; }

/* The line is level-sensitive: clearing IRQ_STATUS lowers it. The DSB
 * makes the write reach the device before the exception returns, so the
 * still-high line does not pend the handler again. */
void ACCEL_IRQHandler(void)
{
  const uint32_t bits = accel_read(irq_device, ACCEL_IRQ_STATUS);
  accel_write(irq_device, ACCEL_IRQ_STATUS, bits);
  irqs_seen |= bits;
  cortex_m_dsb();
}

void accel_start_at(const accel_device *dev, uint32_t cmd_base, uint32_t cmd_length)
{
  accel_write(dev, ACCEL_IRQ_STATUS, ALL_IRQS); /* a previous stream's bits */
  irqs_seen = 0;
  accel_write(dev, ACCEL_CMD_BASE, cmd_base);
  accel_write(dev, ACCEL_CMD_LENGTH, cmd_length);
  accel_write(dev, ACCEL_CTRL, ACCEL_CTRL_START);
}

void accel_start(const accel_device *dev, const accel_stream *s)
{
  accel_start_at(dev, (uint32_t)(uintptr_t)s->words, accel_stream_bytes(s));
}

uint32_t accel_status(const accel_device *dev) { return accel_read(dev, ACCEL_STATUS); }

uint32_t accel_wait_poll(const accel_device *dev)
{
  uint32_t status;
  while ((status = accel_status(dev)) & ACCEL_STATUS_BUSY) {
  }
  return status;
}

/* The flag is tested with interrupts masked: an interrupt arriving between
 * the test and WFI stays pending, and a pending interrupt wakes WFI even
 * when PRIMASK masks it (ARMv7-M ARM, WFI wake-up events), so it cannot be
 * lost. CPSIE then lets the handler run; the ISB makes sure it is taken
 * before CPSID masks interrupts again. */
uint32_t accel_wait_irq(const accel_device *dev)
{
  cortex_m_disable_irq();
  while (!(irqs_seen & STREAM_END_IRQS)) {
    cortex_m_wfi();
    cortex_m_enable_irq();
    cortex_m_isb();
    cortex_m_disable_irq();
  }
  cortex_m_enable_irq();
  return accel_status(dev);
}

uint32_t accel_wait(const accel_device *dev, accel_wait_mode mode)
{
  return mode == ACCEL_WAIT_IRQ ? accel_wait_irq(dev) : accel_wait_poll(dev);
}

accel_result accel_run(const accel_device *dev, const accel_stream *s, accel_wait_mode mode)
{
  if (mode == ACCEL_WAIT_IRQ)
    accel_enable_irqs(dev, accel_read(dev, ACCEL_IRQ_ENABLE) | STREAM_END_IRQS);
  accel_start(dev, s);
  const uint32_t status = accel_wait(dev, mode);
  return (status & ACCEL_STATUS_DONE) && !(status & ACCEL_STATUS_ERROR) ? ACCEL_DRV_OK : ACCEL_DRV_FAILED;
}

void accel_reset(const accel_device *dev)
{
  accel_write(dev, ACCEL_CTRL, ACCEL_CTRL_RESET);
  while (accel_status(dev) & ACCEL_STATUS_BUSY) {
  }
}

uint32_t accel_error_address(const accel_device *dev) { return accel_read(dev, ACCEL_ERROR_ADDRESS); }

uint32_t accel_command_offset(const accel_device *dev) { return accel_read(dev, ACCEL_CMD_OFFSET); }

void accel_pmu_reset(const accel_device *dev) { accel_write(dev, ACCEL_PMU_CTRL, ACCEL_PMU_RESET); }

/* Reading a counter's LO word latches its HI word. */
static uint64_t counter(const accel_device *dev, uint32_t lo_offset)
{
  const uint32_t lo = accel_read(dev, lo_offset);
  const uint32_t hi = accel_read(dev, lo_offset + 4);
  return (uint64_t)hi << 32 | lo;
}

void accel_pmu_read(const accel_device *dev, accel_pmu *pmu)
{
  pmu->cycles = counter(dev, ACCEL_PMU_CYCLES_LO);
  pmu->mac_active = counter(dev, ACCEL_PMU_MAC_ACTIVE_LO);
  pmu->stall = counter(dev, ACCEL_PMU_STALL_LO);
  pmu->dma_read_bytes = counter(dev, ACCEL_PMU_DMA_READ_LO);
  pmu->dma_write_bytes = counter(dev, ACCEL_PMU_DMA_WRITE_LO);
  pmu->macs = counter(dev, ACCEL_PMU_MACS_LO);
}
