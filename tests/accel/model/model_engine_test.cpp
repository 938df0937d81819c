// The model engine: passes computed by the functional model, cycles by the
// schedule in accel/README.md and array_timing.hpp, worked by hand:
//   matmul: k + 2*rows + cols + 2 cycles, k + rows + cols - 2 with MACs active
//   add: ceil(count / cols) + 6 cycles, none with MACs active.
#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "accel/engine/model_engine.hpp"

using namespace accel;

namespace {

using Bytes = std::vector<int8_t>;

constexpr model::Requant kTimesOne{1 << 30, 1};  // 0.5 * 2

// A pass of m pixels x n channels with reduction k, all operands zero.
struct ZeroPass {
  Bytes a, w, out;
  std::vector<int32_t> bias;
  std::vector<model::Requant> requant;
  model::MatmulJob job;
  ZeroPass(uint32_t m, uint32_t n, uint32_t k)
      : a(size_t{m} * k), w(size_t{n} * k), out(size_t{m} * n), bias(n), requant(n, kTimesOne) {
    job = {.m = m, .n = n, .k = k, .a = a, .w = w, .bias = bias, .requant = requant};
  }
};

}  // namespace

TEST_CASE("model engine: a matmul pass computes out = requant(bias + a . w)") {
  engine::ModelEngine e({.rows = 8, .cols = 8});
  // m 2, n 1, k 2: a = {1, 2 | 3, 4}, w = {5, 6}, bias 1, scale 1:
  // row 0: 1 + 1*5 + 2*6 = 18; row 1: 1 + 3*5 + 4*6 = 40
  const Bytes a{1, 2, 3, 4}, w{5, 6};
  const std::vector<int32_t> bias{1};
  const std::vector<model::Requant> requant{kTimesOne};
  Bytes out(2);
  e.matmul({.m = 2, .n = 1, .k = 2, .a = a, .w = w, .bias = bias, .requant = requant}, out);
  CHECK(out == Bytes{18, 40});
}

TEST_CASE("model engine: matmul cycles follow the pass schedule") {
  engine::ModelEngine e({.rows = 8, .cols = 8});
  ZeroPass full(8, 8, 9);
  engine::PassCycles c = e.matmul(full.job, full.out);
  CHECK(c.total == 35);       // 9 + 2*8 + 8 + 2
  CHECK(c.mac_active == 23);  // 9 + 8 + 8 - 2
  ZeroPass partial(1, 3, 9);  // a partly used pass costs the same
  c = e.matmul(partial.job, partial.out);
  CHECK(c.total == 35);
  CHECK(c.mac_active == 23);

  engine::ModelEngine tall({.rows = 4, .cols = 2});
  ZeroPass one(4, 2, 1);
  c = tall.matmul(one.job, one.out);
  CHECK(c.total == 13);      // 1 + 2*4 + 2 + 2
  CHECK(c.mac_active == 5);  // 1 + 4 + 2 - 2
  ZeroPass long_k(2, 1, 100);
  c = tall.matmul(long_k.job, long_k.out);
  CHECK(c.total == 112);       // 100 + 8 + 2 + 2
  CHECK(c.mac_active == 104);  // 100 + 4 + 2 - 2
}

TEST_CASE("model engine: add passes take a beat per cols elements") {
  engine::ModelEngine e({.rows = 8, .cols = 8});
  const model::AddParams params{.input1 = {1 << 30, 0}, .input2 = {1 << 30, 0}, .output = {1 << 30, -19}};
  Bytes a(20, 3), b(20, 5), out(20);
  // (3 + 5) * 2^20 * 0.5 = 4 * 2^20, * 0.5 / 2^19 = 4 exactly.
  engine::PassCycles c = e.add({.count = 20, .a = a, .b = b, .params = params}, out);
  CHECK(out == Bytes(20, 4));
  CHECK(c.total == 9);  // ceil(20 / 8) = 3 beats, + 6
  CHECK(c.mac_active == 0);
  c = e.add({.count = 16, .a = a, .b = b, .params = params}, out);
  CHECK(c.total == 8);  // 2 beats + 6
  c = e.add({.count = 1, .a = a, .b = b, .params = params}, out);
  CHECK(c.total == 7);  // 1 beat + 6
}

TEST_CASE("model engine: passes larger than the array are rejected") {
  engine::ModelEngine e({.rows = 4, .cols = 2});
  CHECK(e.shape().rows == 4);
  CHECK(e.shape().cols == 2);
  ZeroPass too_many_pixels(5, 2, 3);
  CHECK_THROWS_AS(e.matmul(too_many_pixels.job, too_many_pixels.out), std::invalid_argument);
  ZeroPass too_many_channels(4, 3, 3);
  CHECK_THROWS_AS(e.matmul(too_many_channels.job, too_many_channels.out), std::invalid_argument);
  ZeroPass no_reduction(4, 2, 0);
  CHECK_THROWS_AS(e.matmul(no_reduction.job, no_reduction.out), std::invalid_argument);
  const engine::ModelEngine default_array;
  CHECK(default_array.shape().rows == 8);
  CHECK(default_array.shape().cols == 8);
  CHECK_THROWS_AS(engine::ModelEngine({.rows = 0, .cols = 8}), std::invalid_argument);
  CHECK_THROWS_AS(engine::ModelEngine({.rows = 8, .cols = 0}), std::invalid_argument);
}
