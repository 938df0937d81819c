// System memory for the control without a bus or SystemC kernel (its tests,
// the accelerator benchmark): one RAM window at kBase, and a DMA whose
// transfer takes a fixed latency plus one cycle per 8-byte beat, like the
// device's DMA on a zero-wait SRAM (numbers easy to work out by hand).
#pragma once
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

#include "accel/device/command.hpp"
#include "accel/device/dma_port.hpp"

namespace accel::device {

class FlatMemory final : public DmaPort {
 public:
  static constexpr uint32_t kBase = 0x20000000;
  explicit FlatMemory(uint32_t bytes, uint32_t latency = 4) : ram_(bytes), latency_(latency) {}

  uint64_t read(uint32_t address, std::span<uint8_t> into, uint64_t) override {
    std::memcpy(into.data(), at(address, into.size()), into.size());
    return cost(into.size());
  }
  uint64_t write(uint32_t address, std::span<const uint8_t> from, uint64_t) override {
    std::memcpy(at(address, from.size()), from.data(), from.size());
    return cost(from.size());
  }

  template <class T>
  void put(uint32_t address, const std::vector<T>& v) {
    std::memcpy(at(address, v.size() * sizeof(T)), v.data(), v.size() * sizeof(T));
  }
  std::vector<int8_t> get(uint32_t address, size_t n) {
    std::vector<int8_t> v(n);
    std::memcpy(v.data(), at(address, n), n);
    return v;
  }

 private:
  uint8_t* at(uint32_t address, size_t n) {
    if (address < kBase || address - kBase + uint64_t{n} > ram_.size())
      throw CommandError(ACCEL_ERROR_BUS, "unmapped", address);
    return ram_.data() + (address - kBase);
  }
  uint64_t cost(size_t bytes) const { return latency_ + (bytes + 7) / 8; }

  std::vector<uint8_t> ram_;
  uint32_t latency_;
};

}  // namespace accel::device
