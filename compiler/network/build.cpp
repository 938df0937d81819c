#include "compiler/network/build.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/network/estimate.hpp"
#include "compiler/network/exits.hpp"
#include "compiler/network/weights.hpp"

namespace compiler::network {

namespace {

using graph::Activation;
using graph::DataType;
using graph::OpKind;
using graph::Tensor;

// Biases are small next to the weighted sum: uniform within a tenth of its
// expected RMS.
constexpr double kBiasFraction = 0.1;

template <typename T>
std::vector<std::uint8_t> bytes_of(const std::vector<T>& values)
{
  // Tensor data is little-endian element order, as the host's.
  static_assert(std::endian::native == std::endian::little);
  std::vector<std::uint8_t> out(values.size() * sizeof(T));
  if (!values.empty())
    std::memcpy(out.data(), values.data(), out.size());
  return out;
}

std::vector<float> to_float(const std::vector<double>& values)
{
  return std::vector<float>(values.begin(), values.end());
}

std::size_t product(const std::vector<int>& dims)
{
  return std::accumulate(dims.begin(), dims.end(), std::size_t{1},
                         [](std::size_t a, int d) { return a * static_cast<std::size_t>(d); });
}

Activation activation_of(const graph::OpParams& params)
{
  return std::visit(
      [](const auto& p) -> Activation {
        if constexpr (requires { p.activation; })
          return p.activation;
        else
          return Activation::None;
      },
      params);
}

// A layer's output as later layers see it.
struct Value {
  int tensor = 0;
  Estimate estimate;
  int layer = -1;  // the producing layer; -1 for the network input
};

class GraphBuilder {
 public:
  explicit GraphBuilder(const NetworkSpec& spec) : spec_(spec) {}

  graph::Graph build()
  {
    graph_.name = spec_.name;
    add_input();
    producers_.resize(spec_.layers.size());
    uses_.assign(spec_.layers.size(), 0);
    for (std::size_t i = 0; i < spec_.layers.size(); ++i)
      add_layer(static_cast<int>(i));
    set_outputs();
    // Before the check for unused layers: a misplaced exit is the likelier
    // cause of a branch nothing uses.
    add_exits(spec_, graph_);
    check_used();
    return std::move(graph_);
  }

 private:
  [[noreturn]] void fail(const LayerSpec& layer, const std::string& key, const std::string& message) const
  {
    fail_at(layer.where_of(key), fmt::format("{}: {}", layer.name, message));
  }

  int add_tensor(Tensor tensor)
  {
    graph_.tensors.push_back(std::move(tensor));
    return static_cast<int>(graph_.tensors.size()) - 1;
  }

  const Tensor& tensor(int index) const { return graph_.tensors[index]; }

  void add_input()
  {
    const InputSpec& in = spec_.input;
    Tensor t;
    t.name = in.name;
    t.type = in.type;
    t.shape = in.shape;
    if (in.quantization)
      t.quant = graph::Quantization{{in.quantization->scale}, {in.quantization->zero_point}, 0};
    const int index = add_tensor(std::move(t));
    graph_.inputs.push_back(index);
    values_[in.name] = Value{index, estimate_uniform(in.low, in.high), -1};
  }

  // The layer's inputs: the names it gives, or the previous layer (the
  // network input for the first one).
  std::vector<Value> resolve_inputs(const LayerSpec& layer, int index)
  {
    std::vector<std::string> names = layer.inputs;
    if (names.empty())
      names.push_back(index == 0 ? spec_.input.name : spec_.layers[index - 1].name);
    std::vector<Value> out;
    for (const std::string& name : names) {
      const auto found = values_.find(name);
      if (found == values_.end())
        fail(layer, "inputs",
             fmt::format("unknown layer '{}' (a layer may use the input '{}' or an earlier layer)", name,
                         spec_.input.name));
      out.push_back(found->second);
      if (found->second.layer >= 0) {
        producers_[index].push_back(found->second.layer);
        ++uses_[found->second.layer];
      }
    }
    return out;
  }

