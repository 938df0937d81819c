// Seeded random operands for the differential tests: one case per seed, so a
// failing case is reproduced from the seed the test prints. Shapes stay small
// (odd sizes, 1..13 pixels, 1..20 channels) and the quantization parameters
// lean on the extremes (zero points at the ends of their ranges, multipliers
// 2^30, INT32_MAX and tiny ones, shifts -31..30, narrow clamps).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "accel/model/array.hpp"
#include "accel/model/layers.hpp"

namespace naive::cases {

using accel::model::AddParams;
using accel::model::ArrayShape;
using accel::model::Conv2dShape;
using accel::model::DepthwiseShape;
using accel::model::FullyConnectedShape;
using accel::model::MacOperands;
using accel::model::OutputQuant;
using accel::model::Requant;

// std::mt19937 with draws of our own: the standard distributions differ
// between standard libraries, the engine's sequence does not.
class Random {
 public:
  explicit Random(uint32_t seed) : engine_(seed) {}
  // Uniform in [lo, hi]; hi - lo < 2^32.
  int64_t between(int64_t lo, int64_t hi);
  // True with probability percent / 100.
  bool percent(uint32_t percent) { return between(0, 99) < percent; }
  template <typename T>
  T pick(std::initializer_list<T> choices) {
    return choices.begin()[between(0, static_cast<int64_t>(choices.size()) - 1)];
  }

 private:
  std::mt19937 engine_;
};

// The operands of a MAC operation besides its shape.
struct MacCase {
  uint32_t seed = 0;
  ArrayShape array;
  OutputQuant quant;
  std::vector<int8_t> input, weights;
  std::vector<int32_t> bias;  // empty: no bias
  std::vector<Requant> requant;
  uint32_t reduction = 1;  // k of one output: the sum's length

  MacOperands operands(std::span<int8_t> output) const { return {input, weights, bias, requant, output}; }
};

struct ConvCase {
  Conv2dShape shape;
  const char* padding = "";  // how the window's padding was chosen: same, valid or explicit
  MacCase mac;
};
struct DepthwiseCase {
  DepthwiseShape shape;
  const char* padding = "";
  MacCase mac;
};
struct FullyConnectedCase {
  FullyConnectedShape shape;
  MacCase mac;
};
struct AddCase {
  uint32_t seed = 0;
  ArrayShape array;
  AddParams params;
  std::vector<int8_t> input1, input2;
};
// One array pass and its operands (job() points into the vectors).
struct MatmulCase {
  uint32_t seed = 0;
  ArrayShape array;
  uint32_t m = 0, n = 0, k = 0;
  int32_t output_offset = 0, act_min = -128, act_max = 127;
  std::vector<int8_t> a, w;
  std::vector<int32_t> bias;
  std::vector<Requant> requant;

  accel::model::MatmulJob job() const;
};

ConvCase make_conv_case(uint32_t seed);
DepthwiseCase make_depthwise_case(uint32_t seed);
FullyConnectedCase make_fully_connected_case(uint32_t seed);
AddCase make_add_case(uint32_t seed);
MatmulCase make_matmul_case(uint32_t seed);

// Scalar operands for the requantization primitives: int32 values that hit
// the edges (0, +-1, INT32_MIN/MAX, powers of two and their neighbours) half
// of the time, and every valid multiplier / shift kind.
int32_t random_int32_with_edges(Random& rng);
Requant random_requant(Random& rng);

// Every parameter of a case, for a failure message.
std::string describe(const ConvCase& c);
std::string describe(const DepthwiseCase& c);
std::string describe(const FullyConnectedCase& c);
std::string describe(const AddCase& c);
std::string describe(const MatmulCase& c);

}  // namespace naive::cases
