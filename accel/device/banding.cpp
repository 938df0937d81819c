#include "accel/device/banding.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "accel/device/command.hpp"

namespace accel::device {

uint32_t band_rows(const model::Window2d& w, uint64_t in_row_bytes, uint64_t out_row_bytes, uint32_t input_half,
                   uint32_t output_half) {
  auto fits = [&](uint32_t rows) {
    const uint64_t in_rows = std::min<uint64_t>(w.in_h, uint64_t{rows - 1} * w.stride_h + (w.kernel_h - 1) * w.dilation_h + 1);
    return in_rows * in_row_bytes <= input_half && rows * out_row_bytes <= output_half;
  };
  uint32_t rows = 0;
  while (rows < w.out_h && fits(rows + 1)) ++rows;
  if (rows == 0)
    throw CommandError(ACCEL_ERROR_BUFFER,
                       fmt::format("one output row (its {} input rows of {} bytes, {} output bytes) does not fit half "
                                   "the input and output buffers",
                                   (w.kernel_h - 1) * w.dilation_h + 1, in_row_bytes, out_row_bytes));
  return rows;
}

void for_each_band(const model::Window2d& w, uint32_t batch, uint32_t channels, uint32_t chunk,
                   uint32_t rows_per_band, const std::function<void(const Band&)>& visit) {
  unsigned step = 0, chunk_index = 0;
  for (uint32_t c0 = 0; c0 < channels; c0 += chunk, ++chunk_index)
    for (uint32_t image = 0; image < batch; ++image)
      for (uint32_t oy = 0; oy < w.out_h; oy += rows_per_band, ++step) {
        const uint32_t rows = std::min(rows_per_band, w.out_h - oy);
        visit({.chunk_index = chunk_index,
               .first_channel = c0,
               .channels = std::min(chunk, channels - c0),
               .image = image,
               .out_first_row = oy,
               .out_rows = rows,
               .in_rows = model::input_rows(w, oy, oy + rows - 1),
               .half = step % 2,
               .first_of_chunk = image == 0 && oy == 0});
      }
}

model::InputWindow band_window(std::span<const int8_t> half, const model::Window2d& w, model::RowSpan rows,
                               uint32_t channels) {
  const bool any = rows.first <= rows.last;
  return {.data = half,
          .first_row = any ? static_cast<uint32_t>(rows.first) : 0,
          .rows = any ? static_cast<uint32_t>(rows.last - rows.first + 1) : 0,
          .width = w.in_w,
          .channels = channels};
}

std::vector<Transfer> band_loads(uint32_t input, const model::Window2d& w, uint32_t channels, uint32_t image,
                                 model::RowSpan rows, uint32_t half_offset) {
  if (rows.first > rows.last) return {};
  const uint64_t row_bytes = uint64_t{w.in_w} * channels;
  const uint64_t first = (uint64_t{image} * w.in_h + static_cast<uint64_t>(rows.first)) * row_bytes;
  const auto bytes = static_cast<uint32_t>(static_cast<uint64_t>(rows.last - rows.first + 1) * row_bytes);
  return {{static_cast<uint32_t>(input + first), ACCEL_BUFFER_INPUT, half_offset, bytes}};
}

std::vector<Transfer> band_stores(const OutputSlice& o, uint64_t first_pixel, uint32_t pixels, uint32_t half_offset) {
  if (o.channels == o.out_c)
    return {{static_cast<uint32_t>(o.output + first_pixel * o.out_c), ACCEL_BUFFER_OUTPUT, half_offset, pixels * o.out_c}};
  std::vector<Transfer> stores;
  stores.reserve(pixels);
  for (uint32_t p = 0; p < pixels; ++p)
    stores.push_back({static_cast<uint32_t>(o.output + (first_pixel + p) * o.out_c + o.first_channel),
                      ACCEL_BUFFER_OUTPUT, half_offset + p * o.channels, o.channels});
  return stores;
}

}  // namespace accel::device
