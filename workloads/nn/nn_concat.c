/* CONCATENATION, int8: for each outer index, each input's slice of
 * axis_size * inner_size elements in turn, copied or requantized to the
 * output's quantization. */
#include "nn_ops.h"

#include <stddef.h>
#include <string.h>

void nn_concat_s8(const nn_concat_input_s8 *inputs, int32_t input_count, int32_t outer_size,
                  int32_t inner_size, int8_t *output)
{
  for (int32_t o = 0; o < outer_size; ++o) {
    for (int32_t i = 0; i < input_count; ++i) {
      const nn_concat_input_s8 *in = &inputs[i];
      const size_t slice = (size_t)in->axis_size * inner_size;
      const int8_t *from = in->data + o * slice;
      if (in->requant)
        nn_requantize_s8_s8(in->requant, from, output, (uint32_t)slice);
      else
        memcpy(output, from, slice);
      output += slice;
    }
  }
}
