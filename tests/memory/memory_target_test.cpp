// memory::Memory through its TLM socket. One elaboration per process: the
// testbench is built once and the test cases call the socket directly
// (the target never waits, so no process context is needed).
#include <array>
#include <memory>

#include <catch2/catch.hpp>
#include <tlm_utils/simple_initiator_socket.h>

#include "memory/dmi_traffic.hpp"
#include "memory/memory.hpp"

namespace {
using sc_core::SC_NS;
using sc_core::sc_time;

const sc_time kPeriod(40, SC_NS);  // 25 MHz

struct Initiator : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Initiator> socket;
  explicit Initiator(sc_core::sc_module_name n) : sc_core::sc_module(n), socket("socket") {}
};

// Remembers what it was asked and answers a fixed stall.
struct RecordingTimer : isa::AccessTimer {
  uint32_t addr = 0;
  isa::AccessKind kind = isa::AccessKind::Fetch;
  uint64_t now = 0;
  isa::AccessDelay access(uint32_t a, unsigned, isa::AccessKind k, uint64_t n) override {
    addr = a;
    kind = k;
    now = n;
    return {.wait = 7};
  }
};

struct Bench {
  memory::Memory ram{"ram", {.size_bytes = 4096, .read_only = false, .wait_states = 0, .clock_period = kPeriod}};
  memory::Memory flash{"flash", {.size_bytes = 4096, .read_only = true, .wait_states = 3, .clock_period = kPeriod}};
  memory::Memory external{
      "external", {.size_bytes = 4096, .wait_states = 2, .clock_period = kPeriod, .write_wait_states = 4}};
  memory::Memory timed_flash{"timed_flash",
                             {.size_bytes = 4096,
                              .read_only = true,
                              .wait_states = 3,
                              .clock_period = kPeriod,
                              .flash_timing = memory::FlashTimingConfig{.wait_states = 3, .dcache_lines = 2}}};
  std::unique_ptr<RecordingTimer> recorder_owner = std::make_unique<RecordingTimer>();
  RecordingTimer* recorder = recorder_owner.get();  // `recorded` owns it
  memory::Memory recorded{
      "recorded", {.size_bytes = 4096, .wait_states = 1, .clock_period = kPeriod}, std::move(recorder_owner)};
  Initiator to_ram{"to_ram"};
  Initiator to_flash{"to_flash"};
  Initiator to_external{"to_external"};
  Initiator to_timed_flash{"to_timed_flash"};
  Initiator to_recorded{"to_recorded"};
  Bench() {
    to_ram.socket.bind(ram.socket);
    to_flash.socket.bind(flash.socket);
    to_external.socket.bind(external.socket);
    to_timed_flash.socket.bind(timed_flash.socket);
    to_recorded.socket.bind(recorded.socket);
    sc_core::sc_start(sc_core::SC_ZERO_TIME);  // elaborate
  }
};

Bench& bench() {
  static Bench b;  // SystemC elaborates once per process
  return b;
}

struct Result {
  tlm::tlm_response_status status;
  sc_time delay;
};

// `local`: the initiator's time ahead of sc_time_stamp(); the result's delay
// is what the target added to it.
Result access(Initiator& i, tlm::tlm_command cmd, uint64_t addr, uint8_t* data, unsigned len,
              sc_time local = sc_core::SC_ZERO_TIME) {
  tlm::tlm_generic_payload p;
  p.set_command(cmd);
  p.set_address(addr);
  p.set_data_ptr(data);
  p.set_data_length(len);
  p.set_streaming_width(len);
  p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  sc_time delay = local;
  i.socket->b_transport(p, delay);
  return {p.get_response_status(), delay - local};
}
}  // namespace

TEST_CASE("RAM: writes then reads through b_transport, counted per access") {
  auto& b = bench();
  const auto before = b.ram.traffic();
  std::array<uint8_t, 4> w{1, 2, 3, 4};
  REQUIRE(access(b.to_ram, tlm::TLM_WRITE_COMMAND, 0x100, w.data(), 4).status == tlm::TLM_OK_RESPONSE);
  std::array<uint8_t, 4> r{};
  const auto res = access(b.to_ram, tlm::TLM_READ_COMMAND, 0x100, r.data(), 4);
  REQUIRE(res.status == tlm::TLM_OK_RESPONSE);
  REQUIRE(res.delay == sc_core::SC_ZERO_TIME);  // zero wait states
  REQUIRE(r == w);
  const auto after = b.ram.traffic();
  REQUIRE(after.reads - before.reads == 1);
  REQUIRE(after.writes - before.writes == 1);
  REQUIRE(after.bytes_read - before.bytes_read == 4);
  REQUIRE(after.bytes_written - before.bytes_written == 4);
}

