// memory::BitBand through a router, as on a Cortex-M3/M4 bus: the alias at
// 0x22000000 bit-bands the RAM at 0x20000000. Expected addresses from the
// Cortex-M4 TRM bit-band formula: alias = 0x22000000 + byte*32 + bit*4.
#include <array>

#include <catch2/catch.hpp>
#include <tlm_utils/simple_initiator_socket.h>

#include "memory/bitband.hpp"
#include "memory/memory.hpp"
#include "memory/router.hpp"

namespace {
struct Initiator : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Initiator> socket;
  explicit Initiator(sc_core::sc_module_name n) : sc_core::sc_module(n), socket("socket") {}
};

struct Bench {
  Initiator cpu{"cpu"};
  memory::Router bus{"bus", memory::AddressMap({{"sram", 0x20000000, 0x100000, 0, 0},
                                                 {"sram_bitband", 0x22000000, memory::BitBand::kAliasSize, 1, 0}})};
  memory::Memory sram{"sram", {.size_bytes = 0x100000}};
  memory::BitBand bitband{"sram_bitband", 0x20000000};
  Bench() {
    cpu.socket.bind(bus.target);
    bitband.initiator.bind(bus.target);
    bus.initiator.bind(sram.socket);
    bus.initiator.bind(bitband.target);
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }
};

Bench& bench() {
  static Bench b;  // SystemC elaborates once per process
  return b;
}

tlm::tlm_response_status access(tlm::tlm_command cmd, uint64_t addr, uint32_t& value, unsigned size = 4) {
  tlm::tlm_generic_payload p;
  p.set_command(cmd);
  p.set_address(addr);
  p.set_data_ptr(reinterpret_cast<uint8_t*>(&value));
  p.set_data_length(size);
  p.set_streaming_width(size);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  bench().cpu.socket->b_transport(p, delay);
  return p.get_response_status();
}

uint32_t ram_word(uint32_t offset) {
  std::array<uint8_t, 4> b{};
  REQUIRE(bench().sram.storage().debug_read(offset, b) == memory::AccessStatus::Ok);
  return b[0] | b[1] << 8 | b[2] << 16 | uint32_t{b[3]} << 24;
}
}  // namespace

TEST_CASE("bit-band: writing an alias word sets or clears one bit of the region") {
  uint32_t one = 1, zero = 0;
  // byte 0x10, bit 3: 0x22000000 + 0x10*32 + 3*4 = 0x2200020C
  REQUIRE(access(tlm::TLM_WRITE_COMMAND, 0x2200020C, one) == tlm::TLM_OK_RESPONSE);
  REQUIRE(ram_word(0x10) == 0x08);
  // byte 0x13, bit 7 (bit 31 of the word at 0x10): 0x13*32 + 7*4 = 0x27C
  REQUIRE(access(tlm::TLM_WRITE_COMMAND, 0x2200027C, one) == tlm::TLM_OK_RESPONSE);
  REQUIRE(ram_word(0x10) == 0x80000008);
  // Only bit 0 of the written value counts.
  uint32_t two = 2;
  REQUIRE(access(tlm::TLM_WRITE_COMMAND, 0x2200020C, two) == tlm::TLM_OK_RESPONSE);
  REQUIRE(ram_word(0x10) == 0x80000000);
  REQUIRE(access(tlm::TLM_WRITE_COMMAND, 0x2200027C, zero) == tlm::TLM_OK_RESPONSE);
  REQUIRE(ram_word(0x10) == 0);
}

TEST_CASE("bit-band: reading an alias word returns the bit in bit 0") {
  uint32_t pattern = 0x00000500;  // bits 8 and 10: byte 0x21, bits 0 and 2
  REQUIRE(access(tlm::TLM_WRITE_COMMAND, 0x20000020, pattern) == tlm::TLM_OK_RESPONSE);
  for (unsigned bit = 0; bit < 8; ++bit) {
    uint32_t v = 0xFFFFFFFF;
    REQUIRE(access(tlm::TLM_READ_COMMAND, 0x22000000 + 0x21 * 32 + bit * 4, v) == tlm::TLM_OK_RESPONSE);
    REQUIRE(v == ((bit == 0 || bit == 2) ? 1u : 0u));
  }
  uint32_t byte_read = 0xFF;
  REQUIRE(access(tlm::TLM_READ_COMMAND, 0x22000000 + 0x21 * 32 + 2 * 4, byte_read, 1) == tlm::TLM_OK_RESPONSE);
  REQUIRE((byte_read & 0xFF) == 1);
}

TEST_CASE("bit-band: unaligned alias accesses are errors") {
  uint32_t v = 1;
  REQUIRE(access(tlm::TLM_WRITE_COMMAND, 0x22000002, v) != tlm::TLM_OK_RESPONSE);
  REQUIRE(ram_word(0) == 0);
}

TEST_CASE("bit-band: the unit a bit lives in follows the access size") {
  const auto& b = bench().bitband;
  REQUIRE(b.locate(0x27C, 4).unit_address == 0x20000010);
  REQUIRE(b.locate(0x27C, 4).bit == 31);
  REQUIRE(b.locate(0x27C, 2).unit_address == 0x20000012);
  REQUIRE(b.locate(0x27C, 2).bit == 15);
  REQUIRE(b.locate(0x27C, 1).unit_address == 0x20000013);
  REQUIRE(b.locate(0x27C, 1).bit == 7);
}
