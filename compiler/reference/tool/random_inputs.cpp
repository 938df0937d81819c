#include "compiler/reference/tool/random_inputs.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace compiler::reference::tool {

namespace {

Bytes random_bytes(std::size_t count, std::mt19937_64& rng)
{
  Bytes bytes(count);
  for (std::uint8_t& b : bytes)
    b = static_cast<std::uint8_t>(rng() & 0xffu);
  return bytes;
}

Bytes random_floats(std::size_t count, std::mt19937_64& rng)
{
  std::vector<float> values(count);
  for (float& v : values)
    v = static_cast<float>(rng() >> 40) * 0x1.0p-23f - 1.0f; // [0, 2^24) / 2^23 - 1
  return to_bytes(values);
}

} // namespace

Inference random_inputs(const graph::Graph& graph, std::mt19937_64& rng)
{
  Inference inference;
  for (int index : graph.inputs) {
    const graph::Tensor& t = graph.tensors.at(static_cast<std::size_t>(index));
    switch (t.type) {
    case graph::DataType::Int8:
    case graph::DataType::UInt8:
      inference.push_back(random_bytes(t.elements(), rng));
      break;
    case graph::DataType::Float32:
      inference.push_back(random_floats(t.elements(), rng));
      break;
    default:
      throw std::invalid_argument("input '" + t.name + "' is " + std::string(graph::name_of(t.type)) +
                                  ": random inputs are made for int8, uint8 and float32 only");
    }
  }
  return inference;
}

} // namespace compiler::reference::tool
