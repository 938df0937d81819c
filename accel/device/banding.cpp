#include "accel/device/banding.hpp"

#include <algorithm>

namespace accel::device {

uint32_t band_rows(const model::Window2d& w, uint64_t in_row_bytes, uint64_t out_row_bytes, uint32_t input_half,
                   uint32_t output_half) {
  auto fits = [&](uint32_t rows) {
    const uint64_t in_rows = std::min<uint64_t>(w.in_h, uint64_t{rows - 1} * w.stride_h + (w.kernel_h - 1) * w.dilation_h + 1);
    return in_rows * in_row_bytes <= input_half && rows * out_row_bytes <= output_half;
  };
  uint32_t rows = 0;
  while (rows < w.out_h && fits(rows + 1)) ++rows;
  return rows;
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
