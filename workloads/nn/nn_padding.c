/* TFLite's ComputeOutSize and ComputePaddingHeightWidth, one dimension. */
#include "nn_ops.h"

void nn_padding_for(nn_padding padding, int32_t in, int32_t kernel, int32_t stride, int32_t dilation,
                    int32_t *out, int32_t *pad_before)
{
  const int32_t effective = (kernel - 1) * dilation + 1; /* the dilated kernel */
  if (padding == NN_PADDING_VALID) {
    *out = in >= effective ? (in - effective) / stride + 1 : 0;
    *pad_before = 0;
    return;
  }
  *out = (in + stride - 1) / stride;
  const int32_t total = (*out - 1) * stride + effective - in;
  *pad_before = total > 0 ? total / 2 : 0;
}
