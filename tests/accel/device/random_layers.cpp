#include "random_layers.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <limits>
#include <random>
#include <sstream>
#include <utility>
#include <type_traits>

#include "accel/device/channel_params.hpp"
#include "accel/device/flat_memory.hpp"

namespace accel::device::test {

namespace {

constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kInt32Max = std::numeric_limits<int32_t>::max();
// Accelerator cycles a layer may take at most (estimated): the RTL runs
// every cycle, so this bounds the test's time.
constexpr uint64_t kMaxCycles = 120'000;

// std::mt19937 with draws of our own: the standard distributions differ
// between standard libraries, the engine's sequence does not.
class Draw {
 public:
  explicit Draw(uint32_t seed) : engine_(seed) {}
  // Uniform in [lo, hi]; hi - lo < 2^32.
  int64_t between(int64_t lo, int64_t hi) {
    const uint64_t range = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>((uint64_t{engine_()} * range) >> 32);
  }
  uint32_t size(uint32_t lo, uint32_t hi) { return static_cast<uint32_t>(between(lo, hi)); }
  int32_t int32(int64_t lo, int64_t hi) { return static_cast<int32_t>(between(lo, hi)); }
  bool percent(int64_t p) { return between(0, 99) < p; }
  template <class T>
  T pick(std::initializer_list<T> choices) {
    return choices.begin()[between(0, static_cast<int64_t>(choices.size()) - 1)];
  }

