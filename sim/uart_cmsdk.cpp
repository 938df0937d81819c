#include "sim/uart_cmsdk.hpp"

#include <algorithm>

namespace sim {
namespace {

// PID4..PID7, PID0..PID3, CID0..CID3 at 0xFD0..0xFFC: part 0x821, Arm's
// JEP106 code, revision 1; the CoreSight-style component ID.
constexpr std::array<uint8_t, 12> kIdRegisters = {0x04, 0x00, 0x00, 0x00, 0x21, 0xB8,
                                                  0x1B, 0x00, 0x0D, 0xF0, 0x05, 0xB1};

constexpr uint32_t kCtrlMask = 0x7F;
constexpr uint32_t kBaudDivMask = 0xFFFFF;
constexpr uint32_t kMinBaudDiv = 16;  // the TRM's minimum; smaller values mean "not yet programmed"

// A narrow APB write arrives with its data replicated on every byte lane (as
// Cortex-M cores drive the bus for STRB/STRH); the UART ignores PADDR[1:0].
uint32_t replicate(uint32_t data, unsigned len) {
  switch (len) {
    case 1: return (data & 0xFF) * 0x01010101u;
    case 2: return (data & 0xFFFF) * 0x00010001u;
    default: return data;
  }
}

uint32_t load_le(const uint8_t* p, unsigned len) {
  uint32_t v = 0;
  for (unsigned i = 0; i < len; ++i) v |= uint32_t{p[i]} << (8 * i);
  return v;
}

}  // namespace

CmsdkUart::CmsdkUart(sc_core::sc_module_name name, std::ostream& out, std::istream* in, CmsdkUartConfig config)
    : sc_core::sc_module(name), socket("socket"), out_(out), in_(in), config_(config) {
  socket.register_b_transport(this, &CmsdkUart::b_transport);
  socket.register_transport_dbg(this, &CmsdkUart::transport_dbg);
  SC_HAS_PROCESS(CmsdkUart);
  SC_METHOD(poll_input);
  sensitive << input_event_;
  dont_initialize();
}

void CmsdkUart::reset() {
  state_ = ctrl_ = intstatus_ = bauddiv_ = 0;
  txbuf_ = rxbuf_ = 0;
  input_event_.cancel();
  update_irqs();
}

// ---- bus side ----

void CmsdkUart::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const uint64_t addr = trans.get_address();
  const unsigned len = trans.get_data_length();
  if (trans.get_byte_enable_ptr()) {
    trans.set_response_status(tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
    return;
  }
  if (len == 0 || len > 4 || trans.get_streaming_width() < len || (addr % 4) + len > 4) {
    trans.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);  // one register per access
    return;
  }
  if (addr + len > kSize) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return;
  }
  const auto offset = static_cast<uint32_t>(addr & ~uint64_t{3});
  const unsigned lane = static_cast<unsigned>(addr % 4);
  uint8_t* data = trans.get_data_ptr();
  if (trans.is_read()) {
    const uint32_t value = read_register(offset) >> (8 * lane);
    for (unsigned i = 0; i < len; ++i) data[i] = static_cast<uint8_t>(value >> (8 * i));
  } else if (trans.is_write()) {
    write_register(offset, replicate(load_le(data, len), len));
  }
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

// Reads without side effects, any length inside the register block; writes
// are refused (a debugger poking DATA must not transmit).
unsigned CmsdkUart::transport_dbg(tlm::tlm_generic_payload& trans) {
  const uint64_t addr = trans.get_address();
  if (!trans.is_read() || addr >= kSize) return 0;
  const auto len = static_cast<unsigned>(std::min<uint64_t>(trans.get_data_length(), kSize - addr));
  uint8_t* data = trans.get_data_ptr();
  for (unsigned i = 0; i < len; ++i) {
    const uint64_t a = addr + i;
    data[i] = static_cast<uint8_t>(peek(static_cast<uint32_t>(a & ~uint64_t{3})) >> (8 * (a % 4)));
  }
  return len;
}

uint32_t CmsdkUart::peek(uint32_t offset) const {
  switch (offset) {
    case kData: return rxbuf_;
    case kState: return state_;
    case kCtrl: return ctrl_;
    case kIntStatus: return intstatus_;
    case kBaudDiv: return bauddiv_;
    default:
      if (offset >= kPid4 && offset < kSize && offset % 4 == 0) return kIdRegisters[(offset - kPid4) / 4];
      return 0;  // reserved
  }
}

