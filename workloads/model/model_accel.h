/* The accel backend's runtime: a compiled network's layers on the
 * accelerator (accel/README.md), through its driver (workloads/accel).
 *
 * Each layer on the accelerator is a command stream of its own (its
 * command, then STOP), generated as const words in flash: address words
 * are link-time constants and BASE0..7 stay 0. edgesim_accel_layer() runs
 * one and waits for it, asleep in WFI until the interrupt when the
 * platform gives the device a line (the board's vector table must route it
 * to ACCEL_IRQHandler), else polling STATUS.
 *
 * D-cache coherence (accel_cache.h): before START, the tensors the device
 * reads and the one it writes are cleaned and invalidated, so the DMA reads
 * what the CPU kernels wrote and no dirty line (the output's, or a
 * neighbour's sharing its first or last line) can be written back over the
 * results later; after the stream, the output is invalidated, so the CPU
 * reads what the DMA wrote. The constants and the streams are in flash and
 * never dirty. Memory the L1 does not cache (DTCM) is unaffected by the
 * maintenance, so the arena may live in either. */
#ifndef EDGESIM_MODEL_ACCEL_H
#define EDGESIM_MODEL_ACCEL_H

#include <stdint.h>

/* edgesim_accel_init's irq for a device without an interrupt line. */
#define EDGESIM_ACCEL_POLL (-1)

typedef struct {
  const void *data;
  uint32_t bytes; /* 0: none */
} edgesim_accel_span;

typedef struct {
  uint32_t layer;          /* the operator's index, for error messages */
  const uint32_t *stream;  /* its command, then STOP */
  uint32_t stream_bytes;
  edgesim_accel_span reads[2]; /* the activations the device reads */
  edgesim_accel_span write;    /* the activation it writes */
} edgesim_accel_job;

/* Finds the device at `base` (ID and interface version), resets it and sets
 * its BASE registers to 0; irq: its NVIC line or EDGESIM_ACCEL_POLL. Exits
 * the program with status 3 when no device answers. */
void edgesim_accel_init(uint32_t base, int32_t irq);

/* Runs one layer's stream and waits for its end. A device error (STATUS)
 * prints the layer, the error code and the failed command's offset, and
 * exits the program with status 3. */
void edgesim_accel_layer(const edgesim_accel_job *job);

#endif
