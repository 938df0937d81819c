#include "memory/bitband.hpp"

#include <cstring>

namespace memory {

BitBand::BitBand(sc_core::sc_module_name name, uint64_t region_base)
    : sc_core::sc_module(name), target("target"), initiator("initiator"), region_base_(region_base) {
  target.register_b_transport(this, &BitBand::b_transport);
  target.register_transport_dbg(this, &BitBand::transport_dbg);
}

BitBand::Bit BitBand::locate(uint64_t offset, unsigned size) const {
  const uint64_t byte = offset >> 5;
  const unsigned bit_in_byte = (offset >> 2) & 7;
  const uint64_t unit = byte & ~uint64_t{size - 1};
  return {region_base_ + unit, static_cast<unsigned>((byte - unit) * 8 + bit_in_byte)};
}

bool BitBand::region_access(tlm::tlm_command cmd, uint64_t addr, unsigned size, uint32_t& value, sc_core::sc_time* delay) {
  uint8_t bytes[4] = {};
  std::memcpy(bytes, &value, size);
  tlm::tlm_generic_payload p;
  p.set_command(cmd);
  p.set_address(addr);
  p.set_data_ptr(bytes);
  p.set_data_length(size);
  p.set_streaming_width(size);
  p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  bool ok = false;
  if (delay) {
    initiator->b_transport(p, *delay);
    ok = p.is_response_ok();
  } else {
    ok = initiator->transport_dbg(p) == size;
  }
  value = 0;
  std::memcpy(&value, bytes, size);
  return ok;
}

void BitBand::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const unsigned size = trans.get_data_length();
  const uint64_t offset = trans.get_address();
  if ((size != 1 && size != 2 && size != 4) || offset % size != 0 || trans.get_byte_enable_ptr() ||
      trans.get_streaming_width() < size) {
    trans.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
    return;
  }
  if (trans.is_read() || trans.is_write()) {
    const Bit b = locate(offset, size);
    uint32_t unit = 0;
    if (!region_access(tlm::TLM_READ_COMMAND, b.unit_address, size, unit, &delay)) {
      trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
      return;
    }
    if (trans.is_read()) {
      const uint32_t bit = (unit >> b.bit) & 1;
      std::memset(trans.get_data_ptr(), 0, size);
      std::memcpy(trans.get_data_ptr(), &bit, 1);
    } else {
      const bool set = trans.get_data_ptr()[0] & 1;
      unit = set ? unit | (1u << b.bit) : unit & ~(1u << b.bit);
      if (!region_access(tlm::TLM_WRITE_COMMAND, b.unit_address, size, unit, &delay)) {
        trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
      }
    }
  }
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

unsigned BitBand::transport_dbg(tlm::tlm_generic_payload& trans) {
  // Word by word, each word one bit (as a debugger reading the alias sees it).
  const unsigned len = trans.get_data_length();
  uint8_t* data = trans.get_data_ptr();
  unsigned done = 0;
  for (; done + 4 <= len; done += 4) {
    const Bit b = locate(trans.get_address() + done, 1);
    uint32_t byte = 0;
    if (!region_access(tlm::TLM_READ_COMMAND, b.unit_address, 1, byte, nullptr)) break;
    if (trans.is_read()) {
      const uint32_t bit = (byte >> b.bit) & 1;
      std::memcpy(data + done, &bit, 4);
    } else if (trans.is_write()) {
      byte = (data[done] & 1) ? byte | (1u << b.bit) : byte & ~(1u << b.bit);
      if (!region_access(tlm::TLM_WRITE_COMMAND, b.unit_address, 1, byte, nullptr)) break;
    }
  }
  return done;
}

}  // namespace memory
