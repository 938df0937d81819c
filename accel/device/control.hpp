// The accelerator's control unit: runs decoded commands on the buffers,
// the compute engine and the DMA engine, and keeps time in accelerator
// cycles. Plain C++ (the SystemC device drives it): a layer command is
// planned (plans.hpp) and scheduled (pipeline.hpp); DMA_LOAD/DMA_STORE run
// on the DMA engine while later commands go on, until a WAIT.
#pragma once
#include <cstdint>

#include "accel/device/command.hpp"
#include "accel/device/dma_port.hpp"
#include "accel/device/local_buffers.hpp"
#include "accel/engine/compute_engine.hpp"

namespace accel::device {

// The PMU's counters (accelerator cycles and bytes).
struct Pmu {
  uint64_t cycles = 0;      // busy: from START to the end of the stream
  uint64_t mac_active = 0;  // cycles in which the array accumulated
  uint64_t stall = 0;       // cycles within layer commands when the array waited for DMA
  uint64_t dma_read_bytes = 0, dma_write_bytes = 0;
  uint64_t macs = 0;        // useful multiply-accumulates
  uint64_t layers = 0;      // layer commands completed

  Pmu& operator+=(const Pmu& o) {
    cycles += o.cycles;
    mac_active += o.mac_active;
    stall += o.stall;
    dma_read_bytes += o.dma_read_bytes;
    dma_write_bytes += o.dma_write_bytes;
    macs += o.macs;
    layers += o.layers;
    return *this;
  }
};

class Control {
 public:
  Control(LocalBuffers& buffers, engine::ComputeEngine& engine, DmaPort& dma)
      : buffers_(buffers), engine_(engine), dma_(dma) {}

  // Runs `command` from cycle `now`; returns the cycle the command processor
  // goes on from. Throws CommandError. STOP and IRQ return once everything
  // before them (DMA included) is complete.
  uint64_t execute(const Command& command, uint64_t now);
  // The DMA engine's queued transfers end at this cycle.
  uint64_t dma_free() const { return dma_free_; }

  Pmu& pmu() { return pmu_; }
  const Pmu& pmu() const { return pmu_; }
  // Forget queued work (a reset); the PMU stays.
  void reset() { dma_free_ = 0; }

 private:
  uint64_t run_dma(const DmaCommand& c, uint64_t now);
  template <class LayerCommand>
  uint64_t run_layer(const LayerCommand& c, uint64_t now);

  LocalBuffers& buffers_;
  engine::ComputeEngine& engine_;
  DmaPort& dma_;
  uint64_t dma_free_ = 0;
  Pmu pmu_;
};

}  // namespace accel::device
