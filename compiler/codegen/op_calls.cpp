#include "compiler/codegen/op_calls.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "compiler/codegen/accel_command.hpp"
#include "compiler/codegen/c_text.hpp"
#include "compiler/quant/activation_range.hpp"
#include "compiler/quant/operator_params.hpp"

namespace compiler::codegen {

namespace {

using graph::DataType;
using graph::OpKind;

[[noreturn]] void fail(const graph::Operator& op, const std::string& what) {
  throw std::invalid_argument(fmt::format("operator {} ({}): {}", op.source_index, graph::name_of(op.kind), what));
}

bool is_float(const graph::Graph& g, int tensor) { return g.tensors[tensor].type == DataType::Float32; }

// The nn_window initialiser of a 2-D window over an NHWC input.
std::string window(const graph::Tensor& in, const graph::Tensor& out, int kernel_h, int kernel_w, int stride_h,
                   int stride_w, int dilation_h, int dilation_w, graph::Padding padding) {
  const auto w = window_of(in, out, kernel_h, kernel_w, stride_h, stride_w, dilation_h, dilation_w, padding);
  return fmt::format("{{{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}}", w.in_h, w.in_w, w.out_h, w.out_w, w.kernel_h,
                     w.kernel_w, w.stride_h, w.stride_w, w.dilation_h, w.dilation_w, w.pad_top, w.pad_left);
}

std::string float_activation(graph::Activation a) {
  const auto r = quant::float_activation_range(a);
  return fmt::format("{{{}, {}}}", float_literal(r.min), float_literal(r.max));
}

std::string int_list(const std::vector<int>& v) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s;
}

}  // namespace

// Bounds of what workloads/nn/simd's *_scratch_bytes return (nn_ops_simd.h):
// int16 im2col columns of two pixels for a convolution, 8 bytes per tap for
// a depthwise one, nothing for a fully connected layer.
std::size_t op_scratch_bytes(const graph::Graph& g, const graph::Operator& op, Backend runs_on) {
  if (runs_on != Backend::Simd || g.tensors[op.inputs.at(0)].type != DataType::Int8) return 0;
  if (op.kind != OpKind::Conv2D && op.kind != OpKind::DepthwiseConv2D) return 0;
  const auto& filter = g.tensors[op.inputs.at(1)].shape;
  if (op.kind == OpKind::Conv2D) return 16 * (std::size_t(filter[1]) * filter[2] * filter[3] / 4 + 2);
  if (op.kind == OpKind::DepthwiseConv2D) return 8 * std::size_t(filter[1]) * filter[2];
  return 0;
}

OpCalls::OpCalls(const graph::Graph& g, const plan::MemoryPlan& plan, const std::vector<Placement>& placements,
                 std::vector<std::string> ins, std::vector<std::string> outs)
    : g_(g), plan_(plan), placements_(placements), symbol_(g.tensors.size()), defined_(g.tensors.size(), false) {
  for (std::size_t i = 0; i < g.inputs.size(); ++i) symbol_[g.inputs[i]] = ins.at(i);
  for (std::size_t i = 0; i < g.outputs.size(); ++i) {
    if (!symbol_[g.outputs[i]].empty())
      throw std::invalid_argument(fmt::format("graph output '{}' is also a graph input", g.tensors[g.outputs[i]].name));
    symbol_[g.outputs[i]] = outs.at(i);
  }
}

std::string OpCalls::pointer(int t) const {
  const auto& home = plan_.tensors.at(t);
  const auto type = c_type(g_.tensors[t].type);
  switch (home.home) {
    case plan::Home::Input:
    case plan::Home::Output: return symbol_[t];
    case plan::Home::Arena: return fmt::format("(({} *)(edgesim_arena + {}))", type, home.arena_offset);
    case plan::Home::Constant:
    case plan::Home::Unused: break;
  }
  throw std::logic_error(fmt::format("tensor '{}' has no buffer", g_.tensors[t].name));
}

