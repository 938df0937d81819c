// A bad network description is one NetworkError that names the file, the
// line (and column) and the key: unknown and missing keys, bad values,
// unknown layers, shapes that do not work.
#include "compiler/network/network.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "tests/compiler/network/error_cases.hpp"

using compiler::network::read_file;
using compiler::network::test::error_of;
using compiler::network::test::kHead;
using Catch::Matchers::Contains;

TEST_CASE("an unknown key names its line and suggests the known one")
{
  const std::string message = error_of(kHead +
                                       "  - {name: a, op: conv2d, filters: 4, kernel: 3}\n"   // line 6
                                       "  - {name: b, op: conv2d, filters: 4, kernal: 3}\n");  // line 7
  // Column 39: where `kernal` starts on line 7.
  CHECK_THAT(message, Contains("net.yaml:7:39: layers[1].kernal: unknown key; did you mean 'kernel'?"));
}

TEST_CASE("an unknown top-level key and one in the input map")
{
  CHECK_THAT(error_of("netwrk: x\n" + kHead.substr(kHead.find('\n') + 1) + "  - {op: softmax}\n"),
             Contains("net.yaml:1:1: netwrk: unknown key; did you mean 'network'?"));
  CHECK_THAT(error_of("network: net\ntype: int8\ninput: {shape: [1, 4], scale: 1, zero_point: 0, zp: 3}\n"
                      "layers: [{op: softmax}]\n"),
             Contains("net.yaml:3:49: input.zp: unknown key"));
}

TEST_CASE("a missing required key names the map that lacks it")
{
  CHECK_THAT(error_of(kHead + "  - {name: a, op: conv2d, kernel: 3}\n"),
             Contains("net.yaml:6:5: layers[0].filters: missing (required)"));
  CHECK_THAT(error_of("network: net\ninput: {shape: [1, 4], scale: 1, zero_point: 0}\nlayers: [{op: softmax}]\n"),
             Contains("net.yaml:1:1: type: missing (required; int8 or float32)"));
  // An int8 input needs its quantization.
  CHECK_THAT(error_of("network: net\ntype: int8\ninput: {shape: [1, 4]}\nlayers: [{op: softmax}]\n"),
             Contains("net.yaml:3:8: input.scale: missing (required)"));
}

TEST_CASE("bad values: choices, ranges, types")
{
  CHECK_THAT(error_of(kHead + "  - {op: conv2d, filters: 4, kernel: 3, padding: sam}\n"),
             Contains("net.yaml:6:50: layers[0].padding: 'sam' is not one of valid, same"));
  CHECK_THAT(error_of(kHead + "  - {op: conv2d, filters: 0, kernel: 3}\n"),
             Contains("net.yaml:6:27: layers[0].filters: 0 is out of range"));
  CHECK_THAT(error_of(kHead + "  - {op: conv2d, filters: four, kernel: 3}\n"),
             Contains("layers[0].filters: expected an integer, got 'four'"));
  CHECK_THAT(error_of(kHead + "  - {op: conv2d, filters: 4, kernel: [3, 3, 3]}\n"),
             Contains("layers[0].kernel: expected one integer or [height, width]"));
  CHECK_THAT(error_of(kHead + "  - {op: convolution}\n"),
             Contains("net.yaml:6:10: layers[0].op: unknown operator 'convolution'"));
  CHECK_THAT(error_of("network: net\ntype: int8\ninput: {shape: [1, 4], scale: -1, zero_point: 0}\n"
                      "layers: [{op: softmax}]\n"),
             Contains("input.scale: -1 is out of range"));
  CHECK_THAT(error_of("network: net\ntype: int8\ninput: {shape: [1, 4], scale: 1, zero_point: 128}\n"
                      "layers: [{op: softmax}]\n"),
             Contains("input.zero_point: 128 is out of range [-128, 127]"));
  CHECK_THAT(error_of("network: 3net\ntype: int8\ninput: {shape: [1, 4], scale: 1, zero_point: 0}\n"
                      "layers: [{op: softmax}]\n"),
             Contains("net.yaml:1:10: network: '3net' is not a name"));
}

TEST_CASE("a reference to an unknown or later layer")
{
  CHECK_THAT(error_of(kHead +
                      "  - {name: a, op: conv2d, filters: 4, kernel: 1}\n"
                      "  - {name: b, op: add, inputs: [a, c]}\n"
                      "  - {name: c, op: conv2d, filters: 4, kernel: 1}\n"),
             Contains("net.yaml:7:32: layers[1].inputs: b: unknown layer 'c'"));
  CHECK_THAT(error_of(kHead + "  - {op: softmax}\noutputs: [nope]\n"),
             Contains("net.yaml:7:10: outputs: unknown layer 'nope'"));
}

