// Row bands: the unit a convolution's input and output move in. A band is
// consecutive output rows of one image; it reads the input rows its
// kernel window covers (input_rows()) and writes its outputs for one chunk
// of channels.
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "accel/device/pipeline.hpp"
#include "accel/model/layers.hpp"
#include "accel/model/lowering.hpp"

namespace accel::device {

// The most output rows per band whose input rows (in_row_bytes each) fit
// `input_half` and whose outputs (out_row_bytes each) fit `output_half`.
// Throws CommandError(ACCEL_ERROR_BUFFER) when one row does not.
uint32_t band_rows(const model::Window2d& w, uint64_t in_row_bytes, uint64_t out_row_bytes, uint32_t input_half,
                   uint32_t output_half);

// One step of a banded layer: one band of one image for one chunk of channels.
struct Band {
  unsigned chunk_index = 0;                  // its weights sit in weight half chunk_index % 2
  uint32_t first_channel = 0, channels = 0;  // the chunk
  uint32_t image = 0, out_first_row = 0, out_rows = 0;
  model::RowSpan in_rows;  // the input rows it reads
  unsigned half = 0;       // its input and output halves: the step's index % 2
  bool first_of_chunk = false;  // it loads the chunk's weights
};

// Visits the bands in the order the steps run: chunks of `chunk` of the
// `channels`, then images, then bands of `rows_per_band` output rows.
void for_each_band(const model::Window2d& w, uint32_t batch, uint32_t channels, uint32_t chunk,
                   uint32_t rows_per_band, const std::function<void(const Band&)>& visit);

// The input rows a band holds in its input half, as the gathers read them.
model::InputWindow band_window(std::span<const int8_t> half, const model::Window2d& w, model::RowSpan rows,
                               uint32_t channels);

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
