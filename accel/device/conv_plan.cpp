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
  const Conv2dCommand* c;
  PlanContext* ctx;
  uint32_t image, out_first_row, out_rows;
  model::RowSpan in_rows;
  unsigned input_half, weight_half, output_half;
  ChannelParams params;
  uint32_t first_channel;

  StepWork operator()() const {
    const model::Conv2dShape& s = c->shape;
    const model::Window2d& w = s.window;
    const model::ArrayShape array = ctx->engine.shape();
    const uint32_t k = w.kernel_h * w.kernel_w * s.in_c;
    LocalBuffers& buf = ctx->buffers;
    const std::span<const int8_t> weights = buf.half(ACCEL_BUFFER_WEIGHT, weight_half);
    const model::InputWindow window{
        .data = buf.half(ACCEL_BUFFER_INPUT, input_half),
        .first_row = in_rows.first <= in_rows.last ? static_cast<uint32_t>(in_rows.first) : 0,
        .rows = in_rows.first <= in_rows.last ? static_cast<uint32_t>(in_rows.last - in_rows.first + 1) : 0,
        .width = w.in_w,
        .channels = s.in_c};
    const auto pad = static_cast<int8_t>(-c->quant.input_offset);
    const BandPasses passes{.engine = ctx->engine, .params = params, .weight_half = weights,
                            .has_bias = c->at.bias.has_value(), .quant = c->quant,
                            .first_pixel = out_first_row * w.out_w, .pixels = out_rows * w.out_w,
                            .out = buf.half(ACCEL_BUFFER_OUTPUT, output_half)};
    const Gather gather = [&](uint32_t pixel, uint32_t m, std::span<int8_t> a) {
      model::gather_patches(w, window, pixel, m, pad, a);
    };
    StepWork work;
    for (uint32_t j0 = 0; j0 < params.channels; j0 += array.cols) {
      const uint32_t n = std::min(array.cols, params.channels - j0);
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
  const model::ArrayShape array = ctx.engine.shape();
  const uint32_t k = w.kernel_h * w.kernel_w * s.in_c;
  LocalBuffers& buf = ctx.buffers;
  const uint32_t weight_half = buf.half_bytes(ACCEL_BUFFER_WEIGHT);
  const uint32_t chunk = channels_that_fit(weight_half, k, s.out_c, array.cols);
  if (chunk == 0)
    throw CommandError(ACCEL_ERROR_BUFFER, fmt::format("one output channel needs {} bytes of weights and parameters; "
                                                       "half the weight buffer holds {}", align4(k) + 12, weight_half));
  const uint32_t rows_per_band = band_rows(w, uint64_t{w.in_w} * s.in_c, uint64_t{w.out_w} * chunk,
                                           buf.half_bytes(ACCEL_BUFFER_INPUT), buf.half_bytes(ACCEL_BUFFER_OUTPUT));
  if (rows_per_band == 0)
    throw CommandError(ACCEL_ERROR_BUFFER,
                       fmt::format("one output row (its {} input rows of {} bytes, {} output bytes) does not fit half "
                                   "the input and output buffers",
                                   (w.kernel_h - 1) * w.dilation_h + 1, uint64_t{w.in_w} * s.in_c,
                                   uint64_t{w.out_w} * chunk));
  std::vector<Step> steps;
  unsigned chunk_index = 0;
  for (uint32_t c0 = 0; c0 < s.out_c; c0 += chunk, ++chunk_index) {
    const uint32_t nc = std::min(chunk, s.out_c - c0);
    const unsigned wh = chunk_index % 2;
    const ChannelParams params{.half_offset = wh * weight_half, .weight_bytes = nc * k, .channels = nc};
    for (uint32_t image = 0; image < s.batch; ++image) {
      for (uint32_t oy = 0; oy < w.out_h; oy += rows_per_band) {
        const uint32_t rows = std::min(rows_per_band, w.out_h - oy);
        const unsigned half = steps.size() % 2;
        Step step;
        if (image == 0 && oy == 0) {
          step.weight_loads.push_back({c.at.weights + c0 * k, ACCEL_BUFFER_WEIGHT, params.half_offset, nc * k});
          params.add_loads(step.weight_loads, c.at, c0);
        }
        const model::RowSpan in_rows = model::input_rows(w, oy, oy + rows - 1);
        step.input_loads = band_loads(c.at.input, w, s.in_c, image, in_rows, half * buf.half_bytes(ACCEL_BUFFER_INPUT));
        ChannelParams local = params;
        local.half_offset = 0;  // the band reads its half as a span of its own
        step.compute = ConvBand{&c, &ctx, image, oy, rows, in_rows, half, wh, half, local, c0};
        const uint64_t first_pixel = (uint64_t{image} * w.out_h + oy) * w.out_w;
        step.stores = band_stores({.output = c.at.output, .out_c = s.out_c, .first_channel = c0, .channels = nc},
                                  first_pixel, rows * w.out_w, half * buf.half_bytes(ACCEL_BUFFER_OUTPUT));
        steps.push_back(std::move(step));
      }
    }
  }
  return steps;
}

// A fully connected layer is a 1x1 convolution over a 1 x batch image:
// the same bytes in the same order (NHWC [1][1][batch][in], OHWI [out][1][1][in]).
std::vector<Step> plan_fully_connected(const FullyConnectedCommand& c, PlanContext& ctx) {
  Conv2dCommand conv{.shape = {.batch = 1, .in_c = c.shape.in_features, .out_c = c.shape.out_features,
                               .window = {.in_h = 1, .in_w = c.shape.batch, .out_h = 1, .out_w = c.shape.batch}},
                     .quant = c.quant,
                     .at = c.at};
  // The steps keep a pointer to the command: it must outlive them.
  auto owned = std::make_shared<Conv2dCommand>(conv);
  std::vector<Step> steps = plan_conv2d(*owned, ctx);
  for (Step& s : steps) s.compute = [owned, f = std::move(s.compute)] { return f(); };
  return steps;
}

}  // namespace accel::device
