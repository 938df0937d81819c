#include "sim/core_module.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "memory/dmi_traffic.hpp"

namespace sim {

namespace {
using sc_core::sc_time;

constexpr uint64_t kNever = std::numeric_limits<uint64_t>::max();

// value * num / den without overflow for any 64-bit value (num, den < 2^64).
uint64_t scale(uint64_t value, uint64_t num, uint64_t den) {
  return static_cast<uint64_t>(static_cast<unsigned __int128>(value) * num / den);
}
}  // namespace

CoreModule::CoreModule(sc_core::sc_module_name name, const CoreModuleConfig& config, isa::CpuHooks* hooks)
    : sc_core::sc_module(name),
      socket("socket"),
      config_(config),
      cpu_(std::make_unique<isa::Cpu>(config.profile, static_cast<isa::Bus&>(*this), hooks, config.timing)) {
  socket.register_invalidate_direct_mem_ptr(this, &CoreModule::invalidate_direct_mem_ptr);
  const double quantum_cycles = config_.quantum.to_seconds() * static_cast<double>(config_.clock_hz);
  quantum_cycles_ = std::max<uint64_t>(1, static_cast<uint64_t>(quantum_cycles));
  keeper_.set_global_quantum(config_.quantum);
  keeper_.reset();
  SC_THREAD(run_thread);
}

CoreModule::~CoreModule() = default;

sc_time CoreModule::time_of(uint64_t cycles) const {
  const uint64_t ps = scale(cycles, 1'000'000'000'000, config_.clock_hz);
  return sc_time::from_value(ps * (sc_time(1, sc_core::SC_PS).value()));
}

uint64_t CoreModule::wait_cycles(const sc_time& latency) const {
  // Round to the nearest cycle: latencies are whole cycles of some clock.
  const double cycles = latency.to_seconds() * static_cast<double>(config_.clock_hz);
  return static_cast<uint64_t>(cycles + 0.5);
}

void CoreModule::start() { start_event_.notify(sc_core::SC_ZERO_TIME); }

void CoreModule::run_thread() {
  wait(start_event_);
  try {
    while (end_ == CoreEnd::Running) step_quantum();
  } catch (...) {
    error_ = std::current_exception();
    end_ = CoreEnd::Error;
  }
  sync();
  if (stop_simulation_) sc_core::sc_stop();
}

void CoreModule::step_quantum() {
  const uint64_t now = cpu_->cycles();
  const uint64_t limit = now + quantum_cycles_;
  irq_changed_ = false;
  const isa::StopReason why = cpu_->run(limit, config_.max_instructions ? config_.max_instructions : UINT64_MAX);
  sync();
  switch (why) {
    case isa::StopReason::Exit:
      end_ = CoreEnd::Exit;
      return;
    case isa::StopReason::Lockup:
      end_ = CoreEnd::Lockup;
      return;
    default:
      break;
  }
  if (config_.interrupt && config_.interrupt->load(std::memory_order_relaxed)) {
    end_ = CoreEnd::Interrupted;
    return;
  }
  if (config_.max_instructions && cpu_->instructions() >= config_.max_instructions) {
    end_ = CoreEnd::InstructionLimit;
    return;
  }
  if (why == isa::StopReason::Sleeping) {
    // An interrupt that arrived while sync() let the others catch up may
    // wake it even though nothing is pending any more.
    if (!irq_changed_ && !anything_can_wake()) {
      hang_pc_ = cpu_->state().pc;
      end_ = CoreEnd::Hang;
      return;
    }
    sleep_until_woken(limit);
  }
}

void CoreModule::sleep_until_woken(uint64_t limit) {
  const sc_time now = sc_core::sc_time_stamp();  // == time_of(cycles), just synced
  const sc_time until = time_of(limit);
  // Such an interrupt has been missed by the event: let the CPU look at it first.
  if (!irq_changed_ && until > now) wait(until - now, irq_event_);
  // The first clock edge at or after the wake-up.
  const sc_time woke = sc_core::sc_time_stamp();
  uint64_t cycle = std::min(limit, scale(woke.value(), config_.clock_hz, sc_time(1, sc_core::SC_SEC).value()));
  if (time_of(cycle) < woke) ++cycle;
  cpu_->sleep_until(cycle);
  if (time_of(cycle) > woke) wait(time_of(cycle) - woke);
  keeper_.reset();
  synced_cycles_ = cpu_->cycles();
}

void CoreModule::set_irq_level(unsigned line, bool high) {
  cpu_->scs().set_irq_level(line, high);
  irq_changed_ = true;
  irq_event_.notify();
}

void CoreModule::sync() {
  const uint64_t now = cpu_->cycles();
  keeper_.set(time_of(now) - time_of(synced_cycles_));
  keeper_.sync();
  synced_cycles_ = now;
}

bool CoreModule::anything_can_wake() const {
  // SysTick lives in the core; every other source is a SystemC process that
  // needs a pending event to ever run again.
  return cpu_->scs().next_systick_event() != kNever || sc_core::sc_pending_activity();
}

isa::BusResult CoreModule::read(uint32_t addr, unsigned size, uint32_t& data, isa::AccessKind) {
  uint8_t bytes[4] = {};
  const auto r = transport(tlm::TLM_READ_COMMAND, addr, size, bytes);
  data = 0;
  std::memcpy(&data, bytes, size);  // little-endian host, like the target
  return r;
}

isa::BusResult CoreModule::write(uint32_t addr, unsigned size, uint32_t data) {
  uint8_t bytes[4] = {};
  std::memcpy(bytes, &data, size);
  return transport(tlm::TLM_WRITE_COMMAND, addr, size, bytes);
}

isa::BusResult CoreModule::transport(tlm::tlm_command cmd, uint32_t addr, unsigned size, uint8_t* bytes) {
  payload_.set_command(cmd);
  payload_.set_address(addr);
  payload_.set_data_ptr(bytes);
  payload_.set_data_length(size);
  payload_.set_streaming_width(size);
  payload_.set_byte_enable_ptr(nullptr);
  payload_.set_dmi_allowed(false);
  payload_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  const sc_time start = sc_core::sc_time_stamp();
  const sc_time local = time_of(cpu_->cycles()) - time_of(synced_cycles_);
  sc_time delay = local;
  socket->b_transport(payload_, delay);
  const bool ok = payload_.is_response_ok();

  // Time the access took beyond the core's own local time, whether the
  // target annotated it (delay) or waited it out (an AT target behind the
  // simple socket's b_transport adapter does).
  const sc_time done = sc_core::sc_time_stamp() + delay;
  const sc_time began = start + local;
  const uint64_t waits = done > began ? wait_cycles(done - began) : 0;
  const uint64_t after = cpu_->cycles() + waits;  // the ISS adds `waits` when we return
  if (sc_core::sc_time_stamp() != start) {
    // The target synchronised: catch up to the cycle it ended in.
    const sc_time target_time = time_of(after);
    if (target_time > sc_core::sc_time_stamp()) wait(target_time - sc_core::sc_time_stamp());
    keeper_.reset();
    synced_cycles_ = after;
  } else {
    // A device polled in a loop must see time pass: once the quantum is used
    // up, let the rest of the system catch up before the CPU goes on.
    keeper_.set(delay);
    if (keeper_.need_sync()) {
      keeper_.set(time_of(after) - time_of(synced_cycles_));
      keeper_.sync();
      synced_cycles_ = after;
    }
  }
  return {ok, static_cast<uint32_t>(waits)};
}

std::optional<isa::DirectRegion> CoreModule::direct(uint32_t addr) {
  tlm::tlm_generic_payload p;
  memory::DmiTrafficExtension traffic;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_address(addr);
  p.set_extension(&traffic);
  tlm::tlm_dmi dmi;
  const bool granted = socket->get_direct_mem_ptr(p, dmi);
  p.clear_extension(&traffic);
  if (!granted || dmi.get_dmi_ptr() == nullptr || !dmi.is_read_allowed()) return std::nullopt;
  if (dmi.get_start_address() > addr || dmi.get_end_address() < addr) return std::nullopt;
  const isa::DirectRegion region{
      .base = static_cast<uint32_t>(dmi.get_start_address()),
      .last = static_cast<uint32_t>(std::min<sc_dt::uint64>(dmi.get_end_address(), 0xFFFFFFFF)),
      .host = dmi.get_dmi_ptr(),
      .readable = dmi.is_read_allowed(),
      .writable = dmi.is_write_allowed(),
      .read_wait = static_cast<uint32_t>(wait_cycles(dmi.get_read_latency())),
      .write_wait = static_cast<uint32_t>(wait_cycles(dmi.get_write_latency())),
      .counters = traffic.counters,
      .timer = traffic.timer,
  };
  return config_.l1 ? config_.l1->attach(region) : region;
}

void CoreModule::invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end) {
  if (start > 0xFFFFFFFF) return;
  cpu_->invalidate_direct(static_cast<uint32_t>(start), static_cast<uint32_t>(std::min<sc_dt::uint64>(end, 0xFFFFFFFF)));
}

size_t CoreModule::debug_access(tlm::tlm_command cmd, uint32_t addr, uint8_t* data, size_t len) {
  // The router stops a debug access at the end of a window: go on from there.
  size_t done = 0;
  while (done < len) {
    tlm::tlm_generic_payload p;
    p.set_command(cmd);
    p.set_address(uint64_t{addr} + done);
    p.set_data_ptr(data + done);
    p.set_data_length(static_cast<unsigned>(std::min<size_t>(len - done, 1u << 20)));
    const unsigned n = socket->transport_dbg(p);
    if (n == 0) break;
    done += n;
  }
  return done;
}

bool CoreModule::debug_write(uint32_t addr, const uint8_t* data, size_t len) {
  return debug_access(tlm::TLM_WRITE_COMMAND, addr, const_cast<uint8_t*>(data), len) == len;  // TLM payloads are non-const
}

bool CoreModule::debug_read(uint32_t addr, uint8_t* data, size_t len) {
  return debug_access(tlm::TLM_READ_COMMAND, addr, data, len) == len;
}

}  // namespace sim
