// TLM vs RTL: random layers of each operation run through the whole device
// path (command words decoded, tiled by the control into chunks and bands,
// double-buffered over a fixed-latency DMA) twice from the same command
// stream and memory: once on the C++ model engine, once on the Verilated
// RTL. Everything must agree: system memory afterwards (the outputs, and
// nothing else written), the PMU, the stream's cycles and the compute phase
// (every pass's cycles, summed). The outputs must also be the functional
// model's and the naive reference's, so a bug both engines share cannot hide.
// A failure names the layer's seed: random_layer(op, seed, array) rebuilds it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "accel/device/control.hpp"
#include "accel/engine/model_engine.hpp"
#include "accel/model/ops.hpp"
#include "accel/rtl/rtl_engine.hpp"
#include "counting_engine.hpp"
#include "accel/device/flat_memory.hpp"
#include "random_layers.hpp"
#include "tests/accel/naive/naive_ops.hpp"

namespace {

using namespace accel;
using namespace accel::device;
using namespace accel::device::test;

// What one run of a layer's stream left behind.
struct Run {
  std::vector<int8_t> memory;  // system memory afterwards
  Pmu pmu;
  engine::PassCycles compute;  // every pass, summed
  uint64_t passes = 0;
};

// The stream [layer, STOP] as words, decoded and executed one command after
// the other from cycle 0, as the device's command processor does.
Run run_stream(const RandomLayer& layer, engine::ComputeEngine& engine) {
  FlatMemory memory(layer.memory_bytes, layer.dma_latency);
  memory.put(FlatMemory::kBase, layer.memory_image());
  LocalBuffers buffers(layer.buffers);
  CountingEngine counting(engine);
  Control control(buffers, counting, memory);
  std::vector<uint32_t> words = encode(layer.command);
  const std::vector<uint32_t> stop = encode(StopCommand{});
  words.insert(words.end(), stop.begin(), stop.end());
  const BaseRegisters bases{};
  uint64_t now = 0;
  for (size_t at = 0;;) {
    const Decoded d = decode(std::span<const uint32_t>(words).subspan(at), bases);
    now = control.execute(d.command, now);
    at += d.words;
    if (std::holds_alternative<StopCommand>(d.command)) break;
  }
  Run run{.memory = memory.get(FlatMemory::kBase, layer.memory_bytes), .pmu = control.pmu(),
          .compute = counting.sum(), .passes = counting.passes()};
  run.pmu.cycles = now;  // the device adds the stream's cycles to the PMU at STOP (the control does not)
  return run;
}

// The layer's output by the functional model (ops.hpp) and by the naive
// loops, and the useful MACs its shape makes.
struct Reference {
  std::vector<int8_t> model, naive;
  uint64_t macs = 0;
};

Reference reference(const RandomLayer& l, model::ArrayShape array) {
  Reference r{.model = std::vector<int8_t>(l.output_bytes), .naive = std::vector<int8_t>(l.output_bytes)};
  auto operands = [&l](std::span<int8_t> out) {
    return model::MacOperands{.input = l.input, .weights = l.weights, .bias = l.bias, .requant = l.requant, .output = out};
  };
  if (const auto* c = std::get_if<Conv2dCommand>(&l.command)) {
    model::conv2d(c->shape, c->quant, operands(r.model), array);
    naive::conv2d(c->shape, c->quant, operands(r.naive));
    r.macs = uint64_t{l.output_bytes} * c->shape.window.kernel_h * c->shape.window.kernel_w * c->shape.in_c;
  } else if (const auto* c = std::get_if<DepthwiseCommand>(&l.command)) {
    model::depthwise_conv2d(c->shape, c->quant, operands(r.model), array);
    naive::depthwise_conv2d(c->shape, c->quant, operands(r.naive));
    r.macs = uint64_t{l.output_bytes} * c->shape.window.kernel_h * c->shape.window.kernel_w;
  } else if (const auto* c = std::get_if<FullyConnectedCommand>(&l.command)) {
    model::fully_connected(c->shape, c->quant, operands(r.model), array);
    naive::fully_connected(c->shape, c->quant, operands(r.naive));
    r.macs = uint64_t{l.output_bytes} * c->shape.in_features;
  } else if (const auto* c = std::get_if<AddCommand>(&l.command)) {
    model::add(c->params, l.input, l.input2, r.model, array);
    naive::add(c->params, l.input, l.input2, r.naive);
  }
  return r;
}

// Empty if the two memories agree; else where they first differ and how
// many bytes do (a whole vector in a failure message would be unreadable).
std::string difference(const std::vector<int8_t>& actual, const std::vector<int8_t>& expected,
                       const RandomLayer& layer) {
  if (actual == expected) return "";
  if (actual.size() != expected.size()) return "the memories differ in size";
  const size_t first = static_cast<size_t>(std::mismatch(actual.begin(), actual.end(), expected.begin()).first -
                                           actual.begin());
  const size_t count = static_cast<size_t>(
      std::inner_product(actual.begin(), actual.end(), expected.begin(), size_t{0}, std::plus<>(), std::not_equal_to<>()));
  const uint32_t output = layer.output - FlatMemory::kBase;
  std::ostringstream os;
  os << count << " bytes differ, the first at offset " << first;
  if (first >= output && first < output + layer.output_bytes) os << " (output element " << first - output << ")";
  else os << " (outside the output)";
  os << ": " << int{actual[first]} << " where " << int{expected[first]} << " was expected";
  return os.str();
}

// Seeds apart for each operation and array shape, so no two runs share layers.
uint32_t first_seed(Operation op, model::ArrayShape array) {
  return 0x5EED0000u + static_cast<uint32_t>(op) * 0x10000u + array.rows * 0x100u;
}

void cross_check(Operation op, model::ArrayShape array, uint32_t layers) {
  engine::ModelEngine model_engine(array);
  rtl::RtlEngine rtl_engine(array);  // one per shape, its state carried from layer to layer as on a device
  uint32_t tiled = 0;
  for (uint32_t i = 0; i < layers; ++i) {
    const RandomLayer layer = random_layer(op, first_seed(op, array) + i, array);
    INFO(name_of(op) << " on " << array.rows << "x" << array.cols << ", " << layer.describe());
    const Reference ref = reference(layer, array);
    REQUIRE(difference(ref.model, ref.naive, layer) == "");

    const Run tlm = run_stream(layer, model_engine);
    const Run rtl = run_stream(layer, rtl_engine);
    std::vector<int8_t> expected = layer.memory_image();
    std::copy(ref.model.begin(), ref.model.end(), expected.begin() + (layer.output - FlatMemory::kBase));
    REQUIRE(difference(tlm.memory, expected, layer) == "");
    REQUIRE(difference(rtl.memory, tlm.memory, layer) == "");

    REQUIRE(rtl.pmu.cycles == tlm.pmu.cycles);
    REQUIRE(rtl.pmu.mac_active == tlm.pmu.mac_active);
    REQUIRE(rtl.pmu.stall == tlm.pmu.stall);
    REQUIRE(rtl.pmu.dma_read_bytes == tlm.pmu.dma_read_bytes);
    REQUIRE(rtl.pmu.dma_write_bytes == tlm.pmu.dma_write_bytes);
    REQUIRE(rtl.pmu.macs == tlm.pmu.macs);
    REQUIRE(rtl.pmu.layers == tlm.pmu.layers);
    REQUIRE(rtl.passes == tlm.passes);
    REQUIRE(rtl.compute.total == tlm.compute.total);
    REQUIRE(rtl.compute.mac_active == tlm.compute.mac_active);

    // The PMU says what the layer's shape and its passes say.
    REQUIRE(tlm.pmu.macs == ref.macs);
    REQUIRE(tlm.pmu.dma_write_bytes == layer.output_bytes);  // each output stored once
    REQUIRE(tlm.pmu.mac_active == tlm.compute.mac_active);
    REQUIRE(tlm.pmu.cycles - tlm.pmu.stall == tlm.compute.total);  // stall: the layer's cycles without a pass
    tiled += layer.tiled ? 1 : 0;
  }
  // Most layers must have been cut into chunks or bands: the part of the control under test.
  CHECK(tiled * 10 >= layers * 6);
}

constexpr uint32_t kLayers = 200;            // per operation on the 8x8 array
constexpr uint32_t kLayersOtherShapes = 40;  // per operation on 4x4 and on 16x16
constexpr model::ArrayShape k8x8{8, 8}, k4x4{4, 4}, k16x16{16, 16};

}  // namespace

