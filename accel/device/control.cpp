#include "accel/device/control.hpp"

#include <algorithm>
#include <type_traits>

#include <fmt/format.h>

#include "accel/device/pipeline.hpp"
#include "accel/device/plans.hpp"

namespace accel::device {

namespace {
std::vector<Step> plan(const Conv2dCommand& c, PlanContext& ctx) { return plan_conv2d(c, ctx); }
std::vector<Step> plan(const DepthwiseCommand& c, PlanContext& ctx) { return plan_depthwise(c, ctx); }
std::vector<Step> plan(const FullyConnectedCommand& c, PlanContext& ctx) { return plan_fully_connected(c, ctx); }
std::vector<Step> plan(const AddCommand& c, PlanContext& ctx) { return plan_add(c, ctx); }
}  // namespace

uint64_t Control::execute(const Command& command, uint64_t now) {
  return std::visit(
      [this, now](const auto& c) -> uint64_t {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, NopCommand>) return now;
        else if constexpr (std::is_same_v<T, StopCommand> || std::is_same_v<T, IrqCommand> ||
                           std::is_same_v<T, WaitCommand>)
          return std::max(now, dma_free_);
        else if constexpr (std::is_same_v<T, DmaCommand>) return run_dma(c, now);
        else return run_layer(c, now);
      },
      command);
}

uint64_t Control::run_dma(const DmaCommand& c, uint64_t now) {
  const size_t size = buffers_.of(c.buffer).size();
  if (uint64_t{c.offset} + c.bytes > size)
    throw CommandError(ACCEL_ERROR_BUFFER, fmt::format("DMA of {} bytes at offset {} overflows a {}-byte buffer",
                                                       c.bytes, c.offset, size));
  const uint64_t start = std::max(now, dma_free_);
  const std::span<uint8_t> local = buffers_.bytes(c.buffer, c.offset, c.bytes);
  if (c.load) {
    dma_free_ = start + dma_.read(c.address, local, start);
    pmu_.dma_read_bytes += c.bytes;
  } else {
    dma_free_ = start + dma_.write(c.address, local, start);
    pmu_.dma_write_bytes += c.bytes;
  }
  return now;  // the transfer runs on while later commands go on
}

template <class LayerCommand>
uint64_t Control::run_layer(const LayerCommand& c, uint64_t now) {
  PlanContext ctx{buffers_, engine_};
  std::vector<Step> steps = plan(c, ctx);
  const OpTiming t = run_pipeline(steps, dma_, buffers_, now, dma_free_);
  dma_free_ = t.dma_free;
  pmu_.mac_active += t.mac_active;
  pmu_.macs += t.macs;
  pmu_.stall += (t.end - now) - t.compute_cycles;
  pmu_.dma_read_bytes += t.dma_read_bytes;
  pmu_.dma_write_bytes += t.dma_write_bytes;
  ++pmu_.layers;
  return t.end;
}

}  // namespace accel::device
