#include "accel/device/tlm_dma.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "accel/device/command.hpp"

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
  while (done < bytes) {
    const uint32_t at = address + done;
    const uint32_t n = std::min(bytes - done, timing_.burst_bytes - at % timing_.burst_bytes);
    const uint64_t beats = (n + timing_.width_bytes - 1) / timing_.width_bytes;
    // The memory's own latency, annotated at the time the burst starts.
    const sc_core::sc_time begin = origin_ + period_ * static_cast<double>(start + cycles);
    const sc_core::sc_time local = begin > sc_core::sc_time_stamp() ? begin - sc_core::sc_time_stamp() : sc_core::SC_ZERO_TIME;
    sc_core::sc_time delay = local;
    p.set_command(cmd);
    p.set_address(at);
    p.set_data_ptr(data + done);
    p.set_data_length(n);
    p.set_streaming_width(n);
    p.set_byte_enable_ptr(nullptr);
    p.set_dmi_allowed(false);
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    bus_(p, delay);
    if (!p.is_response_ok())
      throw CommandError(ACCEL_ERROR_BUS,
                         fmt::format("DMA {} of {} bytes at {:#010x} failed ({})",
                                     cmd == tlm::TLM_READ_COMMAND ? "read" : "write", n, at, p.get_response_string()),
                         at);
    const double memory = delay > local ? (delay - local) / period_ : 0.0;
    const auto hold = static_cast<uint32_t>(beats + static_cast<uint64_t>(std::ceil(memory)));
    const uint64_t waited = contention_ ? contention_(at, start + cycles, hold) : 0;
    cycles += timing_.latency_cycles + waited + hold;
    done += n;
  }
  return cycles;
}

}  // namespace accel::device
