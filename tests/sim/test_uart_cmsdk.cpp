// sim::CmsdkUart through its TLM socket. Register map, bits and ID values
// from the Cortex-M System Design Kit TRM (DDI 0479, APB UART); behaviour
// where the TRM is silent as QEMU's cmsdk-apb-uart. One elaboration per
// process: the testbench is built once, each test case resets the UART and
// calls the socket directly (the target never waits).
#include <catch2/catch.hpp>

#include <array>
#include <sstream>
#include <string>
#include <vector>

#include <tlm_utils/simple_initiator_socket.h>

#include "sim/uart_cmsdk.hpp"

namespace {
using sim::CmsdkUart;
using sc_core::SC_US;
using sc_core::sc_time;

struct Initiator : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Initiator> socket;
  explicit Initiator(sc_core::sc_module_name n) : sc_core::sc_module(n), socket("socket") {}
};

// Every change of every interrupt line, in order: "tx+", "overrun-", ...
struct IrqLog {
  std::vector<std::string> events;
  CmsdkUart::IrqLines lines() {
    auto line = [this](std::string name) {
      return [this, name](bool level) { events.push_back(name + (level ? "+" : "-")); };
    };
    return {line("tx"), line("rx"), line("overrun"), line("any")};
  }
};

struct Bench {
  std::ostringstream out;
  std::istringstream input{"ok"};
  std::ostringstream out2;
  IrqLog irqs;
  CmsdkUart uart{"uart", out};
  CmsdkUart uart_in{"uart_in", out2, &input, sim::CmsdkUartConfig{.pclk_hz = 25'000'000}};
  Initiator cpu{"cpu"};
  Initiator cpu2{"cpu2"};
  Bench() {
    cpu.socket.bind(uart.socket);
    cpu2.socket.bind(uart_in.socket);
    uart.connect_irqs(irqs.lines());
    sc_core::sc_start(sc_core::SC_ZERO_TIME);  // elaborate
  }
};

Bench& bench() {
  static Bench b;  // SystemC elaborates once per process
  return b;
}

// A bench with the UART back at its power-on state.
Bench& fresh() {
  Bench& b = bench();
  b.uart.reset();
  b.out.str("");
  b.irqs.events.clear();
  return b;
}

tlm::tlm_response_status access(Initiator& i, tlm::tlm_command cmd, uint64_t addr, uint8_t* data, unsigned len) {
  tlm::tlm_generic_payload p;
  p.set_command(cmd);
  p.set_address(addr);
  p.set_data_ptr(data);
  p.set_data_length(len);
  p.set_streaming_width(len);
  p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  sc_time delay = sc_core::SC_ZERO_TIME;
  i.socket->b_transport(p, delay);
  return p.get_response_status();
}

uint32_t read32(Initiator& i, uint32_t addr) {
  std::array<uint8_t, 4> d{};
  REQUIRE(access(i, tlm::TLM_READ_COMMAND, addr, d.data(), 4) == tlm::TLM_OK_RESPONSE);
  return d[0] | d[1] << 8 | d[2] << 16 | uint32_t{d[3]} << 24;
}

void write32(Initiator& i, uint32_t addr, uint32_t value) {
  std::array<uint8_t, 4> d{static_cast<uint8_t>(value), static_cast<uint8_t>(value >> 8),
                           static_cast<uint8_t>(value >> 16), static_cast<uint8_t>(value >> 24)};
  REQUIRE(access(i, tlm::TLM_WRITE_COMMAND, addr, d.data(), 4) == tlm::TLM_OK_RESPONSE);
}

uint32_t read32(uint32_t addr) { return read32(bench().cpu, addr); }
void write32(uint32_t addr, uint32_t value) { write32(bench().cpu, addr, value); }

constexpr uint32_t DATA = 0x000, STATE = 0x004, CTRL = 0x008, INTSTATUS = 0x00C, INTCLEAR = 0x00C, BAUDDIV = 0x010;
// STATE bits (TRM): 0 TX buffer full, 1 RX buffer full, 2 TX overrun, 3 RX overrun.
// CTRL bits (TRM): 0 TX enable, 1 RX enable, 2 TX int, 3 RX int, 4 TX overrun int, 5 RX overrun int, 6 HS test.
// INTSTATUS bits (TRM): 0 TX, 1 RX, 2 TX overrun, 3 RX overrun.
}  // namespace

TEST_CASE("ID registers hold the TRM's values and ignore writes") {
  fresh();
  const std::array<std::pair<uint32_t, uint32_t>, 12> ids = {{
      {0xFD0, 0x04}, {0xFD4, 0x00}, {0xFD8, 0x00}, {0xFDC, 0x00},  // PID4..PID7
      {0xFE0, 0x21}, {0xFE4, 0xB8}, {0xFE8, 0x1B}, {0xFEC, 0x00},  // PID0..PID3: part 0x821, Arm JEP106, rev 1
      {0xFF0, 0x0D}, {0xFF4, 0xF0}, {0xFF8, 0x05}, {0xFFC, 0xB1},  // CID0..CID3
  }};
  for (auto [offset, value] : ids) {
    INFO("offset " << std::hex << offset);
    CHECK(read32(offset) == value);
    write32(offset, 0xFFFFFFFF);
    CHECK(read32(offset) == value);
  }
}

