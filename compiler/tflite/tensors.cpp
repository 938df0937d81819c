#include "compiler/tflite/tensors.hpp"

#include "compiler/tflite/error.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>

namespace compiler::tflite {
namespace {

std::optional<graph::DataType> data_type(schema::TensorType type)
{
  using schema::TensorType;
  switch (type) {
  case TensorType::FLOAT32: return graph::DataType::Float32;
  case TensorType::INT8: return graph::DataType::Int8;
  case TensorType::INT16: return graph::DataType::Int16;
  case TensorType::INT32: return graph::DataType::Int32;
  case TensorType::INT64: return graph::DataType::Int64;
  case TensorType::UINT8: return graph::DataType::UInt8;
  case TensorType::BOOL: return graph::DataType::Bool;
  default: return std::nullopt;
  }
}

graph::Quantization read_quantization(const schema::QuantizationParameters& q,
                                      const std::string& where)
{
  if (q.details())
    throw ReadError(where + ": custom quantization is not supported (scale and zero point only)");
  graph::Quantization quant;
  if (q.scale())
    quant.scales.assign(q.scale()->begin(), q.scale()->end());
  if (q.zero_point())
    quant.zero_points.assign(q.zero_point()->begin(), q.zero_point()->end());
  quant.axis = q.quantized_dimension();
  return quant;
}

// A tensor's constant contents; empty for buffer 0, TFLite's "no data".
std::vector<std::uint8_t> read_data(std::uint32_t buffer_index, const schema::Model& model,
                                    const std::string& where)
{
  const std::size_t n_buffers = model.buffers() ? model.buffers()->size() : 0;
  if (buffer_index == 0 && n_buffers == 0)
    return {};
  if (buffer_index >= n_buffers)
    throw ReadError(fmt::format("{}: refers to buffer {}, but the model has {} buffers", where,
                                buffer_index, n_buffers));
  const schema::Buffer& buffer = *model.buffers()->Get(buffer_index);
  // offset > 1 marks data stored after the flatbuffer (models over 2 GB).
  if (buffer.offset() > 1)
    throw ReadError(where + ": its data is stored outside the flatbuffer (models over 2 GB), "
                            "which is not supported");
  if (!buffer.data())
    return {};
  return {buffer.data()->begin(), buffer.data()->end()};
}

} // namespace

graph::Tensor read_tensor(const schema::Tensor& tensor, int index, const schema::Model& model,
                          std::string_view source)
{
  graph::Tensor t;
  if (tensor.name())
    t.name = tensor.name()->str();
  const std::string where = fmt::format("{}: tensor {} '{}'", source, index, t.name);

  const std::optional<graph::DataType> type = data_type(tensor.type());
  if (!type) {
    const std::string name = schema::EnumNameTensorType(tensor.type());
    throw ReadError(fmt::format("{}: type {} is not supported", where,
                                name.empty() ? std::to_string(static_cast<int>(tensor.type())) : name));
  }
  t.type = *type;
  if (tensor.sparsity())
    throw ReadError(where + ": sparse tensors are not supported");
  if (tensor.shape())
    t.shape.assign(tensor.shape()->begin(), tensor.shape()->end());
  if (tensor.quantization())
    t.quant = read_quantization(*tensor.quantization(), where);
  t.data = read_data(tensor.buffer(), model, where);
  return t;
}

} // namespace compiler::tflite
