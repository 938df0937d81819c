// The datapath in SystemVerilog (accel/rtl/*.sv), Verilated, behind the
// ComputeEngine interface. The C++ side stays narrow: it loads a pass's
// parameters onto the RTL's inputs, pulses start, feeds one beat of
// unskewed operands per clock and collects the rows the RTL puts out. The
// cycles it reports are the clock edges the RTL took (start to done) and the
// cycles in which the RTL's mac_active output was high.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "accel/engine/compute_engine.hpp"

namespace accel::rtl {

// The array shapes that have a verilated model, "4x4, 8x8, 16x16":
// Verilator fixes ROWS and COLS at build time (accel/rtl/CMakeLists.txt).
std::string supported_shapes();

class RtlEngine final : public engine::ComputeEngine {
 public:
  // Throws std::invalid_argument for a shape without a verilated model. With
  // a VCD path, every pass is dumped there as one waveform, time running on
  // from pass to pass; the file is complete once the engine is destroyed.
  explicit RtlEngine(model::ArrayShape shape, std::optional<std::filesystem::path> vcd = std::nullopt);
  ~RtlEngine() override;
  RtlEngine(const RtlEngine&) = delete;
  RtlEngine& operator=(const RtlEngine&) = delete;

  model::ArrayShape shape() const override { return shape_; }
  // Throw std::invalid_argument for a pass the array cannot take: m > rows,
  // n > cols, k = 0 (or count = 0), operands smaller than the pass says, a
  // requantization shift outside [-31, 30] or an add left_shift outside
  // [0, 31] (the RTL's shifters go to 31 bits).
  engine::PassCycles matmul(const model::MatmulJob& job, std::span<int8_t> out) override;
  engine::PassCycles add(const model::AddJob& job, std::span<int8_t> out) override;

  class Datapath;  // one verilated model, clocked (rtl_engine.cpp)

 private:
  model::ArrayShape shape_;
  std::unique_ptr<Datapath> datapath_;
};

}  // namespace accel::rtl
