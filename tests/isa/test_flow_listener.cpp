// The flow listener (told of each taken branch and exception entry with the
// counts exact) and the per-address execution counts that per-function
// profiles are built from. Expected values: the loop below run by hand.
#include <catch2/catch.hpp>

#include <map>
#include <utility>
#include <vector>

#include "tests/isa/cpu_fixture.hpp"

using test::CpuFixture;

namespace {

struct Recorder : isa::FlowListener {
  explicit Recorder(const isa::Cpu& cpu) : cpu(cpu) {}
  void control_flow(uint32_t from, uint32_t to) override {
    calls.push_back({from, to});
    instructions_at_call.push_back(cpu.instructions());
  }
  const isa::Cpu& cpu;
  std::vector<std::pair<uint32_t, uint32_t>> calls;
  std::vector<uint64_t> instructions_at_call;
};

// 0x100 movs r0,#3 / 0x102 loop: subs r0,#1 / 0x104 bne loop / 0x106 nop
const std::initializer_list<uint16_t> kLoop = {0x2003, 0x3801, 0xd1fd, 0xbf00};

}  // namespace

TEST_CASE("flow listener: taken branches only, after the branch completed", "[isa][profile]") {
  CpuFixture f("cortex-m4");
  Recorder rec(f.cpu);
  f.cpu.set_flow_listener(&rec);
  f.run(kLoop, 8);  // movs, (subs, bne) x3 -- the last bne falls through -- nop
  REQUIRE(rec.calls.size() == 2);
  CHECK(rec.calls[0] == std::pair<uint32_t, uint32_t>{0x104, 0x102});
  CHECK(rec.calls[1] == std::pair<uint32_t, uint32_t>{0x104, 0x102});
  CHECK(rec.instructions_at_call == std::vector<uint64_t>{3, 5});  // movs subs bne | subs bne
  f.cpu.set_flow_listener(nullptr);
}

TEST_CASE("flow listener: exception entry", "[isa][profile]") {
  CpuFixture f("cortex-m4");
  f.bus.write32(4 * 11, 0x200 | 1);  // SVCall vector
  f.bus.code(0x200, {0xbf00});
  Recorder rec(f.cpu);
  f.cpu.set_flow_listener(&rec);
  f.run({0xdf00}, 2);  // svc #0, then the exception is taken before the next instruction
  REQUIRE(!rec.calls.empty());
  CHECK(rec.calls.back() == std::pair<uint32_t, uint32_t>{0x102, 0x200});
}

TEST_CASE("per-address executions", "[isa][profile]") {
  CpuFixture f("cortex-m4");
  f.run(kLoop, 8);
  std::map<uint32_t, uint64_t> by_pc;
  for (const auto& e : f.cpu.pc_executions()) by_pc[e.pc] += e.count;
  CHECK(by_pc == std::map<uint32_t, uint64_t>{{0x100, 1}, {0x102, 3}, {0x104, 3}, {0x106, 1}});
  // Replacing the code keeps what the old instructions did at their address.
  f.bus.code(0x100, {0xbf00});  // nop over movs
  f.cpu.state().pc = 0x100;
  f.cpu.step_one();
  by_pc.clear();
  std::map<uint16_t, uint64_t> rows_at_0x100;
  for (const auto& e : f.cpu.pc_executions())
    if (e.pc == 0x100) rows_at_0x100[e.row] += e.count;
  CHECK(rows_at_0x100.size() == 2);  // movs once, nop once
  for (const auto& [row, n] : rows_at_0x100) CHECK(n == 1);
}