TEST_CASE("registers reset to zero; reserved offsets read zero") {
  fresh();
  for (uint32_t offset : {DATA, STATE, CTRL, INTSTATUS, BAUDDIV, 0x014u, 0x100u, 0xFCCu}) CHECK(read32(offset) == 0);
}

TEST_CASE("CTRL keeps 7 bits, BAUDDIV 20") {
  fresh();
  write32(CTRL, 0xFFFFFF80);
  CHECK(read32(CTRL) == 0);
  write32(CTRL, 0x7F);
  CHECK(read32(CTRL) == 0x7F);
  write32(BAUDDIV, 0xFFFFFFFF);
  CHECK(read32(BAUDDIV) == 0xFFFFF);
  write32(BAUDDIV, 217);  // 25 MHz / 115200
  CHECK(read32(BAUDDIV) == 217);
}

TEST_CASE("with TX enabled, DATA writes go straight to the console") {
  Bench& b = fresh();
  write32(CTRL, 0x1);
  for (char c : std::string("Hi!\n")) {
    write32(DATA, static_cast<uint8_t>(c));
    CHECK((read32(STATE) & 0x1) == 0);  // never stays full
  }
  CHECK(b.out.str() == "Hi!\n");
  CHECK(read32(STATE) == 0);
  CHECK(b.irqs.events.empty());  // TX interrupt not enabled
}

TEST_CASE("with TX disabled, a byte waits in the buffer; a second one overruns") {
  Bench& b = fresh();
  write32(DATA, 'x');
  CHECK(b.out.str().empty());
  CHECK(read32(STATE) == 0x1);  // TX full
  write32(DATA, 'y');
  CHECK(read32(STATE) == 0x5);  // TX full + TX overrun
  write32(CTRL, 0x1);           // enabling TX sends the buffered byte
  CHECK(b.out.str() == "y");
  CHECK(read32(STATE) == 0x4);
  write32(STATE, 0x3);  // full bits are read-only
  CHECK(read32(STATE) == 0x4);
  write32(STATE, 0x4);  // overrun is write-1-to-clear
  CHECK(read32(STATE) == 0);
}

TEST_CASE("TX interrupt: raised as the buffer empties, cleared by writing 1 to INTCLEAR") {
  Bench& b = fresh();
  write32(CTRL, 0x1 | 0x4);
  write32(DATA, 'a');
  CHECK(b.out.str() == "a");
  CHECK(read32(INTSTATUS) == 0x1);
  CHECK(b.irqs.events == std::vector<std::string>{"tx+", "any+"});
  write32(DATA, 'b');  // already pending: no new edge
  CHECK(b.irqs.events.size() == 2);
  write32(INTCLEAR, 0x2);  // other bits: no effect
  CHECK(read32(INTSTATUS) == 0x1);
  write32(INTCLEAR, 0x1);
  CHECK(read32(INTSTATUS) == 0);
  CHECK(b.irqs.events == std::vector<std::string>{"tx+", "any+", "tx-", "any-"});
}

TEST_CASE("TX overrun interrupt follows STATE and its enable; INTCLEAR clears both") {
  Bench& b = fresh();
  write32(CTRL, 0x10);  // TX overrun interrupt enabled, TX disabled
  write32(DATA, '1');
  write32(DATA, '2');
  CHECK(read32(INTSTATUS) == 0x4);
  CHECK(b.irqs.events == std::vector<std::string>{"overrun+", "any+"});
  write32(INTCLEAR, 0x4);
  CHECK(read32(INTSTATUS) == 0);
  CHECK(read32(STATE) == 0x1);  // overrun cleared, the byte still waits
  CHECK(b.irqs.events == std::vector<std::string>{"overrun+", "any+", "overrun-", "any-"});

  SECTION("without the enable the overrun shows only in STATE") {
    write32(CTRL, 0x0);
    write32(DATA, '3');
    CHECK(read32(STATE) == 0x5);
    CHECK(read32(INTSTATUS) == 0);
    write32(CTRL, 0x10);  // enabling it later raises the line
    CHECK(read32(INTSTATUS) == 0x4);
  }
}

