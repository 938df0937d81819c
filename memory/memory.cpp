#include "memory/memory.hpp"

#include <algorithm>
#include <span>

#include "memory/dma_access.hpp"
#include "memory/dmi_traffic.hpp"

namespace memory {

Memory::Memory(sc_core::sc_module_name name, const MemoryConfig& config, std::unique_ptr<isa::AccessTimer> timer)
    : sc_core::sc_module(name),
      socket("socket"),
      config_(config),
      storage_(config.size_bytes, config.read_only),
      read_latency_(config.clock_period * static_cast<double>(config.wait_states)),
      write_latency_(config.clock_period * static_cast<double>(config.write_wait_states.value_or(config.wait_states))),
      timer_(std::move(timer)) {
  if (!timer_ && config.flash_timing) timer_ = std::make_unique<FlashTiming>(*config.flash_timing);
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
  const bool dma = trans.get_extension<DmaAccess>() != nullptr;
  const Requester by = dma ? Requester::Dma : Requester::Core;
  AccessStatus status = AccessStatus::Ok;
  switch (trans.get_command()) {
    case tlm::TLM_READ_COMMAND:
      status = storage_.read(trans.get_address(), std::span(trans.get_data_ptr(), len), by);
      break;
    case tlm::TLM_WRITE_COMMAND:
      status = storage_.write(trans.get_address(), std::span<const uint8_t>(trans.get_data_ptr(), len), by);
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
  if (dma) {
    delay += dma_latency(trans);
    return;  // the DMA engine moves its data with b_transport
  }
  delay += latency(trans, delay);
  trans.set_dmi_allowed(true);
}

sc_core::sc_time Memory::latency(const tlm::tlm_generic_payload& trans, const sc_core::sc_time& delay) {
  if (!timing() || trans.get_command() == tlm::TLM_IGNORE_COMMAND) return trans.is_write() ? write_latency_ : read_latency_;
  // The initiator's local time, in the cycles the timer counts. The bus
  // does not say whether a read is an instruction fetch: it times as data.
  const double cycle = (sc_core::sc_time_stamp() + delay) / config_.clock_period;
  const auto now = static_cast<uint64_t>(cycle + 0.5);
  const auto kind = trans.is_write() ? isa::AccessKind::Store : isa::AccessKind::Load;
  const uint32_t stall =
      timing()->access(static_cast<uint32_t>(trans.get_address()), trans.get_data_length(), kind, now).total();
  return config_.clock_period * static_cast<double>(stall);
}

// A burst pipelines its beats after the first wait; a flash reads one line
// at a time, each after its wait states.
sc_core::sc_time Memory::dma_latency(const tlm::tlm_generic_payload& trans) const {
  if (trans.is_write()) return write_latency_;
  if (!config_.flash_timing) return read_latency_;
  const uint64_t line = config_.flash_timing->line_bytes;
  const uint64_t first = trans.get_address() / line, last = (trans.get_address() + trans.get_data_length() - 1) / line;
  return read_latency_ * static_cast<double>(last - first + 1);
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
  // With a timer these stand for an initiator that does not ask it: the raw latency.
  dmi.set_read_latency(read_latency_);
  dmi.set_write_latency(write_latency_);
  if (storage_.read_only())
    dmi.allow_read();
  else
    dmi.allow_read_write();
  if (auto* ext = trans.get_extension<DmiTrafficExtension>()) {
    ext->counters = &storage_.direct_traffic();
    ext->timer = timing();
  }
  // A read-only grant answers a write request too: the initiator checks
  // is_write_allowed() and keeps using b_transport (and gets the bus error).
  return true;
}

}  // namespace memory