 private:
  std::mt19937 engine_;
};

// ---- tensors ----

// Uniform, only the extremes, narrow around zero, or uniform with many extremes.
std::vector<int8_t> random_tensor(Draw& d, size_t n) {
  const int64_t style = d.between(0, 99);
  std::vector<int8_t> v(n);
  for (int8_t& x : v) {
    if (style < 60) x = static_cast<int8_t>(d.between(-128, 127));
    else if (style < 75) x = d.pick<int8_t>({-128, 127});
    else if (style < 85) x = static_cast<int8_t>(d.between(-3, 3));
    else x = d.percent(25) ? d.pick<int8_t>({-128, 127}) : static_cast<int8_t>(d.between(-128, 127));
  }
  return v;
}

// ---- quantization ----

int32_t normalized_multiplier(Draw& d) { return d.int32(int64_t{1} << 30, kInt32Max); }
int32_t clamp_shift(int64_t shift) { return static_cast<int32_t>(std::clamp<int64_t>(shift, -31, 30)); }

// Zero points at the ends of int8 half of the time; the clamp none, ReLU, a
// narrow band or any ordered pair.
model::OutputQuant random_quant(Draw& d) {
  model::OutputQuant q;
  const int64_t in = d.between(0, 9), out = d.between(0, 9);
  q.input_offset = in < 2 ? -127 : in < 4 ? 128 : in < 5 ? 0 : d.int32(-127, 128);
  q.output_offset = out < 2 ? -128 : out < 4 ? 127 : d.int32(-128, 127);
  const int64_t act = d.between(0, 9);
  if (act < 5) return q;
  if (act < 8) {
    q.act_min = std::max(-128, q.output_offset);
    if (act == 7) q.act_max = static_cast<int32_t>(std::min<int64_t>(127, q.act_min + d.between(0, 40)));
    return q;
  }
  const int32_t a = d.int32(-128, 127), b = d.int32(-128, 127);
  q.act_min = std::min(a, b);
  q.act_max = std::max(a, b);
  return q;
}

// A typical |accumulator| of `k` products of uniform int8 weights and inputs
// moved by input_offset, and the shift that brings it to about 32: outputs
// then spread over int8 instead of all saturating. Integers only, so every
// libm draws the same layer.
double typical_magnitude(uint32_t k, int32_t input_offset) {
  constexpr double kInt8Spread = 74.0;  // the standard deviation of a uniform int8
  return std::sqrt(static_cast<double>(k)) * kInt8Spread * (kInt8Spread + std::abs(input_offset));
}
int32_t typical_shift(double magnitude) {
  const auto rounded_up = static_cast<uint64_t>(std::max(1.0, std::ceil(magnitude)));
  return clamp_shift(5 - static_cast<int64_t>(std::bit_width(rounded_up - 1)));
}

// Sensible scales mostly; the special multipliers (2^30, INT32_MAX, 0,
// tiny, negative) and the extreme shifts the rest of the time.
model::Requant channel_requant(Draw& d, int32_t sensible) {
  const int64_t roll = d.between(0, 99);
  const int32_t near = clamp_shift(sensible + d.between(-2, 1));
  if (roll < 50) return {normalized_multiplier(d), near};
  if (roll < 60) return {d.pick<int32_t>({1 << 30, kInt32Max}), near};
  if (roll < 70) {  // a tiny multiplier needs a larger left shift for the same scale
    const int32_t m = d.int32(1, 1 << 16);
    return {m, clamp_shift(sensible + (30 - (std::bit_width(static_cast<uint32_t>(m)) - 1)) + d.between(-1, 1))};
  }
  if (roll < 80) return {normalized_multiplier(d), d.int32(-31, 30)};
  if (roll < 85) return {0, d.int32(-31, 30)};
  if (roll < 90) return {kInt32Max, d.pick<int32_t>({-31, 30})};
  if (roll < 95) return {d.pick<int32_t>({kInt32Min, -1, -(1 << 30), d.int32(kInt32Min, -1)}), near};
  return {d.int32(kInt32Min, kInt32Max), d.int32(-31, 30)};
}

std::vector<model::Requant> random_requants(Draw& d, uint32_t channels, double magnitude) {
  const int32_t sensible = typical_shift(magnitude);
  if (d.percent(20)) return std::vector<model::Requant>(channels, channel_requant(d, sensible));  // per tensor
  std::vector<model::Requant> r(channels);
  for (model::Requant& x : r) x = channel_requant(d, sensible);
  return r;
}

// No bias, one of the accumulators' size, a small one, one near the int32
// limits (the sums wrap), or anything.
std::vector<int32_t> random_bias(Draw& d, uint32_t channels, double magnitude) {
  const int64_t roll = d.between(0, 99);
  if (roll < 20) return {};
  const auto layer_like = static_cast<int64_t>(std::min(2.0 * magnitude, 1e9));
  std::vector<int32_t> bias(channels);
  for (int32_t& b : bias) {
    if (roll < 60) b = d.int32(-layer_like, layer_like);
    else if (roll < 75) b = d.int32(-256, 256);
    else if (roll < 90) b = static_cast<int32_t>((d.percent(50) ? 1 : -1) * (kInt32Max - d.between(0, layer_like)));
    else b = d.int32(kInt32Min, kInt32Max);
  }
  return bias;
}

// ---- windows ----

enum class PaddingKind { Same, Valid, Explicit };

struct Dimension {
  uint32_t in = 1, out = 1, pad = 0;
};

// TFLite's SAME or VALID (the model's padding_for), or explicit paddings
// before and after, each less than the dilated kernel.
Dimension random_dimension(Draw& d, PaddingKind kind, uint32_t kernel, uint32_t stride, uint32_t dilation,
                           uint32_t max_in) {
  const uint32_t dilated = (kernel - 1) * dilation + 1;
  Dimension dim;
  dim.in = d.size(1, max_in);
  if (kind == PaddingKind::Explicit) {
    dim.pad = d.size(0, dilated - 1);
    uint32_t after = d.size(0, dilated - 1);
    if (dim.in + dim.pad + after < dilated) after = dilated - dim.in - dim.pad;
    dim.out = (dim.in + dim.pad + after - dilated) / stride + 1;
    return dim;
  }
  if (kind == PaddingKind::Valid && dim.in < dilated) dim.in = dilated + d.size(0, 2);
  const model::SpatialPadding p = model::padding_for(
      kind == PaddingKind::Same ? model::Padding::Same : model::Padding::Valid, dim.in, kernel, stride, dilation);
  dim.out = p.out;
  dim.pad = p.pad_before;
  return dim;
}

model::Window2d random_window(Draw& d, uint32_t max_in) {
  model::Window2d w;
  w.kernel_h = d.percent(40) ? 3 : d.size(1, 5);
  w.kernel_w = d.percent(40) ? 3 : d.size(1, 5);
  w.stride_h = d.percent(60) ? 1 : d.size(2, 3);
  w.stride_w = d.percent(60) ? 1 : d.size(2, 3);
  w.dilation_h = d.percent(25) ? d.size(2, 3) : 1;
  w.dilation_w = d.percent(25) ? d.size(2, 3) : 1;
  const auto kind = d.pick({PaddingKind::Same, PaddingKind::Valid, PaddingKind::Explicit});
  const Dimension h = random_dimension(d, kind, w.kernel_h, w.stride_h, w.dilation_h, max_in);
  const Dimension v = random_dimension(d, kind, w.kernel_w, w.stride_w, w.dilation_w, max_in);
  w.in_h = h.in;
  w.out_h = h.out;
  w.pad_top = h.pad;
  w.in_w = v.in;
  w.out_w = v.out;
  w.pad_left = v.pad;
  return w;
}

// ---- buffers ----

uint64_t ceil_div(uint64_t a, uint64_t b) { return (a + b - 1) / b; }

// The cycles of `passes` matmul passes of reduction k (array_timing.hpp's
// formula, only to keep layers small).
uint64_t matmul_estimate(model::ArrayShape a, uint64_t passes, uint32_t k) {
  return passes * (k + 2 * a.rows + a.cols + 2);
}

// Buffers for a layer that runs in chunks of `units` (a convolution's output
// channels, a depthwise convolution's input channels) and bands of output
// rows. weight_bytes(c): a chunk of c units' weights and parameters. Mostly
// chunks, bands or both smaller than the layer; the slack added to each half
// stays below one more unit, input row or output row, so the device's
// chunks and bands are never larger than the ones drawn here.
BufferSizes banded_buffers(Draw& d, const model::Window2d& w, uint64_t in_row_bytes, uint32_t units,
                           uint32_t outputs_per_unit, uint32_t k, const std::function<uint64_t(uint32_t)>& weight_bytes,
                           bool& tiled) {
  uint32_t chunk = units, rows = w.out_h;
  if (d.percent(80)) {
    int64_t how = d.between(0, 2);  // 0: chunks, 1: bands, 2: both
    if (units == 1) how = 1;         // (a layer of one unit has no chunks to make,
    if (w.out_h == 1) how = 0;       // one of one output row, such as FULLY_CONNECTED, no bands)
    if (how != 1 && units > 1) chunk = d.percent(50) ? d.size(1, std::min(units - 1, 4u)) : d.size(1, units - 1);
    if (how != 0 && w.out_h > 1) rows = d.size(1, w.out_h - 1);
  }
  tiled = chunk < units || rows < w.out_h;
  // weight_bytes(c + 1) - weight_bytes(c) >= k + 9 (k bytes, 12 of parameters, at most 3 of word padding).
  const uint64_t weight_half = weight_bytes(chunk) + d.between(0, k + 8);
  const uint64_t in_rows = std::min<uint64_t>(w.in_h, uint64_t{rows - 1} * w.stride_h + (w.kernel_h - 1) * w.dilation_h + 1);
  const uint64_t input_half = in_rows * in_row_bytes + d.between(0, static_cast<int64_t>(in_row_bytes) - 1);
  const uint64_t out_row_bytes = uint64_t{w.out_w} * chunk * outputs_per_unit;
  const uint64_t output_half = rows * out_row_bytes + d.between(0, static_cast<int64_t>(out_row_bytes) - 1);
  return {.input = static_cast<uint32_t>(2 * input_half), .weight = static_cast<uint32_t>(2 * weight_half),
          .output = static_cast<uint32_t>(2 * output_half)};
}

// Bytes of weights and per-channel parameters of n output channels of
// reduction k, as the device lays them in a weight half.
uint64_t chunk_bytes(uint32_t n, uint32_t k) { return align4(n * k) + 12 * uint64_t{n}; }

// ---- memory ----

// Places operands one after another from FlatMemory::kBase, with gaps (a
// stray write lands in a gap), int8 tensors at any byte.
class Layout {
 public:
  explicit Layout(Draw& d) : d_(d) {}
  uint32_t bytes(size_t n) { return place(n, d_.size(0, 3)); }
  uint32_t words(size_t n) { return place(4 * n, 0); }
  uint32_t size() const { return next_ + kGap; }