uint32_t CmsdkUart::read_register(uint32_t offset) {
  const uint32_t value = peek(offset);
  if (offset == kData) {  // reading the received byte empties the buffer
    state_ &= ~kRxFull;
    update_irqs();
    schedule_input();
  }
  return value;
}

void CmsdkUart::write_register(uint32_t offset, uint32_t value) {
  switch (offset) {
    case kData:
      write_data(static_cast<uint8_t>(value));
      break;
    case kState:  // TXFULL and RXFULL are read-only, the overrun bits W1C
      state_ &= ~(value & (kTxOverrun | kRxOverrun));
      update_irqs();
      break;
    case kCtrl:
      ctrl_ = value & kCtrlMask;
      transmit();  // a byte written while TX was disabled goes now
      update_irqs();
      schedule_input();
      break;
    case kIntStatus:  // INTCLEAR: clearing an overrun interrupt clears its STATE bit
      state_ &= ~(value & (kTxOverrunInt | kRxOverrunInt));
      intstatus_ &= ~value;
      update_irqs();
      break;
    case kBaudDiv:
      bauddiv_ = value & kBaudDivMask;
      break;
    default:
      break;  // ID registers are read-only; reserved offsets ignore writes
  }
}

// ---- transmit ----

void CmsdkUart::write_data(uint8_t byte) {
  txbuf_ = byte;
  if (state_ & kTxFull) {  // only while TX is disabled: the newest byte wins
    state_ |= kTxOverrun;
    update_irqs();
    return;
  }
  state_ |= kTxFull;
  transmit();
}

void CmsdkUart::transmit() {
  if (!(ctrl_ & kTxEnable) || !(state_ & kTxFull)) return;
  out_.put(static_cast<char>(txbuf_));
  if (txbuf_ == '\n') out_.flush();  // whole lines, in order with the simulator's own output
  state_ &= ~kTxFull;
  if (ctrl_ & kTxIntEnable) intstatus_ |= kTxInt;  // the buffer going empty is the TX interrupt
  update_irqs();
}

// ---- receive ----

bool CmsdkUart::can_receive() const { return (ctrl_ & kRxEnable) && !(state_ & kRxFull); }

void CmsdkUart::receive(uint8_t byte) {
  if (!(ctrl_ & kRxEnable)) return;
  if (state_ & kRxFull) state_ |= kRxOverrun;
  rxbuf_ = byte;
  state_ |= kRxFull;
  if (ctrl_ & kRxIntEnable) intstatus_ |= kRxInt;
  update_irqs();
}

sc_core::sc_time CmsdkUart::character_time() const {
  // Start bit, 8 data bits, stop bit; BAUDDIV clocks per bit.
  const uint32_t div = std::max(bauddiv_, kMinBaudDiv);
  return sc_core::sc_time(10.0 * div / static_cast<double>(config_.pclk_hz), sc_core::SC_SEC);
}

void CmsdkUart::schedule_input() {
  if (in_ && can_receive() && in_->rdbuf()->in_avail() > 0) input_event_.notify(character_time());
}

void CmsdkUart::poll_input() {
  if (!in_ || !can_receive() || in_->rdbuf()->in_avail() <= 0) return;
  const int ch = in_->get();
  if (ch != std::char_traits<char>::eof()) receive(static_cast<uint8_t>(ch));
}

// ---- interrupts ----

void CmsdkUart::update_irqs() {
  // The overrun interrupt bits follow STATE's overrun bits gated by their enables.
  const uint32_t overrun_mask = kTxOverrunInt | kRxOverrunInt;
  intstatus_ = (intstatus_ & ~overrun_mask) | (state_ & (ctrl_ >> 2) & overrun_mask);
  drive(irqs_.tx, levels_.tx, intstatus_ & kTxInt);
  drive(irqs_.rx, levels_.rx, intstatus_ & kRxInt);
  drive(irqs_.overrun, levels_.overrun, intstatus_ & overrun_mask);
  drive(irqs_.combined, levels_.combined, intstatus_ != 0);
}

void CmsdkUart::drive(const IrqLine& line, bool& level, bool now) {
  if (level == now) return;
  level = now;
  if (line) line(now);
}

}  // namespace sim
