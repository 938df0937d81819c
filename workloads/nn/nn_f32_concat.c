/* CONCATENATION, float32: for each outer index, each input's slice of
 * axis_size * inner_size elements in turn. */
#include "nn_ops_f32.h"

#include <stddef.h>
#include <string.h>

void nn_f32_concat(const nn_concat_input_f32 *inputs, int32_t input_count, int32_t outer_size,
                   int32_t inner_size, float *output)
{
  for (int32_t o = 0; o < outer_size; ++o) {
    for (int32_t i = 0; i < input_count; ++i) {
      const size_t slice = (size_t)inputs[i].axis_size * inner_size;
      memcpy(output, inputs[i].data + o * slice, slice * sizeof *output);
      output += slice;
    }
  }
}
