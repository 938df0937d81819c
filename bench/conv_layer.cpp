#include "conv_layer.hpp"

#include <bit>
#include <chrono>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "accel/model/layers.hpp"
#include "accel/device/flat_memory.hpp"

namespace bench {

namespace {

using accel::device::Conv2dCommand;
using accel::device::FlatMemory;

uint32_t align4(uint64_t n) { return static_cast<uint32_t>((n + 3) & ~uint64_t{3}); }

void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument(what);
}

std::vector<int8_t> random_int8(std::mt19937& rng, size_t n) {
  std::uniform_int_distribution<int> d(-128, 127);
  std::vector<int8_t> v(n);
  for (int8_t& x : v) x = static_cast<int8_t>(d(rng));
  return v;
}

}  // namespace

ConvLayer::ConvLayer(const ConvSpec& spec) {
  require(spec.in_h >= 1 && spec.in_w >= 1 && spec.in_c >= 1 && spec.out_c >= 1 && spec.kernel >= 1,
          "every size must be at least 1");
  require(spec.in_h <= 0xFFFF && spec.in_w <= 0xFFFF && spec.in_c <= 0xFFFF && spec.out_c <= 0xFFFF,
          "heights, widths and channels must fit 16 bits (the command's fields)");
  require(spec.kernel <= 0xFF, "the kernel must fit 8 bits (the command's field)");
  const auto same = [&](uint32_t in) {
    return accel::model::padding_for(accel::model::Padding::Same, in, spec.kernel, 1, 1);
  };
  const accel::model::SpatialPadding h = same(spec.in_h), w = same(spec.in_w);
  require(h.pad_before <= 0xFF && w.pad_before <= 0xFF, "the padding must fit 8 bits (the command's field)");

  Conv2dCommand& c = command_;
  c.shape = {.batch = 1, .in_c = spec.in_c, .out_c = spec.out_c, .window = {}};
  c.shape.window = {.in_h = spec.in_h, .in_w = spec.in_w, .out_h = h.out, .out_w = w.out, .kernel_h = spec.kernel,
                    .kernel_w = spec.kernel, .pad_top = h.pad_before, .pad_left = w.pad_before};
  // A ReLU'd input (zero point -128) and a full-range output, as in a quantized CNN.
  c.quant = {.input_offset = 128, .output_offset = -128, .act_min = -128, .act_max = 127};

  std::mt19937 rng(2024);
  const uint64_t k = uint64_t{spec.kernel} * spec.kernel * spec.in_c;
  input_ = random_int8(rng, size_t{spec.in_h} * spec.in_w * spec.in_c);
  weights_ = random_int8(rng, k * spec.out_c);
  // Shifts that bring a typical accumulator (sqrt(k) products of two
  // spreads of about 74 and 74 + 128) to the int8 range.
  const auto typical = static_cast<uint64_t>(std::sqrt(static_cast<double>(k)) * 74.0 * (74.0 + 128.0));
  const int32_t shift = 6 - static_cast<int32_t>(std::bit_width(typical));
  std::uniform_int_distribution<int32_t> bias(-4096, 4096), multiplier(1 << 30, INT32_MAX);
  for (uint32_t j = 0; j < spec.out_c; ++j) {
    bias_.push_back(bias(rng));
    multipliers_.push_back(multiplier(rng));
    shifts_.push_back(std::max(shift, -31));
  }

  // Operands one after the other from the memory's base, int32 arrays word-aligned.
  uint32_t next = 0;
  auto place = [&next](uint64_t bytes) {
    const uint32_t at = FlatMemory::kBase + next;
    next = align4(next + bytes);
    return at;
  };
  c.at.input = place(input_.size());
  c.at.weights = place(weights_.size());
  c.at.bias = place(4 * bias_.size());
  c.at.multipliers = place(4 * multipliers_.size());
  c.at.shifts = place(4 * shifts_.size());
  c.at.output = place(uint64_t{h.out} * w.out * spec.out_c);
  memory_bytes_ = next;
}

uint64_t ConvLayer::macs() const {
  const accel::model::Window2d& w = command_.shape.window;
  return uint64_t{w.out_h} * w.out_w * command_.shape.out_c * w.kernel_h * w.kernel_w * command_.shape.in_c;
}

LayerRun ConvLayer::run(accel::engine::ComputeEngine& engine, const accel::device::BufferSizes& buffers) const {
  using namespace accel::device;
  FlatMemory memory(memory_bytes_);
  memory.put(command_.at.input, input_);
  memory.put(command_.at.weights, weights_);
  memory.put(*command_.at.bias, bias_);
  memory.put(command_.at.multipliers, multipliers_);
  memory.put(command_.at.shifts, shifts_);
  LocalBuffers local(buffers);
  Control control(local, engine, memory);
  std::vector<uint32_t> words = encode(command_);
  const std::vector<uint32_t> stop = encode(StopCommand{});
  words.insert(words.end(), stop.begin(), stop.end());

  const BaseRegisters bases{};
  uint64_t now = 0;
  const auto start = std::chrono::steady_clock::now();
  for (size_t at = 0;;) {
    const Decoded d = decode(std::span<const uint32_t>(words).subspan(at), bases);
    now = control.execute(d.command, now);
    at += d.words;
    if (std::holds_alternative<StopCommand>(d.command)) break;
  }
  const auto end = std::chrono::steady_clock::now();

  const accel::model::Window2d& w = command_.shape.window;
  LayerRun r{.cycles = now, .pmu = control.pmu(),
             .host_seconds = std::chrono::duration<double>(end - start).count(),
             .output = memory.get(command_.at.output, size_t{w.out_h} * w.out_w * command_.shape.out_c)};
  r.pmu.cycles = now;  // the device adds the stream's cycles to the PMU at STOP (the control does not)
  return r;
}

}  // namespace bench
