// The compiler's network representation: tensors and operators in execution
// order, as a TFLite subgraph holds them. Every front end (the TFLite reader,
// the network YAML) produces one; the memory planner, the code generator and
// the host reference consume it.
//
// Conventions (TFLite's):
//   activations      NHWC
//   CONV_2D          filter OHWI [out_c][kernel_h][kernel_w][in_c]
//   DEPTHWISE        filter [1][kernel_h][kernel_w][in_c * depth_multiplier]
//   FULLY_CONNECTED  weights [out_features][in_features]
//   bias             int32 for int8 operators, float32 for float32 ones
// An operator's optional input that is absent (a convolution without bias)
// is kNoTensor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace compiler::graph {

enum class DataType { Float32, Int8, Int16, Int32, Int64, UInt8, Bool };

// Bytes per element.
std::size_t size_of(DataType type);
std::string_view name_of(DataType type); // "int8", "float32", ...

// Affine quantization: real = scale * (q - zero_point). One scale/zero point
// for the whole tensor, or one per slice along `axis` (per-channel weights).
struct Quantization {
  std::vector<float> scales;
  std::vector<std::int64_t> zero_points;
  int axis = 0;

  bool empty() const { return scales.empty(); }
  bool per_channel() const { return scales.size() > 1; }
};

struct Tensor {
  std::string name;
  DataType type = DataType::Float32;
  std::vector<int> shape;
  Quantization quant;
  // Constant contents (weights, biases, shape operands) in little-endian
  // element order; empty for activations.
  std::vector<std::uint8_t> data;

  bool is_constant() const { return !data.empty(); }
  std::size_t elements() const;
  std::size_t bytes() const { return elements() * size_of(type); }
};

inline constexpr int kNoTensor = -1;

enum class OpKind {
  Conv2D,
  DepthwiseConv2D,
  FullyConnected,
  AveragePool2D,
  MaxPool2D,
  Add,
  Concatenation,
  Reshape,
  Softmax,
  Quantize,
  Dequantize,
};

// TFLite's builtin operator name ("CONV_2D", ...).
std::string_view name_of(OpKind kind);

enum class Padding { Same, Valid };
enum class Activation { None, Relu, Relu6, ReluN1To1 };

struct ConvParams {
  int stride_h = 1, stride_w = 1;
  int dilation_h = 1, dilation_w = 1;
  Padding padding = Padding::Valid;
  Activation activation = Activation::None;
};

struct DepthwiseParams {
  int stride_h = 1, stride_w = 1;
  int dilation_h = 1, dilation_w = 1;
  int depth_multiplier = 1;
  Padding padding = Padding::Valid;
  Activation activation = Activation::None;
};

struct PoolParams {
  int stride_h = 1, stride_w = 1;
  int filter_h = 1, filter_w = 1;
  Padding padding = Padding::Valid;
  Activation activation = Activation::None;
};

struct FullyConnectedParams {
  Activation activation = Activation::None;
  bool keep_num_dims = false;
};

struct AddParams {
  Activation activation = Activation::None;
};

struct SoftmaxParams {
  float beta = 1.0f;
};

// Joins its inputs along `axis` (negative counts from the last dimension).
struct ConcatParams {
  int axis = -1;
  Activation activation = Activation::None;
};

// Reshape, Quantize and Dequantize carry no parameters (the output tensor's
// shape and quantization say everything).
using OpParams = std::variant<std::monostate, ConvParams, DepthwiseParams, PoolParams,
                              FullyConnectedParams, AddParams, SoftmaxParams, ConcatParams>;

struct Operator {
  OpKind kind;
  std::vector<int> inputs;  // tensor indices; kNoTensor for an absent optional input
  std::vector<int> outputs; // tensor indices
  OpParams params;
  int source_index = 0;     // the operator's index in its source (TFLite, YAML), for messages
};

// An early exit (network YAML `exits:`): a side branch whose class scores
// may end the inference before the rest of the network runs. Its rule reads
// the scores as probabilities (an int8 softmax output, dequantized):
//   MaxSoftmax  taken when the largest probability >= threshold
//   Margin      taken when top1 - top2 >= threshold
//   Entropy     taken when -sum p ln p <= threshold (nats)
// compiler/quant/exit_units.hpp gives the exact integer form both the
// firmware and the host reference decide in.
enum class ExitRule { MaxSoftmax, Margin, Entropy };

struct Exit {
  int tensor = kNoTensor;  // the scores, shaped as the final output
  ExitRule rule = ExitRule::MaxSoftmax;
  double threshold = 0.0;
  int last_op = -1;        // the last operator (index into ops) the exit needs: decide after it
};
std::string_view name_of(ExitRule rule); // "max_softmax", "margin", "entropy": as network YAML spells them

struct Graph {
  std::string name;
  std::vector<Tensor> tensors;
  std::vector<Operator> ops; // in execution order
  std::vector<int> inputs;   // tensor indices of the network's inputs
  std::vector<int> outputs;  // and of its outputs
  // The early exits in the order they are decided (by last_op, ascending;
  // each exit's operators run before the backbone continues past it). The
  // final output (the single entry of outputs) is the last exit, always
  // taken: a network with exits has exits.size() + 1 of them, numbered from 1.
  std::vector<Exit> exits;
};

// The output size and leading padding of one spatial dimension, as TFLite
// computes them (SAME: ceil(in / stride); VALID: ceil((in - eff + 1) / stride)).
struct PaddedDim {
  int out = 0;
  int pad_before = 0;
};
PaddedDim pad_dim(Padding padding, int in, int kernel, int stride, int dilation);

} // namespace compiler::graph
