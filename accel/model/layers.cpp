#include "accel/model/layers.hpp"

#include <algorithm>

namespace accel::model {

// TFLite's ComputePaddingHeightWidth / ComputeOutSize.
SpatialPadding padding_for(Padding p, uint32_t in, uint32_t kernel, uint32_t stride, uint32_t dilation) {
  const int64_t effective = int64_t{kernel - 1} * dilation + 1;
  if (p == Padding::Valid) {
    const int64_t out = in >= effective ? (in - effective) / stride + 1 : 0;
    return {.out = static_cast<uint32_t>(out), .pad_before = 0};
  }
  const int64_t out = (int64_t{in} + stride - 1) / stride;
  const int64_t total = std::max<int64_t>(0, (out - 1) * stride + effective - in);
  return {.out = static_cast<uint32_t>(out), .pad_before = static_cast<uint32_t>(total / 2)};
}

}  // namespace accel::model
