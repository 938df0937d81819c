// Row bands: the unit a convolution's input and output move in. A band is
// consecutive output rows of one image; it reads the input rows its
// kernel window covers (input_rows()) and writes its outputs for one chunk
// of channels.
#pragma once
#include <cstdint>
#include <vector>

#include "accel/device/pipeline.hpp"
#include "accel/model/layers.hpp"
#include "accel/model/lowering.hpp"

namespace accel::device {

// The most output rows per band whose input rows (in_row_bytes each) fit
// `input_half` and whose outputs (out_row_bytes each) fit `output_half`;
// 0 when one row does not.
uint32_t band_rows(const model::Window2d& w, uint64_t in_row_bytes, uint64_t out_row_bytes, uint32_t input_half,
                   uint32_t output_half);

// The load of the input rows `rows` of image `image` into the input half at `half_offset`.
std::vector<Transfer> band_loads(uint32_t input, const model::Window2d& w, uint32_t channels, uint32_t image,
                                 model::RowSpan rows, uint32_t half_offset);

// Stores of a band's outputs, held as [pixel][channel of the chunk] at
// `half_offset` in the output buffer: one transfer when the chunk has every
// channel (the band is contiguous in NHWC), else one per pixel.
struct OutputSlice {
  uint32_t output = 0;       // the tensor's address
  uint32_t out_c = 0;        // its channels
  uint32_t first_channel = 0, channels = 0;  // the chunk
};
std::vector<Transfer> band_stores(const OutputSlice& o, uint64_t first_pixel, uint32_t pixels, uint32_t half_offset);

}  // namespace accel::device
