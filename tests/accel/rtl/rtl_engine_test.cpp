// The Verilated datapath against the functional model and the schedule:
// random passes with extreme operands and parameters on each verilated
// shape must give the model's outputs bit for bit, and take the cycles
// array_timing.hpp says (counted by the RTL's own clock and mac_active).
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "accel/engine/array_timing.hpp"
#include "accel/model/array.hpp"
#include "accel/rtl/rtl_engine.hpp"

namespace {

using accel::engine::PassCycles;
using accel::model::AddJob;
using accel::model::ArrayShape;
using accel::model::MatmulJob;
using accel::model::Requant;
using accel::rtl::RtlEngine;

constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kInt32Max = std::numeric_limits<int32_t>::max();

// Random values that hit the edges often: a quarter of draws is an extreme.
class Draw {
 public:
  explicit Draw(uint32_t seed) : rng_(seed) {}

  int32_t between(int32_t lo, int32_t hi) { return std::uniform_int_distribution<int32_t>(lo, hi)(rng_); }
  bool one_in(int32_t n) { return between(0, n - 1) == 0; }
  template <class T>
  T pick(std::initializer_list<T> values) {
    return *(values.begin() + between(0, static_cast<int32_t>(values.size()) - 1));
  }

  int8_t int8() { return static_cast<int8_t>(one_in(4) ? pick({-128, 127, 0, -1, 1}) : between(-128, 127)); }
  int32_t int32() { return one_in(4) ? pick({kInt32Min, kInt32Max, 0, -1}) : between(kInt32Min, kInt32Max); }
  std::vector<int8_t> int8s(size_t count) {
    std::vector<int8_t> v(count);
    for (int8_t& x : v) x = int8();
    return v;
  }
  // Normalised multipliers mostly, and the ends of the whole int32 range.
  int32_t multiplier() {
    if (one_in(3)) return pick({kInt32Max, int32_t{1} << 30, 0, kInt32Min, -1, 1});
    return one_in(4) ? int32() : between(int32_t{1} << 30, kInt32Max);
  }
  Requant requant(int32_t min_shift, int32_t max_shift) {
    const int32_t shift = one_in(4) ? pick({min_shift, max_shift, 0}) : between(min_shift, max_shift);
    return {.multiplier = multiplier(), .shift = shift};
  }
  // A third of the time anything; else a shift that brings a sum of a few
  // hundred products near the int8 range, so the outputs are not all clamped.
  Requant matmul_requant() { return one_in(3) ? requant(-31, 30) : Requant{multiplier(), between(-17, -9)}; }
  int32_t bias() { return one_in(3) ? int32() : between(-(1 << 16), 1 << 16); }
  int32_t offset() { return one_in(4) ? pick({-128, 127, 0}) : (one_in(8) ? int32() : between(-128, 127)); }
  std::pair<int32_t, int32_t> clamp() {
    if (one_in(3)) return {-128, 127};
    const int32_t a = between(-128, 127), b = between(-128, 127);
    return {std::min(a, b), std::max(a, b)};
  }

 private:
  std::mt19937 rng_;
};

// A matmul pass and the storage its spans look at.
struct MatmulCase {
  std::vector<int8_t> a, w;
  std::vector<int32_t> bias;
  std::vector<Requant> requant;
  MatmulJob job;

  MatmulCase(Draw& d, ArrayShape shape) {
    job.m = d.one_in(3) ? shape.rows : static_cast<uint32_t>(d.between(1, static_cast<int32_t>(shape.rows)));
    job.n = d.one_in(3) ? shape.cols : static_cast<uint32_t>(d.between(1, static_cast<int32_t>(shape.cols)));
    job.k = static_cast<uint32_t>(d.one_in(5) ? d.pick({1, 2, 3}) : d.between(1, 300));
    a = d.int8s(size_t{job.m} * job.k);
    w = d.int8s(size_t{job.n} * job.k);
    for (uint32_t j = 0; j < job.n; ++j) {
      bias.push_back(d.bias());
      requant.push_back(d.matmul_requant());
    }
    job.a = a;
    job.w = w;
    job.bias = bias;
    job.requant = requant;
    job.output_offset = d.offset();
    std::tie(job.act_min, job.act_max) = d.clamp();
  }
};

// An add pass: TFLite's shifts are <= 0, but the model takes any in [-31, 30].
struct AddCase {
  std::vector<int8_t> a, b;
  AddJob job;

