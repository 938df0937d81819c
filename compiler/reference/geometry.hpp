// The shapes a kernel walks: NHWC activations, a sliding window's kernel,
// strides, dilation and leading padding (TFLite's SAME/VALID rule), and a
// fully connected layer's batches and features. Built from a graph operator
// (checked against its tensors' shapes) or by hand in tests.
#pragma once

#include "compiler/graph/graph.hpp"

#include <cstddef>

namespace compiler::reference {

struct Shape4 {
  int batch = 1, height = 1, width = 1, channels = 1;

  std::size_t elements() const;
  std::size_t offset(int n, int y, int x, int c) const
  {
    return ((static_cast<std::size_t>(n) * height + y) * width + x) * channels + c;
  }
};

// CONV_2D, DEPTHWISE_CONV_2D and the pools. An input tap of output (y, x) and
// kernel (ky, kx) sits at (y * stride_h - pad_top + ky * dilation_h, ...);
// taps outside the input are skipped.
struct WindowGeometry {
  Shape4 input;
  Shape4 output;
  int kernel_h = 1, kernel_w = 1;
  int stride_h = 1, stride_w = 1;
  int dilation_h = 1, dilation_w = 1;
  int pad_top = 0, pad_left = 0;

  // The input row that output row y's kernel row ky reads, or -1 when it
  // falls in the padding; input_col the same for columns.
  int input_row(int y, int ky) const
  {
    const int i = y * stride_h - pad_top + ky * dilation_h;
    return i >= 0 && i < input.height ? i : -1;
  }
  int input_col(int x, int kx) const
  {
    const int i = x * stride_w - pad_left + kx * dilation_w;
    return i >= 0 && i < input.width ? i : -1;
  }
  // Calls visit(iy, ix, ky, kx) for each tap of output pixel (y, x) that
  // falls inside the input (padding taps contribute nothing), rows first.
  template <typename Visit>
  void for_each_tap(int y, int x, Visit visit) const
  {
    for (int ky = 0; ky < kernel_h; ++ky) {
      const int iy = input_row(y, ky);
      if (iy < 0)
        continue;
      for (int kx = 0; kx < kernel_w; ++kx) {
        const int ix = input_col(x, kx);
        if (ix >= 0)
          visit(iy, ix, ky, kx);
      }
    }
  }
};

// FULLY_CONNECTED: input [batches][in_features], weights
// [out_features][in_features], output [batches][out_features].
struct FullyConnectedGeometry {
  int batches = 1, in_features = 1, out_features = 1;
};

// A rank-4 tensor's NHWC shape; throws for another rank.
Shape4 nhwc(const graph::Operator& op, const graph::Tensor& tensor);

// The window of a CONV_2D, DEPTHWISE_CONV_2D, AVERAGE_POOL_2D or MAX_POOL_2D,
// its output shape checked against the padding rule.
WindowGeometry window_geometry(const graph::Graph& graph, const graph::Operator& op);

FullyConnectedGeometry fully_connected_geometry(const graph::Graph& graph, const graph::Operator& op);

} // namespace compiler::reference
