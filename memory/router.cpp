#include "memory/router.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace memory {

Router::Router(sc_core::sc_module_name name, AddressMap map)
    : sc_core::sc_module(name), target("target"), initiator("initiator"), map_(std::move(map)) {
  target.register_b_transport(this, &Router::b_transport);
  target.register_transport_dbg(this, &Router::transport_dbg);
  target.register_get_direct_mem_ptr(this, &Router::get_direct_mem_ptr);
  initiator.register_invalidate_direct_mem_ptr(this, &Router::invalidate_direct_mem_ptr);
}

void Router::end_of_elaboration() {
  for (const auto& m : map_.mappings())
    if (m.target >= initiator.size())
      SC_REPORT_ERROR(name(), fmt::format("region '{}' leads to initiator socket {} but only {} targets are bound",
                                          m.name, m.target, initiator.size())
                                  .c_str());
}

void Router::b_transport(int, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const uint64_t addr = trans.get_address();
  const Mapping* m = map_.find(addr);
  if (m == nullptr || !m->contains(addr, trans.get_data_length())) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return;
  }
  trans.set_address(m->to_target(addr));
  initiator[m->target]->b_transport(trans, delay);
  trans.set_address(addr);
}

unsigned Router::transport_dbg(int, tlm::tlm_generic_payload& trans) {
  const uint64_t addr = trans.get_address();
  const Mapping* m = map_.find(addr);
  if (m == nullptr) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return 0;
  }
  // A debug access stops at the end of the window it starts in.
  const unsigned len = trans.get_data_length();
  const auto in_window = static_cast<unsigned>(std::min<uint64_t>(len, m->last() - addr + 1));
  trans.set_address(m->to_target(addr));
  trans.set_data_length(in_window);
  const unsigned done = initiator[m->target]->transport_dbg(trans);
  trans.set_data_length(len);
  trans.set_address(addr);
  return done;
}

bool Router::get_direct_mem_ptr(int, tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi) {
  const uint64_t addr = trans.get_address();
  const Mapping* m = map_.find(addr);
  if (m == nullptr) {
    const auto [first, last] = map_.gap_around(addr);
    dmi.set_start_address(first);
    dmi.set_end_address(last);
    dmi.set_granted_access(tlm::tlm_dmi::DMI_ACCESS_NONE);
    return false;
  }
  trans.set_address(m->to_target(addr));
  const bool granted = initiator[m->target]->get_direct_mem_ptr(trans, dmi);
  trans.set_address(addr);

  // Clip the target's range to this window, then move it into bus space.
  const uint64_t window_first = m->target_offset;
  const uint64_t window_last = m->target_offset + m->size - 1;
  const uint64_t first = std::max<uint64_t>(dmi.get_start_address(), window_first);
  const uint64_t last = std::min<uint64_t>(dmi.get_end_address(), window_last);
  if (granted && dmi.get_dmi_ptr() != nullptr) dmi.set_dmi_ptr(dmi.get_dmi_ptr() + (first - dmi.get_start_address()));
  dmi.set_start_address(m->from_target(first));
  dmi.set_end_address(m->from_target(last));
  return granted;
}

void Router::invalidate_direct_mem_ptr(int to, sc_dt::uint64 start, sc_dt::uint64 end) {
  // A target's range may be visible through several windows (mirrors).
  for (const auto& m : map_.mappings()) {
    if (m.target != static_cast<unsigned>(to)) continue;
    const uint64_t first = std::max<uint64_t>(start, m.target_offset);
    const uint64_t last = std::min<uint64_t>(end, m.target_offset + m.size - 1);
    if (first > last) continue;
    for (unsigned i = 0; i < target.size(); ++i)
      target[static_cast<int>(i)]->invalidate_direct_mem_ptr(m.from_target(first), m.from_target(last));
  }
}

}  // namespace memory
