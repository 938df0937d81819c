#include "accel/device/accelerator.hpp"

#include <cstring>
#include <vector>

#include <fmt/format.h>

namespace accel::device {

namespace {
bool is_pmu(uint32_t offset) { return offset >= ACCEL_PMU_CYCLES_LO && offset <= ACCEL_PMU_MACS_HI; }
}  // namespace

Accelerator::Accelerator(sc_core::sc_module_name name, const AcceleratorConfig& config,
                         std::unique_ptr<engine::ComputeEngine> engine)
    : sc_core::sc_module(name),
      registers("registers"),
      dma("dma"),
      config_(config),
      engine_(std::move(engine)),
      buffers_(config.buffers),
      dma_port_([this](tlm::tlm_generic_payload& p, sc_core::sc_time& d) { dma->b_transport(p, d); }, config.dma,
                config.clock_period),
      control_(buffers_, *engine_, dma_port_) {
  registers.register_b_transport(this, &Accelerator::b_transport);
  registers.register_transport_dbg(this, &Accelerator::transport_dbg);
  SC_HAS_PROCESS(Accelerator);
  SC_THREAD(run_thread);
}

Accelerator::~Accelerator() = default;

// ---- registers ----

void Accelerator::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
  const uint64_t addr = trans.get_address();
  if (trans.get_data_length() != 4 || addr % 4 || trans.get_byte_enable_ptr() || addr >= ACCEL_REGISTER_SPACE) {
    trans.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);  // word accesses to the register space only
    return;
  }
  uint32_t value = 0;
  if (trans.is_write()) {
    std::memcpy(&value, trans.get_data_ptr(), 4);
    write_register(static_cast<uint32_t>(addr), value, delay);
  } else if (trans.is_read()) {
    value = read_register(static_cast<uint32_t>(addr));
    std::memcpy(trans.get_data_ptr(), &value, 4);
  }
  trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

unsigned Accelerator::transport_dbg(tlm::tlm_generic_payload& trans) {
  const uint64_t addr = trans.get_address();
  if (!trans.is_read() || trans.get_data_length() != 4 || addr % 4 || addr >= ACCEL_REGISTER_SPACE) return 0;
  const uint32_t value = peek(static_cast<uint32_t>(addr));
  std::memcpy(trans.get_data_ptr(), &value, 4);
  return 4;
}

uint64_t Accelerator::pmu_value(uint32_t offset) const {
  const Pmu& p = control_.pmu();
  switch ((offset - ACCEL_PMU_CYCLES_LO) / 8) {
    case 0: return p.cycles;
    case 1: return p.mac_active;
    case 2: return p.stall;
    case 3: return p.dma_read_bytes;
    case 4: return p.dma_write_bytes;
    default: return p.macs;
  }
}

uint32_t Accelerator::peek(uint32_t offset) const {
  const model::ArrayShape a = engine_->shape();
  if (offset >= ACCEL_BASE0 && offset < ACCEL_BASE0 + 4 * ACCEL_BASE_COUNT) return bases_[(offset - ACCEL_BASE0) / 4];
  if (is_pmu(offset)) {
    const uint64_t v = pmu_value(offset);
    return (offset - ACCEL_PMU_CYCLES_LO) % 8 == 0 ? static_cast<uint32_t>(v) : static_cast<uint32_t>(v >> 32);
  }
  switch (offset) {
    case ACCEL_ID: return ACCEL_ID_VALUE;
    case ACCEL_CONFIG: return a.rows | a.cols << 8 | ACCEL_INTERFACE_VERSION << 16;
    case ACCEL_STATUS: return status_;
    case ACCEL_IRQ_STATUS: return irq_status_;
    case ACCEL_IRQ_ENABLE: return irq_enable_;
    case ACCEL_CMD_BASE: return cmd_base_;
    case ACCEL_CMD_LENGTH: return cmd_length_;
    case ACCEL_CMD_OFFSET: return cmd_offset_;
    case ACCEL_ERROR_ADDRESS: return error_address_;
    case ACCEL_INPUT_BUFFER_BYTES: return config_.buffers.input;
    case ACCEL_WEIGHT_BUFFER_BYTES: return config_.buffers.weight;
    case ACCEL_OUTPUT_BUFFER_BYTES: return config_.buffers.output;
    default: return 0;
  }
}

uint32_t Accelerator::read_register(uint32_t offset) {
  // A 64-bit counter reads consistently: the low word latches the high one.
  if (is_pmu(offset) && (offset - ACCEL_PMU_CYCLES_LO) % 8 == 4) return pmu_high_latch_;
  if (is_pmu(offset)) pmu_high_latch_ = static_cast<uint32_t>(pmu_value(offset) >> 32);
  return peek(offset);
}

