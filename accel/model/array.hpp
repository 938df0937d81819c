// What one pass of the MAC array computes: the contract between the
// control (which lowers layers into passes) and the datapath (the C++ model
// here, or the RTL in accel/rtl/), which must agree bit for bit.
//
// A matmul pass: out[i][j] = requant(bias[j] + sum_k a[i][k] * w[j][k]),
// int8 x int8 products summed in wrapping int32, for i < m <= rows (output
// pixels) and j < n <= cols (output channels). Zero points are not in the
// array: the control feeds padding as the input's zero point and folds
// input_offset * sum_k w[j][k] into bias[j] (see lowering.hpp).
//
// An add pass: TFLite's int8 ADD on `count` elements, cols lanes wide.
#pragma once
#include <cstdint>
#include <span>

#include "accel/model/layers.hpp"
#include "accel/model/quant.hpp"

namespace accel::model {

struct ArrayShape {
  uint32_t rows = 8;  // output pixels per pass
  uint32_t cols = 8;  // output channels per pass (and lanes of the add unit)
};

struct MatmulJob {
  uint32_t m = 0, n = 0, k = 0;         // m <= rows, n <= cols, k >= 1
  std::span<const int8_t> a;            // m x k, a[i * k + kk]
  std::span<const int8_t> w;            // n x k, w[j * k + kk]
  std::span<const int32_t> bias;        // n: the accumulators' start values
  std::span<const Requant> requant;     // n
  int32_t output_offset = 0;
  int32_t act_min = -128, act_max = 127;
};

struct AddJob {
  uint32_t count = 0;
  std::span<const int8_t> a, b;  // count each
  AddParams params;
};

// out[i * n + j], m x n.
void run_matmul(const MatmulJob& job, std::span<int8_t> out);
// out[e], count.
void run_add(const AddJob& job, std::span<int8_t> out);
// One element of TFLite's int8 ADD.
int8_t add_element(int8_t a, int8_t b, const AddParams& p);

}  // namespace accel::model
