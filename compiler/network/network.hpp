// The network YAML front end: a user's own network description (layers,
// shapes, quantization, a seed for deterministic weights; the format is in
// workloads/networks/README.md) read into the compiler's graph::Graph, as the
// TFLite reader reads a .tflite file.
#pragma once

#include <string>

#include "compiler/graph/graph.hpp"
#include "compiler/network/network_error.hpp"

namespace compiler::network {

// Throws NetworkError naming the file, line and key of the first problem.
graph::Graph read_file(const std::string& path);
// `source_name` stands for the file name in messages.
graph::Graph read_string(const std::string& text, const std::string& source_name);

}  // namespace compiler::network