  AddCase(Draw& d, ArrayShape shape) {
    job.count = static_cast<uint32_t>(d.one_in(5) ? d.pick({1, static_cast<int32_t>(shape.cols), 100})
                                                  : d.between(1, 100));
    a = d.int8s(job.count);
    b = d.int8s(job.count);
    job.a = a;
    job.b = b;
    auto& p = job.params;
    // |offset + x| <= 256, so (offset + x) << left_shift stays inside int32 as the model needs.
    p.input1_offset = d.one_in(3) ? d.pick({-128, 128}) : d.between(-128, 128);
    p.input2_offset = d.one_in(3) ? d.pick({-128, 128}) : d.between(-128, 128);
    p.left_shift = d.one_in(2) ? 20 : d.between(0, 22);
    const int32_t max_shift = d.one_in(4) ? 30 : 0;
    p.input1 = d.requant(-31, max_shift);
    p.input2 = d.requant(-31, max_shift);
    p.output = d.requant(-31, max_shift);
    p.output_offset = d.offset();
    std::tie(p.act_min, p.act_max) = d.clamp();
  }
};

std::string shape_name(ArrayShape s) { return std::to_string(s.rows) + "x" + std::to_string(s.cols); }

// Interleaved random matmul and add passes on one engine, each against the
// model's outputs and the schedule's cycles.
void check_random_passes(ArrayShape shape, uint32_t seed, int passes) {
  RtlEngine engine(shape);
  Draw d(seed);
  for (int pass = 0; pass < passes; ++pass) {
    {
      const MatmulCase c(d, shape);
      INFO(shape_name(shape) << " matmul pass " << pass << ": m=" << c.job.m << " n=" << c.job.n << " k=" << c.job.k);
      std::vector<int8_t> expected(size_t{c.job.m} * c.job.n), got(expected.size());
      accel::model::run_matmul(c.job, expected);
      const PassCycles cycles = engine.matmul(c.job, got);
      REQUIRE(got == expected);
      const PassCycles schedule = accel::engine::matmul_cycles(shape, c.job.k);
      REQUIRE(cycles.total == schedule.total);
      REQUIRE(cycles.mac_active == schedule.mac_active);
    }
    {
      const AddCase c(d, shape);
      INFO(shape_name(shape) << " add pass " << pass << ": count=" << c.job.count);
      std::vector<int8_t> expected(c.job.count), got(c.job.count);
      accel::model::run_add(c.job, expected);
      const PassCycles cycles = engine.add(c.job, got);
      REQUIRE(got == expected);
      const PassCycles schedule = accel::engine::add_cycles(shape, c.job.count);
      REQUIRE(cycles.total == schedule.total);
      REQUIRE(cycles.mac_active == 0);
    }
  }
}

constexpr int kRandomPasses = 1000;  // of each kind, per shape

}  // namespace

TEST_CASE("4x4: random matmul and add passes match the model and the schedule") {
  check_random_passes({4, 4}, 0x4a4a, kRandomPasses);
}

TEST_CASE("8x8: random matmul and add passes match the model and the schedule") {
  check_random_passes({8, 8}, 0x8b8b, kRandomPasses);
}

TEST_CASE("16x16: random matmul and add passes match the model and the schedule") {
  check_random_passes({16, 16}, 0x1616, kRandomPasses);
}

TEST_CASE("the RTL's cycles follow the schedule, worked by hand") {
  RtlEngine engine({8, 8});
  Draw d(7);

  // 8x8, k = 10: start 1 + MACs (10 + 8 + 8 - 2 = 24) + drain 8 + requant 3 = 36 = k + 2*8 + 8 + 2.
  MatmulCase mm(d, {8, 8});
  mm.job.k = 10;
  mm.a.resize(size_t{mm.job.m} * 10);
  mm.w.resize(size_t{mm.job.n} * 10);
  mm.job.a = mm.a;
  mm.job.w = mm.w;
  std::vector<int8_t> out(size_t{mm.job.m} * mm.job.n);
  const PassCycles matmul = engine.matmul(mm.job, out);
  CHECK(matmul.total == 36);
  CHECK(matmul.mac_active == 24);
  CHECK(accel::engine::matmul_cycles({8, 8}, 10).total == 36);
  CHECK(accel::engine::matmul_cycles({8, 8}, 10).mac_active == 24);

  // 8 lanes, 20 elements: ceil(20 / 8) = 3 beats; start 1 + beats 3 + stages 5 = 9.
  AddCase add(d, {8, 8});
  add.job.count = 20;
  add.a.resize(20);
  add.b.resize(20);
  add.job.a = add.a;
  add.job.b = add.b;
  std::vector<int8_t> sums(20);
  const PassCycles add_cycles = engine.add(add.job, sums);
  CHECK(add_cycles.total == 9);
  CHECK(add_cycles.mac_active == 0);
  CHECK(accel::engine::add_cycles({8, 8}, 20).total == 9);
}