void Accelerator::write_register(uint32_t offset, uint32_t value, const sc_core::sc_time& delay) {
  if (offset >= ACCEL_BASE0 && offset < ACCEL_BASE0 + 4 * ACCEL_BASE_COUNT) {
    bases_[(offset - ACCEL_BASE0) / 4] = value;
    return;
  }
  switch (offset) {
    case ACCEL_CTRL:
      if (value & ACCEL_CTRL_RESET) {
        reset_requested_ = (status_ & ACCEL_STATUS_BUSY) != 0;
        status_ &= ACCEL_STATUS_BUSY;
        irq_status_ = 0;
        update_irq();
      }
      if ((value & ACCEL_CTRL_START) && !(status_ & ACCEL_STATUS_BUSY)) {
        status_ = ACCEL_STATUS_BUSY;
        start_event_.notify(delay);  // at the writer's local time
      }
      return;
    case ACCEL_IRQ_STATUS:
      irq_status_ &= ~value;
      update_irq();
      return;
    case ACCEL_IRQ_ENABLE:
      irq_enable_ = value & (ACCEL_IRQ_DONE | ACCEL_IRQ_ERROR | ACCEL_IRQ_COMMAND);
      update_irq();
      return;
    case ACCEL_CMD_BASE: cmd_base_ = value; return;
    case ACCEL_CMD_LENGTH: cmd_length_ = value; return;
    case ACCEL_PMU_CTRL:
      if (value & ACCEL_PMU_RESET) {
        retired_ += control_.pmu();
        control_.pmu() = {};
      }
      return;
    default: return;  // read-only and reserved registers ignore writes
  }
}

void Accelerator::update_irq() {
  const bool level = (irq_status_ & irq_enable_) != 0;
  if (level == irq_level_) return;
  irq_level_ = level;
  if (irq_) irq_(level);
}

// ---- the command processor ----

void Accelerator::run_thread() {
  for (;;) {
    sc_core::wait(start_event_);
    run_stream();
  }
}

void Accelerator::run_stream() {
  const sc_core::sc_time origin = sc_core::sc_time_stamp();
  const sc_core::sc_time period = config_.clock_period;
  dma_port_.set_origin(origin);
  control_.reset();
  cmd_offset_ = 0;  // a stream that fails before its first command reports offset 0
  auto time_of = [&](uint64_t cycle) { return origin + period * static_cast<double>(cycle); };
  auto wait_until = [&](uint64_t cycle) {
    if (time_of(cycle) > sc_core::sc_time_stamp()) sc_core::wait(time_of(cycle) - sc_core::sc_time_stamp());
  };
  uint64_t now = 0;
  uint32_t irq_bits = ACCEL_IRQ_DONE;
  try {
    if (cmd_base_ % 4 || cmd_length_ % 4)
      throw CommandError(ACCEL_ERROR_ALIGNMENT, "CMD_BASE and CMD_LENGTH must be multiples of 4");
    std::vector<uint32_t> words(cmd_length_ / 4);
    now += dma_port_.read(cmd_base_, {reinterpret_cast<uint8_t*>(words.data()), cmd_length_}, now);
    control_.pmu().dma_read_bytes += cmd_length_;
    for (size_t at = 0;;) {
      cmd_offset_ = static_cast<uint32_t>(4 * at);
      if (reset_requested_) break;
      const Decoded d = decode(std::span<const uint32_t>(words).subspan(at), bases_);
      now = control_.execute(d.command, now);
      at += d.words;
      if (std::holds_alternative<IrqCommand>(d.command)) {
        wait_until(now);
        irq_status_ |= ACCEL_IRQ_COMMAND;
        update_irq();
      }
      if (std::holds_alternative<StopCommand>(d.command)) break;
    }
  } catch (const CommandError& e) {
    now = std::max(now, control_.dma_free());
    status_ |= ACCEL_STATUS_ERROR | static_cast<uint32_t>(e.code()) << ACCEL_STATUS_ERROR_SHIFT;
    error_address_ = e.address();
    irq_bits = ACCEL_IRQ_ERROR;
    if (log_) log_(fmt::format("accelerator '{}': command at offset {:#x} failed: {}", name(), cmd_offset_, e.what()));
  } catch (const std::exception& e) {
    now = std::max(now, control_.dma_free());
    status_ |= ACCEL_STATUS_ERROR | static_cast<uint32_t>(ACCEL_ERROR_INTERNAL) << ACCEL_STATUS_ERROR_SHIFT;
    irq_bits = ACCEL_IRQ_ERROR;
    if (log_) log_(fmt::format("accelerator '{}': internal error at command offset {:#x}: {}", name(), cmd_offset_, e.what()));
  }
  wait_until(now);
  control_.pmu().cycles += now;
  if (busy_) busy_(origin, time_of(now));
  if (reset_requested_) {
    reset_requested_ = false;
    status_ = 0;
    return;
  }
  status_ &= ~ACCEL_STATUS_BUSY;
  if (irq_bits == ACCEL_IRQ_DONE) status_ |= ACCEL_STATUS_DONE;
  irq_status_ |= irq_bits;
  update_irq();
}

}  // namespace accel::device
