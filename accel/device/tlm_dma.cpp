#include "accel/device/tlm_dma.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "accel/device/command.hpp"
#include "memory/dma_access.hpp"

namespace accel::device {

TlmDma::TlmDma(Transport bus, DmaTiming timing, sc_core::sc_time period)
    : bus_(std::move(bus)), timing_(timing), period_(period) {
  if (timing_.width_bytes == 0 || timing_.burst_bytes == 0) throw std::invalid_argument("DMA width and burst must be > 0");
}

uint64_t TlmDma::read(uint32_t address, std::span<uint8_t> into, uint64_t start) {
  return transfer(tlm::TLM_READ_COMMAND, address, into.data(), static_cast<uint32_t>(into.size()), start);
}

uint64_t TlmDma::write(uint32_t address, std::span<const uint8_t> from, uint64_t start) {
  // TLM payloads carry a non-const pointer; a write does not change the data.
  return transfer(tlm::TLM_WRITE_COMMAND, address, const_cast<uint8_t*>(from.data()),
                  static_cast<uint32_t>(from.size()), start);
}

uint64_t TlmDma::transfer(tlm::tlm_command cmd, uint32_t address, uint8_t* data, uint32_t bytes, uint64_t start) {
  uint64_t cycles = 0;
  uint32_t done = 0;
  tlm::tlm_generic_payload p;
  memory::DmaAccess tag;
  p.set_extension(&tag);
  while (done < bytes) {
    const uint32_t at = address + done;
    const uint32_t n = std::min(bytes - done, timing_.burst_bytes - at % timing_.burst_bytes);
    const uint64_t beats = (n + timing_.width_bytes - 1) / timing_.width_bytes;
    // The burst reaches the bus after the DMA's own latency.
    const sc_core::sc_time begin = origin_ + period_ * static_cast<double>(start + cycles + timing_.latency_cycles);
    if (begin > sc_core::sc_time_stamp()) sc_core::wait(begin - sc_core::sc_time_stamp());
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    p.set_command(cmd);
    p.set_address(at);
    p.set_data_ptr(data + done);
    p.set_data_length(n);
    p.set_streaming_width(n);
    p.set_byte_enable_ptr(nullptr);
    p.set_dmi_allowed(false);
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    bus_(p, delay);
    if (!p.is_response_ok()) {
      p.clear_extension(&tag);
      throw CommandError(ACCEL_ERROR_BUS,
                         fmt::format("DMA {} of {} bytes at {:#010x} failed ({})",
                                     cmd == tlm::TLM_READ_COMMAND ? "read" : "write", n, at, p.get_response_string()),
                         at);
    }
    const auto hold = static_cast<uint32_t>(beats + cycles_of(delay));
    const uint64_t waited = contention_ ? cycles_of(contention_(at, begin, period_ * static_cast<double>(hold))) : 0;
    cycles += timing_.latency_cycles + waited + hold;
    done += n;
  }
  p.clear_extension(&tag);
  return cycles;
}

// Whole accelerator cycles, rounded up: a wait ends on a clock edge.
uint64_t TlmDma::cycles_of(const sc_core::sc_time& t) const {
  return t > sc_core::SC_ZERO_TIME ? static_cast<uint64_t>(std::ceil(t / period_ - 1e-9)) : 0;
}

}  // namespace accel::device
