// Layers lowered into array passes. The pass order is the device's when
// its buffers hold the whole layer:
//   for each batch image
//     for each group of up to cols output channels (depthwise: for each
//     input channel, for each group of up to cols of its outputs)
//       for each block of up to rows consecutive output pixels
// The weights and folded bias of a channel group stay in the array's
// column buffers while the pixel blocks stream past them. With smaller
// buffers the device (accel/device) cuts the channels into chunks and each
// image into row bands around this order: chunk, image, band, then the
// loops above within the band. ADD runs in passes of kAddBeatsPerPass beats;
// the device's passes are as long as its buffers allow. Neither the order
// nor the pass sizes change the results.
#include "accel/model/ops.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "accel/model/checks.hpp"
#include "accel/model/lowering.hpp"

namespace accel::model {

namespace {

constexpr uint64_t kAddBeatsPerPass = 64;

// Validation: each check names the operation and the rule it enforces
// (the parameter rules are checks.hpp's, shared with the device).

// The product of sizes, or invalid_argument if it does not fit a size_t.
size_t product(const char* op, std::initializer_list<uint64_t> factors) {
  uint64_t result = 1;
  for (const uint64_t f : factors) {
    require(f == 0 || result <= std::numeric_limits<size_t>::max() / f, op, "tensor size overflows");
    result *= f;
  }
  return static_cast<size_t>(result);
}

void check_array(const char* op, ArrayShape array) {
  require(array.rows >= 1 && array.cols >= 1, op, "the array needs at least one row and one column");
}

void check_quant(const char* op, const OutputQuant& q, const MacOperands& ops, uint64_t out_c) {
  check_output_quant(op, q);
  require(ops.bias.empty() || ops.bias.size() == out_c, op, "bias needs 0 or out_c entries");
  require(ops.requant.size() == out_c, op, "requant needs out_c entries");
  for (const Requant& r : ops.requant) check_shift(op, r.shift);
}

void check_size(const char* op, const char* operand, size_t actual, size_t expected) {
  if (actual != expected)
    fail(op, std::string(operand) + ": " + std::to_string(actual) + " bytes where the shape says " +
                 std::to_string(expected));
}

void check_sizes(const char* op, const MacOperands& ops, size_t input, size_t weights, size_t output) {
  check_size(op, "input", ops.input.size(), input);
  check_size(op, "weights", ops.weights.size(), weights);
  check_size(op, "output", ops.output.size(), output);
}

uint32_t reduction_length(const char* op, uint64_t k) {
  require(k <= std::numeric_limits<uint32_t>::max(), op, "the reduction length does not fit 32 bits");
  return static_cast<uint32_t>(k);
}

// A matrix product pixels x k times k x channels, with the output pixel p's
// channel j at out[p * out_stride + j].
struct Product {
  std::span<const int8_t> a;         // pixels x k
  std::span<const int8_t> w;         // channels x k
  std::span<const int32_t> bias;     // channels, input offset folded in
  std::span<const Requant> requant;  // channels
  uint32_t pixels = 0, channels = 0, k = 0;
  int8_t* out = nullptr;
  size_t out_stride = 0;
};

// Runs a product as passes: for each group of up to cols channels, for each
// block of up to rows pixels. `pass_out` is the passes' output scratch.
void run_passes(const Product& p, const OutputQuant& q, ArrayShape array, std::vector<int8_t>& pass_out) {
  const size_t k = p.k;
  const size_t largest_pass = size_t{std::min(array.rows, p.pixels)} * std::min(array.cols, p.channels);
  if (pass_out.size() < largest_pass) pass_out.resize(largest_pass);
  for (uint32_t j0 = 0; j0 < p.channels; j0 += std::min(array.cols, p.channels - j0)) {
    const uint32_t n = std::min(array.cols, p.channels - j0);
    for (uint32_t p0 = 0; p0 < p.pixels; p0 += std::min(array.rows, p.pixels - p0)) {
      const uint32_t m = std::min(array.rows, p.pixels - p0);
      const MatmulJob job{.m = m,
                          .n = n,
                          .k = p.k,
                          .a = p.a.subspan(p0 * k, m * k),
                          .w = p.w.subspan(j0 * k, n * k),
                          .bias = p.bias.subspan(j0, n),
                          .requant = p.requant.subspan(j0, n),
                          .output_offset = q.output_offset,
                          .act_min = q.act_min,
                          .act_max = q.act_max};
      run_matmul(job, pass_out);
      for (size_t i = 0; i < m; ++i)
        std::copy_n(pass_out.data() + i * n, n, p.out + (p0 + i) * p.out_stride + j0);
    }
  }
}

// The zero point fed for padded taps.
int8_t pad_value(const OutputQuant& q) { return static_cast<int8_t>(-q.input_offset); }

}  // namespace

void conv2d(const Conv2dShape& s, const OutputQuant& q, const MacOperands& ops, ArrayShape array) {
  const char* op = "conv2d";
  const Window2d& w = s.window;
  check_array(op, array);
  require(s.batch >= 1 && s.in_c >= 1 && s.out_c >= 1, op, "batch, in_c and out_c must be at least 1");
  check_window(op, w);
  check_quant(op, q, ops, s.out_c);
  const uint32_t k = reduction_length(op, uint64_t{w.kernel_h} * w.kernel_w * s.in_c);
  const size_t image = product(op, {w.in_h, w.in_w, s.in_c});
  const size_t pixels = product(op, {w.out_h, w.out_w});
  check_sizes(op, ops, product(op, {s.batch, image}), product(op, {s.out_c, k}),
              product(op, {s.batch, pixels, s.out_c}));
  require(pixels <= std::numeric_limits<uint32_t>::max(), op, "more than 2^32 output pixels per image");

  std::vector<int32_t> bias(s.out_c);
  fold_bias(ops.weights, s.out_c, k, ops.bias, q.input_offset, bias);
  std::vector<int8_t> patches(product(op, {pixels, k}));
  std::vector<int8_t> pass_out;
  for (size_t b = 0; b < s.batch; ++b) {
    const InputWindow in{.data = ops.input.subspan(b * image, image),
                         .first_row = 0,
                         .rows = w.in_h,
                         .width = w.in_w,
                         .channels = s.in_c};
    gather_patches(w, in, 0, static_cast<uint32_t>(pixels), pad_value(q), patches);
    const Product p{.a = patches,
                    .w = ops.weights,
                    .bias = bias,
                    .requant = ops.requant,
                    .pixels = static_cast<uint32_t>(pixels),
                    .channels = s.out_c,
                    .k = k,
                    .out = ops.output.data() + b * pixels * s.out_c,
                    .out_stride = s.out_c};
    run_passes(p, q, array, pass_out);
  }
}

void depthwise_conv2d(const DepthwiseShape& s, const OutputQuant& q, const MacOperands& ops, ArrayShape array) {
  const char* op = "depthwise_conv2d";
  const Window2d& w = s.window;
  check_array(op, array);
  require(s.batch >= 1 && s.in_c >= 1 && s.depth_multiplier >= 1, op,
          "batch, in_c and depth_multiplier must be at least 1");
  check_window(op, w);
  const size_t out_c = product(op, {s.in_c, s.depth_multiplier});
  require(out_c <= std::numeric_limits<uint32_t>::max(), op, "in_c * depth_multiplier does not fit 32 bits");
  check_quant(op, q, ops, out_c);
  const uint32_t k = reduction_length(op, uint64_t{w.kernel_h} * w.kernel_w);
  const size_t image = product(op, {w.in_h, w.in_w, s.in_c});
  const size_t pixels = product(op, {w.out_h, w.out_w});
  check_sizes(op, ops, product(op, {s.batch, image}), product(op, {k, out_c}), product(op, {s.batch, pixels, out_c}));
  require(pixels <= std::numeric_limits<uint32_t>::max(), op, "more than 2^32 output pixels per image");

  // Each input channel's depth_multiplier x k weights ([channel][j][kk], so
  // output channel channel * multiplier + j is row channel * multiplier + j)
  // and their folded biases, once for all images.
  const size_t per_channel = size_t{s.depth_multiplier} * k;
  std::vector<int8_t> weights(out_c * k);
  std::vector<int32_t> bias(out_c);
  for (uint32_t c = 0; c < s.in_c; ++c) {
    const std::span<int8_t> wc = std::span(weights).subspan(c * per_channel, per_channel);
    gather_depthwise_weights(s, ops.weights, c, wc);
    const std::span<const int32_t> bc =
        ops.bias.empty() ? ops.bias : ops.bias.subspan(size_t{c} * s.depth_multiplier, s.depth_multiplier);
    fold_bias(wc, s.depth_multiplier, k, bc, q.input_offset,
              std::span(bias).subspan(size_t{c} * s.depth_multiplier, s.depth_multiplier));
  }

  std::vector<int8_t> patches(product(op, {pixels, k}));
  std::vector<int8_t> pass_out;
  for (size_t b = 0; b < s.batch; ++b) {
    const InputWindow in{.data = ops.input.subspan(b * image, image),
                         .first_row = 0,
                         .rows = w.in_h,
                         .width = w.in_w,
                         .channels = s.in_c};
    for (uint32_t c = 0; c < s.in_c; ++c) {
      gather_channel_patches(w, in, c, 0, static_cast<uint32_t>(pixels), pad_value(q), patches);
      const size_t first_output = size_t{c} * s.depth_multiplier;
      const Product p{.a = patches,
                      .w = std::span<const int8_t>(weights).subspan(c * per_channel, per_channel),
                      .bias = std::span<const int32_t>(bias).subspan(first_output, s.depth_multiplier),
                      .requant = ops.requant.subspan(first_output, s.depth_multiplier),
                      .pixels = static_cast<uint32_t>(pixels),
                      .channels = s.depth_multiplier,
                      .k = k,
                      .out = ops.output.data() + b * pixels * out_c + first_output,
                      .out_stride = out_c};
      run_passes(p, q, array, pass_out);
    }
  }
}

void fully_connected(const FullyConnectedShape& s, const OutputQuant& q, const MacOperands& ops, ArrayShape array) {
  const char* op = "fully_connected";
  check_array(op, array);
  require(s.batch >= 1 && s.in_features >= 1 && s.out_features >= 1, op,
          "batch, in_features and out_features must be at least 1");
  check_quant(op, q, ops, s.out_features);
  check_sizes(op, ops, product(op, {s.batch, s.in_features}), product(op, {s.out_features, s.in_features}),
              product(op, {s.batch, s.out_features}));

  // The batch rows are the pixels of one image; no padding.
  std::vector<int32_t> bias(s.out_features);
  fold_bias(ops.weights, s.out_features, s.in_features, ops.bias, q.input_offset, bias);
  std::vector<int8_t> pass_out;
  const Product p{.a = ops.input,
                  .w = ops.weights,
                  .bias = bias,
                  .requant = ops.requant,
                  .pixels = s.batch,
                  .channels = s.out_features,
                  .k = s.in_features,
                  .out = ops.output.data(),
                  .out_stride = s.out_features};
  run_passes(p, q, array, pass_out);
}

void add(const AddParams& p, std::span<const int8_t> input1, std::span<const int8_t> input2,
         std::span<int8_t> output, ArrayShape array) {
  const char* op = "add";
  check_array(op, array);
  require(!input1.empty(), op, "the inputs are empty");
  require(input2.size() == input1.size() && output.size() == input1.size(), op,
          "input1, input2 and output differ in size");
  check_add_params(op, p);

  const auto pass_elements =
      static_cast<size_t>(std::min<uint64_t>(kAddBeatsPerPass * array.cols, std::numeric_limits<uint32_t>::max()));
  for (size_t e0 = 0; e0 < input1.size(); e0 += pass_elements) {
    const size_t count = std::min(pass_elements, input1.size() - e0);
    const AddJob job{.count = static_cast<uint32_t>(count),
                     .a = input1.subspan(e0, count),
                     .b = input2.subspan(e0, count),
                     .params = p};
    run_add(job, output.subspan(e0, count));
  }
}

}  // namespace accel::model
