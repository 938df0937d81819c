/* Early exits of a compiled network (network YAML `exits:`): after an exit's
 * branch, the generated model_run() asks edgesim_exit_passes() whether its
 * int8 softmax scores are confident enough; if so it copies them to the
 * output, records the exit and returns without running the rest.
 *
 * The rules work in integers on u = q + 128 (the probability in 1/256;
 * TFLite's int8 softmax output has scale 1/256, zero point -128), with the
 * thresholds converted by the compiler (compiler/quant/exit_units.hpp), so
 * the host reference decides exactly as the firmware does:
 *   MAX_SOFTMAX  max u >= threshold
 *   MARGIN       (largest u) - (second largest u) >= threshold
 *   ENTROPY      sum entropy_units[u] <= threshold (2^-24 nat) */
#ifndef EDGESIM_MODEL_EXIT_H
#define EDGESIM_MODEL_EXIT_H

#include <stdint.h>

enum {
  EDGESIM_EXIT_MAX_SOFTMAX = 0,
  EDGESIM_EXIT_MARGIN = 1,
  EDGESIM_EXIT_ENTROPY = 2,
};

typedef struct {
  uint32_t rule;                  /* EDGESIM_EXIT_* */
  uint32_t threshold;             /* in the rule's units */
  const uint32_t *entropy_units;  /* ENTROPY: -p ln p for each u, in 2^-24 nat; else NULL */
} edgesim_exit_test;

/* Nonzero when the scores pass the test. */
int edgesim_exit_passes(const edgesim_exit_test *test, const int8_t *scores, uint32_t classes);

/* Records that exit k (from 1) was taken: edgesim_exit_taken and the
 * EDGESIM_MARKER_EXIT marker. */
void edgesim_exit_take(uint32_t k);

/* 1 (the default): exits decide. 0 (--load a zero byte): the whole network
 * runs and the final exit is taken, which is how the cycles exits save are
 * measured. */
extern uint8_t edgesim_exits_enabled;
/* The exit the last inference took (from 1; 0 before any). */
extern uint8_t edgesim_exit_taken;
/* Defined by the generated model.c: the network's exits, the final output
 * included (0: a network without early exits). */
extern const unsigned edgesim_exit_count;

#endif