  void check_input_count(const LayerSpec& layer, const std::vector<Value>& inputs) const
  {
    const std::size_t n = inputs.size();
    if ((layer.op == OpKind::Add && n != 2) || (layer.op == OpKind::Concatenation && n < 2))
      fail(layer, "inputs",
           fmt::format("{} takes {} inputs, not {}", graph::name_of(layer.op),
                       layer.op == OpKind::Add ? "2" : "2 or more", n));
    if (layer.op != OpKind::Add && layer.op != OpKind::Concatenation && n != 1)
      fail(layer, "inputs", fmt::format("{} takes one input, not {}", graph::name_of(layer.op), n));
  }

  void check_type(const LayerSpec& layer, const std::vector<Value>& inputs) const
  {
    const DataType type = tensor(inputs[0].tensor).type;
    for (const Value& v : inputs)
      if (tensor(v.tensor).type != type)
        fail(layer, "inputs", "inputs of different types (int8 and float32)");
    if (layer.op == OpKind::Quantize && type != DataType::Float32)
      fail(layer, "op", "quantize takes a float32 input");
    if (layer.op == OpKind::Dequantize && type != DataType::Int8)
      fail(layer, "op", "dequantize takes an int8 input");
    const bool int8_output = layer.op == OpKind::Quantize ||
                             (type == DataType::Int8 && layer.op != OpKind::Dequantize);
    if (layer.output && !int8_output)
      fail(layer, "output", "only an int8 output has a quantization to set");
  }

  void require_rank(const LayerSpec& layer, const Value& input, std::size_t rank) const
  {
    if (tensor(input.tensor).shape.size() != rank)
      fail(layer, "inputs",
           fmt::format("{} needs a {}-dimensional input, got [{}]", graph::name_of(layer.op), rank,
                       fmt::join(tensor(input.tensor).shape, ", ")));
  }

  // One spatial output dimension; a window that does not fit is an error.
  int output_dim(const LayerSpec& layer, const std::string& key, graph::Padding padding, int in, int window,
                 int stride, int dilation) const
  {
    const graph::PaddedDim d = graph::pad_dim(padding, in, window, stride, dilation);
    if (d.out < 1)
      fail(layer, key,
           fmt::format("a window of {} (dilated) does not fit an input of {} with VALID padding",
                       (window - 1) * dilation + 1, in));
    return d.out;
  }

  graph::Quantization output_quantization(const LayerSpec& layer, const Estimate& pre_activation) const
  {
    if (layer.output)
      return graph::Quantization{{layer.output->scale}, {layer.output->zero_point}, 0};
    return quantization_for(pre_activation, activation_of(layer.params));
  }

  // A weighted layer's parameter tensors, and the real values drawn for
  // them (before int8 rounding: an int8 network and its float32 twin get
  // the same estimates, hence the same biases).
  struct Parameters {
    std::vector<int> op_inputs;  // input, weights, bias (kNoTensor without)
    std::vector<double> weights;
    std::vector<double> bias;    // empty without
  };

  // `axis` is the output-channel axis of `filter_shape`; `fan_in` the inputs
  // each output sums.
  Parameters add_parameters(const LayerSpec& layer, const Value& input, const std::vector<int>& filter_shape, int axis,
                            int fan_in)
  {
    const DataType type = tensor(input.tensor).type;
    const int channels = filter_shape[axis];
    const std::string weights_name = layer.name + "/weights";
    SplitMix64 weight_stream = stream_for(spec_.seed, weights_name);
    Parameters out;
    out.weights = draw_he_uniform(weight_stream, product(filter_shape), fan_in);

    const std::string bias_name = layer.name + "/bias";
    if (layer.bias) {
      // Within a tenth of the weighted sum's expected RMS (He: sqrt(2) times
      // the input's).
      SplitMix64 bias_stream = stream_for(spec_.seed, bias_name);
      out.bias = draw_uniform(bias_stream, static_cast<std::size_t>(channels),
                              kBiasFraction * std::sqrt(2.0) * input.estimate.rms());
    }

    Tensor w;
    w.name = weights_name;
    w.shape = filter_shape;
    Tensor b;
    b.name = bias_name;
    b.shape = {channels};
    if (type == DataType::Int8) {
      const PerChannelInt8 q = quantize_per_channel(out.weights, filter_shape, axis);
      w.type = DataType::Int8;
      w.data = bytes_of(q.values);
      w.quant = graph::Quantization{q.scales, std::vector<std::int64_t>(q.scales.size(), 0), axis};
      if (layer.bias) {
        const Int32Bias qb = quantize_bias(out.bias, tensor(input.tensor).quant.scales.at(0), q.scales);
        b.type = DataType::Int32;
        b.data = bytes_of(qb.values);
        b.quant = graph::Quantization{qb.scales, std::vector<std::int64_t>(qb.scales.size(), 0), 0};
      }
    } else {
      w.type = DataType::Float32;
      w.data = bytes_of(to_float(out.weights));
      b.type = DataType::Float32;
      b.data = bytes_of(to_float(out.bias));
    }
    const int weights_index = add_tensor(std::move(w));
    const int bias_index = layer.bias ? add_tensor(std::move(b)) : graph::kNoTensor;
    out.op_inputs = {input.tensor, weights_index, bias_index};
    return out;
  }