 private:
  static constexpr uint32_t kGap = 64;
  uint32_t place(size_t n, uint32_t misalign) {
    const uint32_t at = align4(next_ + kGap) + misalign;
    next_ = at + static_cast<uint32_t>(n);
    return FlatMemory::kBase + at;
  }
  Draw& d_;
  uint32_t next_ = 0;
};

// Places a MAC layer's operands and its output (r.output_bytes) in memory
// and completes the layer with its command.
template <class MacCommand>
RandomLayer with_mac_layout(Draw& d, RandomLayer r, MacCommand c) {
  Layout l(d);
  MacAddresses& at = c.at;
  at.input = l.bytes(r.input.size());
  at.weights = l.bytes(r.weights.size());
  if (!r.bias.empty()) at.bias = l.words(r.bias.size());
  at.multipliers = l.words(r.requant.size());
  at.shifts = l.words(r.requant.size());
  at.output = l.bytes(r.output_bytes);
  r.output = at.output;
  r.memory_bytes = l.size();
  r.command = c;
  return r;
}

void fill_mac_operands(Draw& d, RandomLayer& r, size_t input, size_t weights, uint32_t channels, uint32_t k,
                       int32_t input_offset) {
  r.input = random_tensor(d, input);
  r.weights = random_tensor(d, weights);
  const double magnitude = typical_magnitude(k, input_offset);
  r.bias = random_bias(d, channels, magnitude);
  r.requant = random_requants(d, channels, magnitude);
}

// ---- the operations ----

RandomLayer conv_layer(Draw& d, model::ArrayShape a) {
  Conv2dCommand c;
  model::Conv2dShape& s = c.shape;
  do {
    s.batch = d.percent(75) ? 1 : d.size(2, 3);
    s.in_c = d.percent(50) ? d.size(1, 8) : d.size(9, 24);
    s.out_c = d.percent(50) ? d.size(1, 2 * a.cols) : d.size(1, 40);
    s.window = random_window(d, 20);
  } while (matmul_estimate(a, s.batch * ceil_div(s.window.out_h * s.window.out_w, a.rows) * ceil_div(s.out_c, a.cols),
                           s.window.kernel_h * s.window.kernel_w * s.in_c) > kMaxCycles);
  const model::Window2d& w = s.window;
  const uint32_t k = w.kernel_h * w.kernel_w * s.in_c;
  RandomLayer r;
  c.quant = random_quant(d);
  fill_mac_operands(d, r, size_t{s.batch} * w.in_h * w.in_w * s.in_c, size_t{s.out_c} * k, s.out_c, k,
                    c.quant.input_offset);
  r.buffers = banded_buffers(d, w, uint64_t{w.in_w} * s.in_c, s.out_c, 1, k,
                             [k](uint32_t n) { return chunk_bytes(n, k); }, r.tiled);
  r.output_bytes = s.batch * w.out_h * w.out_w * s.out_c;
  return with_mac_layout(d, std::move(r), c);
}

RandomLayer depthwise_layer(Draw& d, model::ArrayShape a) {
  DepthwiseCommand c;
  model::DepthwiseShape& s = c.shape;
  do {
    s.batch = d.percent(75) ? 1 : d.size(2, 3);
    s.in_c = d.size(1, 24);
    // 1..4 mostly; now and then more outputs per channel than the array has columns.
    s.depth_multiplier = d.percent(75) ? d.size(1, 4) : d.size(5, 2 * a.cols + 1);
    s.window = random_window(d, 20);
  } while (matmul_estimate(a, s.batch * ceil_div(s.window.out_h * s.window.out_w, a.rows) * s.in_c *
                                  ceil_div(s.depth_multiplier, a.cols),
                           s.window.kernel_h * s.window.kernel_w) > kMaxCycles);
  const model::Window2d& w = s.window;
  const uint32_t k = w.kernel_h * w.kernel_w, dm = s.depth_multiplier;
  RandomLayer r;
  c.quant = random_quant(d);
  fill_mac_operands(d, r, size_t{s.batch} * w.in_h * w.in_w * s.in_c, size_t{k} * s.out_c(), s.out_c(), k,
                    c.quant.input_offset);
  r.buffers = banded_buffers(d, w, uint64_t{w.in_w} * s.in_c, s.in_c, dm, k,
                             [k, dm](uint32_t n) { return chunk_bytes(n * dm, k); }, r.tiled);
  r.output_bytes = s.batch * w.out_h * w.out_w * s.out_c();
  return with_mac_layout(d, std::move(r), c);
}

RandomLayer fully_connected_layer(Draw& d, model::ArrayShape a) {
  FullyConnectedCommand c;
  model::FullyConnectedShape& s = c.shape;
  do {
    // Batch 1..3 mostly; now and then more rows than the array has.
    s.batch = d.percent(70) ? d.size(1, 3) : d.size(4, 2 * a.rows + 3);
    s.in_features = d.percent(50) ? d.size(1, 32) : d.size(33, 400);
    s.out_features = d.size(1, 48);
  } while (matmul_estimate(a, ceil_div(s.batch, a.rows) * ceil_div(s.out_features, a.cols), s.in_features) >
           kMaxCycles);
  const uint32_t k = s.in_features;
  RandomLayer r;
  c.quant = random_quant(d);
  fill_mac_operands(d, r, size_t{s.batch} * k, size_t{s.out_features} * k, s.out_features, k, c.quant.input_offset);
  // The device runs it as a 1x1 convolution over a 1 x batch image: one band, chunks of output channels.
  const model::Window2d as_conv{.in_h = 1, .in_w = s.batch, .out_h = 1, .out_w = s.batch};
  r.buffers = banded_buffers(d, as_conv, uint64_t{s.batch} * k, s.out_features, 1, k,
                             [k](uint32_t n) { return chunk_bytes(n, k); }, r.tiled);
  r.output_bytes = s.batch * s.out_features;
  return with_mac_layout(d, std::move(r), c);
}

// TFLite-like scales (inputs scaled by at most 1/2, the sum brought back to
// int8) or anything the decoder takes (shifts <= 0, any multiplier).
model::AddParams random_add_params(Draw& d) {
  model::AddParams p;
  const int64_t in1 = d.between(0, 9), in2 = d.between(0, 9);
  p.input1_offset = in1 < 2 ? -127 : in1 < 4 ? 128 : d.int32(-127, 128);
  p.input2_offset = in2 < 2 ? -127 : in2 < 4 ? 128 : d.int32(-127, 128);
  p.left_shift = d.percent(80) ? 20 : d.int32(0, 22);
  const model::OutputQuant range = random_quant(d);
  p.output_offset = range.output_offset;
  p.act_min = range.act_min;
  p.act_max = range.act_max;
  if (d.percent(70)) {
    const int32_t input_shift = d.int32(-6, 0);
    p.input1 = {normalized_multiplier(d), input_shift};
    p.input2 = {normalized_multiplier(d), static_cast<int32_t>(std::min<int64_t>(0, input_shift + d.between(-2, 2)))};
    p.output = {normalized_multiplier(d), clamp_shift(std::min<int64_t>(0, -(p.left_shift + input_shift) + d.between(-2, 2)))};
  } else {
    auto any = [&d] {
      const int64_t roll = d.between(0, 9);
      const int32_t m = roll < 4   ? normalized_multiplier(d)
                        : roll < 7 ? d.pick<int32_t>({1 << 30, kInt32Max, 0, 1, -1, kInt32Min})
                                   : d.int32(kInt32Min, kInt32Max);
      return model::Requant{m, d.int32(-31, 0)};
    };
    p.input1 = any();
    p.input2 = any();
    p.output = any();
  }
  return p;
}

RandomLayer add_layer(Draw& d, model::ArrayShape) {
  AddCommand c;
  c.count = d.percent(70) ? d.size(1, 600) : d.size(601, 4000);
  c.params = random_add_params(d);
  RandomLayer r;
  r.input = random_tensor(d, c.count);
  r.input2 = random_tensor(d, c.count);
  // A chunk is min(input half / 2, output half) elements; either half may be the one that limits it.
  uint32_t chunk = c.count;
  if (d.percent(80) && c.count > 1) chunk = d.percent(50) ? d.size(1, std::min(c.count - 1, 64u)) : d.size(1, c.count - 1);
  r.tiled = chunk < c.count;
  const bool input_limits = d.percent(50);
  const uint32_t input_half = 2 * chunk + (input_limits ? d.size(0, 1) : d.size(0, 2 * chunk));
  const uint32_t output_half = chunk + (input_limits ? d.size(0, chunk) : 0);
  r.buffers = {.input = 2 * input_half, .weight = 64, .output = 2 * output_half};
  Layout l(d);
  c.input1 = l.bytes(c.count);
  c.input2 = l.bytes(c.count);
  c.output = l.bytes(c.count);
  r.output = c.output;
  r.output_bytes = c.count;
  r.memory_bytes = l.size();
  r.command = c;
  return r;
}

// ---- descriptions ----

void describe_window(std::ostream& os, const model::Window2d& w) {
  os << " in=" << w.in_h << "x" << w.in_w << " out=" << w.out_h << "x" << w.out_w << " kernel=" << w.kernel_h << "x"
     << w.kernel_w << " stride=" << w.stride_h << "x" << w.stride_w << " dilation=" << w.dilation_h << "x"
     << w.dilation_w << " pad_top=" << w.pad_top << " pad_left=" << w.pad_left;
}

void describe_quant(std::ostream& os, const model::OutputQuant& q) {
  os << "\n  input_offset=" << q.input_offset << " output_offset=" << q.output_offset << " act=[" << q.act_min << ", "
     << q.act_max << "]";
}

void describe_requant(std::ostream& os, const char* name, const model::Requant& r) {
  os << " " << name << "=(" << r.multiplier << ", " << r.shift << ")";
}

}  // namespace

const char* name_of(Operation op) {
  switch (op) {
    case Operation::Conv2d: return "CONV2D";
    case Operation::Depthwise: return "DEPTHWISE_CONV2D";
    case Operation::FullyConnected: return "FULLY_CONNECTED";
    case Operation::Add: return "ADD";
  }
  return "?";
}

RandomLayer random_layer(Operation op, uint32_t seed, model::ArrayShape array) {
  Draw d(seed);
  RandomLayer r;
  switch (op) {
    case Operation::Conv2d: r = conv_layer(d, array); break;
    case Operation::Depthwise: r = depthwise_layer(d, array); break;
    case Operation::FullyConnected: r = fully_connected_layer(d, array); break;
    case Operation::Add: r = add_layer(d, array); break;
  }
  r.seed = seed;
  r.dma_latency = d.size(1, 12);
  return r;
}

std::vector<int8_t> RandomLayer::memory_image() const {
  std::vector<int8_t> image(memory_bytes);
  for (size_t i = 0; i < image.size(); ++i) image[i] = static_cast<int8_t>(i * 37 + 11);
  auto put = [&image](uint32_t address, const auto& values) {
    using T = typename std::decay_t<decltype(values)>::value_type;
    std::memcpy(image.data() + (address - FlatMemory::kBase), values.data(), values.size() * sizeof(T));
  };
  auto put_mac = [&](const MacAddresses& at) {
    put(at.input, input);
    put(at.weights, weights);
    if (at.bias) put(*at.bias, bias);
    std::vector<int32_t> multipliers, shifts;
    for (const model::Requant& q : requant) {
      multipliers.push_back(q.multiplier);
      shifts.push_back(q.shift);
    }
    put(at.multipliers, multipliers);
    put(at.shifts, shifts);
  };
  if (const auto* c = std::get_if<Conv2dCommand>(&command)) put_mac(c->at);
  if (const auto* c = std::get_if<DepthwiseCommand>(&command)) put_mac(c->at);
  if (const auto* c = std::get_if<FullyConnectedCommand>(&command)) put_mac(c->at);
  if (const auto* c = std::get_if<AddCommand>(&command)) {
    put(c->input1, input);
    put(c->input2, input2);
  }
  return image;
}

std::string RandomLayer::describe() const {
  std::ostringstream os;
  os << "seed=" << seed << " buffers: input=" << buffers.input << " weight=" << buffers.weight
     << " output=" << buffers.output << (tiled ? " (tiled)" : " (whole layer)") << " dma_latency=" << dma_latency
     << "\n  ";
  if (const auto* c = std::get_if<Conv2dCommand>(&command)) {
    os << "CONV2D batch=" << c->shape.batch << " in_c=" << c->shape.in_c << " out_c=" << c->shape.out_c;
    describe_window(os, c->shape.window);
    describe_quant(os, c->quant);
  } else if (const auto* c = std::get_if<DepthwiseCommand>(&command)) {
    os << "DEPTHWISE_CONV2D batch=" << c->shape.batch << " in_c=" << c->shape.in_c
       << " depth_multiplier=" << c->shape.depth_multiplier;
    describe_window(os, c->shape.window);
    describe_quant(os, c->quant);
  } else if (const auto* c = std::get_if<FullyConnectedCommand>(&command)) {
    os << "FULLY_CONNECTED batch=" << c->shape.batch << " in_features=" << c->shape.in_features
       << " out_features=" << c->shape.out_features;
    describe_quant(os, c->quant);
  } else if (const auto* c = std::get_if<AddCommand>(&command)) {
    const model::AddParams& p = c->params;
    os << "ADD count=" << c->count << " input1_offset=" << p.input1_offset << " input2_offset=" << p.input2_offset
       << " left_shift=" << p.left_shift << " output_offset=" << p.output_offset << " act=[" << p.act_min << ", "
       << p.act_max << "]\n ";
    describe_requant(os, "input1", p.input1);
    describe_requant(os, "input2", p.input2);
    describe_requant(os, "output", p.output);
  }
  if (!requant.empty()) {
    os << "\n  bias:";
    if (bias.empty()) os << " none";
    for (int32_t b : bias) os << " " << b;
    os << "\n  requant (multiplier, shift):";
    for (const model::Requant& q : requant) os << " (" << q.multiplier << ", " << q.shift << ")";
  }
  return os.str();
}

}  // namespace accel::device::test