std::string OpCalls::data_of(int t) {
  return plan_.tensors.at(t).home == plan::Home::Constant ? constant(t) : pointer(t);
}

std::string OpCalls::constant(int t) {
  const std::string name = fmt::format("c{}", t);
  if (!defined_[t]) {
    const auto& tensor = g_.tensors[t];
    constants_ += fmt::format("/* {} */\n", comment_text(tensor.name));
    constants_ += const_array(tensor.type, name, tensor.data);
    defined_[t] = true;
  }
  return name;
}

// A float operator with an int8 filter (a "hybrid" model): edgesim dequantizes
// the filter on the host, (q - zero point) * scale per channel in float, as
// the host reference does (compiler/reference/hybrid.hpp).
std::string OpCalls::dequantized_filter(int t) {
  const std::string name = fmt::format("c{}_f32", t);
  const auto& tensor = g_.tensors[t];
  const auto& q = tensor.quant;
  if (q.empty()) throw std::invalid_argument(fmt::format("filter '{}' is int8 without quantization", tensor.name));
  std::size_t inner = 1;  // elements per step of the quantized axis
  for (std::size_t d = static_cast<std::size_t>(q.axis) + 1; d < tensor.shape.size(); ++d) inner *= tensor.shape[d];
  std::vector<float> values(tensor.elements());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::size_t c = q.per_channel() ? (i / inner) % q.scales.size() : 0;
    const auto v = static_cast<std::int8_t>(tensor.data[i]);
    values[i] = static_cast<float>(v - q.zero_points[q.zero_points.size() > 1 ? c : 0]) * q.scales[c];
  }
  constants_ += fmt::format("/* {}, dequantized */\n", comment_text(tensor.name));
  constants_ += const_floats(name, values);
  return name;
}

std::string OpCalls::multipliers(int index, const std::vector<int>& mult, const std::vector<int>& shift) {
  constants_ += fmt::format("static const int32_t op{}_multipliers[{}] = {{{}}};\n", index, mult.size(), int_list(mult));
  constants_ += fmt::format("static const int32_t op{}_shifts[{}] = {{{}}};\n", index, shift.size(), int_list(shift));
  return fmt::format("op{0}_multipliers, op{0}_shifts", index);
}

std::string OpCalls::call(int index) {
  const auto& op = g_.ops.at(index);
  if (placements_.at(index).runs_on == Backend::Accel) return accel_layer(index, op);
  switch (op.kind) {
    case OpKind::Conv2D:
    case OpKind::DepthwiseConv2D:
    case OpKind::FullyConnected: return mac(index, op);
    case OpKind::AveragePool2D:
    case OpKind::MaxPool2D: return pool(index, op);
    case OpKind::Add: return add(index, op);
    case OpKind::Softmax: return softmax(index, op);
    case OpKind::Concatenation: return concatenation(index, op);
    case OpKind::Reshape: return reshape(index, op);
    case OpKind::Quantize: return quantize(index, op);
    case OpKind::Dequantize: return dequantize(index, op);
  }
  fail(op, "no kernel");
}