  // The operator's inputs, its output tensor (shape, quantization) and the
  // estimates: before the fused activation (which the quantization covers)
  // and after (which later layers build on).
  struct Result {
    std::vector<int> op_inputs;
    std::vector<int> shape;
    graph::Quantization quant;
    DataType type;
    Estimate pre_activation;
    Estimate estimate;
    // Set where the graph's parameters differ from the layer's
    // (concatenation's axis, counted from the front).
    std::optional<graph::OpParams> params;
  };

  static Result with_estimate(Result r, const Estimate& pre_activation, Activation activation)
  {
    r.pre_activation = pre_activation;
    r.estimate = through_activation(pre_activation, activation);
    return r;
  }

  Result conv2d(const LayerSpec& layer, const Value& input)
  {
    require_rank(layer, input, 4);
    const auto& p = std::get<graph::ConvParams>(layer.params);
    const std::vector<int> s = tensor(input.tensor).shape;  // a copy: adding tensors moves them
    const int out_h = output_dim(layer, "kernel", p.padding, s[1], layer.kernel.h, p.stride_h, p.dilation_h);
    const int out_w = output_dim(layer, "kernel", p.padding, s[2], layer.kernel.w, p.stride_w, p.dilation_w);
    const Parameters params = add_parameters(layer, input, {layer.channels, layer.kernel.h, layer.kernel.w, s[3]}, 0,
                                             layer.kernel.h * layer.kernel.w * s[3]);
    Result r;
    r.op_inputs = params.op_inputs;
    r.shape = {s[0], out_h, out_w, layer.channels};
    return with_estimate(std::move(r), through_dense(input.estimate, params.weights, layer.channels, params.bias),
                         p.activation);
  }

  Result depthwise(const LayerSpec& layer, const Value& input)
  {
    require_rank(layer, input, 4);
    const auto& p = std::get<graph::DepthwiseParams>(layer.params);
    const std::vector<int> s = tensor(input.tensor).shape;  // a copy: adding tensors moves them
    const int out_h = output_dim(layer, "kernel", p.padding, s[1], layer.kernel.h, p.stride_h, p.dilation_h);
    const int out_w = output_dim(layer, "kernel", p.padding, s[2], layer.kernel.w, p.stride_w, p.dilation_w);
    const int out_c = s[3] * p.depth_multiplier;
    // Each output channel sees one input channel: fan-in kh * kw.
    const Parameters params =
        add_parameters(layer, input, {1, layer.kernel.h, layer.kernel.w, out_c}, 3, layer.kernel.h * layer.kernel.w);
    Result r;
    r.op_inputs = params.op_inputs;
    r.shape = {s[0], out_h, out_w, out_c};
    return with_estimate(std::move(r),
                         through_depthwise(input.estimate, params.weights, out_c, p.depth_multiplier, params.bias),
                         p.activation);
  }

