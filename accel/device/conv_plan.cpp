// CONV_2D and FULLY_CONNECTED onto the array (see plans.hpp).
#include <fmt/format.h>

#include "accel/device/banding.hpp"
#include "accel/device/channel_params.hpp"
#include "accel/device/passes.hpp"
#include "accel/device/plans.hpp"
#include "accel/model/lowering.hpp"

namespace accel::device {

namespace {

// One band of one chunk: its passes, reading the buffer halves it was given.
struct ConvBand {
  Conv2dCommand c;
  PlanContext* ctx;
  Band band;
  ChannelParams params;

  StepWork operator()() const {
    const model::Window2d& w = c.shape.window;
    const uint32_t k = w.kernel_h * w.kernel_w * c.shape.in_c;
    const uint32_t cols = ctx->engine.shape().cols;
    LocalBuffers& buf = ctx->buffers;
    const std::span<const int8_t> weights = buf.half(ACCEL_BUFFER_WEIGHT, band.chunk_index % 2);
    const model::InputWindow window =
        band_window(buf.half(ACCEL_BUFFER_INPUT, band.half), w, band.in_rows, c.shape.in_c);
    const auto pad = static_cast<int8_t>(-c.quant.input_offset);
    const BandPasses passes{.engine = ctx->engine, .params = params, .weight_half = weights,
                            .has_bias = c.at.bias.has_value(), .quant = c.quant,
                            .first_pixel = band.out_first_row * w.out_w, .pixels = band.out_rows * w.out_w,
                            .out = buf.half(ACCEL_BUFFER_OUTPUT, band.half)};
    const Gather gather = [&](uint32_t pixel, uint32_t m, std::span<int8_t> a) {
      model::gather_patches(w, window, pixel, m, pad, a);
    };
    StepWork work;
    for (uint32_t j0 = 0; j0 < params.channels; j0 += cols) {
      const uint32_t n = std::min(cols, params.channels - j0);
      work += passes.run({.weights = weights.subspan(size_t{j0} * k, size_t{n} * k), .n = n, .k = k, .first = j0},
                         gather);
    }
    return work;
  }
};

}  // namespace

std::vector<Step> plan_conv2d(const Conv2dCommand& c, PlanContext& ctx) {
  const model::Conv2dShape& s = c.shape;
  const model::Window2d& w = s.window;
  const uint32_t k = w.kernel_h * w.kernel_w * s.in_c;
  LocalBuffers& buf = ctx.buffers;
  const uint32_t weight_half = buf.half_bytes(ACCEL_BUFFER_WEIGHT);
  const uint32_t chunk = channels_that_fit(weight_half, k, s.out_c, ctx.engine.shape().cols);
  if (chunk == 0)
    throw CommandError(ACCEL_ERROR_BUFFER, fmt::format("one output channel needs {} bytes of weights and parameters; "
                                                       "half the weight buffer holds {}", align4(k) + 12, weight_half));
  const uint32_t rows_per_band = band_rows(w, uint64_t{w.in_w} * s.in_c, uint64_t{w.out_w} * chunk,
                                           buf.half_bytes(ACCEL_BUFFER_INPUT), buf.half_bytes(ACCEL_BUFFER_OUTPUT));
  std::vector<Step> steps;
  for_each_band(w, s.batch, s.out_c, chunk, rows_per_band, [&](const Band& b) {
    const ChannelParams params{.weight_bytes = b.channels * k, .channels = b.channels};
    Step step;
    if (b.first_of_chunk) {
      const uint32_t half_offset = (b.chunk_index % 2) * weight_half;
      step.weight_loads.push_back({c.at.weights + b.first_channel * k, ACCEL_BUFFER_WEIGHT, half_offset, b.channels * k});
      params.add_loads(step.weight_loads, c.at, b.first_channel, half_offset);
    }
    step.input_loads = band_loads(c.at.input, w, s.in_c, b.image, b.in_rows, b.half * buf.half_bytes(ACCEL_BUFFER_INPUT));
    step.compute = ConvBand{c, &ctx, b, params};
    const uint64_t first_pixel = (uint64_t{b.image} * w.out_h + b.out_first_row) * w.out_w;
    step.stores = band_stores({.output = c.at.output, .out_c = s.out_c, .first_channel = b.first_channel,
                               .channels = b.channels},
                              first_pixel, b.out_rows * w.out_w, b.half * buf.half_bytes(ACCEL_BUFFER_OUTPUT));
    steps.push_back(std::move(step));
  });
  return steps;
}

// A fully connected layer is a 1x1 convolution over a 1 x batch image:
// the same bytes in the same order (NHWC [1][1][batch][in], OHWI [out][1][1][in]).
std::vector<Step> plan_fully_connected(const FullyConnectedCommand& c, PlanContext& ctx) {
  const Conv2dCommand conv{.shape = {.batch = 1, .in_c = c.shape.in_features, .out_c = c.shape.out_features,
                                     .window = {.in_h = 1, .in_w = c.shape.batch, .out_h = 1, .out_w = c.shape.batch}},
                           .quant = c.quant,
                           .at = c.at};
  return plan_conv2d(conv, ctx);
}

}  // namespace accel::device
