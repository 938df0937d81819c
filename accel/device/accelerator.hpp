// The accelerator as a SystemC/TLM device: a register target socket, a DMA
// initiator socket, an interrupt line. START fetches the command stream
// over the DMA and runs it on the control unit (control.hpp) with the
// compute engine it was given (the C++ model or the Verilated RTL: the
// same device either way). Time: the control counts accelerator cycles; the
// device waits them out in SystemC time, so STATUS and the IRQ change when
// the work would be done.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "accel/device/control.hpp"
#include "accel/device/local_buffers.hpp"
#include "accel/device/tlm_dma.hpp"
#include "accel/engine/compute_engine.hpp"

namespace accel::device {

struct AcceleratorConfig {
  BufferSizes buffers;
  DmaTiming dma;
  sc_core::sc_time clock_period = sc_core::sc_time(10, sc_core::SC_NS);
};

class Accelerator : public sc_core::sc_module {
 public:
  tlm_utils::simple_target_socket<Accelerator> registers;
  tlm_utils::simple_initiator_socket<Accelerator> dma;

  using IrqLine = std::function<void(bool level)>;
  // Reports a failed command stream (the simulator's log; firmware sees STATUS).
  using Logger = std::function<void(const std::string&)>;

  Accelerator(sc_core::sc_module_name name, const AcceleratorConfig& config, std::unique_ptr<engine::ComputeEngine> engine);
  ~Accelerator() override;

  void connect_irq(IrqLine line) { irq_ = std::move(line); }
  void set_logger(Logger log) { log_ = std::move(log); }
  void set_contention(TlmDma::Contention c) { dma_port_.set_contention(std::move(c)); }
  // Told as each command stream ends, with its START and end times (a
  // timeline's busy spans): one call per stream, nothing per command.
  using BusyListener = std::function<void(const sc_core::sc_time& begin, const sc_core::sc_time& end)>;
  void set_busy_listener(BusyListener listener) { busy_ = std::move(listener); }

  // The PMU as the firmware reads it (since its last PMU_CTRL reset).
  const Pmu& pmu() const { return control_.pmu(); }
  // The whole run's counts, firmware resets notwithstanding (the stats').
  Pmu totals() const {
    Pmu t = retired_;
    t += control_.pmu();
    return t;
  }
  const AcceleratorConfig& config() const { return config_; }
  model::ArrayShape shape() const { return engine_->shape(); }
  // A register's value without side effects.
  uint32_t peek(uint32_t offset) const;

 private:
  void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
  unsigned transport_dbg(tlm::tlm_generic_payload& trans);
  void write_register(uint32_t offset, uint32_t value, const sc_core::sc_time& delay);
  uint32_t read_register(uint32_t offset);
  void run_thread();
  void run_stream();
  void update_irq();
  uint64_t pmu_value(uint32_t offset) const;

  AcceleratorConfig config_;
  std::unique_ptr<engine::ComputeEngine> engine_;
  LocalBuffers buffers_;
  TlmDma dma_port_;
  Control control_;
  IrqLine irq_;
  Logger log_;
  BusyListener busy_;
  sc_core::sc_event start_event_;

  uint32_t status_ = 0, irq_status_ = 0, irq_enable_ = 0;
  uint32_t cmd_base_ = 0, cmd_length_ = 0, cmd_offset_ = 0, error_address_ = 0;
  BaseRegisters bases_{};
  uint32_t pmu_high_latch_ = 0;
  Pmu retired_;  // counts the firmware cleared from the PMU
  bool irq_level_ = false;
  bool reset_requested_ = false;
};

}  // namespace accel::device