  Result fully_connected(const LayerSpec& layer, const Value& input)
  {
    const std::vector<int> s = tensor(input.tensor).shape;  // a copy: adding tensors moves them
    if (s.size() < 2)
      fail(layer, "inputs", fmt::format("fully_connected needs [batch, ...] input, got [{}]", fmt::join(s, ", ")));
    // TFLite flattens every dimension after the batch into the features.
    const int batch = s[0];
    const int features = static_cast<int>(product(s) / static_cast<std::size_t>(batch));
    const auto& p = std::get<graph::FullyConnectedParams>(layer.params);
    const Parameters params = add_parameters(layer, input, {layer.channels, features}, 0, features);
    Result r;
    r.op_inputs = params.op_inputs;
    r.shape = {batch, layer.channels};
    return with_estimate(std::move(r), through_dense(input.estimate, params.weights, layer.channels, params.bias),
                         p.activation);
  }

  Result pool(const LayerSpec& layer, const Value& input)
  {
    require_rank(layer, input, 4);
    const auto& p = std::get<graph::PoolParams>(layer.params);
    const std::vector<int>& s = tensor(input.tensor).shape;
    Result r;
    r.op_inputs = {input.tensor};
    r.shape = {s[0], output_dim(layer, "pool", p.padding, s[1], p.filter_h, p.stride_h, 1),
               output_dim(layer, "pool", p.padding, s[2], p.filter_w, p.stride_w, 1), s[3]};
    r.quant = tensor(input.tensor).quant;  // TFLite's int8 pooling keeps it
    const int taps = p.filter_h * p.filter_w;
    const Estimate pooled = layer.op == OpKind::AveragePool2D ? through_average(input.estimate, taps)
                                                               : through_maximum(input.estimate, taps);
    return with_estimate(std::move(r), pooled, p.activation);
  }

  Result add(const LayerSpec& layer, const std::vector<Value>& inputs)
  {
    const std::vector<int>& a = tensor(inputs[0].tensor).shape;
    const std::vector<int>& b = tensor(inputs[1].tensor).shape;
    if (a != b)
      fail(layer, "inputs",
           fmt::format("add needs inputs of one shape, got [{}] and [{}]", fmt::join(a, ", "), fmt::join(b, ", ")));
    Result r;
    r.op_inputs = {inputs[0].tensor, inputs[1].tensor};
    r.shape = a;
    return with_estimate(std::move(r), through_add(inputs[0].estimate, inputs[1].estimate),
                         activation_of(layer.params));
  }

  Result concatenation(const LayerSpec& layer, const std::vector<Value>& inputs)
  {
    graph::ConcatParams p = std::get<graph::ConcatParams>(layer.params);
    const std::vector<int>& first = tensor(inputs[0].tensor).shape;
    const int rank = static_cast<int>(first.size());
    if (p.axis < -rank || p.axis >= rank)
      fail(layer, "axis", fmt::format("axis {} is outside an input of {} dimensions", p.axis, rank));
    if (p.axis < 0)
      p.axis += rank;  // the graph gets the axis counted from the front
    Result r;
    r.shape = first;
    r.shape[p.axis] = 0;
    std::vector<Estimate> estimates;
    std::vector<int> channel_counts;
    for (const Value& v : inputs) {
      const std::vector<int>& s = tensor(v.tensor).shape;
      bool fits = static_cast<int>(s.size()) == rank;
      for (int d = 0; fits && d < rank; ++d)
        fits = d == p.axis || s[d] == first[d];
      if (!fits)
        fail(layer, "inputs",
             fmt::format("concatenation along axis {} needs inputs equal in every other dimension, got [{}] and [{}]",
                         p.axis, fmt::join(first, ", "), fmt::join(s, ", ")));
      r.shape[p.axis] += s[p.axis];
      r.op_inputs.push_back(v.tensor);
      estimates.push_back(v.estimate);
      channel_counts.push_back(s.back());
    }
    r.params = p;
    return with_estimate(std::move(r), through_concatenation(estimates, channel_counts, p.axis == rank - 1),
                         p.activation);
  }