TEST_CASE("flash: a bus write is an error and changes nothing; a debug write programs it") {
  auto& b = bench();
  std::array<uint8_t, 2> w{0xAB, 0xCD};
  REQUIRE(access(b.to_flash, tlm::TLM_WRITE_COMMAND, 0x20, w.data(), 2).status == tlm::TLM_COMMAND_ERROR_RESPONSE);
  std::array<uint8_t, 2> r{0xFF, 0xFF};
  REQUIRE(access(b.to_flash, tlm::TLM_READ_COMMAND, 0x20, r.data(), 2).status == tlm::TLM_OK_RESPONSE);
  REQUIRE(r == std::array<uint8_t, 2>{0, 0});

  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(0x20);
  p.set_data_ptr(w.data());
  p.set_data_length(2);
  REQUIRE(b.to_flash.socket->transport_dbg(p) == 2);
  REQUIRE(access(b.to_flash, tlm::TLM_READ_COMMAND, 0x20, r.data(), 2).status == tlm::TLM_OK_RESPONSE);
  REQUIRE(r == w);
  REQUIRE(b.flash.traffic().writes == 0);
}

TEST_CASE("flash: each access costs its wait states in clock periods") {
  auto& b = bench();
  std::array<uint8_t, 4> r{};
  REQUIRE(access(b.to_flash, tlm::TLM_READ_COMMAND, 0x0, r.data(), 4).delay == sc_time(120, SC_NS));
}