std::string OpCalls::mac(int index, const graph::Operator& op) {
  const int in_t = op.inputs.at(0), filter_t = op.inputs.at(1), out_t = op.outputs.at(0);
  const int bias_t = op.inputs.size() > 2 ? op.inputs[2] : graph::kNoTensor;
  const auto& in = g_.tensors[in_t];
  const auto& filter = g_.tensors[filter_t];
  const auto& out = g_.tensors[out_t];
  const bool f32 = is_float(g_, in_t);

  std::string shape, kernel;
  graph::Activation activation = graph::Activation::None;
  if (const auto* p = std::get_if<graph::ConvParams>(&op.params)) {
    shape = fmt::format("static const nn_conv_shape s = {{{}, {}, {}, {}}};", in.shape[0], in.shape[3], out.shape[3],
                        window(in, out, filter.shape[1], filter.shape[2], p->stride_h, p->stride_w, p->dilation_h,
                               p->dilation_w, p->padding));
    kernel = "conv2d";
    activation = p->activation;
  } else if (const auto* p = std::get_if<graph::DepthwiseParams>(&op.params)) {
    shape = fmt::format("static const nn_depthwise_shape s = {{{}, {}, {}, {}}};", in.shape[0], in.shape[3],
                        p->depth_multiplier,
                        window(in, out, filter.shape[1], filter.shape[2], p->stride_h, p->stride_w, p->dilation_h,
                               p->dilation_w, p->padding));
    kernel = "depthwise_conv2d";
    activation = p->activation;
  } else if (const auto* p = std::get_if<graph::FullyConnectedParams>(&op.params)) {
    const int in_features = filter.shape.at(1), out_features = filter.shape.at(0);
    shape = fmt::format("static const nn_fully_connected_shape s = {{{}, {}, {}}};",
                        static_cast<int>(in.elements() / in_features), in_features, out_features);
    kernel = "fully_connected";
    activation = p->activation;
  } else {
    fail(op, "missing parameters");
  }

  const std::string input = pointer(in_t), output = pointer(out_t);
  if (f32) {
    const std::string weights = filter.type == DataType::Int8 ? dequantized_filter(filter_t) : constant(filter_t);
    const std::string bias = bias_t == graph::kNoTensor ? "NULL" : constant(bias_t);
    return fmt::format("  {{\n    {}\n    static const nn_f32_activation a = {};\n    nn_f32_{}(&s, &a, {}, {}, {}, {});\n  }}\n",
                       shape, float_activation(activation), kernel, input, weights, bias, output);
  }

  const auto q = quant::mac_params(g_, op);
  if (q.filter_offset != 0) fail(op, fmt::format("filter '{}' has a zero point; the int8 kernels need symmetric weights", filter.name));
  std::vector<int> mult, shift;
  for (const auto& m : q.output_multipliers) {
    mult.push_back(m.multiplier);
    shift.push_back(m.shift);
  }
  const std::string per_channel = multipliers(index, mult, shift);
  const std::string weights = constant(filter_t);
  const std::string bias = bias_t == graph::kNoTensor ? "NULL" : constant(bias_t);
  std::string suffix, scratch;
  if (placements_.at(index).runs_on == Backend::Simd) {
    suffix = "_simd";
    const auto s = plan_.scratch.at(index);
    scratch = s ? fmt::format(", edgesim_arena + {}", *s) : ", NULL";
  }
  return fmt::format(
      "  {{\n    {}\n    static const nn_mac_quant q = {{{}, {}, {}, {}, {}}};\n    nn_{}{}(&s, &q, {}, {}, {}, {}{});\n  }}\n",
      shape, q.input_offset, q.output_offset, q.activation.min, q.activation.max, per_channel, kernel, suffix, input,
      weights, bias, output, scratch);
}

// The layer's stream goes to streams_; the call names the activations the
// device reads and writes, for the D-cache maintenance around it.
std::string OpCalls::accel_layer(int index, const graph::Operator& op) {
  const AccelCommand& c = *placements_.at(index).accel;
  const int out = op.outputs.at(0);
  std::vector<std::string> addresses;
  std::vector<int> reads;
  if (op.kind == OpKind::Add) {
    reads = {op.inputs.at(0), op.inputs.at(1)};
    addresses = {pointer(reads[0]), pointer(reads[1]), pointer(out)};
  } else {
    const int bias_t = op.inputs.size() > 2 ? op.inputs[2] : graph::kNoTensor;
    std::vector<int> mult, shift;
    for (const auto& r : c.requant) {
      mult.push_back(r.multiplier);
      shift.push_back(r.shift);
    }
    multipliers(index, mult, shift);
    reads = {op.inputs.at(0)};
    addresses = {pointer(reads[0]), constant(op.inputs.at(1)), bias_t == graph::kNoTensor ? "" : constant(bias_t),
                 fmt::format("op{}_multipliers", index), fmt::format("op{}_shifts", index), pointer(out)};
  }
  streams_ += fmt::format("static const uint32_t op{}_stream[] __attribute__((aligned(4))) = {{{}}};\n", index,
                          stream_initialiser(c, addresses));
  const auto span = [this](int t) { return fmt::format("{{{}, {}}}", pointer(t), g_.tensors[t].bytes()); };
  return fmt::format(
      "  {{\n    static const edgesim_accel_job job = {{{0}, op{0}_stream, sizeof op{0}_stream, {{{1}, {2}}}, {3}}};\n"
      "    edgesim_accel_layer(&job);\n  }}\n",
      index, span(reads[0]), reads.size() > 1 ? span(reads[1]) : "{NULL, 0}", span(out));
}

