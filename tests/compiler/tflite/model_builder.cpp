#include "model_builder.hpp"

#include <algorithm>

namespace tflite_test {

ModelBuilder::ModelBuilder()
{
  // Buffer 0 is TFLite's empty sentinel that activations point to.
  buffers_.push_back(schema::CreateBuffer(fbb_));
}

int ModelBuilder::tensor(const std::string& name, schema::TensorType type, const std::vector<int>& shape,
                         const QuantSpec& quant, const std::vector<std::uint8_t>& data)
{
  std::uint32_t buffer = 0;
  if (!data.empty()) {
    buffer = static_cast<std::uint32_t>(buffers_.size());
    buffers_.push_back(schema::CreateBufferDirect(fbb_, &data));
  }
  flatbuffers::Offset<schema::QuantizationParameters> q = 0;
  if (!quant.scales.empty())
    q = schema::CreateQuantizationParametersDirect(fbb_, nullptr, nullptr, &quant.scales,
                                                   &quant.zero_points, schema::QuantizationDetails::NONE,
                                                   0, quant.axis);
  tensors_.push_back(schema::CreateTensorDirect(fbb_, &shape, type, buffer, name.c_str(), q));
  return static_cast<int>(tensors_.size() - 1);
}

void ModelBuilder::op(schema::BuiltinOperator code, const std::vector<int>& inputs,
                      const std::vector<int>& outputs, schema::BuiltinOptions options_type,
                      flatbuffers::Offset<void> options, const std::string& custom_code)
{
  const auto value = static_cast<std::int32_t>(code);
  codes_.push_back(schema::CreateOperatorCodeDirect(
    fbb_, static_cast<std::int8_t>(std::min(value, 127)),
    custom_code.empty() ? nullptr : custom_code.c_str(), 1, code));
  ops_.push_back(schema::CreateOperatorDirect(fbb_, static_cast<std::uint32_t>(codes_.size() - 1),
                                              &inputs, &outputs, options_type, options));
}

std::vector<std::uint8_t> ModelBuilder::finish(int subgraphs)
{
  const auto subgraph = schema::CreateSubGraphDirect(fbb_, &tensors_, &inputs_, &outputs_, &ops_, "main");
  const std::vector<flatbuffers::Offset<schema::SubGraph>> all(static_cast<std::size_t>(subgraphs), subgraph);
  const auto model = schema::CreateModelDirect(fbb_, 3, &codes_, &all, "edgesim test model", &buffers_);
  schema::FinishModelBuffer(fbb_, model);
  return {fbb_.GetBufferPointer(), fbb_.GetBufferPointer() + fbb_.GetSize()};
}

std::vector<std::uint8_t> small_int8_model()
{
  using schema::TensorType;
  ModelBuilder m;
  const int in = m.tensor("input", TensorType::INT8, {1, 4, 4, 2}, {{0.5f}, {-3}});
  std::vector<std::int8_t> filter(3 * 3 * 3 * 2);
  for (std::size_t i = 0; i < filter.size(); ++i)
    filter[i] = static_cast<std::int8_t>(static_cast<int>(i) - 27);
  const int w = m.tensor("filter", TensorType::INT8, {3, 3, 3, 2},
                         {{0.25f, 0.125f, 0.0625f}, {0, 0, 0}, 0}, bytes_of(filter));
  const int b = m.tensor("bias", TensorType::INT32, {3}, {{0.125f, 0.0625f, 0.03125f}, {0, 0, 0}},
                         bytes_of(std::vector<std::int32_t>{100, -200, 300}));
  const int conv = m.tensor("conv", TensorType::INT8, {1, 4, 4, 3}, {{0.75f}, {-128}});
  const int pool = m.tensor("pool", TensorType::INT8, {1, 2, 2, 3}, {{0.75f}, {-128}});
  const auto conv_options = schema::CreateConv2DOptions(m.fbb(), schema::Padding::SAME, 1, 1,
                                                        schema::ActivationFunctionType::RELU6);
  m.op(schema::BuiltinOperator::CONV_2D, {in, w, b}, {conv}, schema::BuiltinOptions::Conv2DOptions,
       conv_options.Union());
  const auto pool_options =
    schema::CreatePool2DOptions(m.fbb(), schema::Padding::VALID, 2, 2, 2, 2);
  m.op(schema::BuiltinOperator::MAX_POOL_2D, {conv}, {pool}, schema::BuiltinOptions::Pool2DOptions,
       pool_options.Union());
  m.inputs({in});
  m.outputs({pool});
  return m.finish();
}

} // namespace tflite_test
