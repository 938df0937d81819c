// memory::Unimplemented: reads as zero, ignores writes, never errors, and
// reports its first access once (QEMU's unimplemented-device behaviour).
#include <vector>

#include <catch2/catch.hpp>
#include <tlm_utils/simple_initiator_socket.h>

#include "memory/unimplemented.hpp"

namespace {
struct Initiator : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Initiator> socket;
  explicit Initiator(sc_core::sc_module_name n) : sc_core::sc_module(n), socket("socket") {}
};

struct Bench {
  std::vector<std::pair<uint64_t, bool>> reports;
  Initiator cpu{"cpu"};
  memory::Unimplemented dev{"dev", [this](uint64_t offset, bool write) { reports.emplace_back(offset, write); }};
  Bench() {
    cpu.socket.bind(dev.socket);
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }
};

tlm::tlm_response_status access(Bench& b, tlm::tlm_command cmd, uint64_t addr, uint32_t& value) {
  tlm::tlm_generic_payload p;
  p.set_command(cmd);
  p.set_address(addr);
  p.set_data_ptr(reinterpret_cast<uint8_t*>(&value));
  p.set_data_length(4);
  p.set_streaming_width(4);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  b.cpu.socket->b_transport(p, delay);
  return p.get_response_status();
}
}  // namespace

TEST_CASE("unimplemented: reads as zero, ignores writes, reports the first access once") {
  Bench b;
  uint32_t v = 0x12345678;
  REQUIRE(access(b, tlm::TLM_WRITE_COMMAND, 0x40, v) == tlm::TLM_OK_RESPONSE);
  v = 0xFFFFFFFF;
  REQUIRE(access(b, tlm::TLM_READ_COMMAND, 0x40, v) == tlm::TLM_OK_RESPONSE);
  REQUIRE(v == 0);
  REQUIRE(b.reports == std::vector<std::pair<uint64_t, bool>>{{0x40, true}});
  REQUIRE(b.dev.accesses() == 2);
}
