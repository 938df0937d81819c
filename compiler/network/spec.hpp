// A network description as written in its YAML, checked for form (keys,
// types, ranges) but not yet for shapes: parse.cpp fills it, build.cpp turns
// it into a graph::Graph. Each part keeps where its keys were, so the
// builder's shape errors name the file, line and key too.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/graph/graph.hpp"
#include "compiler/network/fields.hpp"

namespace compiler::network {

// An int8 tensor's affine quantization, as the user wrote it.
struct QuantizationSpec {
  float scale = 1.0f;
  std::int64_t zero_point = 0;
};

struct InputSpec {
  std::string name;
  graph::DataType type = graph::DataType::Int8;
  std::vector<int> shape;
  std::optional<QuantizationSpec> quantization;  // int8 inputs
  // The real values the input is expected to take (int8: what its scale and
  // zero point can represent); the activation estimates start from it.
  double low = -1.0;
  double high = 1.0;
  std::map<std::string, Where> where;
};

struct LayerSpec {
  std::string name;
  graph::OpKind op = graph::OpKind::Conv2D;
  std::vector<std::string> inputs;  // empty: the previous layer
  int channels = 0;                 // conv2d: filters; fully_connected: units
  HeightWidth kernel;               // conv2d, depthwise_conv2d
  bool bias = true;                 // conv2d, depthwise_conv2d, fully_connected
  std::vector<int> shape;           // reshape; may hold one -1
  // Strides, padding, activation, axis, ... exactly as the graph carries them.
  graph::OpParams params;
  std::optional<QuantizationSpec> output;  // an int8 output's quantization, overriding the rule
  Where at;                                // the layer's map
  std::map<std::string, Where> where;      // each key's value

  // Where the key's value is; for an absent key, the layer's map.
  Where where_of(const std::string& key) const
  {
    const auto found = where.find(key);
    if (found != where.end())
      return found->second;
    Where w = at;
    w.path += "." + key;
    return w;
  }
};

// One early exit as written: the layer whose output are its scores, its rule
// and threshold (graph.hpp says what each rule means).
struct ExitSpec {
  std::string at;
  graph::ExitRule rule = graph::ExitRule::MaxSoftmax;
  double threshold = 0.0;
  Where where_at;         // the `at` value
  Where where_threshold;  // the `threshold` value
};

struct NetworkSpec {
  std::string name;
  graph::DataType type = graph::DataType::Int8;  // the activations' type
  std::uint64_t seed = 0;
  InputSpec input;
  std::vector<LayerSpec> layers;
  std::vector<std::string> outputs;  // empty: the last layer
  Where outputs_at;
  std::vector<ExitSpec> exits;       // the early exits; the final output is the last, implied
};

}  // namespace compiler::network
