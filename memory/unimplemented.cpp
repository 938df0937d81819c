#include "memory/unimplemented.hpp"

#include <cstring>

namespace memory {

Unimplemented::Unimplemented(sc_core::sc_module_name name, std::function<void(uint64_t, bool)> on_first_access)
    : sc_core::sc_module(name), socket("socket"), on_first_access_(std::move(on_first_access)) {
  socket.register_b_transport(this, &Unimplemented::b_transport);
  socket.register_transport_dbg(this, &Unimplemented::transport_dbg);
}

void Unimplemented::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time&) {
  if (accesses_++ == 0 && on_first_access_) on_first_access_(trans.get_address(), trans.is_write());
  if (trans.is_read()) std::memset(trans.get_data_ptr(), 0, trans.get_data_length());
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

unsigned Unimplemented::transport_dbg(tlm::tlm_generic_payload& trans) {
  if (trans.is_read()) std::memset(trans.get_data_ptr(), 0, trans.get_data_length());
  return trans.get_data_length();
}

}  // namespace memory
