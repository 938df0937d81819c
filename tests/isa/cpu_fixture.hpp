// A Cortex-M core on a flat RAM at 0 with a vector table, for instruction
// tests: code goes at kCode, the stack starts at kStackTop.
#pragma once
#include <string_view>

#include "isa/cpu.hpp"
#include "tests/isa/ram_bus.hpp"

namespace test {

struct CpuFixture {
  static constexpr uint32_t kCode = 0x100;
  static constexpr uint32_t kStackTop = 0x8000;
  static constexpr uint32_t kRamSize = 0x10000;

  explicit CpuFixture(std::string_view core = "cortex-m4")
      : bus(0, kRamSize), cpu(*isa::core_profile(core), bus) {
    bus.write32(0, kStackTop);
    bus.write32(4, kCode | 1);
    cpu.reset(0);
  }

  // Load halfwords at kCode, reset, and run `count` instructions.
  void run(std::initializer_list<uint16_t> code, unsigned count) {
    bus.code(kCode, code);
    for (unsigned i = 0; i < count; ++i) cpu.step_one();
  }
  // Place `code` at kCode, run `count` instructions from there (the state
  // otherwise as it is) and return the cycles they took.
  uint64_t cycles_of(std::initializer_list<uint16_t> code, unsigned count) {
    bus.code(kCode, code);
    cpu.state().pc = kCode;
    const uint64_t before = cpu.cycles();
    for (unsigned i = 0; i < count; ++i) cpu.step_one();
    return cpu.cycles() - before;
  }
  uint32_t& r(unsigned n) { return cpu.state().r[n]; }

  RamBus bus;
  isa::Cpu cpu;
};

}  // namespace test
