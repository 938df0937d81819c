#include "memory/memory.hpp"

#include <algorithm>
#include <span>

#include "memory/dmi_traffic.hpp"

namespace memory {

Memory::Memory(sc_core::sc_module_name name, const MemoryConfig& config)
    : sc_core::sc_module(name),
      socket("socket"),
      config_(config),
      storage_(config.size_bytes, config.read_only),
      latency_(config.clock_period * static_cast<double>(config.wait_states)) {
  socket.register_b_transport(this, &Memory::b_transport);
  socket.register_transport_dbg(this, &Memory::transport_dbg);
  socket.register_get_direct_mem_ptr(this, &Memory::get_direct_mem_ptr);
}

void Memory::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const unsigned len = trans.get_data_length();
  if (trans.get_byte_enable_ptr() != nullptr) {
    trans.set_response_status(tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
    return;
  }
  if (trans.get_streaming_width() < len) {
    trans.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
    return;
  }
  AccessStatus status = AccessStatus::Ok;
  switch (trans.get_command()) {
    case tlm::TLM_READ_COMMAND:
      status = storage_.read(trans.get_address(), std::span(trans.get_data_ptr(), len));
      break;
    case tlm::TLM_WRITE_COMMAND:
      status = storage_.write(trans.get_address(), std::span<const uint8_t>(trans.get_data_ptr(), len));
      break;
    case tlm::TLM_IGNORE_COMMAND:
      break;
  }
  switch (status) {
    case AccessStatus::Ok:
      trans.set_response_status(tlm::TLM_OK_RESPONSE);
      break;
    case AccessStatus::OutOfRange:
      trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    case AccessStatus::ReadOnly:
      trans.set_response_status(tlm::TLM_COMMAND_ERROR_RESPONSE);
      return;
  }
  delay += latency_;
  trans.set_dmi_allowed(true);
}

unsigned Memory::transport_dbg(tlm::tlm_generic_payload& trans) {
  const uint64_t addr = trans.get_address();
  if (addr >= storage_.size()) return 0;
  const auto len = static_cast<unsigned>(std::min<uint64_t>(trans.get_data_length(), storage_.size() - addr));
  const auto status =
      trans.is_write() ? storage_.debug_write(addr, std::span<const uint8_t>(trans.get_data_ptr(), len))
      : trans.is_read() ? storage_.debug_read(addr, std::span(trans.get_data_ptr(), len))
                        : AccessStatus::Ok;
  trans.set_response_status(status == AccessStatus::Ok ? tlm::TLM_OK_RESPONSE : tlm::TLM_ADDRESS_ERROR_RESPONSE);
  return status == AccessStatus::Ok ? len : 0;
}

bool Memory::get_direct_mem_ptr(tlm::tlm_generic_payload& trans, tlm::tlm_dmi& dmi) {
  dmi.set_dmi_ptr(storage_.data());
  dmi.set_start_address(0);
  dmi.set_end_address(storage_.size() - 1);
  dmi.set_read_latency(latency_);
  dmi.set_write_latency(latency_);
  if (storage_.read_only())
    dmi.allow_read();
  else
    dmi.allow_read_write();
  if (auto* ext = trans.get_extension<DmiTrafficExtension>()) ext->counters = &storage_.direct_traffic();
  // A read-only grant answers a write request too: the initiator checks
  // is_write_allowed() and keeps using b_transport (and gets the bus error).
  return true;
}

}  // namespace memory