TEST_CASE("an access past the end is an address error") {
  auto& b = bench();
  std::array<uint8_t, 4> r{};
  REQUIRE(access(b.to_ram, tlm::TLM_READ_COMMAND, 4094, r.data(), 4).status == tlm::TLM_ADDRESS_ERROR_RESPONSE);
  REQUIRE(access(b.to_ram, tlm::TLM_READ_COMMAND, 4096, r.data(), 1).status == tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST_CASE("DMI: RAM is granted read-write, flash read-only, both with their latency") {
  auto& b = bench();
  tlm::tlm_generic_payload p;
  tlm::tlm_dmi dmi;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(0x10);
  REQUIRE(b.to_ram.socket->get_direct_mem_ptr(p, dmi));
  REQUIRE(dmi.is_read_write_allowed());
  REQUIRE(dmi.get_start_address() == 0);
  REQUIRE(dmi.get_end_address() == 4095);
  REQUIRE(dmi.get_dmi_ptr() == b.ram.storage().data());

  tlm::tlm_dmi fdmi;
  REQUIRE(b.to_flash.socket->get_direct_mem_ptr(p, fdmi));
  REQUIRE(fdmi.is_read_allowed());
  REQUIRE_FALSE(fdmi.is_write_allowed());
  REQUIRE(fdmi.get_read_latency() == sc_time(120, SC_NS));
}

TEST_CASE("DMI: the grant tells the initiator where to count its direct accesses") {
  auto& b = bench();
  tlm::tlm_generic_payload p;
  memory::DmiTrafficExtension ext;
  p.set_extension(&ext);
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(0);
  tlm::tlm_dmi dmi;
  REQUIRE(b.to_ram.socket->get_direct_mem_ptr(p, dmi));
  p.clear_extension(&ext);
  REQUIRE(ext.counters != nullptr);

  const auto before = b.ram.traffic();
  ext.counters->count(isa::AccessKind::Load, 4);
  ext.counters->count(isa::AccessKind::Store, 1);
  const auto after = b.ram.traffic();
  REQUIRE(after.reads == before.reads + 1);
  REQUIRE(after.bytes_written == before.bytes_written + 1);
}

TEST_CASE("external RAM: reads cost wait_states, writes write_wait_states") {
  auto& b = bench();
  std::array<uint8_t, 4> d{};
  REQUIRE(access(b.to_external, tlm::TLM_READ_COMMAND, 0x0, d.data(), 4).delay == sc_time(80, SC_NS));
  REQUIRE(access(b.to_external, tlm::TLM_WRITE_COMMAND, 0x0, d.data(), 4).delay == sc_time(160, SC_NS));
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);
  tlm::tlm_dmi dmi;
  REQUIRE(b.to_external.socket->get_direct_mem_ptr(p, dmi));
  REQUIRE(dmi.get_read_latency() == sc_time(80, SC_NS));
  REQUIRE(dmi.get_write_latency() == sc_time(160, SC_NS));
}

TEST_CASE("timed flash: b_transport reads go through its FlashTiming as data (D-cache per 16-byte line)") {
  auto& b = bench();
  REQUIRE(b.timed_flash.flash_timing() != nullptr);
  REQUIRE(b.flash.flash_timing() == nullptr);
  std::array<uint8_t, 4> r{};
  REQUIRE(access(b.to_timed_flash, tlm::TLM_READ_COMMAND, 0x40, r.data(), 4).delay == sc_time(120, SC_NS));
  REQUIRE(access(b.to_timed_flash, tlm::TLM_READ_COMMAND, 0x44, r.data(), 4).delay == sc_core::SC_ZERO_TIME);
  // 4 cycles later (after the first read's 3 wait states): the flash is free.
  REQUIRE(access(b.to_timed_flash, tlm::TLM_READ_COMMAND, 0x80, r.data(), 4, sc_time(160, SC_NS)).delay ==
          sc_time(120, SC_NS));
  const auto& c = b.timed_flash.flash_timing()->counters();
  REQUIRE(c.dcache_misses == 2);
  REQUIRE(c.dcache_hits == 1);
  REQUIRE(c.stall_cycles == 6);
  // A write is still a bus error, and untimed.
  REQUIRE(access(b.to_timed_flash, tlm::TLM_WRITE_COMMAND, 0x40, r.data(), 4).status ==
          tlm::TLM_COMMAND_ERROR_RESPONSE);
  REQUIRE(c.stall_cycles == 6);
}

TEST_CASE("a memory's timer gets the address, the kind and the initiator's cycle, and sets the delay") {
  auto& b = bench();
  std::array<uint8_t, 4> d{};
  // 10 cycles of 40 ns ahead of sc_time_stamp() (0).
  REQUIRE(access(b.to_recorded, tlm::TLM_READ_COMMAND, 0x124, d.data(), 4, sc_time(400, SC_NS)).delay ==
          sc_time(280, SC_NS));
  REQUIRE(b.recorder->addr == 0x124);
  REQUIRE(b.recorder->kind == isa::AccessKind::Load);
  REQUIRE(b.recorder->now == 10);
  REQUIRE(access(b.to_recorded, tlm::TLM_WRITE_COMMAND, 0x8, d.data(), 4, sc_time(41, SC_NS)).delay ==
          sc_time(280, SC_NS));
  REQUIRE(b.recorder->kind == isa::AccessKind::Store);
  REQUIRE(b.recorder->now == 1);  // rounded to the nearest cycle
}

TEST_CASE("DMI: the grant hands out the memory's timer, so the fast path asks it too") {
  auto& b = bench();
  tlm::tlm_generic_payload p;
  memory::DmiTrafficExtension ext;
  p.set_extension(&ext);
  p.set_command(tlm::TLM_READ_COMMAND);
  tlm::tlm_dmi dmi;
  REQUIRE(b.to_timed_flash.socket->get_direct_mem_ptr(p, dmi));
  REQUIRE(ext.timer == b.timed_flash.flash_timing());
  memory::DmiTrafficExtension copy;
  copy.copy_from(ext);
  REQUIRE(copy.timer == ext.timer);

  const uint64_t fetched = b.timed_flash.flash_timing()->counters().line_fetches;
  REQUIRE(ext.timer->fetch_block_bytes() == 16);
  REQUIRE(ext.timer->access(0x200, 2, isa::AccessKind::Fetch, 100).total() == 3);
  REQUIRE(b.timed_flash.flash_timing()->counters().line_fetches == fetched + 1);

  memory::DmiTrafficExtension ram_ext;
  p.clear_extension(&ext);
  p.set_extension(&ram_ext);
  REQUIRE(b.to_ram.socket->get_direct_mem_ptr(p, dmi));
  p.clear_extension(&ram_ext);
  REQUIRE(ram_ext.counters != nullptr);
  REQUIRE(ram_ext.timer == nullptr);  // fixed latency: the DMI latencies hold
}
