#include "tests/accel/naive/naive_ops.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace naive {
namespace {

constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kInt32Max = std::numeric_limits<int32_t>::max();

void require_size(size_t have, size_t need, const char* what) {
  if (have < need) {
    throw std::invalid_argument(std::string("naive: ") + what + " holds " + std::to_string(have) + " elements, needs " +
                                std::to_string(need));
  }
}

void require_requant(std::span<const Requant> requant, size_t channels) {
  require_size(requant.size(), channels, "requant");
}

// A bias of zero when the operation has none.
int64_t bias_or_zero(std::span<const int32_t> bias, size_t channel) { return bias.empty() ? 0 : bias[channel]; }

// Whether input tap (y, x) lies in the image (not in the padding).
bool inside(int64_t y, int64_t x, const Window2d& w) {
  return y >= 0 && x >= 0 && y < static_cast<int64_t>(w.in_h) && x < static_cast<int64_t>(w.in_w);
}

// The image coordinate of filter tap `tap` for output coordinate `out`.
int64_t input_coordinate(uint32_t out, uint32_t stride, uint32_t pad, uint32_t tap, uint32_t dilation) {
  return static_cast<int64_t>(out) * stride - static_cast<int64_t>(pad) + static_cast<int64_t>(tap) * dilation;
}

// TFLite's MultiplyByQuantizedMultiplierSmallerThanOneExp (ADD's scaling):
// the high multiply, then a rounding right shift by -shift.
int32_t multiply_smaller_than_one(int32_t x, Requant r) {
  if (r.shift > 0) throw std::invalid_argument("naive: ADD's scales need shift <= 0");
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(x, r.multiplier), -r.shift);
}

int8_t clamp_to_activation(int32_t value, int32_t act_min, int32_t act_max) {
  return static_cast<int8_t>(std::min(act_max, std::max(act_min, value)));
}

}  // namespace

int32_t wrap_to_int32(int64_t value) {
  // C++20 defines the conversion to a narrower signed type as modulo 2^N.
  return static_cast<int32_t>(value);
}

int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  if (a == kInt32Min && b == kInt32Min) return kInt32Max;  // 2 * 2^62 / 2^32 = 2^31 does not fit
  // (2ab + 2^31) / 2^32 floored = (ab + 2^30) >> 31: round half up. gemmlowp's
  // nudge-and-truncate form gives the same value for every sign.
  const int64_t product = static_cast<int64_t>(a) * b;
  return static_cast<int32_t>((product + (int64_t{1} << 30)) >> 31);
}

int32_t rounding_divide_by_pot(int32_t x, int exponent) {
  if (exponent < 0 || exponent > 31) throw std::invalid_argument("naive: rounding_divide_by_pot exponent");
  if (exponent == 0) return x;
  // Round the magnitude half up, then restore the sign: ties away from zero.
  const int64_t magnitude = x < 0 ? -static_cast<int64_t>(x) : x;
  const int64_t rounded = (magnitude + (int64_t{1} << (exponent - 1))) >> exponent;
  return static_cast<int32_t>(x < 0 ? -rounded : rounded);
}

int32_t multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int shift) {
  if (shift < -31 || shift > 30) throw std::invalid_argument("naive: shift out of [-31, 30]");
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  const int32_t shifted = wrap_to_int32(static_cast<int64_t>(x) * (int64_t{1} << left_shift));
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, multiplier), right_shift);
}

int8_t requantize(int32_t acc, Requant r, int32_t output_offset, int32_t act_min, int32_t act_max) {
  const int32_t scaled = multiply_by_quantized_multiplier(acc, r.multiplier, r.shift);
  const int32_t with_offset = wrap_to_int32(static_cast<int64_t>(scaled) + output_offset);
  return clamp_to_activation(with_offset, act_min, act_max);
}

SpatialPadding padding_for(Padding p, uint32_t in, uint32_t kernel, uint32_t stride, uint32_t dilation) {
  const int64_t effective_kernel = (static_cast<int64_t>(kernel) - 1) * dilation + 1;
  int64_t out = 0;
  if (p == Padding::Same) {
    out = (static_cast<int64_t>(in) + stride - 1) / stride;
  } else if (in >= effective_kernel) {
    out = (static_cast<int64_t>(in) - effective_kernel) / stride + 1;
  }
  // The padding needed so the last window ends at the image's end; the odd
  // pixel, if any, goes after the image.
  const int64_t total_padding = (out - 1) * stride + effective_kernel - in;
  const int64_t before = total_padding > 0 ? total_padding / 2 : 0;
  return {static_cast<uint32_t>(out), static_cast<uint32_t>(before)};
}

