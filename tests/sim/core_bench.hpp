// A minimal system around sim::CoreModule for its tests: RAM at 0 on a
// router, an optional device, a program written as Thumb halfwords, and a
// breakpoint hook that ends the run with r1 as the exit code (a stand-in for
// semihosting). Each SystemC test program builds one bench (one elaboration
// per process).
#pragma once
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <vector>

#include <systemc>
#include <tlm_utils/simple_target_socket.h>

#include "memory/memory.hpp"
#include "memory/router.hpp"
#include "sim/core_module.hpp"

namespace test {

constexpr uint32_t kRamSize = 0x10000;
constexpr uint32_t kStackTop = kRamSize;
constexpr uint32_t kCodeBase = 0x100;
constexpr uint32_t kDeviceBase = 0x40000000;

// Hand-assembled Thumb encodings (ARMv7-M ARM A7.7).
constexpr uint16_t movs(unsigned rd, uint8_t imm) { return static_cast<uint16_t>(0x2000 | rd << 8 | imm); }
constexpr uint16_t ldr_literal(unsigned rt, unsigned word_offset) { return static_cast<uint16_t>(0x4800 | rt << 8 | word_offset); }
constexpr uint16_t ldr_imm(unsigned rt, unsigned rn, unsigned word_offset) {
  return static_cast<uint16_t>(0x6800 | word_offset << 6 | rn << 3 | rt);
}
constexpr uint16_t str_imm(unsigned rt, unsigned rn, unsigned word_offset) {
  return static_cast<uint16_t>(0x6000 | word_offset << 6 | rn << 3 | rt);
}
constexpr uint16_t kBranchSelf = 0xE7FE;  // b .
constexpr uint16_t kWfi = 0xBF30;
constexpr uint16_t kNop = 0xBF00;
constexpr uint16_t kBkptExit = 0xBEAB;    // bkpt #0xab: exit with r1 (ExitHook)
constexpr uint16_t kUdf = 0xDE00;         // udf #0: permanently undefined

// BKPT ends the run with r1 as the exit code.
struct ExitHook : isa::CpuHooks {
  bool on_breakpoint(isa::Cpu& cpu, uint8_t) override {
    cpu.request_exit(static_cast<int>(cpu.reg(1)));
    return true;
  }
};

// A register-like device: reads return `value`, writes are recorded; every
// access costs `latency` (annotated, or waited out when `waits` is set, as an
// approximately-timed target would) and notes the time it is annotated with.
struct Probe : sc_core::sc_module {
  tlm_utils::simple_target_socket<Probe> socket;
  uint32_t value = 0;
  sc_core::sc_time latency;
  bool waits = false;
  std::vector<sc_core::sc_time> access_times;
  std::vector<uint32_t> written;

  Probe(sc_core::sc_module_name n, sc_core::sc_time latency_) : sc_core::sc_module(n), socket("socket"), latency(latency_) {
    socket.register_b_transport(this, &Probe::b_transport);
  }
  void b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) {
    access_times.push_back(sc_core::sc_time_stamp() + delay);
    uint32_t v = 0;
    if (p.is_read()) {
      std::memcpy(p.get_data_ptr(), &value, p.get_data_length());
    } else {
      std::memcpy(&v, p.get_data_ptr(), p.get_data_length());
      written.push_back(v);
    }
    if (waits) {
      wait(delay + latency);
      delay = sc_core::SC_ZERO_TIME;
    } else {
      delay += latency;
    }
    p.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

struct Bench {
  ExitHook hook;
  sim::CoreModule core;
  memory::Router bus;
  memory::Memory ram;
  std::unique_ptr<Probe> probe;

  Bench(const char* prefix, sim::CoreModuleConfig config, sc_core::sc_time device_latency = sc_core::SC_ZERO_TIME)
      : core((std::string(prefix) + "_core").c_str(), config, &hook),
        bus((std::string(prefix) + "_bus").c_str(),
            memory::AddressMap({{"ram", 0, kRamSize, 0, 0}, {"dev", kDeviceBase, 0x1000, 1, 0}})),
        ram((std::string(prefix) + "_ram").c_str(), memory::MemoryConfig{.size_bytes = kRamSize}),
        probe(std::make_unique<Probe>((std::string(prefix) + "_dev").c_str(), device_latency)) {
    core.socket.bind(bus.target);
    bus.initiator.bind(ram.socket);
    bus.initiator.bind(probe->socket);
    word(0, kStackTop);
    word(4, kCodeBase | 1);
  }

  void word(uint32_t addr, uint32_t v) {
    const uint8_t b[4] = {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)};
    REQUIRE(ram.storage().debug_write(addr, b) == memory::AccessStatus::Ok);
  }
  void code(uint32_t addr, std::initializer_list<uint16_t> halfwords) {
    for (uint16_t h : halfwords) {
      const uint8_t b[2] = {uint8_t(h), uint8_t(h >> 8)};
      REQUIRE(ram.storage().debug_write(addr, b) == memory::AccessStatus::Ok);
      addr += 2;
    }
  }
  // After elaboration: take the reset exception and let the core run.
  void reset_and_start() {
    core.cpu().reset(0);
    core.start();
  }
};

// Elaborate, start every bench, simulate until they stop.
inline void simulate(std::initializer_list<Bench*> benches) {
  sc_core::sc_start(sc_core::SC_ZERO_TIME);
  for (Bench* b : benches) b->reset_and_start();
  sc_core::sc_start();
}

}  // namespace test
