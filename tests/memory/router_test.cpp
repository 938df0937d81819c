// memory::Router: address decoding, translation, errors and DMI ranges.
// One elaboration per process; test cases call the sockets directly.
#include <array>
#include <vector>

#include <catch2/catch.hpp>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "memory/memory.hpp"
#include "memory/router.hpp"

namespace {
using sc_core::SC_NS;
using sc_core::sc_time;

struct Initiator : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Initiator> socket;
  std::vector<std::pair<uint64_t, uint64_t>> invalidated;
  explicit Initiator(sc_core::sc_module_name n) : sc_core::sc_module(n), socket("socket") {
    socket.register_invalidate_direct_mem_ptr(this, &Initiator::invalidate);
  }
  void invalidate(sc_dt::uint64 s, sc_dt::uint64 e) { invalidated.emplace_back(s, e); }
};

// Records the address it sees; can revoke DMI.
struct Probe : sc_core::sc_module {
  tlm_utils::simple_target_socket<Probe> socket;
  uint64_t last_address = ~uint64_t{0};
  explicit Probe(sc_core::sc_module_name n) : sc_core::sc_module(n), socket("socket") {
    socket.register_b_transport(this, &Probe::b_transport);
  }
  void b_transport(tlm::tlm_generic_payload& p, sc_time&) {
    last_address = p.get_address();
    p.set_response_status(tlm::TLM_OK_RESPONSE);
  }
};

// Bus map (target index in brackets):
//   0x00000000 4 KiB  boot  -> flash[0] at 0
//   0x08000000 4 KiB  flash -> flash[0] at 0
//   0x20000000 8 KiB  sram  -> sram[1] at 0
//   0x20004000 4 KiB  sram_hi -> sram[1] at 0x1000 (partial mirror)
//   0x40000000 4 KiB  dev   -> probe[2]
memory::AddressMap bus_map() {
  return memory::AddressMap({{"boot", 0x0, 0x1000, 0, 0},
                             {"flash", 0x08000000, 0x1000, 0, 0},
                             {"sram", 0x20000000, 0x2000, 1, 0},
                             {"sram_hi", 0x20004000, 0x1000, 1, 0x1000},
                             {"dev", 0x40000000, 0x1000, 2, 0}});
}

struct Bench {
  Initiator cpu{"cpu"};
  memory::Router bus{"bus", bus_map()};
  memory::Memory flash{"flash", {.size_bytes = 0x1000, .read_only = true, .wait_states = 2}};
  memory::Memory sram{"sram", {.size_bytes = 0x2000}};
  Probe dev{"dev"};
  Bench() {
    cpu.socket.bind(bus.target);
    bus.initiator.bind(flash.socket);
    bus.initiator.bind(sram.socket);
    bus.initiator.bind(dev.socket);
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }
};

Bench& bench() {
  static Bench b;  // SystemC elaborates once per process
  return b;
}

tlm::tlm_response_status access(tlm::tlm_command cmd, uint64_t addr, uint8_t* data, unsigned len) {
  tlm::tlm_generic_payload p;
  p.set_command(cmd);
  p.set_address(addr);
  p.set_data_ptr(data);
  p.set_data_length(len);
  p.set_streaming_width(len);
  p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  sc_time delay = sc_core::SC_ZERO_TIME;
  bench().cpu.socket->b_transport(p, delay);
  REQUIRE(p.get_address() == addr);  // restored for the initiator
  return p.get_response_status();
}

uint32_t peek(memory::Memory& m, uint64_t offset) {
  std::array<uint8_t, 4> b{};
  REQUIRE(m.storage().debug_read(offset, b) == memory::AccessStatus::Ok);
  return b[0] | b[1] << 8 | b[2] << 16 | uint32_t{b[3]} << 24;
}
}  // namespace

TEST_CASE("router: a write lands at base-relative offset in the mapped target") {
  auto& b = bench();
  std::array<uint8_t, 4> w{0xEF, 0xBE, 0xAD, 0xDE};
  REQUIRE(access(tlm::TLM_WRITE_COMMAND, 0x20000010, w.data(), 4) == tlm::TLM_OK_RESPONSE);
  REQUIRE(peek(b.sram, 0x10) == 0xDEADBEEF);
  access(tlm::TLM_WRITE_COMMAND, 0x40000024, w.data(), 4);
  REQUIRE(b.dev.last_address == 0x24);
}

TEST_CASE("router: a mirror window adds its offset inside the target") {
  auto& b = bench();
  std::array<uint8_t, 4> w{0x11, 0x22, 0x33, 0x44};
  REQUIRE(access(tlm::TLM_WRITE_COMMAND, 0x20004008, w.data(), 4) == tlm::TLM_OK_RESPONSE);
  REQUIRE(peek(b.sram, 0x1008) == 0x44332211);
  std::array<uint8_t, 4> r{};
  REQUIRE(access(tlm::TLM_READ_COMMAND, 0x20001008, r.data(), 4) == tlm::TLM_OK_RESPONSE);
  REQUIRE(r == w);
}

