/* The early-exit tests of model_exit.h. */
#include "model_exit.h"

#include "model_runtime.h"

uint8_t edgesim_exits_enabled = 1;
uint8_t edgesim_exit_taken;

/* Max-softmax and margin need the two largest scores; entropy sums a term
 * per score and stops once the sum is past the threshold (terms are >= 0). */
int edgesim_exit_passes(const edgesim_exit_test *test, const int8_t *scores, uint32_t classes)
{
  if (test->rule == EDGESIM_EXIT_ENTROPY) {
    uint64_t entropy = 0;
    for (uint32_t i = 0; i < classes; ++i) {
      entropy += test->entropy_units[(uint32_t)(scores[i] + 128)];
      if (entropy > test->threshold)
        return 0;
    }
    return 1;
  }
  int32_t top = -1, runner_up = -1;
  for (uint32_t i = 0; i < classes; ++i) {
    const int32_t u = scores[i] + 128;
    if (u > top) {
      runner_up = top;
      top = u;
    } else if (u > runner_up) {
      runner_up = u;
    }
  }
  const int32_t measure = test->rule == EDGESIM_EXIT_MARGIN ? top - runner_up : top;
  return measure >= (int32_t)test->threshold;
}

void edgesim_exit_take(uint32_t k)
{
  edgesim_exit_taken = (uint8_t)k;
  edgesim_marker(EDGESIM_MARKER_EXIT | k);
}
