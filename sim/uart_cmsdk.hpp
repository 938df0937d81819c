// Arm CMSDK APB UART (Cortex-M System Design Kit TRM, DDI 0479): the console
// UART of the MPS2/MPS3 boards, behaving as QEMU's cmsdk-apb-uart does.
//
// Transmit is instantaneous: a byte written to DATA with TX enabled goes to
// the output stream at once, so STATE.TXFULL never stays set and firmware
// polling it never waits; the TX interrupt (if enabled) is raised as the
// buffer empties, as on hardware. A byte written while TX is disabled waits
// in the buffer (TXFULL) until TX is enabled.
//
// Receive is optional: bytes come from receive() (a host-side serial line)
// or from an input stream that can be read without blocking (a file, a
// string stream), one per character time at the programmed baud rate. With
// no data, RX simply never fills.
//
// Interrupt outputs are level callbacks (called on each change), so the
// platform can wire them to any interrupt controller.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace sim {

struct CmsdkUartConfig {
  uint64_t pclk_hz = 25'000'000;  // APB clock; the baud rate is pclk_hz / BAUDDIV
};

class CmsdkUart : public sc_core::sc_module {
 public:
  // Register offsets.
  static constexpr uint32_t kData = 0x000;
  static constexpr uint32_t kState = 0x004;
  static constexpr uint32_t kCtrl = 0x008;
  static constexpr uint32_t kIntStatus = 0x00C;  // read: INTSTATUS; write: INTCLEAR (1 clears)
  static constexpr uint32_t kBaudDiv = 0x010;
  static constexpr uint32_t kPid4 = 0xFD0;  // PID4..PID7, PID0..PID3, CID0..CID3
  static constexpr uint32_t kSize = 0x1000;

  // STATE
  static constexpr uint32_t kTxFull = 1u << 0;
  static constexpr uint32_t kRxFull = 1u << 1;
  static constexpr uint32_t kTxOverrun = 1u << 2;  // write 1 to clear
  static constexpr uint32_t kRxOverrun = 1u << 3;  // write 1 to clear
  // CTRL
  static constexpr uint32_t kTxEnable = 1u << 0;
  static constexpr uint32_t kRxEnable = 1u << 1;
  static constexpr uint32_t kTxIntEnable = 1u << 2;
  static constexpr uint32_t kRxIntEnable = 1u << 3;
  static constexpr uint32_t kTxOverrunIntEnable = 1u << 4;
  static constexpr uint32_t kRxOverrunIntEnable = 1u << 5;
  static constexpr uint32_t kHighSpeedTest = 1u << 6;
  // INTSTATUS / INTCLEAR
  static constexpr uint32_t kTxInt = 1u << 0;
  static constexpr uint32_t kRxInt = 1u << 1;
  static constexpr uint32_t kTxOverrunInt = 1u << 2;
  static constexpr uint32_t kRxOverrunInt = 1u << 3;

  using IrqLine = std::function<void(bool level)>;
  struct IrqLines {
    IrqLine tx;        // TXINT
    IrqLine rx;        // RXINT
    IrqLine overrun;   // TXOVRINT | RXOVRINT (one line on MPS2 boards)
    IrqLine combined;  // UARTINT: any of the above
  };

  tlm_utils::simple_target_socket<CmsdkUart> socket;

  CmsdkUart(sc_core::sc_module_name name, std::ostream& out, std::istream* in = nullptr, CmsdkUartConfig config = {});

  // Unconnected lines are simply not driven.
  void connect_irqs(IrqLines lines) { irqs_ = std::move(lines); }
  // Power-on state: everything zero, interrupts low.
  void reset();

  // The host end of the serial line: true if a byte sent now would be taken
  // without an overrun (RX enabled and the buffer empty).
  bool can_receive() const;
  // A byte arrives: dropped if RX is disabled; sets RXOVERRUN if the buffer
  // was still full (the new byte replaces the old one).
  void receive(uint8_t byte);

  // A register's value without side effects (reading DATA does not empty it).
  uint32_t peek(uint32_t offset) const;

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  unsigned transport_dbg(tlm::tlm_generic_payload& trans);

  uint32_t read_register(uint32_t offset);
  void write_register(uint32_t offset, uint32_t value);
  void write_data(uint8_t byte);
  void transmit();
  void update_irqs();
  void drive(const IrqLine& line, bool& level, bool now);

  // Input stream: one byte per character time while RX can take it.
  void schedule_input();
  void poll_input();
  sc_core::sc_time character_time() const;

  std::ostream& out_;
  std::istream* in_;
  CmsdkUartConfig config_;
  IrqLines irqs_;
  sc_core::sc_event input_event_;

  uint32_t state_ = 0;
  uint32_t ctrl_ = 0;
  uint32_t intstatus_ = 0;
  uint32_t bauddiv_ = 0;
  uint8_t txbuf_ = 0;
  uint8_t rxbuf_ = 0;
  struct Levels {
    bool tx = false, rx = false, overrun = false, combined = false;
  } levels_;
};

}  // namespace sim
