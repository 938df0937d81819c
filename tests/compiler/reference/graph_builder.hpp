// Builds small graphs by hand for the reference's tests.
#pragma once

#include "compiler/graph/graph.hpp"
#include "compiler/reference/tensor_data.hpp"

#include <string>
#include <vector>

namespace test_support {

using namespace compiler;

struct GraphBuilder {
  graph::Graph g;

  // An activation tensor (no data); quantized when scale > 0.
  int activation(std::string name, graph::DataType type, std::vector<int> shape, float scale = 0.0f,
                 std::int64_t zero_point = 0)
  {
    graph::Tensor t;
    t.name = std::move(name);
    t.type = type;
    t.shape = std::move(shape);
    if (scale > 0.0f) {
      t.quant.scales = {scale};
      t.quant.zero_points = {zero_point};
    }
    g.tensors.push_back(std::move(t));
    return static_cast<int>(g.tensors.size()) - 1;
  }

  template <typename T>
  int constant(std::string name, graph::DataType type, std::vector<int> shape, const std::vector<T>& values,
               std::vector<float> scales = {}, int axis = 0)
  {
    graph::Tensor t;
    t.name = std::move(name);
    t.type = type;
    t.shape = std::move(shape);
    t.data = reference::to_bytes(values);
    t.quant.scales = std::move(scales);
    t.quant.zero_points.assign(t.quant.scales.size(), 0);
    t.quant.axis = axis;
    g.tensors.push_back(std::move(t));
    return static_cast<int>(g.tensors.size()) - 1;
  }

  void op(graph::OpKind kind, std::vector<int> inputs, int output, graph::OpParams params = std::monostate{})
  {
    graph::Operator o{kind, std::move(inputs), {output}, params, static_cast<int>(g.ops.size())};
    g.ops.push_back(std::move(o));
  }
};

} // namespace test_support
