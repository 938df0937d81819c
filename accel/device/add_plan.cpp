// ADD onto the add unit (see plans.hpp): chunks of elements, both inputs in
// one half of the input buffer, the sums in one half of the output buffer.
#include <fmt/format.h>

#include "accel/device/plans.hpp"

namespace accel::device {

std::vector<Step> plan_add(const AddCommand& c, PlanContext& ctx) {
  LocalBuffers& buf = ctx.buffers;
  const uint32_t input_half = buf.half_bytes(ACCEL_BUFFER_INPUT), output_half = buf.half_bytes(ACCEL_BUFFER_OUTPUT);
  const uint32_t chunk = std::min(input_half / 2, output_half);
  if (chunk == 0) throw CommandError(ACCEL_ERROR_BUFFER, "the input and output buffers are too small for ADD");
  std::vector<Step> steps;
  for (uint32_t e0 = 0; e0 < c.count; e0 += chunk) {
    const uint32_t n = std::min(chunk, c.count - e0);
    const unsigned half = steps.size() % 2;
    Step step;
    step.input_loads = {{c.input1 + e0, ACCEL_BUFFER_INPUT, half * input_half, n},
                        {c.input2 + e0, ACCEL_BUFFER_INPUT, half * input_half + n, n}};
    step.compute = [&c, &ctx, half, n] {
      LocalBuffers& b = ctx.buffers;
      const std::span<const int8_t> in = b.half(ACCEL_BUFFER_INPUT, half);
      const model::AddJob job{.count = n, .a = in.first(n), .b = in.subspan(n, n), .params = c.params};
      const engine::PassCycles cycles = ctx.engine.add(job, b.half(ACCEL_BUFFER_OUTPUT, half));
      return StepWork{.cycles = cycles.total, .mac_active = cycles.mac_active, .macs = 0};
    };
    step.stores = {{c.output + e0, ACCEL_BUFFER_OUTPUT, half * output_half, n}};
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace accel::device
