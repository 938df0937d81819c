#include "compiler/graph/graph.hpp"

#include <algorithm>
#include <stdexcept>

namespace compiler::graph {

std::size_t size_of(DataType type)
{
  switch (type) {
  case DataType::Float32: return 4;
  case DataType::Int8: return 1;
  case DataType::Int16: return 2;
  case DataType::Int32: return 4;
  case DataType::Int64: return 8;
  case DataType::UInt8: return 1;
  case DataType::Bool: return 1;
  }
  throw std::logic_error("size_of: unknown DataType");
}

std::string_view name_of(DataType type)
{
  switch (type) {
  case DataType::Float32: return "float32";
  case DataType::Int8: return "int8";
  case DataType::Int16: return "int16";
  case DataType::Int32: return "int32";
  case DataType::Int64: return "int64";
  case DataType::UInt8: return "uint8";
  case DataType::Bool: return "bool";
  }
  return "?";
}

std::string_view name_of(OpKind kind)
{
  switch (kind) {
  case OpKind::Conv2D: return "CONV_2D";
  case OpKind::DepthwiseConv2D: return "DEPTHWISE_CONV_2D";
  case OpKind::FullyConnected: return "FULLY_CONNECTED";
  case OpKind::AveragePool2D: return "AVERAGE_POOL_2D";
  case OpKind::MaxPool2D: return "MAX_POOL_2D";
  case OpKind::Add: return "ADD";
  case OpKind::Concatenation: return "CONCATENATION";
  case OpKind::Reshape: return "RESHAPE";
  case OpKind::Softmax: return "SOFTMAX";
  case OpKind::Quantize: return "QUANTIZE";
  case OpKind::Dequantize: return "DEQUANTIZE";
  }
  return "?";
}

std::string_view name_of(ExitRule rule)
{
  switch (rule) {
  case ExitRule::MaxSoftmax: return "max_softmax";
  case ExitRule::Margin: return "margin";
  case ExitRule::Entropy: return "entropy";
  }
  return "?";
}

std::size_t Tensor::elements() const
{
  std::size_t n = 1;
  for (int d : shape)
    n *= static_cast<std::size_t>(d);
  return n;
}

PaddedDim pad_dim(Padding padding, int in, int kernel, int stride, int dilation)
{
  const int effective = (kernel - 1) * dilation + 1;
  PaddedDim d;
  if (padding == Padding::Same) {
    d.out = (in + stride - 1) / stride;
    const int total = std::max(0, (d.out - 1) * stride + effective - in);
    d.pad_before = total / 2;
  } else {
    d.out = (in - effective + stride) / stride;
    d.pad_before = 0;
  }
  return d;
}

} // namespace compiler::graph
