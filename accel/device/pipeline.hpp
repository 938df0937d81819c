// The double-buffered schedule of one operation. An operation is a list of
// steps; each loads its inputs (and, on the first step of a weight chunk,
// its weights) into one half of the buffers, computes, and stores its
// outputs from one half of the output buffer. One DMA engine serves loads
// and stores in order; while the array computes step s, the DMA stores
// step s-1's outputs and loads step s+1's operands into the other halves:
//
//   load(s+1)    starts when the DMA is free and compute(s-1) has ended
//                (it overwrites the half step s-1 read)
//   compute(s)   starts when compute(s-1), load(s) (and its chunk's
//                weights) and store(s-2) (the output half it overwrites)
//                have ended
//   store(s)     starts when the DMA is free and compute(s) has ended
//
// The data moves in that order too, so what the schedule says is what
// the buffers hold.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "accel/device/accel_interface.h"
#include "accel/device/dma_port.hpp"
#include "accel/device/local_buffers.hpp"

namespace accel::device {

struct Transfer {
  uint32_t address = 0;  // system memory
  accel_buffer buffer = ACCEL_BUFFER_INPUT;
  uint32_t offset = 0;  // in the buffer
  uint32_t bytes = 0;
};

// What a step's passes cost the array.
struct StepWork {
  uint64_t cycles = 0;
  uint64_t mac_active = 0;
  uint64_t macs = 0;  // useful multiply-accumulates (m * n * k per pass)
  StepWork& operator+=(const StepWork& o) {
    cycles += o.cycles;
    mac_active += o.mac_active;
    macs += o.macs;
    return *this;
  }
};

struct Step {
  std::vector<Transfer> weight_loads;  // the chunk's weights: only on its first step
  std::vector<Transfer> input_loads;
  std::function<StepWork()> compute;  // runs the step's passes on the buffers
  std::vector<Transfer> stores;
};

// Accelerator cycles, from the operation's start.
struct OpTiming {
  uint64_t end = 0;        // the last store (or compute) ended
  uint64_t dma_free = 0;   // the DMA engine is free from
  uint64_t compute_cycles = 0;
  uint64_t mac_active = 0;
  uint64_t macs = 0;
  uint64_t dma_read_bytes = 0, dma_write_bytes = 0;
};

// Runs `steps` from cycle `start`, the DMA engine being free from
// `dma_free` (earlier DMA commands may still be running).
OpTiming run_pipeline(std::vector<Step>& steps, DmaPort& dma, LocalBuffers& buffers, uint64_t start,
                      uint64_t dma_free);

}  // namespace accel::device
