// Where the operators of the project's DS-CNN (workloads/networks/
// ds_cnn_kws.yaml: conv1 10x4 on 49x10x1, four 3x3 depthwise and 1x1
// pointwise layers on 25x5x64, average pool, reshape, fully connected
// 64 -> 12, softmax) run, with the accelerator's buffers sized so that its
// tiling rules (accel/README.md, "Tiling") admit or refuse each layer. The
// expected placements are worked out by hand from those rules: each buffer
// is used in halves; a row band needs its input rows in half the input
// buffer; a chunk of output channels needs its weights (padded to a word)
// and 12 bytes of parameters per channel in half the weight buffer.
#include "compiler/codegen/placement.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "compiler/network/network.hpp"

using namespace compiler;
using codegen::Backend;

namespace {

graph::Graph ds_cnn() { return network::read_file(std::string(EDGESIM_NETWORKS_DIR) + "/ds_cnn_kws.yaml"); }

std::vector<Backend> runs_on(const std::vector<codegen::Placement>& placements) {
  std::vector<Backend> out;
  for (const auto& p : placements) out.push_back(p.runs_on);
  return out;
}

constexpr Backend A = Backend::Accel, S = Backend::Simd, P = Backend::Portable;

}  // namespace

TEST_CASE("accel: DS-CNN's MAC layers all fit the default device, pool, reshape and softmax stay on the CPU") {
  const auto g = ds_cnn();
  const auto placed = codegen::place_operators(g, Backend::Accel, true, codegen::AccelTarget{});
  //                                conv1 dw1 pw1 dw2 pw2 dw3 pw3 dw4 pw4 pool reshape fc softmax
  CHECK(runs_on(placed) == std::vector<Backend>{A, A, A, A, A, A, A, A, A, P, P, A, P});
  for (const auto& p : placed) {
    CHECK(p.refused.empty());
    CHECK(p.accel.has_value() == (p.runs_on == A));
  }
}

TEST_CASE("accel: a depthwise layer whose 3 input rows do not fit half the input buffer runs on the CPU") {
  const auto g = ds_cnn();
  // A 3x3 depthwise row band reads 3 input rows of 5 x 64 = 320 bytes: 960
  // bytes. conv1 reads 10 rows of 10 x 1 bytes, a pointwise layer one row of
  // 320, fc one row of 64.
  codegen::AccelTarget t;
  t.input_buffer_bytes = 1920;  // halves of 960: just enough
  CHECK(runs_on(codegen::place_operators(g, Backend::Accel, true, t)) ==
        std::vector<Backend>{A, A, A, A, A, A, A, A, A, P, P, A, P});
  t.input_buffer_bytes = 1918;  // halves of 959
  const auto placed = codegen::place_operators(g, Backend::Accel, true, t);
  CHECK(runs_on(placed) == std::vector<Backend>{A, S, A, S, A, S, A, S, A, P, P, A, P});
  CHECK_THAT(placed[1].refused, Catch::Contains("does not fit half the input and output buffers"));
  // Without DSP the fallback is the portable kernel.
  CHECK(runs_on(codegen::place_operators(g, Backend::Accel, false, t)) ==
        std::vector<Backend>{A, P, A, P, A, P, A, P, A, P, P, A, P});
}

TEST_CASE("accel: a layer whose one output channel does not fit half the weight buffer runs on the CPU") {
  const auto g = ds_cnn();
  // Half of 128 bytes is 64. Per output channel: conv1 40 weights + 12 = 52
  // (fits), pointwise and fc 64 + 12 = 76 (does not); a depthwise chunk of
  // 3 channels takes 28 (27 weights padded) + 36 = 64 (fits).
  codegen::AccelTarget t;
  t.weight_buffer_bytes = 128;
  const auto placed = codegen::place_operators(g, Backend::Accel, true, t);
  CHECK(runs_on(placed) == std::vector<Backend>{A, A, S, A, S, A, S, A, S, P, P, S, P});
  CHECK_THAT(placed[2].refused, Catch::Contains("one output channel needs 76 bytes"));
  CHECK_THAT(placed[11].refused, Catch::Contains("one output channel needs 76 bytes"));
}

TEST_CASE("simd and portable backends: only the int8 MAC layers have simd kernels") {
  const auto g = ds_cnn();
  CHECK(runs_on(codegen::place_operators(g, Backend::Simd, true, std::nullopt)) ==
        std::vector<Backend>{S, S, S, S, S, S, S, S, S, P, P, S, P});
  CHECK(runs_on(codegen::place_operators(g, Backend::Portable, true, codegen::AccelTarget{})) ==
        std::vector<Backend>(13, P));
  CHECK_THROWS_WITH(codegen::place_operators(g, Backend::Accel, true, std::nullopt),
                    Catch::Contains("needs an accelerator"));
}
