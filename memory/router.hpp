// TLM-2.0 interconnect: routes each transaction by address to the target
// bound at the mapping's initiator-socket index, translating the address
// into the target's space (and DMI ranges back into the bus's space).
// Unmapped addresses answer TLM_ADDRESS_ERROR_RESPONSE.
#pragma once
#include <systemc>
#include <tlm>
#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>

#include "memory/address_map.hpp"

namespace memory {

class Router : public sc_core::sc_module {
 public:
  tlm_utils::multi_passthrough_target_socket<Router> target;        // from initiators
  tlm_utils::multi_passthrough_initiator_socket<Router> initiator;  // to targets, by Mapping::target

  Router(sc_core::sc_module_name name, AddressMap map);

  const AddressMap& map() const { return map_; }

 private:
  void b_transport(int from, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  unsigned transport_dbg(int from, tlm::tlm_generic_payload& trans);
  bool get_direct_mem_ptr(int from, tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi);
  void invalidate_direct_mem_ptr(int to, sc_dt::uint64 start, sc_dt::uint64 end);
  void end_of_elaboration() override;

  AddressMap map_;
};

}  // namespace memory