TEST_CASE("shapes that do not work")
{
  // 8*8*4 = 256 elements do not make [1, 100].
  CHECK_THAT(error_of(kHead + "  - {name: flat, op: reshape, shape: [1, 100]}\n"),
             Contains("net.yaml:6:38: layers[0].shape: flat: [1, 100] does not hold the 256 elements of its "
                      "input [1, 8, 8, 4]"));
  // -1 cannot be inferred when 3 does not divide 256.
  CHECK_THAT(error_of(kHead + "  - {op: reshape, shape: [3, -1]}\n"), Contains("does not hold the 256 elements"));
  // An add of 8x8x4 and 8x8x6.
  CHECK_THAT(error_of(kHead +
                      "  - {name: a, op: conv2d, filters: 6, kernel: 1}\n"
                      "  - {name: b, op: add, inputs: [in, a]}\n"),
             Contains("net.yaml:7:32: layers[1].inputs: b: add needs inputs of one shape, got [1, 8, 8, 4] and "
                      "[1, 8, 8, 6]"));
  // Concatenation along channels needs equal height and width.
  CHECK_THAT(error_of(kHead +
                      "  - {name: a, op: max_pool2d, pool: 2}\n"
                      "  - {name: b, op: concatenation, inputs: [in, a]}\n"),
             Contains("layers[1].inputs: b: concatenation along axis 3 needs inputs equal in every other dimension"));
  // A 9x9 VALID window on an 8x8 input.
  CHECK_THAT(error_of(kHead + "  - {name: big, op: conv2d, filters: 4, kernel: 9}\n"),
             Contains("net.yaml:6:49: layers[0].kernel: big: a window of 9 (dilated) does not fit an input of 8"));
  // A convolution of a 2-D tensor.
  CHECK_THAT(error_of(kHead +
                      "  - {name: flat, op: reshape, shape: [1, 256]}\n"
                      "  - {name: c, op: conv2d, filters: 4, kernel: 1}\n"),
             Contains("c: CONV_2D needs a 4-dimensional input, got [1, 256]"));
}

TEST_CASE("input counts, names and dead layers")
{
  CHECK_THAT(error_of(kHead + "  - {op: add}\n"), Contains("layers[0].inputs: add_0: ADD takes 2 inputs, not 1"));
  CHECK_THAT(error_of(kHead +
                      "  - {name: a, op: softmax}\n"
                      "  - {name: a, op: softmax}\n"),
             Contains("net.yaml:7:12: layers[1].name: a: the name 'a' is taken"));
  // `b` reads the input, so nothing reads `a`.
  CHECK_THAT(error_of(kHead +
                      "  - {name: a, op: conv2d, filters: 4, kernel: 1}\n"
                      "  - {name: b, op: conv2d, inputs: in, filters: 4, kernel: 1}\n"),
             Contains("net.yaml:6:12: layers[0].name: a: no network output depends on this layer"));
}

TEST_CASE("quantization that the operator fixes cannot be overridden")
{
  CHECK_THAT(error_of(kHead + "  - {op: max_pool2d, pool: 2, output: {scale: 0.1, zero_point: 0}}\n"),
             Contains("layers[0].output: max_pool2d_0: MAX_POOL_2D fixes its output quantization"));
  CHECK_THAT(error_of(kHead + "  - {op: conv2d, filters: 4, kernel: 1, output: {scale: 0.1, zero_point: 0, axis: 1}}\n"),
             Contains("layers[0].output.axis: unknown key"));
  CHECK_THAT(error_of("network: net\ntype: float32\ninput: {shape: [1, 4]}\n"
                      "layers: [{op: fully_connected, units: 2, output: {scale: 0.1, zero_point: 0}}]\n"),
             Contains("net.yaml:4:50: layers[0].output: fully_connected_0: only an int8 output has a quantization"));
  CHECK_THAT(error_of(kHead + "  - {op: quantize}\n"), Contains("layers[0].op: quantize_0: quantize takes a float32 input"));
}

TEST_CASE("an int8 concatenation input that cannot take the output's quantization")
{
  // The network input's quantization is the user's.
  CHECK_THAT(error_of(kHead +
                      "  - {name: a, op: conv2d, filters: 4, kernel: 1}\n"
                      "  - {name: b, op: concatenation, inputs: [in, a]}\n"),
             Contains("net.yaml:7:42: layers[1].inputs: b: int8 concatenation needs its inputs quantized as its "
                      "output, and 'in' cannot take"));
  // `c` has already built its bias scale on `a`'s quantization.
  CHECK_THAT(error_of(kHead +
                      "  - {name: a, op: conv2d, filters: 4, kernel: 1}\n"
                      "  - {name: c, op: conv2d, filters: 4, kernel: 1}\n"
                      "  - {name: x, op: conv2d, inputs: in, filters: 4, kernel: 1}\n"
                      "  - {name: b, op: concatenation, inputs: [a, c, x]}\n"),
             Contains("'a' cannot take the output's quantization"));
}

TEST_CASE("YAML syntax errors and missing files")
{
  CHECK_THAT(error_of(kHead + "  - {op: softmax\n"), Contains("net.yaml:"));
  CHECK_THROWS_WITH(read_file("/nonexistent/net.yaml"), Contains("/nonexistent/net.yaml: cannot open the file"));
  CHECK_THAT(error_of("- just a list\n"), Contains("net.yaml:1:1: expected a map of keys to values"));
}