std::string OpCalls::pool(int index, const graph::Operator& op) {
  const auto& p = std::get<graph::PoolParams>(op.params);
  const int in_t = op.inputs.at(0), out_t = op.outputs.at(0);
  const auto& in = g_.tensors[in_t];
  const auto& out = g_.tensors[out_t];
  const std::string shape = fmt::format("static const nn_pool_shape s = {{{}, {}, {}}};", in.shape[0], in.shape[3],
                                        window(in, out, p.filter_h, p.filter_w, p.stride_h, p.stride_w, 1, 1, p.padding));
  const char* kind = op.kind == OpKind::MaxPool2D ? "max_pool2d" : "avg_pool2d";
  if (is_float(g_, in_t))
    return fmt::format("  {{\n    {}\n    static const nn_f32_activation a = {};\n    nn_f32_{}(&s, &a, {}, {});\n  }}\n",
                       shape, float_activation(p.activation), kind, pointer(in_t), pointer(out_t));
  const auto q = quant::pool_params(g_, op);
  return fmt::format("  {{\n    {}\n    nn_{}(&s, {}, {}, {}, {});\n  }}\n", shape, kind, q.activation.min,
                     q.activation.max, pointer(in_t), pointer(out_t));
}

std::string OpCalls::add(int index, const graph::Operator& op) {
  const int a = op.inputs.at(0), b = op.inputs.at(1), out = op.outputs.at(0);
  if (g_.tensors[a].shape != g_.tensors[b].shape || g_.tensors[a].shape != g_.tensors[out].shape)
    fail(op, "operands of different shapes (broadcasting) are not supported by the firmware kernels");
  const auto count = g_.tensors[out].elements();
  const auto& p = std::get<graph::AddParams>(op.params);
  if (is_float(g_, a))
    return fmt::format("  {{\n    static const nn_f32_activation a = {};\n    nn_f32_add(&a, {}, {}, {}, {});\n  }}\n",
                       float_activation(p.activation), pointer(a), pointer(b), pointer(out), count);
  const auto q = quant::add_params(g_, op);
  return fmt::format(
      "  {{\n    static const nn_add_params p = {{{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}};\n"
      "    nn_add(&p, {}, {}, {}, {});\n  }}\n",
      q.input1_offset, q.input2_offset, q.left_shift, q.input1.multiplier, q.input1.shift, q.input2.multiplier,
      q.input2.shift, q.output.multiplier, q.output.shift, q.output_offset, q.activation.min, q.activation.max,
      pointer(a), pointer(b), pointer(out), count);
}

std::string OpCalls::softmax(int index, const graph::Operator& op) {
  const int in = op.inputs.at(0), out = op.outputs.at(0);
  const auto& t = g_.tensors[in];
  const int depth = t.shape.back();
  const auto rows = t.elements() / depth;
  if (is_float(g_, in))
    return fmt::format("  nn_f32_softmax({}, {}, {}, {}, {});\n",
                       float_literal(std::get<graph::SoftmaxParams>(op.params).beta), pointer(in), pointer(out), rows,
                       depth);
  const auto q = quant::softmax_params(g_, op);
  return fmt::format("  {{\n    static const nn_softmax_params p = {{{}, {}, {}}};\n    nn_softmax_s8(&p, {}, {}, {}, {});\n  }}\n",
                     q.input_multiplier, q.input_left_shift, q.diff_min, pointer(in), pointer(out), rows, depth);
}

