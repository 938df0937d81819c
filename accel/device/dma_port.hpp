// The DMA engine's view of the system: copies between system memory and
// the local buffers, each taking accelerator cycles. The SystemC device
// implements it over its TLM initiator socket (bus width, latency, memory
// wait states and bus contention); tests implement it over a plain array
// with a fixed latency.
#pragma once
#include <cstdint>
#include <span>

namespace accel::device {

class DmaPort {
 public:
  virtual ~DmaPort() = default;
  // Copies system memory at `address` into `into`, starting at accelerator
  // cycle `start`; returns the cycles it took. Throws CommandError
  // (ACCEL_ERROR_BUS) naming the address that failed.
  virtual uint64_t read(uint32_t address, std::span<uint8_t> into, uint64_t start) = 0;
  virtual uint64_t write(uint32_t address, std::span<const uint8_t> from, uint64_t start) = 0;
};

}  // namespace accel::device
