/* SOFTMAX, float32, as TFLite's reference: per row, exp of each element's
 * difference to the row's maximum times beta (the maximum keeps expf's
 * argument <= 0), divided by their sum. */
#include "nn_ops_f32.h"

#include <float.h>
#include <math.h>
#include <stddef.h>

static void softmax_row(float beta, const float *input, float *output, int32_t depth)
{
  float max = -FLT_MAX;
  for (int32_t c = 0; c < depth; ++c)
    max = input[c] > max ? input[c] : max;
  float sum = 0.0f;
  for (int32_t c = 0; c < depth; ++c) {
    output[c] = expf((input[c] - max) * beta);
    sum += output[c];
  }
  for (int32_t c = 0; c < depth; ++c)
    output[c] = output[c] / sum;
}

void nn_f32_softmax(float beta, const float *input, float *output, int32_t rows, int32_t depth)
{
  for (int32_t r = 0; r < rows; ++r)
    softmax_row(beta, input + (size_t)r * depth, output + (size_t)r * depth, depth);
}
