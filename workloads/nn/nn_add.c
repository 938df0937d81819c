/* ADD, element by element as TFLite's reference int8 ADD: both inputs to a
 * common scale with left_shift bits of headroom, summed, scaled to the
 * output, offset and clamped. */
#include "nn_ops.h"
#include "nn_quant.h"

void nn_add(const nn_add_params *p, const int8_t *input1, const int8_t *input2, int8_t *output,
            uint32_t count)
{
  for (uint32_t i = 0; i < count; ++i) {
    const int32_t shifted1 = (input1[i] + p->input1_offset) * (1 << p->left_shift);
    const int32_t shifted2 = (input2[i] + p->input2_offset) * (1 << p->left_shift);
    const int32_t scaled1 =
        nn_multiply_by_quantized_multiplier(shifted1, p->input1_multiplier, p->input1_shift);
    const int32_t scaled2 =
        nn_multiply_by_quantized_multiplier(shifted2, p->input2_multiplier, p->input2_shift);
    output[i] = nn_requantize(nn_wrapping_add(scaled1, scaled2), p->output_multiplier,
                              p->output_shift, p->output_offset, p->act_min, p->act_max);
  }
}