  Result reshape(const LayerSpec& layer, const Value& input)
  {
    const std::vector<int>& in_shape = tensor(input.tensor).shape;
    const std::size_t elements = tensor(input.tensor).elements();
    std::vector<int> shape = layer.shape;
    std::size_t known = 1;
    for (int d : shape)
      if (d > 0)
        known *= static_cast<std::size_t>(d);
    const auto inferred = std::find(shape.begin(), shape.end(), -1);
    if (inferred != shape.end() && known > 0 && elements % known == 0)
      *inferred = static_cast<int>(elements / known);
    if (product(shape) != elements || (inferred != shape.end() && *inferred <= 0))
      fail(layer, "shape",
           fmt::format("[{}] does not hold the {} elements of its input [{}]", fmt::join(layer.shape, ", "), elements,
                       fmt::join(in_shape, ", ")));
    Result r;
    r.op_inputs = {input.tensor};
    r.shape = shape;
    r.quant = tensor(input.tensor).quant;
    // The channels stay channels only where the last dimension stays.
    return with_estimate(std::move(r), shape.back() == in_shape.back() ? input.estimate : collapse(input.estimate),
                         Activation::None);
  }

  Result softmax(const Value& input)
  {
    Result r;
    r.op_inputs = {input.tensor};
    r.shape = tensor(input.tensor).shape;
    if (tensor(input.tensor).type == DataType::Int8)
      r.quant = graph::Quantization{{1.0f / 256.0f}, {-128}, 0};  // TFLite's int8 softmax output
    // Probabilities over n classes: mean 1/n, taken as spread up to 1.
    const double n = r.shape.back();
    return with_estimate(std::move(r), Estimate{{1.0 / n}, {1.0 / n}, true}, Activation::None);
  }

  Result pass_through(const Value& input)
  {
    Result r;
    r.op_inputs = {input.tensor};
    r.shape = tensor(input.tensor).shape;
    return with_estimate(std::move(r), input.estimate, Activation::None);
  }

  // TFLite's int8 concatenation copies bytes: its inputs must be quantized
  // as its output. Inputs that already agree give the output their
  // quantization; otherwise the output's (rule or `output:`) is given to
  // each input that differs, as TFLite's converter does, which works where
  // no earlier layer has built on that input's quantization yet.
  void align_concatenation(const LayerSpec& layer, const std::vector<Value>& inputs, graph::Quantization& quant)
  {
    const graph::Quantization& first = tensor(inputs[0].tensor).quant;
    const bool agree = std::all_of(inputs.begin(), inputs.end(), [&](const Value& v) {
      const graph::Quantization& q = tensor(v.tensor).quant;
      return q.scales == first.scales && q.zero_points == first.zero_points;
    });
    if (agree && !layer.output) {
      quant = first;
      return;
    }
    for (const Value& v : inputs) {
      graph::Tensor& t = graph_.tensors[v.tensor];
      if (t.quant.scales == quant.scales && t.quant.zero_points == quant.zero_points)
        continue;
      const auto reads_here = std::count_if(inputs.begin(), inputs.end(),
                                            [&](const Value& other) { return other.tensor == v.tensor; });
      const LayerSpec* producer = v.layer >= 0 ? &spec_.layers[v.layer] : nullptr;
      const bool chosen_by_rule = producer && !producer->output &&
                                  (producer->op == OpKind::Conv2D || producer->op == OpKind::DepthwiseConv2D ||
                                   producer->op == OpKind::FullyConnected || producer->op == OpKind::Add ||
                                   producer->op == OpKind::Quantize);
      if (!chosen_by_rule || uses_[v.layer] != reads_here)
        fail(layer, "inputs",
             fmt::format("int8 concatenation needs its inputs quantized as its output, and '{}' cannot take the "
                         "output's quantization (it is the input, fixed by its operator or `output:`, or already "
                         "read by an earlier layer)",
                         t.name));
      t.quant = quant;
    }
  }