TEST_CASE("receive: RX buffer, RX interrupt, RX overrun") {
  Bench& b = fresh();
  b.uart.receive('z');  // RX disabled: dropped
  CHECK(read32(STATE) == 0);
  CHECK_FALSE(b.uart.can_receive());

  write32(CTRL, 0x2 | 0x8 | 0x20);  // RX, RX interrupt, RX overrun interrupt
  CHECK(b.uart.can_receive());
  b.uart.receive('a');
  CHECK(read32(STATE) == 0x2);
  CHECK(read32(INTSTATUS) == 0x2);
  CHECK(b.irqs.events == std::vector<std::string>{"rx+", "any+"});
  CHECK_FALSE(b.uart.can_receive());

  b.uart.receive('b');  // not read yet: overrun, the newer byte is kept
  CHECK(read32(STATE) == 0xA);
  CHECK(read32(INTSTATUS) == 0xA);
  CHECK(read32(DATA) == 'b');
  CHECK(read32(STATE) == 0x8);  // reading DATA empties the buffer
  write32(INTCLEAR, 0xA);
  CHECK(read32(STATE) == 0);
  CHECK(read32(INTSTATUS) == 0);
  CHECK(b.irqs.events == std::vector<std::string>{"rx+", "any+", "overrun+", "rx-", "overrun-", "any-"});
}

TEST_CASE("narrow accesses: STRB to DATA transmits, byte reads pick their lane") {
  Bench& b = fresh();
  uint8_t ctrl = 0x01;
  REQUIRE(access(b.cpu, tlm::TLM_WRITE_COMMAND, CTRL, &ctrl, 1) == tlm::TLM_OK_RESPONSE);
  CHECK(read32(CTRL) == 0x01);
  uint8_t ch = 'Q';
  REQUIRE(access(b.cpu, tlm::TLM_WRITE_COMMAND, DATA, &ch, 1) == tlm::TLM_OK_RESPONSE);
  CHECK(b.out.str() == "Q");
  write32(BAUDDIV, 0x12345);
  std::array<uint8_t, 2> half{};
  REQUIRE(access(b.cpu, tlm::TLM_READ_COMMAND, BAUDDIV + 1, half.data(), 2) == tlm::TLM_OK_RESPONSE);
  CHECK(half == std::array<uint8_t, 2>{0x23, 0x01});
}

TEST_CASE("bus errors: past the block, bursts, byte enables") {
  Bench& b = fresh();
  std::array<uint8_t, 8> d{};
  CHECK(access(b.cpu, tlm::TLM_READ_COMMAND, 0x1000, d.data(), 4) == tlm::TLM_ADDRESS_ERROR_RESPONSE);
  CHECK(access(b.cpu, tlm::TLM_READ_COMMAND, 0x0, d.data(), 8) == tlm::TLM_BURST_ERROR_RESPONSE);
  CHECK(access(b.cpu, tlm::TLM_READ_COMMAND, 0x2, d.data(), 4) == tlm::TLM_BURST_ERROR_RESPONSE);

  tlm::tlm_generic_payload p;
  uint8_t be[4] = {0xFF, 0, 0, 0};
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(DATA);
  p.set_data_ptr(d.data());
  p.set_data_length(4);
  p.set_streaming_width(4);
  p.set_byte_enable_ptr(be);
  p.set_byte_enable_length(4);
  sc_time delay = sc_core::SC_ZERO_TIME;
  b.cpu.socket->b_transport(p, delay);
  CHECK(p.get_response_status() == tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
}

TEST_CASE("debug access reads without side effects and cannot transmit") {
  Bench& b = fresh();
  write32(CTRL, 0x3);
  b.uart.receive('r');
  tlm::tlm_generic_payload p;
  std::array<uint8_t, 8> d{};
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(DATA);
  p.set_data_ptr(d.data());
  p.set_data_length(8);
  CHECK(b.cpu.socket->transport_dbg(p) == 8);
  CHECK(d[0] == 'r');
  CHECK(d[4] == 0x2);  // STATE: RX full
  CHECK(read32(STATE) == 0x2);  // still full: the debug read did not consume it

  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_data_length(1);
  CHECK(b.cpu.socket->transport_dbg(p) == 0);
  CHECK(b.out.str().empty());
}

TEST_CASE("an input stream feeds RX one character time after RX can take a byte") {
  Bench& b = bench();
  Initiator& cpu = b.cpu2;
  write32(cpu, BAUDDIV, 250);  // 25 MHz / 250 = 100 kBd: 10 bits take 100 us
  write32(cpu, CTRL, 0x2);
  sc_core::sc_start(sc_time(99, SC_US));
  CHECK(read32(cpu, STATE) == 0);
  sc_core::sc_start(sc_time(2, SC_US));
  CHECK(read32(cpu, STATE) == 0x2);
  CHECK(read32(cpu, DATA) == 'o');  // frees the buffer: the next byte follows
  sc_core::sc_start(sc_time(99, SC_US));
  CHECK(read32(cpu, STATE) == 0);
  sc_core::sc_start(sc_time(2, SC_US));
  CHECK(read32(cpu, DATA) == 'k');
  sc_core::sc_start(sc_time(500, SC_US));
  CHECK(read32(cpu, STATE) == 0);  // end of input: RX stays empty
}
