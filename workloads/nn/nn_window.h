/* Internal to the convolution kernels: where a kernel tap reads. */
#ifndef EDGESIM_NN_WINDOW_H
#define EDGESIM_NN_WINDOW_H

#include <stdint.h>

/* The input row (or column) that tap k of output o reads in one spatial
 * dimension, or -1 when it falls in the padding. */
static inline int32_t nn_tap(int32_t o, int32_t k, int32_t stride, int32_t pad, int32_t dilation,
                             int32_t size)
{
  const int32_t i = o * stride - pad + k * dilation;
  return i >= 0 && i < size ? i : -1;
}

#endif
