#include "accel/model/array.hpp"

#include <algorithm>
#include <stdexcept>

namespace accel::model {

namespace {
int32_t wrapping_add(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}
}  // namespace

void run_matmul(const MatmulJob& job, std::span<int8_t> out) {
  const size_t m = job.m, n = job.n, k = job.k;
  if (job.a.size() < m * k || job.w.size() < n * k || job.bias.size() < n || job.requant.size() < n ||
      out.size() < m * n)
    throw std::invalid_argument("matmul pass: an operand is smaller than m, n and k say");
  for (size_t i = 0; i < m; ++i) {
    const int8_t* a = job.a.data() + i * k;
    for (size_t j = 0; j < n; ++j) {
      const int8_t* w = job.w.data() + j * k;
      int32_t acc = job.bias[j];
      for (size_t kk = 0; kk < k; ++kk) acc = wrapping_add(acc, int32_t{a[kk]} * w[kk]);
      out[i * n + j] = requantize(acc, job.requant[j], job.output_offset, job.act_min, job.act_max);
    }
  }
}

// TFLite's reference int8 ADD, one element.
int8_t add_element(int8_t a, int8_t b, const AddParams& p) {
  const int32_t shifted_a = (p.input1_offset + a) * (1 << p.left_shift);
  const int32_t shifted_b = (p.input2_offset + b) * (1 << p.left_shift);
  const int32_t scaled_a = multiply_by_quantized_multiplier(shifted_a, p.input1.multiplier, p.input1.shift);
  const int32_t scaled_b = multiply_by_quantized_multiplier(shifted_b, p.input2.multiplier, p.input2.shift);
  return requantize(wrapping_add(scaled_a, scaled_b), p.output, p.output_offset, p.act_min, p.act_max);
}

void run_add(const AddJob& job, std::span<int8_t> out) {
  if (job.a.size() < job.count || job.b.size() < job.count || out.size() < job.count)
    throw std::invalid_argument("add pass: an operand is smaller than count");
  for (size_t e = 0; e < job.count; ++e) out[e] = add_element(job.a[e], job.b[e], job.params);
}

}  // namespace accel::model
