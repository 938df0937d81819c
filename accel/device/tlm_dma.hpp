// The DMA engine on the system bus: bursts of up to `burst_bytes` through
// a TLM initiator socket (b_transport with a memory::DmaAccess extension,
// so every byte reaches the memory's DMA traffic counters). A burst costs
// the DMA's own latency, one cycle per `width_bytes` beat, the cycles the
// memory annotates, and the cycles a shared memory's port makes it wait
// for other masters. Each burst is issued at its own SystemC time (the
// thread waits for it), so the core and the bus see the DMA's accesses
// when they happen, not all at the start of a command.
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
  // The time a burst at `address` that would hold the bus for `hold` from
  // `begin` waits for other masters (zero without a bus matrix).
  using Contention =
      std::function<sc_core::sc_time(uint32_t address, const sc_core::sc_time& begin, const sc_core::sc_time& hold)>;

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
  uint64_t cycles_of(const sc_core::sc_time& t) const;

  Transport bus_;
  DmaTiming timing_;
  sc_core::sc_time period_;
  sc_core::sc_time origin_ = sc_core::SC_ZERO_TIME;
  Contention contention_;
};

}  // namespace accel::device
