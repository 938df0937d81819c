// The example networks run on the host reference (compiler/reference), and
// the int8 quantization rule earns its keep: the int8 DS-CNN follows its
// float32 twin (same real weights) layer by layer on the same input.
#include "compiler/network/network.hpp"
#include "compiler/network/splitmix.hpp"
#include "compiler/reference/interpreter.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace compiler;

namespace {

const std::string kDir = EDGESIM_NETWORKS_DIR;

// A deterministic int8 input covering the whole range.
std::vector<std::int8_t> int8_input(std::size_t count, std::uint64_t seed)
{
  network::SplitMix64 rng(seed);
  std::vector<std::int8_t> out(count);
  for (auto& v : out)
    v = static_cast<std::int8_t>(rng.next() >> 56);
  return out;
}

std::vector<double> dequantized(const graph::Tensor& t, const std::vector<std::int8_t>& q)
{
  std::vector<double> out;
  for (std::int8_t v : q)
    out.push_back(t.quant.scales[0] * (v - t.quant.zero_points[0]));
  return out;
}

}  // namespace

TEST_CASE("the int8 DS-CNN follows its float32 twin layer by layer")
{
  const graph::Graph q = network::read_file(kDir + "/ds_cnn_kws.yaml");
  const graph::Graph f = network::read_file(kDir + "/ds_cnn_kws_f32.yaml");
  REQUIRE(q.ops.size() == f.ops.size());

  // The same real input: int8 q means 0.5 * (q + 128) (scale 0.5, zero point -128).
  const std::vector<std::int8_t> input = int8_input(490, 1);
  std::vector<float> real_input;
  for (std::int8_t v : input)
    real_input.push_back(0.5f * (v + 128));

  reference::Interpreter int8_run(q);
  reference::Interpreter float_run(f);
  int8_run.run({reference::to_bytes(input)});
  float_run.run({reference::to_bytes(real_input)});

  for (std::size_t i = 0; i < q.ops.size(); ++i) {
    const int qi = q.ops[i].outputs[0];
    const int fi = f.ops[i].outputs[0];
    const std::vector<double> a = dequantized(q.tensors[qi], int8_run.tensor_as<std::int8_t>(qi));
    const std::vector<float> b = float_run.tensor_as<float>(fi);
    REQUIRE(a.size() == b.size());
    double error = 0.0;
    double signal = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k) {
      error += (a[k] - b[k]) * (a[k] - b[k]);
      signal += static_cast<double>(b[k]) * b[k];
    }
    INFO(q.tensors[qi].name);
    // One int8 rounding costs about step/sqrt(12), ~0.1% of a range that is
    // ~8 sigma wide; thirteen layers, requantized, stay well within 10%.
    CHECK(std::sqrt(error / signal) < 0.10);
  }
}

TEST_CASE("every int8 example runs on the host reference to probabilities")
{
  for (const char* file : {"ds_cnn_kws.yaml", "mobilenet_v1_blocks.yaml", "squeezenet_fire.yaml", "resnet8.yaml"}) {
    INFO(file);
    const graph::Graph g = network::read_file(kDir + "/" + file);
    const graph::Tensor& in = g.tensors[g.inputs[0]];
    const auto outputs = reference::run(g, {reference::to_bytes(int8_input(in.elements(), 2))});
    REQUIRE(outputs.size() == 1);
    const auto& out = g.tensors[g.outputs[0]];
    const std::vector<double> p = dequantized(out, reference::from_bytes<std::int8_t>(outputs[0]));
    double sum = 0.0;
    for (double v : p)
      sum += v;
    // Softmax's int8 output: steps of 1/256, each rounded: the sum is 1
    // within one step per class.
    CHECK(sum == Approx(1.0).margin(p.size() / 256.0));
  }
}
