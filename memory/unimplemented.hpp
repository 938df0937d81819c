// A window of the address map with no model behind it that, like QEMU's
// "unimplemented-device", reads as zero and ignores writes instead of
// raising a bus error. Boards use it where the reference (QEMU) does, so the
// same firmware behaves the same. The first access is reported (once).
#pragma once
#include <functional>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace memory {

class Unimplemented : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Unimplemented> socket;

  // on_first_access(offset, is_write) is called once, at the first bus access.
  Unimplemented(sc_core::sc_module_name name, std::function<void(uint64_t, bool)> on_first_access = {});

  uint64_t accesses() const { return accesses_; }

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  unsigned transport_dbg(tlm::tlm_generic_payload& trans);

  std::function<void(uint64_t, bool)> on_first_access_;
  uint64_t accesses_ = 0;
};

}  // namespace memory
