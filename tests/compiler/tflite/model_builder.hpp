// Builds small .tflite models in memory for the reader's tests, with the
// flatbuffer builder API flatc generates from compiler/tflite/schema.fbs.
#pragma once

#include "compiler/tflite/schema.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace tflite_test {

namespace schema = compiler::tflite::schema;

struct QuantSpec {
  std::vector<float> scales;
  std::vector<std::int64_t> zero_points;
  int axis = 0;
};

// Little-endian bytes of a constant (the host is little-endian, as .tflite).
template <class T>
std::vector<std::uint8_t> bytes_of(const std::vector<T>& values)
{
  std::vector<std::uint8_t> bytes(values.size() * sizeof(T));
  if (!bytes.empty())
    std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

class ModelBuilder {
public:
  ModelBuilder();

  // For building options tables before passing them to op().
  flatbuffers::FlatBufferBuilder& fbb() { return fbb_; }

  // Adds a tensor (with its own buffer when `data` is not empty); returns
  // its index.
  int tensor(const std::string& name, schema::TensorType type, const std::vector<int>& shape,
             const QuantSpec& quant = {}, const std::vector<std::uint8_t>& data = {});

  // Adds an operator with its own operator code (deprecated_builtin_code
  // saturated at 127, as TFLite's converter writes it).
  void op(schema::BuiltinOperator code, const std::vector<int>& inputs, const std::vector<int>& outputs,
          schema::BuiltinOptions options_type = schema::BuiltinOptions::NONE,
          flatbuffers::Offset<void> options = 0, const std::string& custom_code = "");

  void inputs(const std::vector<int>& indices) { inputs_ = indices; }
  void outputs(const std::vector<int>& indices) { outputs_ = indices; }

  // The finished file; `subgraphs` copies of the one subgraph.
  std::vector<std::uint8_t> finish(int subgraphs = 1);

private:
  flatbuffers::FlatBufferBuilder fbb_;
  std::vector<flatbuffers::Offset<schema::Tensor>> tensors_;
  std::vector<flatbuffers::Offset<schema::Buffer>> buffers_;
  std::vector<flatbuffers::Offset<schema::OperatorCode>> codes_;
  std::vector<flatbuffers::Offset<schema::Operator>> ops_;
  std::vector<int> inputs_, outputs_;
};

// A valid int8 model: CONV_2D 3x3 SAME RELU6 (per-channel filter, int32
// bias) on [1,4,4,2] -> [1,4,4,3], then MAX_POOL_2D 2x2/2 -> [1,2,2,3].
std::vector<std::uint8_t> small_int8_model();

} // namespace tflite_test
