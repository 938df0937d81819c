#include "accel/device/pipeline.hpp"

#include <algorithm>

namespace accel::device {

namespace {

class Schedule {
 public:
  Schedule(DmaPort& dma, LocalBuffers& buffers, uint64_t dma_free) : dma_(dma), buffers_(buffers), dma_free_(dma_free) {}

  // Runs the transfers back to back once the DMA is free and `after` has passed; returns when they end.
  uint64_t load(const std::vector<Transfer>& ts, uint64_t after) { return run(ts, after, true); }
  uint64_t store(const std::vector<Transfer>& ts, uint64_t after) { return run(ts, after, false); }
  uint64_t dma_free() const { return dma_free_; }

  OpTiming timing;

 private:
  uint64_t run(const std::vector<Transfer>& ts, uint64_t after, bool load) {
    for (const Transfer& t : ts) {
      const uint64_t start = std::max(dma_free_, after);
      const std::span<uint8_t> local = buffers_.bytes(t.buffer, t.offset, t.bytes);
      dma_free_ = start + (load ? dma_.read(t.address, local, start) : dma_.write(t.address, local, start));
      (load ? timing.dma_read_bytes : timing.dma_write_bytes) += t.bytes;
    }
    return std::max(dma_free_, after);
  }

  DmaPort& dma_;
  LocalBuffers& buffers_;
  uint64_t dma_free_;
};

}  // namespace

OpTiming run_pipeline(std::vector<Step>& steps, DmaPort& dma, LocalBuffers& buffers, uint64_t start,
                      uint64_t dma_free) {
  Schedule s(dma, buffers, dma_free);
  const size_t n = steps.size();
  std::vector<uint64_t> loaded(n, start), computed(n, start), stored(n, start);
  uint64_t weights_ready = start;
  auto load_step = [&](size_t i, uint64_t after) {
    if (!steps[i].weight_loads.empty()) weights_ready = s.load(steps[i].weight_loads, after);
    loaded[i] = std::max(s.load(steps[i].input_loads, after), weights_ready);
  };
  if (n > 0) load_step(0, start);
  uint64_t compute_free = start;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t begin = std::max({compute_free, loaded[i], i >= 2 ? stored[i - 2] : start});
    const StepWork work = steps[i].compute();
    computed[i] = compute_free = begin + work.cycles;
    s.timing.compute_cycles += work.cycles;
    s.timing.mac_active += work.mac_active;
    s.timing.macs += work.macs;
    if (i >= 1) stored[i - 1] = s.store(steps[i - 1].stores, computed[i - 1]);
    if (i + 1 < n) load_step(i + 1, i >= 1 ? computed[i - 1] : start);
  }
  if (n > 0) stored[n - 1] = s.store(steps[n - 1].stores, computed[n - 1]);
  s.timing.dma_free = s.dma_free();
  s.timing.end = std::max({start, compute_free, n > 0 ? stored[n - 1] : start});
  return s.timing;
}

}  // namespace accel::device