TEST_CASE("a matmul pass worked by hand, ties rounding both ways") {
  RtlEngine engine({4, 4});
  // Row 0 = (3, -2); column 0 = (5, 7) with bias 10, column 1 = (-5, -7) with bias -10:
  // acc0 = 10 + 15 - 14 = 11, acc1 = -10 - 15 + 14 = -11. Multiplier 2^30 (one half), shift 0:
  // 11 / 2 = 5.5 rounds up to 6; -5.5 rounds toward zero to -5 (gemmlowp's nudge, then truncation).
  const std::vector<int8_t> a{3, -2}, w{5, 7, -5, -7};
  const std::vector<int32_t> bias{10, -10};
  const std::vector<Requant> requant(2, Requant{.multiplier = 1 << 30, .shift = 0});
  const MatmulJob job{.m = 1, .n = 2, .k = 2, .a = a, .w = w, .bias = bias, .requant = requant};
  std::vector<int8_t> out(2);
  engine.matmul(job, out);
  CHECK(out == std::vector<int8_t>{6, -5});
}

TEST_CASE("a VCD path dumps every pass as one waveform") {
  // A name of its own, so builds testing side by side do not share the file.
  const auto path = std::filesystem::temp_directory_path() /
                    ("edgesim_accel_rtl_test_" + std::to_string(std::random_device{}()) + ".vcd");
  std::filesystem::remove(path);
  {
    RtlEngine engine({4, 4}, path);
    Draw d(11);
    for (int pass = 0; pass < 2; ++pass) {
      const MatmulCase mm(d, {4, 4});
      std::vector<int8_t> out(size_t{mm.job.m} * mm.job.n);
      engine.matmul(mm.job, out);
      const AddCase add(d, {4, 4});
      std::vector<int8_t> sums(add.job.count);
      engine.add(add.job, sums);
    }
  }  // the destructor closes the file
  REQUIRE(std::filesystem::exists(path));
  REQUIRE(std::filesystem::file_size(path) > 0);

  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  const std::string vcd = text.str();
  CHECK(vcd.find("$scope module accel_datapath") != std::string::npos);
  CHECK(vcd.find(" clk ") != std::string::npos);
  CHECK(vcd.find(" mac_active ") != std::string::npos);

  // Time runs on from one pass to the next: every timestamp is later than the one before.
  std::istringstream lines(vcd);
  std::string line;
  long long previous = -1;
  int stamps = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != '#') continue;
    const long long stamp = std::stoll(line.substr(1));
    CHECK(stamp > previous);
    previous = stamp;
    ++stamps;
  }
  CHECK(stamps > 100);
  std::filesystem::remove(path);
}

TEST_CASE("a shape without a verilated model is refused, naming those that exist") {
  REQUIRE_THROWS_AS(RtlEngine({5, 7}), std::invalid_argument);
  REQUIRE_THROWS_WITH(RtlEngine({5, 7}), Catch::Contains("5x7") && Catch::Contains("4x4, 8x8, 16x16"));
  CHECK(accel::rtl::supported_shapes() == "4x4, 8x8, 16x16");
}

TEST_CASE("passes the array cannot take are refused") {
  RtlEngine engine({4, 4});
  std::vector<int8_t> a(5 * 4), w(4 * 4), out(5 * 4);
  std::vector<int32_t> bias(4);
  std::vector<Requant> requant(4);
  MatmulJob job{.m = 5, .n = 4, .k = 4, .a = a, .w = w, .bias = bias, .requant = requant};
  CHECK_THROWS_AS(engine.matmul(job, out), std::invalid_argument);  // m > rows
  job.m = 4;
  job.k = 0;
  CHECK_THROWS_AS(engine.matmul(job, out), std::invalid_argument);
  job.k = 4;
  requant[2].shift = 31;
  CHECK_THROWS_AS(engine.matmul(job, out), std::invalid_argument);
  requant[2].shift = 0;
  CHECK_NOTHROW(engine.matmul(job, out));
  AddJob add{.count = 0, .a = a, .b = a, .params = {}};
  CHECK_THROWS_AS(engine.add(add, out), std::invalid_argument);
}
