// Reads a TFLite model (.tflite flatbuffer) into the compiler's graph.
//
// Supported: one subgraph of CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED,
// AVERAGE_POOL_2D, MAX_POOL_2D, ADD, CONCATENATION, RESHAPE, SOFTMAX,
// QUANTIZE and DEQUANTIZE with int8 or float32 activations (int32 biases
// for int8 operators; int8 weights under float32 activations, TFLite's
// "hybrid" operators, are accepted). Fused activations NONE, RELU, RELU6 and
// RELU_N1_TO_1. The result has passed graph::check().
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/tflite/error.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace compiler::tflite {

// The graph is named after the file's stem ("kws_ref_model"). Throws
// ReadError naming the file for every problem, including graph::check()'s.
graph::Graph read_file(const std::filesystem::path& path);

// The same for a model in memory; `name` names it in messages and becomes
// the graph's name.
graph::Graph read_bytes(std::span<const std::uint8_t> bytes, std::string_view name);

} // namespace compiler::tflite
