#include "tests/accel/naive/random_cases.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <sstream>

#include "tests/accel/naive/naive_ops.hpp"

namespace naive::cases {
namespace {

constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kInt32Max = std::numeric_limits<int32_t>::max();

// The array shapes a case runs on: square, wide, tall, odd, degenerate.
constexpr std::array<ArrayShape, 6> kArrayShapes{{{1, 1}, {8, 8}, {4, 16}, {16, 4}, {3, 5}, {16, 16}}};

ArrayShape random_array(Random& rng) { return kArrayShapes[rng.between(0, kArrayShapes.size() - 1)]; }

// ---- tensors ----

enum class ValueStyle { Uniform, Extremes, Narrow, UniformWithExtremes };

ValueStyle random_style(Random& rng) {
  const int64_t roll = rng.between(0, 99);
  if (roll < 60) return ValueStyle::Uniform;
  if (roll < 75) return ValueStyle::Extremes;
  if (roll < 85) return ValueStyle::Narrow;
  return ValueStyle::UniformWithExtremes;
}

int8_t random_value(Random& rng, ValueStyle style) {
  switch (style) {
    case ValueStyle::Extremes:
      return rng.pick<int8_t>({-128, 127});
    case ValueStyle::Narrow:
      return static_cast<int8_t>(rng.between(-3, 3));
    case ValueStyle::UniformWithExtremes:
      if (rng.percent(25)) return rng.pick<int8_t>({-128, 127});
      break;
    case ValueStyle::Uniform:
      break;
  }
  return static_cast<int8_t>(rng.between(-128, 127));
}

std::vector<int8_t> random_tensor(Random& rng, size_t count) {
  const ValueStyle style = random_style(rng);
  std::vector<int8_t> values(count);
  for (int8_t& v : values) v = random_value(rng, style);
  return values;
}

// ---- quantization ----

int32_t normalized_multiplier(Random& rng) { return static_cast<int32_t>(rng.between(int64_t{1} << 30, kInt32Max)); }

int32_t random_input_offset(Random& rng) {
  const int64_t roll = rng.between(0, 9);
  if (roll < 2) return -127;  // zero point 127
  if (roll < 4) return 128;   // zero point -128
  if (roll < 5) return 0;
  return static_cast<int32_t>(rng.between(-127, 128));
}

int32_t random_output_offset(Random& rng) {
  const int64_t roll = rng.between(0, 9);
  if (roll < 2) return -128;
  if (roll < 4) return 127;
  return static_cast<int32_t>(rng.between(-128, 127));
}

// The activation clamp: none, ReLU (from the zero point up), a narrow
// ReLU6-like band, or any ordered pair (possibly a single value).
void random_activation(Random& rng, int32_t output_offset, int32_t& act_min, int32_t& act_max) {
  const int64_t roll = rng.between(0, 9);
  act_min = -128;
  act_max = 127;
  if (roll < 5) return;
  if (roll < 7) {
    act_min = std::max(-128, output_offset);
  } else if (roll < 8) {
    act_min = std::max(-128, output_offset);
    act_max = static_cast<int32_t>(std::min<int64_t>(127, act_min + rng.between(0, 40)));
  } else {
    const auto a = static_cast<int32_t>(rng.between(-128, 127));
    const auto b = static_cast<int32_t>(rng.between(-128, 127));
    act_min = std::min(a, b);
    act_max = std::max(a, b);
  }
}

OutputQuant random_output_quant(Random& rng) {
  OutputQuant q;
  q.input_offset = random_input_offset(rng);
  q.output_offset = random_output_offset(rng);
  random_activation(rng, q.output_offset, q.act_min, q.act_max);
  return q;
}

// No bias, one of the accumulators' size (as a real layer's), a small one, a
// large one, one so close to the int32 limits that the sums wrap, or
// anywhere in int32.
std::vector<int32_t> random_bias(Random& rng, uint32_t channels, double magnitude, bool may_be_empty) {
  const int64_t roll = rng.between(may_be_empty ? 0 : 20, 99);
  if (roll < 20) return {};
  const auto layer_like = static_cast<int64_t>(std::min(2.0 * magnitude, 1e9));
  std::vector<int32_t> bias(channels);
  for (int32_t& b : bias) {
    if (roll < 60) {
      b = static_cast<int32_t>(rng.between(-layer_like, layer_like));
    } else if (roll < 75) {
      b = static_cast<int32_t>(rng.between(-256, 256));
    } else if (roll < 83) {
      b = static_cast<int32_t>(rng.between(-(1 << 22), 1 << 22));
    } else if (roll < 91) {
      const int64_t below_limit = kInt32Max - rng.between(0, layer_like);
      b = static_cast<int32_t>(rng.percent(50) ? below_limit : -below_limit);
    } else {
      b = static_cast<int32_t>(rng.between(kInt32Min, kInt32Max));
    }
  }
  return bias;
}

int clamp_shift(int64_t shift) { return static_cast<int>(std::clamp<int64_t>(shift, -31, 30)); }

// The shift that scales an accumulator of typical size `magnitude` to about
// 32: outputs then spread over the int8 range instead of all saturating.
// floor(log2(32 / m)) = 5 - ceil(log2(m)), in integers so that every libm
// draws the same case from a seed.
int typical_shift(double magnitude) {
  const auto rounded_up = static_cast<uint64_t>(std::max(1.0, std::ceil(magnitude)));
  return clamp_shift(5 - static_cast<int64_t>(std::bit_width(rounded_up - 1)));
}

// A typical |accumulator| for a sum of `reduction` products of uniform int8
// weights with inputs shifted by input_offset.
double typical_magnitude(uint32_t reduction, int32_t input_offset) {
  constexpr double kInt8Spread = 74.0;  // standard deviation of a uniform int8
  return std::sqrt(static_cast<double>(reduction)) * kInt8Spread * (kInt8Spread + std::abs(input_offset));
}

// One output channel's requant: mostly sensible scales (with the special
// multipliers too), some anything-goes ones (saturating or zero outputs).
Requant mac_requant(Random& rng, int sensible) {
  const int64_t roll = rng.between(0, 99);
  if (roll < 55) return {normalized_multiplier(rng), clamp_shift(sensible + rng.between(-2, 1))};
  if (roll < 65) return {rng.pick<int32_t>({1 << 30, kInt32Max}), clamp_shift(sensible + rng.between(-2, 1))};
  if (roll < 77) {
    // A tiny multiplier needs a larger left shift for the same scale.
    const auto multiplier = static_cast<int32_t>(rng.between(1, 1 << 16));
    const int magnitude_bits = std::bit_width(static_cast<uint32_t>(multiplier)) - 1;
    return {multiplier, clamp_shift(sensible + (30 - magnitude_bits) + rng.between(-1, 1))};
  }
  if (roll < 87) return {normalized_multiplier(rng), static_cast<int32_t>(rng.between(-31, 30))};
  if (roll < 92) return {0, static_cast<int32_t>(rng.between(-31, 30))};
  if (roll < 96) return {kInt32Max, rng.pick<int32_t>({-31, 30})};
  return random_requant(rng);
}

std::vector<Requant> random_requants(Random& rng, uint32_t channels, double magnitude) {
  const int sensible = typical_shift(magnitude);
  std::vector<Requant> requant(channels);
  if (rng.percent(20)) {  // per-tensor: one scale repeated
    std::fill(requant.begin(), requant.end(), mac_requant(rng, sensible));
  } else {
    for (Requant& r : requant) r = mac_requant(rng, sensible);
  }
  return requant;
}

void fill_mac_quantization(Random& rng, MacCase& mac, uint32_t channels) {
  const double magnitude = typical_magnitude(mac.reduction, mac.quant.input_offset);
  mac.bias = random_bias(rng, channels, magnitude, true);
  mac.requant = random_requants(rng, channels, magnitude);
}

// ---- windows ----

enum class PaddingKind { Same, Valid, Explicit };

const char* padding_name(PaddingKind kind) {
  switch (kind) {
    case PaddingKind::Same:
      return "same";
    case PaddingKind::Valid:
      return "valid";
    case PaddingKind::Explicit:
      return "explicit";
  }
  return "?";
}

struct Dimension {
  uint32_t in = 1, out = 1, pad = 0;
};

// One spatial dimension: TFLite's SAME / VALID through the model's
// padding_for, or explicit paddings before and after (each < the effective
// kernel) with the output size they imply.
Dimension random_dimension(Random& rng, PaddingKind kind, uint32_t kernel, uint32_t stride, uint32_t dilation) {
  const uint32_t effective = (kernel - 1) * dilation + 1;
  Dimension d;
  d.in = static_cast<uint32_t>(rng.between(1, 13));
  if (kind == PaddingKind::Explicit) {
    d.pad = static_cast<uint32_t>(rng.between(0, effective - 1));
    auto pad_after = static_cast<uint32_t>(rng.between(0, effective - 1));
    if (d.in + d.pad + pad_after < effective) pad_after = effective - d.in - d.pad;
    d.out = (d.in + d.pad + pad_after - effective) / stride + 1;
    return d;
  }
  if (kind == PaddingKind::Valid && d.in < effective) d.in = effective + static_cast<uint32_t>(rng.between(0, 2));
  const auto model_padding =
      accel::model::padding_for(kind == PaddingKind::Same ? accel::model::Padding::Same : accel::model::Padding::Valid,
                                d.in, kernel, stride, dilation);
  d.out = model_padding.out;
  d.pad = model_padding.pad_before;
  return d;
}

accel::model::Window2d random_window(Random& rng, const char*& padding) {
  accel::model::Window2d w;
  w.kernel_h = static_cast<uint32_t>(rng.between(1, 5));
  w.kernel_w = static_cast<uint32_t>(rng.between(1, 5));
  w.stride_h = static_cast<uint32_t>(rng.between(1, 3));
  w.stride_w = static_cast<uint32_t>(rng.between(1, 3));
  w.dilation_h = rng.percent(30) ? static_cast<uint32_t>(rng.between(2, 3)) : 1;
  w.dilation_w = rng.percent(30) ? static_cast<uint32_t>(rng.between(2, 3)) : 1;
  const auto kind = rng.pick({PaddingKind::Same, PaddingKind::Valid, PaddingKind::Explicit});
  padding = padding_name(kind);
  const Dimension h = random_dimension(rng, kind, w.kernel_h, w.stride_h, w.dilation_h);
  const Dimension v = random_dimension(rng, kind, w.kernel_w, w.stride_w, w.dilation_w);
  w.in_h = h.in;
  w.out_h = h.out;
  w.pad_top = h.pad;
  w.in_w = v.in;
  w.out_w = v.out;
  w.pad_left = v.pad;
  return w;
}

// ---- descriptions ----

void describe_window(std::ostream& os, const accel::model::Window2d& w, const char* padding) {
  os << " in=" << w.in_h << "x" << w.in_w << " out=" << w.out_h << "x" << w.out_w << " kernel=" << w.kernel_h << "x"
     << w.kernel_w << " stride=" << w.stride_h << "x" << w.stride_w << " dilation=" << w.dilation_h << "x"
     << w.dilation_w << " pad_top=" << w.pad_top << " pad_left=" << w.pad_left << " (" << padding << ")";
}

void describe_requant(std::ostream& os, std::span<const Requant> requant) {
  os << "\n  requant (multiplier, shift):";
  for (const Requant& r : requant) os << " (" << r.multiplier << ", " << r.shift << ")";
}

void describe_bias(std::ostream& os, std::span<const int32_t> bias) {
  os << "\n  bias:";
  if (bias.empty()) os << " none";
  for (int32_t b : bias) os << " " << b;
}

void describe_mac(std::ostream& os, const MacCase& mac) {
  os << "\n  array=" << mac.array.rows << "x" << mac.array.cols << " input_offset=" << mac.quant.input_offset
     << " output_offset=" << mac.quant.output_offset << " act=[" << mac.quant.act_min << ", " << mac.quant.act_max
     << "] reduction=" << mac.reduction;
  describe_bias(os, mac.bias);
  describe_requant(os, mac.requant);
}

}  // namespace

int64_t Random::between(int64_t lo, int64_t hi) {
  const uint64_t range = static_cast<uint64_t>(hi - lo) + 1;  // at most 2^32
  const uint64_t draw = engine_();                            // 32 random bits
  return lo + static_cast<int64_t>((draw * range) >> 32);
}

int32_t random_int32_with_edges(Random& rng) {
  if (rng.percent(50))
    return static_cast<int32_t>(rng.percent(50) ? rng.between(kInt32Min, kInt32Max) : rng.between(-(1 << 16), 1 << 16));
  const int64_t roll = rng.between(0, 9);
  if (roll < 6) {  // a power of two, either sign, and its neighbours
    const int64_t power = int64_t{1} << rng.between(0, 31);
    const int64_t signed_power = rng.percent(50) ? power : -power;
    return static_cast<int32_t>(std::clamp<int64_t>(signed_power + rng.between(-1, 1), kInt32Min, kInt32Max));
  }
  return rng.pick<int32_t>({0, 1, -1, kInt32Min, kInt32Min + 1, kInt32Max, kInt32Max - 1});
}

Requant random_requant(Random& rng) {
  const int64_t roll = rng.between(0, 9);
  int32_t multiplier = 0;
  if (roll < 5) {
    multiplier = normalized_multiplier(rng);
  } else if (roll < 7) {
    multiplier = rng.pick<int32_t>({1 << 30, kInt32Max, 0, 1});
  } else if (roll < 8) {
    multiplier = static_cast<int32_t>(rng.between(1, 1 << 16));
  } else {
    multiplier = static_cast<int32_t>(rng.between(0, kInt32Max));
  }
  return {multiplier, static_cast<int32_t>(rng.between(-31, 30))};
}

ConvCase make_conv_case(uint32_t seed) {
  Random rng(seed);
  ConvCase c;
  c.mac.seed = seed;
  c.shape.batch = static_cast<uint32_t>(rng.between(1, 3));
  c.shape.in_c = static_cast<uint32_t>(rng.between(1, 20));
  c.shape.out_c = static_cast<uint32_t>(rng.between(1, 20));
  c.shape.window = random_window(rng, c.padding);
  c.mac.array = random_array(rng);
  c.mac.quant = random_output_quant(rng);
  c.mac.reduction = c.shape.window.kernel_h * c.shape.window.kernel_w * c.shape.in_c;
  c.mac.input = random_tensor(rng, conv2d_input_size(c.shape));
  c.mac.weights = random_tensor(rng, conv2d_filter_size(c.shape));
  fill_mac_quantization(rng, c.mac, c.shape.out_c);
  return c;
}

DepthwiseCase make_depthwise_case(uint32_t seed) {
  Random rng(seed);
  DepthwiseCase c;
  c.mac.seed = seed;
  c.shape.batch = static_cast<uint32_t>(rng.between(1, 3));
  c.shape.in_c = static_cast<uint32_t>(rng.between(1, 20));
  // 1..4 mostly; now and then more than a 4- or 5-column array holds.
  c.shape.depth_multiplier = static_cast<uint32_t>(rng.percent(85) ? rng.between(1, 4) : rng.between(5, 9));
  c.shape.window = random_window(rng, c.padding);
  c.mac.array = random_array(rng);
  c.mac.quant = random_output_quant(rng);
  c.mac.reduction = c.shape.window.kernel_h * c.shape.window.kernel_w;
  c.mac.input = random_tensor(rng, depthwise_input_size(c.shape));
  c.mac.weights = random_tensor(rng, depthwise_filter_size(c.shape));
  fill_mac_quantization(rng, c.mac, c.shape.out_c());
  return c;
}

FullyConnectedCase make_fully_connected_case(uint32_t seed) {
  Random rng(seed);
  FullyConnectedCase c;
  c.mac.seed = seed;
  // Batch 1..3 mostly; now and then more rows than a 16-row array holds.
  c.shape.batch = static_cast<uint32_t>(rng.percent(85) ? rng.between(1, 3) : rng.between(4, 20));
  c.shape.in_features = static_cast<uint32_t>(rng.percent(50) ? rng.between(1, 32) : rng.between(33, 300));
  c.shape.out_features = static_cast<uint32_t>(rng.between(1, 40));
  c.mac.array = random_array(rng);
  c.mac.quant = random_output_quant(rng);
  c.mac.reduction = c.shape.in_features;
  c.mac.input = random_tensor(rng, size_t{c.shape.batch} * c.shape.in_features);
  c.mac.weights = random_tensor(rng, size_t{c.shape.out_features} * c.shape.in_features);
  fill_mac_quantization(rng, c.mac, c.shape.out_features);
  return c;
}

AddCase make_add_case(uint32_t seed) {
  Random rng(seed);
  AddCase c;
  c.seed = seed;
  c.array = random_array(rng);
  AddParams& p = c.params;
  p.input1_offset = random_input_offset(rng);
  p.input2_offset = random_input_offset(rng);
  p.left_shift = rng.percent(85) ? 20 : static_cast<int32_t>(rng.between(0, 22));
  p.output_offset = random_output_offset(rng);
  random_activation(rng, p.output_offset, p.act_min, p.act_max);
  if (rng.percent(70)) {
    // TFLite-like scales: inputs scaled by at most 1/2, the sum brought back
    // from (left_shift + input shift) bits of headroom to int8.
    const auto input_shift = static_cast<int32_t>(rng.between(-6, 0));
    p.input1 = {normalized_multiplier(rng), input_shift};
    p.input2 = {normalized_multiplier(rng),
                static_cast<int32_t>(std::min<int64_t>(0, input_shift + rng.between(-2, 2)))};
    p.output = {normalized_multiplier(rng),
                clamp_shift(std::min<int64_t>(0, -(p.left_shift + input_shift) + rng.between(-2, 2)))};
  } else {
    // Anything in range: the special multipliers and every shift <= 0.
    auto any_scale = [&rng] {
      Requant r = random_requant(rng);
      r.shift = static_cast<int32_t>(rng.between(-31, 0));
      return r;
    };
    p.input1 = any_scale();
    p.input2 = any_scale();
    p.output = any_scale();
  }
  // Now and then more elements than one pass of a wide add unit takes.
  const auto count = static_cast<size_t>(rng.percent(90) ? rng.between(1, 300) : rng.between(301, 3000));
  c.input1 = random_tensor(rng, count);
  c.input2 = random_tensor(rng, count);
  return c;
}

accel::model::MatmulJob MatmulCase::job() const {
  accel::model::MatmulJob j;
  j.m = m;
  j.n = n;
  j.k = k;
  j.a = a;
  j.w = w;
  j.bias = bias;
  j.requant = requant;
  j.output_offset = output_offset;
  j.act_min = act_min;
  j.act_max = act_max;
  return j;
}

MatmulCase make_matmul_case(uint32_t seed) {
  Random rng(seed);
  MatmulCase c;
  c.seed = seed;
  c.array = random_array(rng);
  c.m = static_cast<uint32_t>(rng.between(1, c.array.rows));
  c.n = static_cast<uint32_t>(rng.between(1, c.array.cols));
  c.k = static_cast<uint32_t>(rng.percent(80) ? rng.between(1, 64) : rng.between(65, 700));
  c.output_offset = random_output_offset(rng);
  random_activation(rng, c.output_offset, c.act_min, c.act_max);
  c.a = random_tensor(rng, size_t{c.m} * c.k);
  c.w = random_tensor(rng, size_t{c.n} * c.k);
  const double magnitude = typical_magnitude(c.k, 0);
  c.bias = random_bias(rng, c.n, magnitude, false);
  c.requant = random_requants(rng, c.n, magnitude);
  return c;
}

std::string describe(const ConvCase& c) {
  std::ostringstream os;
  os << "conv2d seed=" << c.mac.seed << " batch=" << c.shape.batch << " in_c=" << c.shape.in_c
     << " out_c=" << c.shape.out_c;
  describe_window(os, c.shape.window, c.padding);
  describe_mac(os, c.mac);
  return os.str();
}

std::string describe(const DepthwiseCase& c) {
  std::ostringstream os;
  os << "depthwise_conv2d seed=" << c.mac.seed << " batch=" << c.shape.batch << " in_c=" << c.shape.in_c
     << " depth_multiplier=" << c.shape.depth_multiplier;
  describe_window(os, c.shape.window, c.padding);
  describe_mac(os, c.mac);
  return os.str();
}

std::string describe(const FullyConnectedCase& c) {
  std::ostringstream os;
  os << "fully_connected seed=" << c.mac.seed << " batch=" << c.shape.batch << " in_features=" << c.shape.in_features
     << " out_features=" << c.shape.out_features;
  describe_mac(os, c.mac);
  return os.str();
}

std::string describe(const AddCase& c) {
  const AddParams& p = c.params;
  std::ostringstream os;
  os << "add seed=" << c.seed << " count=" << c.input1.size() << " array=" << c.array.rows << "x" << c.array.cols
     << "\n  input1_offset=" << p.input1_offset << " input2_offset=" << p.input2_offset
     << " left_shift=" << p.left_shift << " input1=(" << p.input1.multiplier << ", " << p.input1.shift << ") input2=("
     << p.input2.multiplier << ", " << p.input2.shift << ") output=(" << p.output.multiplier << ", " << p.output.shift
     << ") output_offset=" << p.output_offset << " act=[" << p.act_min << ", " << p.act_max << "]";
  return os.str();
}

std::string describe(const MatmulCase& c) {
  std::ostringstream os;
  os << "matmul pass seed=" << c.seed << " array=" << c.array.rows << "x" << c.array.cols << " m=" << c.m
     << " n=" << c.n << " k=" << c.k << " output_offset=" << c.output_offset << " act=[" << c.act_min << ", "
     << c.act_max << "]";
  describe_bias(os, c.bias);
  describe_requant(os, c.requant);
  return os.str();
}

}  // namespace naive::cases