TEST_CASE("CONV2D on 8x8: 200 random layers, RTL and model agree", "[accel][xcheck]") {
  cross_check(Operation::Conv2d, k8x8, kLayers);
}
TEST_CASE("DEPTHWISE_CONV2D on 8x8: 200 random layers, RTL and model agree", "[accel][xcheck]") {
  cross_check(Operation::Depthwise, k8x8, kLayers);
}
TEST_CASE("FULLY_CONNECTED on 8x8: 200 random layers, RTL and model agree", "[accel][xcheck]") {
  cross_check(Operation::FullyConnected, k8x8, kLayers);
}
TEST_CASE("ADD on 8x8: 200 random layers, RTL and model agree", "[accel][xcheck]") {
  cross_check(Operation::Add, k8x8, kLayers);
}

TEST_CASE("every operation on 4x4: 40 random layers each, RTL and model agree", "[accel][xcheck]") {
  for (const Operation op : {Operation::Conv2d, Operation::Depthwise, Operation::FullyConnected, Operation::Add})
    cross_check(op, k4x4, kLayersOtherShapes);
}
TEST_CASE("every operation on 16x16: 40 random layers each, RTL and model agree", "[accel][xcheck]") {
  for (const Operation op : {Operation::Conv2d, Operation::Depthwise, Operation::FullyConnected, Operation::Add})
    cross_check(op, k16x16, kLayersOtherShapes);
}
