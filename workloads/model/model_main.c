/* Runs the compiled network once on the data in its input buffers and
 * prints a checksum of each output (FNV-1a over its bytes), so runs can be
 * compared without dumping the outputs; for an early-exit network, also the
 * exit taken. */
#include <stdio.h>

#include "model_exit.h"
#include "model_runtime.h"

void edgesim_markers_enable(void)
{
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__)
  *(volatile uint32_t *)0xE000EDFCu |= 1u << 24;                  /* DEMCR.TRCENA */
  *(volatile uint32_t *)0xE0000FB0u = 0xC5ACCE55u;                /* ITM_LAR: unlock */
  *(volatile uint32_t *)0xE0000E80u |= 1u;                        /* ITM_TCR.ITMENA */
  *(volatile uint32_t *)0xE0000E00u |= 1u << EDGESIM_MARKER_PORT; /* ITM_TER */
#endif
}

static uint32_t fnv1a(const void *data, uint32_t bytes)
{
  const uint8_t *p = data;
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < bytes; ++i)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

int main(void)
{
  edgesim_markers_enable();
  model_run();
  for (unsigned i = 0; i < edgesim_output_count; ++i)
    printf("%s: %s, %lu bytes, fnv1a 0x%08lx\n", edgesim_model_name, edgesim_outputs[i].name,
           (unsigned long)edgesim_outputs[i].bytes,
           (unsigned long)fnv1a(edgesim_outputs[i].data, edgesim_outputs[i].bytes));
  if (edgesim_exit_count > 0)
    printf("%s: exit %u of %u taken\n", edgesim_model_name, (unsigned)edgesim_exit_taken, edgesim_exit_count);
  return 0;
}