  void add_layer(int index)
  {
    const LayerSpec& layer = spec_.layers[index];
    if (values_.contains(layer.name))
      fail(layer, "name", fmt::format("the name '{}' is taken by the input or an earlier layer", layer.name));
    const std::vector<Value> inputs = resolve_inputs(layer, index);
    check_input_count(layer, inputs);
    check_type(layer, inputs);

    const DataType input_type = tensor(inputs[0].tensor).type;
    Result r;
    bool rule_quantized = true;  // false: the operator fixes its output quantization
    switch (layer.op) {
    case OpKind::Conv2D: r = conv2d(layer, inputs[0]); break;
    case OpKind::DepthwiseConv2D: r = depthwise(layer, inputs[0]); break;
    case OpKind::FullyConnected: r = fully_connected(layer, inputs[0]); break;
    case OpKind::AveragePool2D:
    case OpKind::MaxPool2D: r = pool(layer, inputs[0]); rule_quantized = false; break;
    case OpKind::Add: r = add(layer, inputs); break;
    case OpKind::Concatenation: r = concatenation(layer, inputs); break;
    case OpKind::Reshape: r = reshape(layer, inputs[0]); rule_quantized = false; break;
    case OpKind::Softmax: r = softmax(inputs[0]); rule_quantized = false; break;
    case OpKind::Quantize: r = pass_through(inputs[0]); break;
    case OpKind::Dequantize: r = pass_through(inputs[0]); rule_quantized = false; break;
    }
    r.type = layer.op == OpKind::Quantize ? DataType::Int8
             : layer.op == OpKind::Dequantize ? DataType::Float32
                                              : input_type;
    if (r.type == DataType::Int8 && rule_quantized)
      r.quant = output_quantization(layer, r.pre_activation);
    if (r.type == DataType::Int8 && layer.op == OpKind::Concatenation)
      align_concatenation(layer, inputs, r.quant);
    if (layer.output && !rule_quantized)
      fail(layer, "output",
           fmt::format("{} fixes its output quantization (pooling and reshape keep their input's, softmax's is 1/256, -128)",
                       graph::name_of(layer.op)));

    Tensor out;
    out.name = layer.name;
    out.type = r.type;
    out.shape = r.shape;
    out.quant = r.type == DataType::Int8 ? r.quant : graph::Quantization{};
    const int out_index = add_tensor(std::move(out));

    graph::Operator op;
    op.kind = layer.op;
    op.inputs = r.op_inputs;
    op.outputs = {out_index};
    op.params = r.params.value_or(layer.params);
    op.source_index = index;
    graph_.ops.push_back(std::move(op));
    values_[layer.name] = Value{out_index, r.estimate, index};
  }

  void set_outputs()
  {
    std::vector<std::string> names = spec_.outputs;
    if (names.empty())
      names.push_back(spec_.layers.back().name);
    for (const std::string& name : names) {
      const auto found = values_.find(name);
      if (found == values_.end() || found->second.layer < 0)
        fail_at(spec_.outputs_at, fmt::format("unknown layer '{}'", name));
      const int index = found->second.tensor;
      if (std::find(graph_.outputs.begin(), graph_.outputs.end(), index) != graph_.outputs.end())
        fail_at(spec_.outputs_at, fmt::format("'{}' is named twice", name));
      graph_.outputs.push_back(index);
      output_layers_.push_back(found->second.layer);
    }
  }

  // A layer that no output (or exit) depends on would be dead code in the
  // firmware: most likely a typo in someone's `inputs`.
  void check_used() const
  {
    std::vector<bool> reached(spec_.layers.size(), false);
    std::vector<int> pending = output_layers_;
    for (int layer : exit_layers(spec_))
      pending.push_back(layer);
    while (!pending.empty()) {
      const int layer = pending.back();
      pending.pop_back();
      if (reached[layer])
        continue;
      reached[layer] = true;
      pending.insert(pending.end(), producers_[layer].begin(), producers_[layer].end());
    }
    for (std::size_t i = 0; i < reached.size(); ++i)
      if (!reached[i])
        fail(spec_.layers[i], "name",
             "no network output depends on this layer (list it in `outputs` or `exits`, or use it)");
  }

  const NetworkSpec& spec_;
  graph::Graph graph_;
  std::map<std::string, Value> values_;      // by layer (or input) name
  std::vector<std::vector<int>> producers_;  // per layer: the layers it reads
  std::vector<int> uses_;                    // per layer: how often later layers read it so far
  std::vector<int> output_layers_;           // the layers writing the graph's outputs
};

}  // namespace

graph::Graph build(const NetworkSpec& spec) { return GraphBuilder(spec).build(); }

}  // namespace compiler::network
