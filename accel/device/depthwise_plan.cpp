// DEPTHWISE_CONV_2D onto the array (see plans.hpp).
#include <fmt/format.h>

#include "accel/device/banding.hpp"
#include "accel/device/channel_params.hpp"
#include "accel/device/passes.hpp"
#include "accel/device/plans.hpp"
#include "accel/model/lowering.hpp"

namespace accel::device {

namespace {

struct DepthwiseBand {
  const DepthwiseCommand* c;
  PlanContext* ctx;
  uint32_t out_first_row, out_rows;
  model::RowSpan in_rows;
  unsigned input_half, weight_half, output_half;
  ChannelParams params;         // per output channel of the chunk
  uint32_t first_in_channel, in_channels;  // the chunk

  StepWork operator()() const {
    const model::DepthwiseShape& s = c->shape;
    const model::Window2d& w = s.window;
    const model::ArrayShape array = ctx->engine.shape();
    const uint32_t k = w.kernel_h * w.kernel_w, dm = s.depth_multiplier;
    LocalBuffers& buf = ctx->buffers;
    const std::span<const int8_t> weights = buf.half(ACCEL_BUFFER_WEIGHT, weight_half);
    const model::InputWindow window{
        .data = buf.half(ACCEL_BUFFER_INPUT, input_half),
        .first_row = in_rows.first <= in_rows.last ? static_cast<uint32_t>(in_rows.first) : 0,
        .rows = in_rows.first <= in_rows.last ? static_cast<uint32_t>(in_rows.last - in_rows.first + 1) : 0,
        .width = w.in_w,
        .channels = s.in_c};
    // The chunk's filter in the buffer is a filter of its own: [kh][kw][in_channels * dm].
    model::DepthwiseShape chunk_shape = s;
    chunk_shape.in_c = in_channels;
    const auto pad = static_cast<int8_t>(-c->quant.input_offset);
    const BandPasses passes{.engine = ctx->engine, .params = params, .weight_half = weights,
                            .has_bias = c->at.bias.has_value(), .quant = c->quant,
                            .first_pixel = out_first_row * w.out_w, .pixels = out_rows * w.out_w,
                            .out = buf.half(ACCEL_BUFFER_OUTPUT, output_half)};
    std::vector<int8_t> wc(size_t{dm} * k);
    StepWork work;
    for (uint32_t ch = 0; ch < in_channels; ++ch) {
      model::gather_depthwise_weights(chunk_shape, weights.first(size_t{k} * in_channels * dm), ch, wc);
      const Gather gather = [&](uint32_t pixel, uint32_t m, std::span<int8_t> a) {
        model::gather_channel_patches(w, window, first_in_channel + ch, pixel, m, pad, a);
      };
      for (uint32_t m0 = 0; m0 < dm; m0 += array.cols) {
        const uint32_t n = std::min(array.cols, dm - m0);
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
  if (rows_per_band == 0)
    throw CommandError(ACCEL_ERROR_BUFFER,
                       fmt::format("one output row (its {} input rows of {} bytes, {} output bytes) does not fit half "
                                   "the input and output buffers",
                                   (w.kernel_h - 1) * w.dilation_h + 1, uint64_t{w.in_w} * s.in_c,
                                   uint64_t{w.out_w} * chunk * dm));
  std::vector<Step> steps;
  unsigned chunk_index = 0;
  for (uint32_t c0 = 0; c0 < s.in_c; c0 += chunk, ++chunk_index) {
    const uint32_t nc = std::min(chunk, s.in_c - c0), n_out = nc * dm;
    const unsigned wh = chunk_index % 2;
    const ChannelParams params{.half_offset = wh * weight_half, .weight_bytes = k * n_out, .channels = n_out};
    for (uint32_t image = 0; image < s.batch; ++image) {
      for (uint32_t oy = 0; oy < w.out_h; oy += rows_per_band) {
        const uint32_t rows = std::min(rows_per_band, w.out_h - oy);
        const unsigned half = steps.size() % 2;
        Step step;
        if (image == 0 && oy == 0) {
          // Each kernel tap's outputs of the chunk are contiguous in the filter.
          for (uint32_t tap = 0; tap < k; ++tap)
            step.weight_loads.push_back({c.at.weights + tap * out_c + c0 * dm, ACCEL_BUFFER_WEIGHT,
                                         params.half_offset + tap * n_out, n_out});
          params.add_loads(step.weight_loads, c.at, c0 * dm);
        }
        const model::RowSpan in_rows = model::input_rows(w, oy, oy + rows - 1);
        step.input_loads = band_loads(c.at.input, w, s.in_c, image, in_rows, half * buf.half_bytes(ACCEL_BUFFER_INPUT));
        ChannelParams local = params;
        local.half_offset = 0;
        step.compute = DepthwiseBand{&c, &ctx, oy, rows, in_rows, half, wh, half, local, c0, nc};
        const uint64_t first_pixel = (uint64_t{image} * w.out_h + oy) * w.out_w;
        step.stores = band_stores({.output = c.at.output, .out_c = out_c, .first_channel = c0 * dm, .channels = n_out},
                                  first_pixel, rows * w.out_w, half * buf.half_bytes(ACCEL_BUFFER_OUTPUT));
        steps.push_back(std::move(step));
      }
    }
  }
  return steps;
}

}  // namespace accel::device
