// The core's per-row execution counts and the lane operations they add up
// to (Cpu::row_executions, Cpu::work_counts), and the stall buckets kept in
// the decoded lines: counted per completed execution, kept when a line is
// replaced. Expected counts are the instructions run, times the lanes the
// ARM ARM gives each (SMLAD: two 16x16 products accumulated; SADD8: four
// byte additions).
#include <catch2/catch.hpp>
#include <numeric>

#include "tests/isa/cpu_fixture.hpp"

using isa::WorkOp;
using isa::WorkWidth;
using test::CpuFixture;

namespace {

uint64_t lanes(const isa::Cpu& cpu, WorkOp op, WorkWidth width) {
  return cpu.work_counts()[static_cast<size_t>(op)][static_cast<size_t>(width)];
}

int64_t stall_sum(const isa::Cpu& cpu) {
  const auto stalls = cpu.stalls();
  return std::accumulate(stalls.begin(), stalls.end(), int64_t{0});
}

uint64_t total_executions(const isa::Cpu& cpu) {
  const auto rows = cpu.row_executions();
  return std::accumulate(rows.begin(), rows.end(), uint64_t{0});
}

}  // namespace

TEST_CASE("work counts: executions x lanes per operation and width", "[isa][work]") {
  CpuFixture f("cortex-m4");
  // smlad r0,r1,r2,r3; smlad r0,r1,r2,r3; sadd8 r0,r1,r2; nop -- twice
  for (int pass = 0; pass < 2; ++pass) f.cycles_of({0xfb21, 0x3002, 0xfb21, 0x3002, 0xfa81, 0xf002, 0xbf00}, 4);
  CHECK(lanes(f.cpu, WorkOp::Mac, WorkWidth::Int16) == 2 * 2 * 2);
  CHECK(lanes(f.cpu, WorkOp::Add, WorkWidth::Int8) == 2 * 4);
  CHECK(lanes(f.cpu, WorkOp::Other, WorkWidth::Int32) == 2);
  CHECK(lanes(f.cpu, WorkOp::Mac, WorkWidth::Int32) == 0);
  CHECK(total_executions(f.cpu) == 8);
  CHECK(f.cpu.instructions() == 8);
}

TEST_CASE("work counts: a replaced line keeps its counts and stall cycles", "[isa][work]") {
  CpuFixture f("cortex-m4");
  f.r(1) = 0x4000;
  f.r(2) = 3;
  // ldrd r2,r3,[r1] (3 cycles on the M4: 2 of them in a stall bucket), run twice
  f.cycles_of({0xe9d1, 0x2300}, 1);
  f.cycles_of({0xe9d1, 0x2300}, 1);
  const int64_t ldrd_stalls = stall_sum(f.cpu);
  CHECK(ldrd_stalls == 2 * 2);
  CHECK(lanes(f.cpu, WorkOp::Load, WorkWidth::Int64) == 2);
  // The same address now holds mul.w r0,r1,r2: the line is decoded again.
  f.r(2) = 3;
  f.cycles_of({0xfb01, 0xf002}, 1);
  CHECK(lanes(f.cpu, WorkOp::Load, WorkWidth::Int64) == 2);
  CHECK(lanes(f.cpu, WorkOp::Multiply, WorkWidth::Int32) == 1);
  CHECK(stall_sum(f.cpu) == ldrd_stalls);
  CHECK(f.cpu.cycles() == f.cpu.instructions() + static_cast<uint64_t>(stall_sum(f.cpu)));
}

TEST_CASE("work counts: an instruction that faults is not counted", "[isa][work]") {
  for (const uint32_t divisor : {0u, 7u}) {
    CpuFixture f("cortex-m4");
    f.cpu.store(0xE000ED14, 4, 1u << 4);  // CCR.DIV_0_TRP: a divide by zero faults
    f.r(1) = 7;
    f.r(2) = divisor;
    f.cycles_of({0xfb91, 0xf0f2}, 1);  // sdiv r0,r1,r2
    CHECK(lanes(f.cpu, WorkOp::Divide, WorkWidth::Int32) == (divisor ? 1u : 0u));
    CHECK(f.cpu.instructions() == (divisor ? 1u : 0u));
  }
}
