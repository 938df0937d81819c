// The DMA engine on the system bus: bursts of up to `burst_bytes` through
// a TLM initiator socket (b_transport, so every byte reaches the memory's
// traffic counters and timing). A burst costs the DMA's own latency, one
// cycle per `width_bytes` beat, the cycles the memory annotates, and the
// cycles a shared memory's port makes it wait for other masters.
#pragma once
#include <cstdint>
#include <functional>
#include <span>

#include <systemc>
#include <tlm>

#include "accel/device/dma_port.hpp"

namespace accel::device {

struct DmaTiming {
  uint32_t width_bytes = 8;     // bytes per beat
  uint32_t latency_cycles = 4;  // per burst, before its first beat
  uint32_t burst_bytes = 64;    // the longest burst (bursts do not cross it: aligned)
};

class TlmDma final : public DmaPort {
 public:
  // Cycles a burst at `address` holding the bus for `hold` accelerator
  // cycles from `start` waits for other masters (0 without a bus matrix).
  using Contention = std::function<uint64_t(uint32_t address, uint64_t start, uint32_t hold)>;

  // The initiator socket's b_transport.
  using Transport = std::function<void(tlm::tlm_generic_payload&, sc_core::sc_time&)>;

  TlmDma(Transport bus, DmaTiming timing, sc_core::sc_time period);
  // The SystemC time of accelerator cycle 0.
  void set_origin(const sc_core::sc_time& origin) { origin_ = origin; }
  void set_contention(Contention c) { contention_ = std::move(c); }

  uint64_t read(uint32_t address, std::span<uint8_t> into, uint64_t start) override;
  uint64_t write(uint32_t address, std::span<const uint8_t> from, uint64_t start) override;

 private:
  uint64_t transfer(tlm::tlm_command cmd, uint32_t address, uint8_t* data, uint32_t bytes, uint64_t start);

  Transport bus_;
  DmaTiming timing_;
  sc_core::sc_time period_;
  sc_core::sc_time origin_ = sc_core::SC_ZERO_TIME;
  Contention contention_;
};

}  // namespace accel::device
