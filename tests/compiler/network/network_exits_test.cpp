// Early exits in the network YAML (`exits:`): what the graph carries (each
// exit's scores, rule, threshold and the operator after which it decides;
// operators reordered so an exit's branch runs before the backbone goes on)
// and the errors, each naming the file, line, column and key.
#include "compiler/network/network.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/compiler/network/error_cases.hpp"

using namespace compiler;
using network::test::error_of;
using network::test::kHead;
using Catch::Matchers::Contains;

namespace {

// in [1,8,8,4] -> a (3x3 VALID: 6x6x4) -> exit e1 (pool to 4 values, 3
// classes); a -> b (4x4x4) -> out (3 classes). Lines 1-5 are kHead, the
// layers 6-14, `exits:` 15 and its first entry 16.
const std::string kLayers = "  - {name: a, op: conv2d, filters: 4, kernel: 3}\n"
                            "  - {name: e1_pool, op: average_pool2d, pool: 6}\n"
                            "  - {name: e1_flat, op: reshape, shape: [1, 4]}\n"
                            "  - {name: e1_fc, op: fully_connected, units: 3}\n"
                            "  - {name: e1, op: softmax}\n"
                            "  - {name: b, op: conv2d, inputs: a, filters: 4, kernel: 3}\n"
                            "  - {name: flat, op: reshape, shape: [1, 64]}\n"
                            "  - {name: fc, op: fully_connected, units: 3}\n"
                            "  - {name: out, op: softmax}\n";

std::string with_exits(const std::string& exits) { return kHead + kLayers + "exits:\n" + exits; }

int tensor_named(const graph::Graph& g, const std::string& name)
{
  for (std::size_t i = 0; i < g.tensors.size(); ++i)
    if (g.tensors[i].name == name)
      return static_cast<int>(i);
  FAIL("no tensor " << name);
  return -1;
}

std::vector<std::string> op_outputs(const graph::Graph& g)
{
  std::vector<std::string> names;
  for (const auto& op : g.ops)
    names.push_back(g.tensors[op.outputs[0]].name);
  return names;
}

}  // namespace

TEST_CASE("an exit carries its scores, rule, threshold and the operator it decides after")
{
  const graph::Graph g = network::read_string(with_exits("  - {at: e1, rule: margin, threshold: 0.25}\n"), "net.yaml");
  REQUIRE(g.exits.size() == 1);
  CHECK(g.exits[0].tensor == tensor_named(g, "e1"));
  CHECK(g.exits[0].rule == graph::ExitRule::Margin);
  CHECK(g.exits[0].threshold == 0.25);
  // The YAML already runs e1's branch (layers 1-4) before b: no reordering.
  CHECK(op_outputs(g) == std::vector<std::string>{"a", "e1_pool", "e1_flat", "e1_fc", "e1", "b", "flat", "fc", "out"});
  CHECK(g.exits[0].last_op == 4);
  // The final output is the one graph output; the exit's scores are not one.
  CHECK(g.outputs == std::vector<int>{tensor_named(g, "out")});
}

TEST_CASE("an exit's branch runs before the backbone goes on, whatever the YAML's order")
{
  // The branch written after the backbone's next layer.
  const std::string text = kHead +
                           "  - {name: a, op: conv2d, filters: 4, kernel: 3}\n"
                           "  - {name: b, op: conv2d, filters: 4, kernel: 3}\n"
                           "  - {name: e1_pool, op: average_pool2d, inputs: a, pool: 6}\n"
                           "  - {name: e1_flat, op: reshape, shape: [1, 4]}\n"
                           "  - {name: e1_fc, op: fully_connected, units: 3}\n"
                           "  - {name: e1, op: softmax}\n"
                           "  - {name: flat, op: reshape, inputs: b, shape: [1, 64]}\n"
                           "  - {name: fc, op: fully_connected, units: 3}\n"
                           "  - {name: out, op: softmax}\n"
                           "exits: [{at: e1, rule: entropy, threshold: 0.5}]\n";
  const graph::Graph g = network::read_string(text, "net.yaml");
  CHECK(op_outputs(g) == std::vector<std::string>{"a", "e1_pool", "e1_flat", "e1_fc", "e1", "b", "flat", "fc", "out"});
  REQUIRE(g.exits.size() == 1);
  CHECK(g.exits[0].last_op == 4);
  CHECK(g.exits[0].rule == graph::ExitRule::Entropy);
  // Operators keep their YAML positions for messages: b is layer 1.
  CHECK(g.ops[5].source_index == 1);
  CHECK(g.ops[1].source_index == 2);
}

