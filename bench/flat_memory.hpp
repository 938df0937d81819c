// System memory for the accelerator benchmark: one RAM window behind a DMA
// port whose transfers take a fixed latency plus one cycle per 8-byte beat,
// like the device's DMA on a zero-wait SRAM, but without a SystemC kernel
// or bus: the benchmark times the accelerator's model, not the system's.
#pragma once
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

#include "accel/device/command.hpp"
#include "accel/device/dma_port.hpp"

namespace bench {

class FlatMemory final : public accel::device::DmaPort {
 public:
  static constexpr uint32_t kBase = 0x20000000;
  static constexpr uint32_t kLatencyCycles = 4, kBeatBytes = 8;

  explicit FlatMemory(uint32_t bytes) : ram_(bytes) {}

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
      throw accel::device::CommandError(ACCEL_ERROR_BUS, "unmapped", address);
    return ram_.data() + (address - kBase);
  }
  static uint64_t cost(size_t bytes) { return kLatencyCycles + (bytes + kBeatBytes - 1) / kBeatBytes; }

  std::vector<uint8_t> ram_;
};

}  // namespace bench
