#include "compiler/analysis/layer_stats.hpp"

namespace compiler::analysis {

namespace {

std::uint64_t macs_of(const graph::Graph& g, const graph::Operator& op) {
  const auto& out = g.tensors[op.outputs.at(0)].shape;
  switch (op.kind) {
    case graph::OpKind::Conv2D: {
      const auto& f = g.tensors[op.inputs.at(1)].shape;  // [M][R][S][C]
      return std::uint64_t(out[0]) * out[1] * out[2] * f[1] * f[2] * f[3] * f[0];
    }
    case graph::OpKind::DepthwiseConv2D: {
      const auto& f = g.tensors[op.inputs.at(1)].shape;  // [1][R][S][C x multiplier]
      return std::uint64_t(out[0]) * out[1] * out[2] * f[1] * f[2] * f[3];
    }
    case graph::OpKind::FullyConnected: {
      const auto& w = g.tensors[op.inputs.at(1)].shape;  // [out][in]
      const std::uint64_t batch = g.tensors[op.outputs.at(0)].elements() / w[0];
      return batch * w[0] * w[1];
    }
    default: return 0;
  }
}

}  // namespace

std::vector<LayerStats> layer_stats(const graph::Graph& g) {
  std::vector<LayerStats> layers;
  for (std::size_t i = 0; i < g.ops.size(); ++i) {
    const auto& op = g.ops[i];
    LayerStats s;
    s.index = static_cast<int>(i);
    s.op = std::string(graph::name_of(op.kind));
    s.output = g.tensors[op.outputs.at(0)].name;
    s.macs = macs_of(g, op);
    for (int t : op.inputs) {
      if (t == graph::kNoTensor) continue;
      const auto& tensor = g.tensors[t];
      if (tensor.is_constant()) {
        if (op.kind == graph::OpKind::Reshape) continue;  // a shape operand, not a parameter
        s.params += tensor.elements();
        s.param_bytes += tensor.bytes();
      } else {
        s.input_bytes += tensor.bytes();
      }
    }
    for (int t : op.outputs) s.output_bytes += g.tensors[t].bytes();
    layers.push_back(s);
  }
  return layers;
}

ModelTotals totals(const std::vector<LayerStats>& layers) {
  ModelTotals t;
  for (const auto& l : layers) {
    t.macs += l.macs;
    t.params += l.params;
    t.param_bytes += l.param_bytes;
  }
  return t;
}

}  // namespace compiler::analysis