TEST_CASE("router: the boot alias and the flash window reach the same flash") {
  auto& b = bench();
  std::array<uint8_t, 4> image{0x00, 0x10, 0x00, 0x20};
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(0x08000000);
  p.set_data_ptr(image.data());
  p.set_data_length(4);
  REQUIRE(b.cpu.socket->transport_dbg(p) == 4);
  std::array<uint8_t, 4> r{};
  REQUIRE(access(tlm::TLM_READ_COMMAND, 0x0, r.data(), 4) == tlm::TLM_OK_RESPONSE);
  REQUIRE(r == image);
  REQUIRE(access(tlm::TLM_WRITE_COMMAND, 0x0, r.data(), 4) == tlm::TLM_COMMAND_ERROR_RESPONSE);
}

TEST_CASE("router: unmapped addresses and accesses running off a window are address errors") {
  std::array<uint8_t, 4> r{};
  REQUIRE(access(tlm::TLM_READ_COMMAND, 0x10000000, r.data(), 4) == tlm::TLM_ADDRESS_ERROR_RESPONSE);
  REQUIRE(access(tlm::TLM_READ_COMMAND, 0x20002000, r.data(), 1) == tlm::TLM_ADDRESS_ERROR_RESPONSE);
  REQUIRE(access(tlm::TLM_READ_COMMAND, 0x20001FFE, r.data(), 4) == tlm::TLM_ADDRESS_ERROR_RESPONSE);
  REQUIRE(access(tlm::TLM_READ_COMMAND, 0xFFFFFFFC, r.data(), 4) == tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST_CASE("router: a debug access stops at the end of its window") {
  std::array<uint8_t, 8> r{};
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(0x20001FFC);
  p.set_data_ptr(r.data());
  p.set_data_length(8);
  REQUIRE(bench().cpu.socket->transport_dbg(p) == 4);
  p.set_address(0x30000000);
  REQUIRE(bench().cpu.socket->transport_dbg(p) == 0);
}

TEST_CASE("router: DMI ranges come back in bus addresses") {
  auto& b = bench();
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);

  tlm::tlm_dmi dmi;
  p.set_address(0x20000100);
  REQUIRE(b.cpu.socket->get_direct_mem_ptr(p, dmi));
  REQUIRE(dmi.get_start_address() == 0x20000000);
  REQUIRE(dmi.get_end_address() == 0x20001FFF);
  REQUIRE(dmi.get_dmi_ptr() == b.sram.storage().data());

  // The partial mirror: only its 4 KiB, and the pointer moved to the
  // second half of the SRAM.
  tlm::tlm_dmi hi;
  p.set_address(0x20004010);
  REQUIRE(b.cpu.socket->get_direct_mem_ptr(p, hi));
  REQUIRE(hi.get_start_address() == 0x20004000);
  REQUIRE(hi.get_end_address() == 0x20004FFF);
  REQUIRE(hi.get_dmi_ptr() == b.sram.storage().data() + 0x1000);

  tlm::tlm_dmi boot;
  p.set_address(0x10);
  REQUIRE(b.cpu.socket->get_direct_mem_ptr(p, boot));
  REQUIRE(boot.get_start_address() == 0x0);
  REQUIRE(boot.get_end_address() == 0xFFF);
  REQUIRE_FALSE(boot.is_write_allowed());
  REQUIRE(boot.get_read_latency() == sc_time(2, SC_NS));  // 2 wait states of the default 1 ns period
}

TEST_CASE("router: DMI to an unmapped address is refused for the whole gap") {
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(0x30000000);
  tlm::tlm_dmi dmi;
  REQUIRE_FALSE(bench().cpu.socket->get_direct_mem_ptr(p, dmi));
  REQUIRE(dmi.get_start_address() == 0x20005000);
  REQUIRE(dmi.get_end_address() == 0x3FFFFFFF);
}

TEST_CASE("router: a target revoking DMI is seen through every window onto it") {
  auto& b = bench();
  b.cpu.invalidated.clear();
  // SRAM revokes [0x0800, 0x17FF]: visible at 0x20000800.. through "sram"
  // and at 0x20004000..0x200047FF through the mirror.
  b.sram.socket->invalidate_direct_mem_ptr(0x800, 0x17FF);
  REQUIRE(b.cpu.invalidated.size() == 2);
  REQUIRE(b.cpu.invalidated[0] == std::pair<uint64_t, uint64_t>{0x20000800, 0x200017FF});
  REQUIRE(b.cpu.invalidated[1] == std::pair<uint64_t, uint64_t>{0x20004000, 0x200047FF});
}
