/* The runtime of a network compiled by `edgesim compile`: the generated
 * model.c defines model_run() and its buffers; model_main.c runs it.
 *
 * Layer markers: model_run() announces each operator before it runs by
 * writing its index to ITM stimulus port EDGESIM_MARKER_PORT, and writes
 * EDGESIM_MARKER_END after the last one. The ITM is how such markers reach
 * a trace probe on silicon (SWO); edgesim reads them to attribute cycles,
 * instructions and traffic to layers. Cores without an ITM (ARMv6-M) run
 * without markers.
 *
 * Marker values (sim/layer_profile.hpp reads them):
 *   0x00000000..0x0FFFFFFF  operator index: that layer starts
 *   0xEE000000 | k          early exit k taken (k < 2^24; EDGESIM_MARKER_EXIT)
 *   0xFFFFFFFF              end of the inference (EDGESIM_MARKER_END)
 * Other values are reserved (edgesim warns once and ignores them). */
#ifndef EDGESIM_MODEL_RUNTIME_H
#define EDGESIM_MODEL_RUNTIME_H

#include <stdint.h>

#define EDGESIM_MARKER_PORT 1u
#define EDGESIM_MARKER_END 0xFFFFFFFFu
/* 0xEE000000 | k: an early-exit network took exit k (1 = the first; the
 * final output is the last), written before EDGESIM_MARKER_END. */
#define EDGESIM_MARKER_EXIT 0xEE000000u

typedef struct {
  const char *name;
  const void *data;
  uint32_t bytes;
} edgesim_buffer;

/* Defined by the generated model.c. */
void model_run(void);
extern const edgesim_buffer edgesim_outputs[];
extern const unsigned edgesim_output_count;
extern const char edgesim_model_name[];

#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__)
#define EDGESIM_ITM_STIM(port) (*(volatile uint32_t *)(0xE0000000u + 4u * (port)))
static inline void edgesim_marker(uint32_t value)
{
  while (EDGESIM_ITM_STIM(EDGESIM_MARKER_PORT) == 0) {
    /* the port's FIFO is full: wait, as on silicon */
  }
  EDGESIM_ITM_STIM(EDGESIM_MARKER_PORT) = value;
}
#else
static inline void edgesim_marker(uint32_t value) { (void)value; }
#endif

static inline void edgesim_layer_begin(uint32_t layer) { edgesim_marker(layer); }
static inline void edgesim_layers_end(void) { edgesim_marker(EDGESIM_MARKER_END); }

/* Turns the ITM and the marker port on (DEMCR.TRCENA, ITM_TCR.ITMENA, ITM_TER). */
void edgesim_markers_enable(void);

#endif