size_t conv2d_input_size(const Conv2dShape& s) { return size_t{s.batch} * s.window.in_h * s.window.in_w * s.in_c; }
size_t conv2d_filter_size(const Conv2dShape& s) {
  return size_t{s.out_c} * s.window.kernel_h * s.window.kernel_w * s.in_c;
}
size_t conv2d_output_size(const Conv2dShape& s) { return size_t{s.batch} * s.window.out_h * s.window.out_w * s.out_c; }
size_t depthwise_input_size(const DepthwiseShape& s) {
  return size_t{s.batch} * s.window.in_h * s.window.in_w * s.in_c;
}
size_t depthwise_filter_size(const DepthwiseShape& s) {
  return size_t{s.window.kernel_h} * s.window.kernel_w * s.out_c();
}
size_t depthwise_output_size(const DepthwiseShape& s) {
  return size_t{s.batch} * s.window.out_h * s.window.out_w * s.out_c();
}

void conv2d(const Conv2dShape& s, const OutputQuant& q, const MacOperands& ops) {
  const Window2d& w = s.window;
  require_size(ops.input.size(), conv2d_input_size(s), "conv2d input");
  require_size(ops.weights.size(), conv2d_filter_size(s), "conv2d filter");
  require_size(ops.output.size(), conv2d_output_size(s), "conv2d output");
  if (!ops.bias.empty()) require_size(ops.bias.size(), s.out_c, "conv2d bias");
  require_requant(ops.requant, s.out_c);

  for (uint32_t b = 0; b < s.batch; ++b) {
    for (uint32_t oy = 0; oy < w.out_h; ++oy) {
      for (uint32_t ox = 0; ox < w.out_w; ++ox) {
        for (uint32_t oc = 0; oc < s.out_c; ++oc) {
          int64_t acc = bias_or_zero(ops.bias, oc);
          for (uint32_t fy = 0; fy < w.kernel_h; ++fy) {
            for (uint32_t fx = 0; fx < w.kernel_w; ++fx) {
              const int64_t iy = input_coordinate(oy, w.stride_h, w.pad_top, fy, w.dilation_h);
              const int64_t ix = input_coordinate(ox, w.stride_w, w.pad_left, fx, w.dilation_w);
              if (!inside(iy, ix, w)) continue;  // TFLite skips taps in the padding
              for (uint32_t ic = 0; ic < s.in_c; ++ic) {
                const size_t in_index = ((size_t{b} * w.in_h + iy) * w.in_w + ix) * s.in_c + ic;
                const size_t filter_index = ((size_t{oc} * w.kernel_h + fy) * w.kernel_w + fx) * s.in_c + ic;
                acc += (static_cast<int64_t>(ops.input[in_index]) + q.input_offset) * ops.weights[filter_index];
              }
            }
          }
          const size_t out_index = ((size_t{b} * w.out_h + oy) * w.out_w + ox) * s.out_c + oc;
          ops.output[out_index] =
              naive::requantize(wrap_to_int32(acc), ops.requant[oc], q.output_offset, q.act_min, q.act_max);
        }
      }
    }
  }
}

void depthwise_conv2d(const DepthwiseShape& s, const OutputQuant& q, const MacOperands& ops) {
  const Window2d& w = s.window;
  const uint32_t out_c = s.out_c();
  require_size(ops.input.size(), depthwise_input_size(s), "depthwise input");
  require_size(ops.weights.size(), depthwise_filter_size(s), "depthwise filter");
  require_size(ops.output.size(), depthwise_output_size(s), "depthwise output");
  if (!ops.bias.empty()) require_size(ops.bias.size(), out_c, "depthwise bias");
  require_requant(ops.requant, out_c);

  for (uint32_t b = 0; b < s.batch; ++b) {
    for (uint32_t oy = 0; oy < w.out_h; ++oy) {
      for (uint32_t ox = 0; ox < w.out_w; ++ox) {
        for (uint32_t ic = 0; ic < s.in_c; ++ic) {
          for (uint32_t m = 0; m < s.depth_multiplier; ++m) {
            const uint32_t oc = ic * s.depth_multiplier + m;
            int64_t acc = bias_or_zero(ops.bias, oc);
            for (uint32_t fy = 0; fy < w.kernel_h; ++fy) {
              for (uint32_t fx = 0; fx < w.kernel_w; ++fx) {
                const int64_t iy = input_coordinate(oy, w.stride_h, w.pad_top, fy, w.dilation_h);
                const int64_t ix = input_coordinate(ox, w.stride_w, w.pad_left, fx, w.dilation_w);
                if (!inside(iy, ix, w)) continue;
                const size_t in_index = ((size_t{b} * w.in_h + iy) * w.in_w + ix) * s.in_c + ic;
                const size_t filter_index = (size_t{fy} * w.kernel_w + fx) * out_c + oc;
                acc += (static_cast<int64_t>(ops.input[in_index]) + q.input_offset) * ops.weights[filter_index];
              }
            }
            const size_t out_index = ((size_t{b} * w.out_h + oy) * w.out_w + ox) * out_c + oc;
            ops.output[out_index] =
                naive::requantize(wrap_to_int32(acc), ops.requant[oc], q.output_offset, q.act_min, q.act_max);
          }
        }
      }
    }
  }
}

