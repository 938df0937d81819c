#include "compiler/reference/hybrid.hpp"

#include "compiler/reference/tensor_data.hpp"

#include <stdexcept>
#include <string>

namespace compiler::reference {

std::vector<float> dequantize_filter(const graph::Tensor& filter)
{
  if (filter.type != graph::DataType::Int8 || !filter.is_constant() || filter.quant.empty())
    throw std::invalid_argument("filter '" + filter.name + "' is not a quantized int8 constant");
  const std::vector<std::int8_t> q = from_bytes<std::int8_t>(filter.data);
  if (q.size() != filter.elements())
    throw std::invalid_argument("filter '" + filter.name + "' holds the wrong number of bytes");

  const graph::Quantization& quant = filter.quant;
  // Elements of one channel repeat every `inner` elements along the axis.
  std::size_t channels = 1;
  std::size_t inner = 1;
  if (quant.per_channel()) {
    const int rank = static_cast<int>(filter.shape.size());
    const int axis = quant.axis < 0 ? quant.axis + rank : quant.axis;
    if (axis < 0 || axis >= rank || static_cast<std::size_t>(filter.shape[static_cast<std::size_t>(axis)]) !=
                                         quant.scales.size())
      throw std::invalid_argument("filter '" + filter.name + "': " + std::to_string(quant.scales.size()) +
                                  " scales do not match quantization axis " + std::to_string(quant.axis));
    channels = quant.scales.size();
    for (int d = axis + 1; d < rank; ++d)
      inner *= static_cast<std::size_t>(filter.shape[static_cast<std::size_t>(d)]);
  }
  std::vector<float> values(q.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    const std::size_t c = (i / inner) % channels;
    const std::int64_t zero_point =
        quant.zero_points.empty() ? 0 : quant.zero_points[quant.zero_points.size() == 1 ? 0 : c];
    values[i] = static_cast<float>(q[i] - zero_point) * quant.scales[c];
  }
  return values;
}

} // namespace compiler::reference