std::string OpCalls::concatenation(int index, const graph::Operator& op) {
  const auto& p = std::get<graph::ConcatParams>(op.params);
  const int out = op.outputs.at(0);
  const auto& shape = g_.tensors[out].shape;
  const int rank = static_cast<int>(shape.size());
  const int axis = p.axis < 0 ? p.axis + rank : p.axis;
  if (p.activation != graph::Activation::None) fail(op, "a fused activation on CONCATENATION is not supported");
  std::size_t outer = 1, inner = 1;
  for (int d = 0; d < axis; ++d) outer *= shape[d];
  for (int d = axis + 1; d < rank; ++d) inner *= shape[d];
  const bool f32 = is_float(g_, out);
  std::string items;
  for (int t : op.inputs) {
    const auto& in = g_.tensors[t];
    if (!f32 && (in.quant.scales != g_.tensors[out].quant.scales || in.quant.zero_points != g_.tensors[out].quant.zero_points))
      fail(op, fmt::format("input '{}' is quantized differently from the output (TFLite's int8 CONCATENATION needs one quantization)", in.name));
    const std::string data = data_of(t);
    items += f32 ? fmt::format("{{{}, {}}}, ", data, in.shape[axis]) : fmt::format("{{{}, {}, NULL}}, ", data, in.shape[axis]);
  }
  return fmt::format("  {{\n    const nn_concat_input_{} in[] = {{{}}};\n    nn_{}concat{}(in, {}, {}, {}, {});\n  }}\n",
                     f32 ? "f32" : "s8", items, f32 ? "f32_" : "", f32 ? "" : "_s8", op.inputs.size(), outer, inner,
                     pointer(out));
}

std::string OpCalls::reshape(int index, const graph::Operator& op) {
  const int in = op.inputs.at(0), out = op.outputs.at(0);
  if (plan_.tensors[out].alias_of != graph::kNoTensor) return "  /* RESHAPE: the output shares its input's bytes */\n";
  return fmt::format("  memcpy({}, {}, {});\n", pointer(out), data_of(in), g_.tensors[out].bytes());
}

std::string OpCalls::quantize(int index, const graph::Operator& op) {
  const int in = op.inputs.at(0), out = op.outputs.at(0);
  const auto count = g_.tensors[out].elements();
  if (is_float(g_, in)) {
    const auto q = quant::quantize_params(g_, op);
    return fmt::format("  {{\n    static const nn_affine_quant q = {{{}, {}}};\n    nn_quantize_f32_s8(&q, {}, {}, {});\n  }}\n",
                       float_literal(q.scale), q.zero_point, pointer(in), pointer(out), count);
  }
  const auto q = quant::requantize_params(g_, op);
  return fmt::format(
      "  {{\n    static const nn_requant_params p = {{{}, {}, {}, {}}};\n    nn_requantize_s8_s8(&p, {}, {}, {});\n  }}\n",
      -q.input_zero_point, q.multiplier.multiplier, q.multiplier.shift, q.output_zero_point, pointer(in), pointer(out),
      count);
}

std::string OpCalls::dequantize(int index, const graph::Operator& op) {
  const int in = op.inputs.at(0), out = op.outputs.at(0);
  const auto& q = g_.tensors[in].quant;
  if (q.empty() || q.per_channel()) fail(op, "DEQUANTIZE needs a per-tensor quantized input");
  return fmt::format("  {{\n    static const nn_affine_quant q = {{{}, {}}};\n    nn_dequantize_s8_f32(&q, {}, {}, {});\n  }}\n",
                     float_literal(q.scales[0]), q.zero_points[0], pointer(in), pointer(out), g_.tensors[out].elements());
}

}  // namespace compiler::codegen
