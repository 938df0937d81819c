// The plain-C++ heart of a RAM/flash target: the bytes, the read-only rule
// and the traffic counters. The TLM adapter (memory.hpp) only translates
// payloads into these calls, so the rules are testable without SystemC.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "memory/traffic.hpp"

namespace memory {

enum class AccessStatus : uint8_t {
  Ok,
  OutOfRange,  // [offset, offset+len) is not inside the storage
  ReadOnly,    // bus write to flash/ROM
};

// Whose counters a bus access goes to: the core's, or a DMA engine's
// (memory.<name>.dma.*).
enum class Requester : uint8_t { Core, Dma };

class Storage {
 public:
  Storage(uint64_t size, bool read_only);

  uint64_t size() const { return bytes_.size(); }
  bool read_only() const { return read_only_; }

  // Bus accesses: counted in transport_traffic() (or dma_traffic()); writes
  // to read-only storage fail.
  AccessStatus read(uint64_t offset, std::span<uint8_t> out, Requester by = Requester::Core);
  AccessStatus write(uint64_t offset, std::span<const uint8_t> in, Requester by = Requester::Core);

  // Debugger/loader accesses: uncounted, and allowed to write flash (that
  // is how an image gets into it).
  AccessStatus debug_read(uint64_t offset, std::span<uint8_t> out) const;
  AccessStatus debug_write(uint64_t offset, std::span<const uint8_t> in);

  uint8_t* data() { return bytes_.data(); }

  // Accesses made through b_transport.
  const Traffic& transport_traffic() const { return transport_; }
  // Accesses made through DMI pointers: the initiator owns the fast path,
  // so it counts into this block (handed out with the DMI grant).
  Traffic& direct_traffic() { return direct_; }
  const Traffic& direct_traffic() const { return direct_; }
  // The core's accesses, both ways.
  Traffic traffic() const { return transport_ + direct_; }
  // DMA engines' accesses (through b_transport).
  const Traffic& dma_traffic() const { return dma_; }

 private:
  bool in_range(uint64_t offset, uint64_t len) const { return offset <= bytes_.size() && len <= bytes_.size() - offset; }

  std::vector<uint8_t> bytes_;
  bool read_only_;
  Traffic transport_;
  Traffic direct_;
  Traffic dma_;
};

}  // namespace memory
