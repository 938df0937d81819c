/* ADD, float32, element by element: act(in1 + in2). */
#include "nn_f32_activation.h"
#include "nn_ops_f32.h"

void nn_f32_add(const nn_f32_activation *act, const float *input1, const float *input2,
                float *output, uint32_t count)
{
  for (uint32_t i = 0; i < count; ++i)
    output[i] = nn_f32_activate(input1[i] + input2[i], act);
}
