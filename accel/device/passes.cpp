#include "accel/device/passes.hpp"

#include <algorithm>
#include <vector>

#include "accel/model/lowering.hpp"

namespace accel::device {

StepWork BandPasses::run(const ChannelGroup& g, const Gather& gather) const {
  const model::ArrayShape array = engine.shape();
  const std::vector<int32_t> bias = params.biases(weight_half, has_bias, g.first, g.n);
  const std::vector<model::Requant> requant = params.requants(weight_half, g.first, g.n);
  std::vector<int32_t> folded(g.n);
  model::fold_bias(g.weights, g.n, g.k, bias, quant.input_offset, folded);
  std::vector<int8_t> a(size_t{array.rows} * g.k), result(size_t{array.rows} * g.n);
  StepWork work;
  for (uint32_t p = 0; p < pixels; p += array.rows) {
    const uint32_t m = std::min(array.rows, pixels - p);
    gather(first_pixel + p, m, a);
    const model::MatmulJob job{.m = m, .n = g.n, .k = g.k, .a = a, .w = g.weights, .bias = folded,
                               .requant = requant, .output_offset = quant.output_offset,
                               .act_min = quant.act_min, .act_max = quant.act_max};
    const engine::PassCycles cycles = engine.matmul(job, result);
    for (uint32_t i = 0; i < m; ++i)
      for (uint32_t j = 0; j < g.n; ++j) out[size_t{p + i} * params.channels + g.first + j] = result[size_t{i} * g.n + j];
    work += {.cycles = cycles.total, .mac_active = cycles.mac_active, .macs = uint64_t{m} * g.n * g.k};
  }
  return work;
}

}  // namespace accel::device
