#include "compiler/codegen/placement.hpp"

#include <stdexcept>

namespace compiler::codegen {

namespace {

bool has_simd_kernel(const graph::Graph& g, const graph::Operator& op) {
  const bool mac = op.kind == graph::OpKind::Conv2D || op.kind == graph::OpKind::DepthwiseConv2D ||
                   op.kind == graph::OpKind::FullyConnected;
  return mac && g.tensors[op.inputs.at(0)].type == graph::DataType::Int8;
}

}  // namespace

std::vector<Placement> place_operators(const graph::Graph& g, Backend backend, bool dsp,
                                       const std::optional<AccelTarget>& accel) {
  if (backend == Backend::Accel && !accel) throw std::invalid_argument("the accel backend needs an accelerator");
  const bool cpu_simd = cpu_uses_simd(backend, dsp);
  std::vector<Placement> placements(g.ops.size());
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    const auto& op = g.ops[i];
    Placement& p = placements[i];
    if (backend == Backend::Accel) {
      if (auto command = accel_command(g, op)) {
        if (auto why = accel_refusal(*command, *accel)) {
          p.refused = *why;
        } else {
          p.runs_on = Backend::Accel;
          p.accel = std::move(command);
          continue;
        }
      }
    }
    p.runs_on = cpu_simd && has_simd_kernel(g, op) ? Backend::Simd : Backend::Portable;
  }
  return placements;
}

}  // namespace compiler::codegen
