#include "compiler/reference/tool/inference_bytes.hpp"

#include <stdexcept>
#include <string>

namespace compiler::reference::tool {

std::size_t inference_bytes(const graph::Graph& graph, std::span<const int> tensors)
{
  std::size_t total = 0;
  for (int index : tensors)
    total += graph.tensors.at(static_cast<std::size_t>(index)).bytes();
  return total;
}

std::vector<Inference> split_inferences(const graph::Graph& graph, std::span<const int> tensors,
                                        std::span<const std::uint8_t> bytes)
{
  const std::size_t per_inference = inference_bytes(graph, tensors);
  if (per_inference == 0 || bytes.empty() || bytes.size() % per_inference != 0)
    throw std::invalid_argument(std::to_string(bytes.size()) + " bytes are not a whole number of inferences of " +
                                std::to_string(per_inference) + " bytes");
  std::vector<Inference> inferences;
  std::size_t offset = 0;
  while (offset < bytes.size()) {
    Inference inference;
    for (int index : tensors) {
      const std::size_t size = graph.tensors[static_cast<std::size_t>(index)].bytes();
      const auto first = bytes.begin() + static_cast<std::ptrdiff_t>(offset);
      inference.emplace_back(first, first + static_cast<std::ptrdiff_t>(size));
      offset += size;
    }
    inferences.push_back(std::move(inference));
  }
  return inferences;
}

void append_inference(const Inference& inference, Bytes& out)
{
  for (const Bytes& tensor : inference)
    out.insert(out.end(), tensor.begin(), tensor.end());
}

} // namespace compiler::reference::tool