TEST_CASE("two exits off one backbone, in the order they run")
{
  // e1 after a; e2 after b, from b's 4x4x4 output; the final one after c.
  const std::string text = kHead +
                           "  - {name: a, op: conv2d, filters: 4, kernel: 3, padding: same}\n"
                           "  - {name: e1_flat, op: reshape, shape: [1, 256]}\n"
                           "  - {name: e1_fc, op: fully_connected, units: 3}\n"
                           "  - {name: e1, op: softmax}\n"
                           "  - {name: b, op: conv2d, inputs: a, filters: 4, kernel: 3, padding: same}\n"
                           "  - {name: e2_flat, op: reshape, shape: [1, 256]}\n"
                           "  - {name: e2_fc, op: fully_connected, units: 3}\n"
                           "  - {name: e2, op: softmax}\n"
                           "  - {name: c, op: conv2d, inputs: b, filters: 4, kernel: 3, padding: same}\n"
                           "  - {name: flat, op: reshape, shape: [1, 256]}\n"
                           "  - {name: fc, op: fully_connected, units: 3}\n"
                           "  - {name: out, op: softmax}\n";
  const graph::Graph g = network::read_string(
      text + "exits:\n  - {at: e1, rule: max_softmax, threshold: 0.9}\n  - {at: e2, rule: entropy, threshold: 0.3}\n",
      "net.yaml");
  REQUIRE(g.exits.size() == 2);
  CHECK(g.exits[0].last_op == 3);
  CHECK(g.exits[1].last_op == 7);
  CHECK(g.exits[0].tensor == tensor_named(g, "e1"));
  CHECK(g.exits[1].tensor == tensor_named(g, "e2"));
  // Listed the other way round, e2 would wait for b, which e1 does not need.
  CHECK_THAT(error_of(text + "exits:\n  - {at: e2, rule: max_softmax, threshold: 0.9}\n"
                             "  - {at: e1, rule: entropy, threshold: 0.3}\n"),
             Contains("net.yaml:20:10: exits[1].at: 'e1' branches off before the exit listed ahead of it"));
}

TEST_CASE("exit errors: unknown layers, rules and keys")
{
  CHECK_THAT(error_of(with_exits("  - {at: nope, rule: margin, threshold: 0.5}\n")),
             Contains("net.yaml:16:10: exits[0].at: unknown layer 'nope'"));
  CHECK_THAT(error_of(with_exits("  - {at: in, rule: margin, threshold: 0.5}\n")),
             Contains("net.yaml:16:10: exits[0].at: 'in' is the network input, not a layer's scores"));
  CHECK_THAT(error_of(with_exits("  - {at: e1, rule: confidence, threshold: 0.5}\n")),
             Contains("net.yaml:16:20: exits[0].rule: 'confidence' is not one of max_softmax, margin, entropy"));
  CHECK_THAT(error_of(with_exits("  - {at: e1, threshold: 0.5}\n")),
             Contains("net.yaml:16:5: exits[0].rule: missing (required; max_softmax, margin or entropy)"));
  CHECK_THAT(error_of(with_exits("  - {at: e1, rule: margin}\n")),
             Contains("net.yaml:16:5: exits[0].threshold: missing (required)"));
  CHECK_THAT(error_of(with_exits("  - {at: e1, rule: margin, threshold: 0.5, criterion: x}\n")),
             Contains("net.yaml:16:44: exits[0].criterion: unknown key"));
  CHECK_THAT(error_of(kHead + kLayers + "exits: {at: e1}\n"), Contains("net.yaml:15:8: exits: expected a list"));
}

