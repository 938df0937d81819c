// RAM/flash TLM-2.0 target. Flash is read-only from the bus (a write is a
// bus error) but writable through the debug interface, which is how the
// loader programs it. Each access costs `wait_states` clock periods, on
// b_transport and in the latency advertised with DMI.
#pragma once
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "memory/storage.hpp"

namespace memory {

struct MemoryConfig {
  uint64_t size_bytes = 0;
  bool read_only = false;
  uint32_t wait_states = 0;
  sc_core::sc_time clock_period = sc_core::sc_time(1, sc_core::SC_NS);
};

class Memory : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Memory> socket;

  Memory(sc_core::sc_module_name name, const MemoryConfig& config);

  const MemoryConfig& config() const { return config_; }
  Storage& storage() { return storage_; }
  const Storage& storage() const { return storage_; }
  // Bus plus DMI accesses.
  Traffic traffic() const { return storage_.traffic(); }

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  unsigned transport_dbg(tlm::tlm_generic_payload& trans);
  bool get_direct_mem_ptr(tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi);

  MemoryConfig config_;
  Storage storage_;
  sc_core::sc_time latency_;
};

}  // namespace memory
