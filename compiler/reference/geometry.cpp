#include "compiler/reference/geometry.hpp"

#include "compiler/reference/operator_error.hpp"

#include <string>
#include <variant>

namespace compiler::reference {
namespace {

std::string shape_text(const std::vector<int>& shape)
{
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i)
    text += (i ? "," : "") + std::to_string(shape[i]);
  return text + "]";
}

const graph::Tensor& tensor(const graph::Graph& graph, const graph::Operator& op,
                            const std::vector<int>& indices, std::size_t position)
{
  if (position >= indices.size() || indices[position] < 0 ||
      static_cast<std::size_t>(indices[position]) >= graph.tensors.size())
    throw operator_error(op, "tensor " + std::to_string(position) + " is missing");
  return graph.tensors[static_cast<std::size_t>(indices[position])];
}

struct Window {
  int kernel_h, kernel_w, stride_h, stride_w, dilation_h, dilation_w;
  graph::Padding padding;
};

Window window_of(const graph::Graph& graph, const graph::Operator& op)
{
  if (const auto* p = std::get_if<graph::ConvParams>(&op.params)) {
    const graph::Tensor& filter = tensor(graph, op, op.inputs, 1);
    if (filter.shape.size() != 4)
      throw operator_error(op, "filter shape " + shape_text(filter.shape) + " is not OHWI");
    return {filter.shape[1], filter.shape[2], p->stride_h, p->stride_w, p->dilation_h, p->dilation_w, p->padding};
  }
  if (const auto* p = std::get_if<graph::DepthwiseParams>(&op.params)) {
    const graph::Tensor& filter = tensor(graph, op, op.inputs, 1);
    if (filter.shape.size() != 4 || filter.shape[0] != 1)
      throw operator_error(op, "filter shape " + shape_text(filter.shape) + " is not [1][kh][kw][c]");
    return {filter.shape[1], filter.shape[2], p->stride_h, p->stride_w, p->dilation_h, p->dilation_w, p->padding};
  }
  if (const auto* p = std::get_if<graph::PoolParams>(&op.params))
    return {p->filter_h, p->filter_w, p->stride_h, p->stride_w, 1, 1, p->padding};
  throw operator_error(op, "has no window parameters");
}

} // namespace

std::size_t Shape4::elements() const
{
  return static_cast<std::size_t>(batch) * height * width * channels;
}

Shape4 nhwc(const graph::Operator& op, const graph::Tensor& t)
{
  if (t.shape.size() != 4)
    throw operator_error(op, "tensor '" + t.name + "' has shape " + shape_text(t.shape) + ", not NHWC");
  return {t.shape[0], t.shape[1], t.shape[2], t.shape[3]};
}

WindowGeometry window_geometry(const graph::Graph& graph, const graph::Operator& op)
{
  const Window w = window_of(graph, op);
  if (w.stride_h < 1 || w.stride_w < 1 || w.dilation_h < 1 || w.dilation_w < 1 || w.kernel_h < 1 ||
      w.kernel_w < 1)
    throw operator_error(op, "kernel, stride and dilation must be positive");
  WindowGeometry g;
  g.input = nhwc(op, tensor(graph, op, op.inputs, 0));
  g.output = nhwc(op, tensor(graph, op, op.outputs, 0));
  g.kernel_h = w.kernel_h;
  g.kernel_w = w.kernel_w;
  g.stride_h = w.stride_h;
  g.stride_w = w.stride_w;
  g.dilation_h = w.dilation_h;
  g.dilation_w = w.dilation_w;
  const graph::PaddedDim rows = graph::pad_dim(w.padding, g.input.height, w.kernel_h, w.stride_h, w.dilation_h);
  const graph::PaddedDim cols = graph::pad_dim(w.padding, g.input.width, w.kernel_w, w.stride_w, w.dilation_w);
  if (rows.out != g.output.height || cols.out != g.output.width || g.output.batch != g.input.batch)
    throw operator_error(op, "output shape [" + std::to_string(g.output.batch) + "," +
                                 std::to_string(g.output.height) + "," + std::to_string(g.output.width) +
                                 ",..] does not follow from the input and window (expected " +
                                 std::to_string(rows.out) + "x" + std::to_string(cols.out) + ")");
  g.pad_top = rows.pad_before;
  g.pad_left = cols.pad_before;

  const int out_c = g.output.channels;
  const int in_c = g.input.channels;
  if (op.kind == graph::OpKind::Conv2D) {
    const graph::Tensor& filter = tensor(graph, op, op.inputs, 1);
    if (filter.shape[0] != out_c || filter.shape[3] != in_c)
      throw operator_error(op, "filter " + shape_text(filter.shape) + " does not match " +
                                   std::to_string(in_c) + " input and " + std::to_string(out_c) +
                                   " output channels");
  } else if (op.kind == graph::OpKind::DepthwiseConv2D) {
    const graph::Tensor& filter = tensor(graph, op, op.inputs, 1);
    const auto& p = std::get<graph::DepthwiseParams>(op.params);
    if (filter.shape[3] != out_c || out_c != in_c * p.depth_multiplier)
      throw operator_error(op, "filter " + shape_text(filter.shape) + " does not match " +
                                   std::to_string(in_c) + " input channels times depth multiplier " +
                                   std::to_string(p.depth_multiplier));
  } else if (out_c != in_c) {
    throw operator_error(op, "pooling changes the channel count");
  }
  return g;
}

FullyConnectedGeometry fully_connected_geometry(const graph::Graph& graph, const graph::Operator& op)
{
  const graph::Tensor& input = tensor(graph, op, op.inputs, 0);
  const graph::Tensor& weights = tensor(graph, op, op.inputs, 1);
  const graph::Tensor& output = tensor(graph, op, op.outputs, 0);
  if (weights.shape.size() != 2)
    throw operator_error(op, "weights shape " + shape_text(weights.shape) + " is not [out][in]");
  FullyConnectedGeometry g;
  g.out_features = weights.shape[0];
  g.in_features = weights.shape[1];
  // TFLite flattens every leading dimension of the input into batches.
  const std::size_t elements = input.elements();
  if (g.in_features <= 0 || elements % static_cast<std::size_t>(g.in_features) != 0)
    throw operator_error(op, "input " + shape_text(input.shape) + " is not a multiple of " +
                                 std::to_string(g.in_features) + " features");
  g.batches = static_cast<int>(elements / static_cast<std::size_t>(g.in_features));
  if (output.elements() != static_cast<std::size_t>(g.batches) * g.out_features)
    throw operator_error(op, "output " + shape_text(output.shape) + " is not " + std::to_string(g.batches) +
                                 " x " + std::to_string(g.out_features));
  return g;
}

} // namespace compiler::reference