TEST_CASE("exit errors: thresholds out of range")
{
  // Probabilities: (0, 1].
  CHECK_THAT(error_of(with_exits("  - {at: e1, rule: margin, threshold: 1.5}\n")),
             Contains("net.yaml:16:39: exits[0].threshold: 1.5 is out of range [0, 1]"));
  CHECK_THAT(error_of(with_exits("  - {at: e1, rule: max_softmax, threshold: 0}\n")),
             Contains("exits[0].threshold: must be greater than 0"));
  // The largest of 3 probabilities is at least 1/3: 0.3 always passes.
  CHECK_THAT(error_of(with_exits("  - {at: e1, rule: max_softmax, threshold: 0.3}\n")),
             Contains("net.yaml:16:44: exits[0].threshold: 0.3 is at most 1/3"));
  // The entropy of 3 classes is at most ln 3 = 1.0986: 1.1 always passes.
  CHECK_THAT(error_of(with_exits("  - {at: e1, rule: entropy, threshold: 1.1}\n")),
             Contains("net.yaml:16:40: exits[0].threshold: 1.1 is at least ln 3 = 1.0986"));
  CHECK_THAT(error_of(with_exits("  - {at: e1, rule: entropy, threshold: -0.5}\n")),
             Contains("exits[0].threshold: -0.5 is out of range"));
}

TEST_CASE("exit errors: scores that are not a softmax's [1, classes] like the final output's")
{
  CHECK_THAT(error_of(with_exits("  - {at: e1_fc, rule: margin, threshold: 0.5}\n")),
             Contains("net.yaml:16:10: exits[0].at: exit 'e1_fc' is a FULLY_CONNECTED output [1, 3]; it must be a "
                      "softmax layer's [1, classes] output"));
  // A softmax over a 4-D tensor.
  CHECK_THAT(error_of(kHead + "  - {name: s, op: softmax}\n  - {name: f, op: reshape, inputs: in, shape: [1, 256]}\n"
                              "  - {name: g, op: fully_connected, units: 3}\n  - {name: out, op: softmax}\n"
                              "exits: [{at: s, rule: margin, threshold: 0.5}]\n"),
             Contains("net.yaml:10:14: exits[0].at: exit 's' is a SOFTMAX output [1, 8, 8, 4]"));
  // Five classes against the final output's three.
  std::string five = kLayers;
  five.replace(five.find("units: 3"), 8, "units: 5");
  CHECK_THAT(error_of(kHead + five + "exits: [{at: e1, rule: margin, threshold: 0.5}]\n"),
             Contains("exits[0].at: 'e1' gives [1, 5] scores, the final output 'out' [1, 3]"));
  // The final output must be scores too.
  CHECK_THAT(error_of(kHead + kLayers + "  - {name: last, op: reshape, inputs: out, shape: [3]}\n"
                                        "exits: [{at: e1, rule: margin, threshold: 0.5}]\n"),
             Contains("net.yaml:15:22: layers[9].op: the final output 'last' is a RESHAPE output [3]"));
  // float32 networks have no int8 scores.
  CHECK_THAT(error_of("network: net\ntype: float32\ninput: {shape: [1, 4]}\n"
                      "layers:\n  - {name: e, op: softmax}\n  - {name: f, op: fully_connected, inputs: input, units: 4}\n"
                      "  - {name: out, op: softmax}\nexits: [{at: e, rule: margin, threshold: 0.5}]\n"),
             Contains("'out' is float32: early exits decide on int8 softmax scores"));
}

TEST_CASE("exit errors: the final output is the last exit")
{
  CHECK_THAT(error_of(with_exits("  - {at: out, rule: margin, threshold: 0.5}\n")),
             Contains("net.yaml:16:10: exits[0].at: 'out' is the final output, always the last exit"));
  // An exit computed from the final output comes after it.
  CHECK_THAT(error_of(kHead + kLayers + "  - {name: late, op: softmax, inputs: out}\noutputs: out\n"
                                        "exits: [{at: late, rule: margin, threshold: 0.5}]\n"),
             Contains("net.yaml:17:14: exits[0].at: 'late' reads the final output 'out': no exit comes after the "
                      "final output"));
  CHECK_THAT(error_of(kHead + kLayers + "outputs: [e1, out]\nexits: [{at: e1, rule: margin, threshold: 0.5}]\n"),
             Contains("net.yaml:15:10: outputs: an early-exit network has one output, its final exit, not 2"));
  // A side branch no exit lists is dead.
  CHECK_THAT(error_of(kHead + kLayers + "exits: []\n"),
             Contains("layers[1].name: e1_pool: no network output depends on this layer (list it in `outputs` or `exits`"));
}
