// DEPTHWISE_CONV_2D onto the array (see plans.hpp).
#include <fmt/format.h>

#include "accel/device/banding.hpp"
#include "accel/device/channel_params.hpp"
#include "accel/device/passes.hpp"
#include "accel/device/plans.hpp"
#include "accel/model/lowering.hpp"

namespace accel::device {

namespace {

// One band of one chunk of input channels (band.first_channel, band.channels).
struct DepthwiseBand {
  DepthwiseCommand c;
  PlanContext* ctx;
  Band band;
  ChannelParams params;  // per output channel of the chunk

  StepWork operator()() const {
    const model::Window2d& w = c.shape.window;
    const uint32_t k = w.kernel_h * w.kernel_w, dm = c.shape.depth_multiplier;
    const uint32_t cols = ctx->engine.shape().cols;
    LocalBuffers& buf = ctx->buffers;
    const std::span<const int8_t> weights = buf.half(ACCEL_BUFFER_WEIGHT, band.chunk_index % 2);
    const model::InputWindow window =
        band_window(buf.half(ACCEL_BUFFER_INPUT, band.half), w, band.in_rows, c.shape.in_c);
    // The chunk's filter in the buffer is a filter of its own: [kh][kw][channels * dm].
    model::DepthwiseShape chunk_shape = c.shape;
    chunk_shape.in_c = band.channels;
    const auto pad = static_cast<int8_t>(-c.quant.input_offset);
    const BandPasses passes{.engine = ctx->engine, .params = params, .weight_half = weights,
                            .has_bias = c.at.bias.has_value(), .quant = c.quant,
                            .first_pixel = band.out_first_row * w.out_w, .pixels = band.out_rows * w.out_w,
                            .out = buf.half(ACCEL_BUFFER_OUTPUT, band.half)};
    std::vector<int8_t> wc(size_t{dm} * k);
    StepWork work;
    for (uint32_t ch = 0; ch < band.channels; ++ch) {
      model::gather_depthwise_weights(chunk_shape, weights.first(size_t{k} * band.channels * dm), ch, wc);
      const Gather gather = [&](uint32_t pixel, uint32_t m, std::span<int8_t> a) {
        model::gather_channel_patches(w, window, band.first_channel + ch, pixel, m, pad, a);
      };
      for (uint32_t m0 = 0; m0 < dm; m0 += cols) {
        const uint32_t n = std::min(cols, dm - m0);
        work += passes.run({.weights = std::span<const int8_t>(wc).subspan(size_t{m0} * k, size_t{n} * k), .n = n,
                            .k = k, .first = ch * dm + m0},
                           gather);
      }
    }
    return work;
  }
};

}  // namespace

std::vector<Step> plan_depthwise(const DepthwiseCommand& c, PlanContext& ctx) {
  const model::DepthwiseShape& s = c.shape;
  const model::Window2d& w = s.window;
  const uint32_t k = w.kernel_h * w.kernel_w, dm = s.depth_multiplier, out_c = s.out_c();
  LocalBuffers& buf = ctx.buffers;
  const uint32_t weight_half = buf.half_bytes(ACCEL_BUFFER_WEIGHT);
  // Whole input channels per chunk: each brings dm output channels.
  uint32_t chunk = channels_that_fit(weight_half, k, out_c, 1) / dm;
  if (chunk == 0)
    throw CommandError(ACCEL_ERROR_BUFFER, fmt::format("one input channel needs {} bytes of weights and parameters; "
                                                       "half the weight buffer holds {}", dm * (k + 12) + 3, weight_half));
  chunk = std::min(chunk, s.in_c);
  const uint32_t rows_per_band = band_rows(w, uint64_t{w.in_w} * s.in_c, uint64_t{w.out_w} * chunk * dm,
                                           buf.half_bytes(ACCEL_BUFFER_INPUT), buf.half_bytes(ACCEL_BUFFER_OUTPUT));
  std::vector<Step> steps;
  for_each_band(w, s.batch, s.in_c, chunk, rows_per_band, [&](const Band& b) {
    const uint32_t n_out = b.channels * dm;
    const ChannelParams params{.weight_bytes = k * n_out, .channels = n_out};
    Step step;
    if (b.first_of_chunk) {
      // Each kernel tap's outputs of the chunk are contiguous in the filter.
      const uint32_t half_offset = (b.chunk_index % 2) * weight_half;
      for (uint32_t tap = 0; tap < k; ++tap)
        step.weight_loads.push_back({c.at.weights + tap * out_c + b.first_channel * dm, ACCEL_BUFFER_WEIGHT,
                                     half_offset + tap * n_out, n_out});
      params.add_loads(step.weight_loads, c.at, b.first_channel * dm, half_offset);
    }
    step.input_loads = band_loads(c.at.input, w, s.in_c, b.image, b.in_rows, b.half * buf.half_bytes(ACCEL_BUFFER_INPUT));
    step.compute = DepthwiseBand{c, &ctx, b, params};
    const uint64_t first_pixel = (uint64_t{b.image} * w.out_h + b.out_first_row) * w.out_w;
    step.stores = band_stores({.output = c.at.output, .out_c = out_c, .first_channel = b.first_channel * dm,
                               .channels = n_out},
                              first_pixel, b.out_rows * w.out_w, b.half * buf.half_bytes(ACCEL_BUFFER_OUTPUT));
    steps.push_back(std::move(step));
  });
  return steps;
}

}  // namespace accel::device