void fully_connected(const FullyConnectedShape& s, const OutputQuant& q, const MacOperands& ops) {
  require_size(ops.input.size(), size_t{s.batch} * s.in_features, "fully connected input");
  require_size(ops.weights.size(), size_t{s.out_features} * s.in_features, "fully connected weights");
  require_size(ops.output.size(), size_t{s.batch} * s.out_features, "fully connected output");
  if (!ops.bias.empty()) require_size(ops.bias.size(), s.out_features, "fully connected bias");
  require_requant(ops.requant, s.out_features);

  for (uint32_t b = 0; b < s.batch; ++b) {
    for (uint32_t o = 0; o < s.out_features; ++o) {
      int64_t acc = bias_or_zero(ops.bias, o);
      for (uint32_t i = 0; i < s.in_features; ++i) {
        const int64_t x = static_cast<int64_t>(ops.input[size_t{b} * s.in_features + i]) + q.input_offset;
        acc += x * ops.weights[size_t{o} * s.in_features + i];
      }
      ops.output[size_t{b} * s.out_features + o] =
          naive::requantize(wrap_to_int32(acc), ops.requant[o], q.output_offset, q.act_min, q.act_max);
    }
  }
}

int8_t add_element(int8_t a, int8_t b, const AddParams& p) {
  if (p.left_shift < 0 || p.left_shift > 30) throw std::invalid_argument("naive: ADD left_shift out of [0, 30]");
  const int64_t headroom = int64_t{1} << p.left_shift;
  const int32_t shifted1 = wrap_to_int32((static_cast<int64_t>(a) + p.input1_offset) * headroom);
  const int32_t shifted2 = wrap_to_int32((static_cast<int64_t>(b) + p.input2_offset) * headroom);
  const int32_t scaled1 = multiply_smaller_than_one(shifted1, p.input1);
  const int32_t scaled2 = multiply_smaller_than_one(shifted2, p.input2);
  const int32_t raw_sum = wrap_to_int32(static_cast<int64_t>(scaled1) + scaled2);
  const int32_t raw_output =
      wrap_to_int32(static_cast<int64_t>(multiply_smaller_than_one(raw_sum, p.output)) + p.output_offset);
  return clamp_to_activation(raw_output, p.act_min, p.act_max);
}

void add(const AddParams& p, std::span<const int8_t> input1, std::span<const int8_t> input2, std::span<int8_t> output) {
  require_size(input2.size(), input1.size(), "add input2");
  require_size(output.size(), input1.size(), "add output");
  for (size_t e = 0; e < input1.size(); ++e) output[e] = naive::add_element(input1[e], input2[e], p);
}

void matmul(const accel::model::MatmulJob& job, std::span<int8_t> out) {
  require_size(job.a.size(), size_t{job.m} * job.k, "matmul a");
  require_size(job.w.size(), size_t{job.n} * job.k, "matmul w");
  require_size(out.size(), size_t{job.m} * job.n, "matmul out");
  if (!job.bias.empty()) require_size(job.bias.size(), job.n, "matmul bias");
  require_requant(job.requant, job.n);

  for (uint32_t i = 0; i < job.m; ++i) {
    for (uint32_t j = 0; j < job.n; ++j) {
      int64_t acc = bias_or_zero(job.bias, j);
      for (uint32_t kk = 0; kk < job.k; ++kk) {
        acc += static_cast<int64_t>(job.a[size_t{i} * job.k + kk]) * job.w[size_t{j} * job.k + kk];
      }
      out[size_t{i} * job.n + j] =
          naive::requantize(wrap_to_int32(acc), job.requant[j], job.output_offset, job.act_min, job.act_max);
    }
  }
}

}  // namespace naive
