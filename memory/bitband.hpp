// Bit-band alias (Cortex-M3/M4 TRM "Bit-banding"; QEMU armv7m "bitband"):
// each word of a 32 MiB alias window stands for one bit of a 1 MiB region.
// Alias offset o maps to bit ((o >> 2) & 7) of the region byte (o >> 5). A
// read returns that bit in bit 0; a write sets it to bit 0 of the data by
// a read-modify-write of the region. Like QEMU, an access of size s touches
// the s-byte unit holding the bit.
//
// The alias is a target on the bus; the region is reached through the
// initiator socket, bound back to the bus, so any target can be bit-banded.
#pragma once
#include <cstdint>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

namespace memory {

class BitBand : public sc_core::sc_module {
 public:
  static constexpr uint64_t kAliasSize = 32u << 20;   // bytes of alias window
  static constexpr uint64_t kRegionSize = 1u << 20;   // bytes of bit-banded region

  tlm_utils::simple_target_socket<BitBand> target;        // alias offsets 0..kAliasSize-1
  tlm_utils::simple_initiator_socket<BitBand> initiator;  // to the bus holding the region

  BitBand(sc_core::sc_module_name name, uint64_t region_base);

  struct Bit {
    uint64_t unit_address;  // bus address of the access unit holding the bit
    unsigned bit;           // bit number within that unit
  };
  // Where alias offset `offset` points for an access of `size` bytes.
  Bit locate(uint64_t offset, unsigned size) const;

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  unsigned transport_dbg(tlm::tlm_generic_payload& trans);
  // One access to the region, by b_transport (timed) or transport_dbg.
  bool region_access(tlm::tlm_command cmd, uint64_t addr, unsigned size, uint32_t& value, sc_core::sc_time* delay);

  uint64_t region_base_;
};

}  // namespace memory
