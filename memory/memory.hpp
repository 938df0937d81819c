// RAM/flash TLM-2.0 target. Flash is read-only from the bus (a write is a
// bus error) but writable through the debug interface, which is how the
// loader programs it. Each access costs `wait_states` clock periods (writes
// `write_wait_states`), on b_transport and in the latency advertised with
// DMI; unless the memory has a timer (flash: FlashTiming), which then
// decides the latency on b_transport and is handed to DMI initiators
// (DmiTrafficExtension) so that the fast path asks it too. A DMA engine's
// payloads (DmaAccess) are counted apart and see the plain wait states.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "isa/bus.hpp"
#include "memory/flash_timing.hpp"
#include "memory/storage.hpp"

namespace memory {

struct MemoryConfig {
  uint64_t size_bytes = 0;
  bool read_only = false;
  uint32_t wait_states = 0;
  sc_core::sc_time clock_period = sc_core::sc_time(1, sc_core::SC_NS);  // the core's: timers count its cycles
  std::optional<uint32_t> write_wait_states = std::nullopt;      // default: wait_states
  std::optional<FlashTimingConfig> flash_timing = std::nullopt;  // set: a FlashTiming decides the latency
};

class Memory : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Memory> socket;

  // `timer`, when given, replaces the one config.flash_timing asks for (a
  // seam for tests and other timing models).
  Memory(sc_core::sc_module_name name, const MemoryConfig& config, std::unique_ptr<isa::AccessTimer> timer = nullptr);

  const MemoryConfig& config() const { return config_; }
  Storage& storage() { return storage_; }
  const Storage& storage() const { return storage_; }
  // The core's bus plus DMI accesses.
  Traffic traffic() const { return storage_.traffic(); }
  // DMA engines' accesses (payloads with a DmaAccess extension).
  const Traffic& dma_traffic() const { return storage_.dma_traffic(); }
  // Every master's.
  Traffic all_traffic() const { return storage_.traffic() + storage_.dma_traffic(); }
  // Null without flash timing (its counters are stats).
  const FlashTiming* flash_timing() const { return dynamic_cast<const FlashTiming*>(timer_.get()); }
  // The memory's own timing model (null: fixed wait states).
  isa::AccessTimer* own_timer() { return timer_.get(); }
  // From now on `outer` (which may ask own_timer()) times every access and
  // is what DMI hands out: the memory's port on a bus matrix.
  void route_through(std::unique_ptr<isa::AccessTimer> outer) { outer_ = std::move(outer); }

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  unsigned transport_dbg(tlm::tlm_generic_payload& trans);
  bool get_direct_mem_ptr(tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi);
  sc_core::sc_time latency(const tlm::tlm_generic_payload& trans, const sc_core::sc_time& delay);
  sc_core::sc_time dma_latency(const tlm::tlm_generic_payload& trans) const;

  MemoryConfig config_;
  Storage storage_;
  sc_core::sc_time read_latency_;
  sc_core::sc_time write_latency_;
  std::unique_ptr<isa::AccessTimer> timer_;  // null: fixed latencies
  std::unique_ptr<isa::AccessTimer> outer_;  // set: times accesses instead (around timer_)
  isa::AccessTimer* timing() const { return outer_ ? outer_.get() : timer_.get(); }
};

}  // namespace memory
