#include "sim/platform.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "accel/engine/model_engine.hpp"
#include "accel/rtl/rtl_engine.hpp"
#include "bus/port_timer.hpp"
#include "sim/config_error.hpp"
#include "sim/lockup_report.hpp"

namespace sim {

namespace {
sc_core::sc_time clock_period(uint64_t clock_hz) {
  return sc_core::sc_time(1.0 / static_cast<double>(clock_hz), sc_core::SC_SEC);
}

// The core's L1 caches, if it has any: every window onto a memory except
// TCMs (kind: tcm, or an alias that is a TCM interface) may be cached.
std::unique_ptr<memory::L1Caches> make_l1(const PlatformConfig& p) {
  if (!p.core.l1 || (p.core.l1->icache_bytes == 0 && p.core.l1->dcache_bytes == 0)) return nullptr;
  std::vector<memory::L1Window> windows;
  auto last = [](uint32_t base, uint64_t size) {
    return static_cast<uint32_t>(std::min<uint64_t>(base + size - 1, 0xFFFFFFFF));
  };
  for (const auto& m : p.memories)
    if (m.kind != MemoryKind::Tcm) windows.push_back({m.name, m.base, last(m.base, m.size_bytes)});
  for (const auto& a : p.aliases) {
    const MemoryConfig* target = p.find_memory(a.target);
    if (!a.tcm && target->kind != MemoryKind::Tcm) windows.push_back({target->name, a.base, last(a.base, a.size_bytes)});
  }
  return std::make_unique<memory::L1Caches>(*p.core.l1, windows);
}

std::unique_ptr<accel::engine::ComputeEngine> make_engine(const AccelConfig& a, const RunOptions& options) {
  const accel::model::ArrayShape shape{.rows = a.rows, .cols = a.cols};
  if (a.impl == AccelImpl::Tlm) {
    if (options.vcd) throw ConfigError("--vcd dumps the accelerator's RTL: it needs accel.impl: rtl");
    return std::make_unique<accel::engine::ModelEngine>(shape);
  }
  try {
    return std::make_unique<accel::rtl::RtlEngine>(shape, options.vcd);
  } catch (const std::invalid_argument&) {
    throw ConfigError(fmt::format("accel.impl: rtl has no verilated {}x{} array (built: {}); use accel.impl: tlm",
                                  a.rows, a.cols, accel::rtl::supported_shapes()));
  }
}
}  // namespace

Platform::Platform(PlatformConfig config, const RunOptions& options, Console console)
    : config_(std::move(config)),
      l1_(make_l1(config_)),
      irqs_([this](unsigned line, bool high) { core_->set_irq_level(line, high); }) {
  SemihostingConfig semihosting{
      .root = options.semihosting_root,
      .command_line = options.semihosting_cmdline,
      .heap = {},
      .clock_hz = config_.core.clock_hz,
      .warn = options.warn,
  };
  semihosting_ = std::make_unique<Semihosting>(std::move(semihosting), console);

  core_ = std::make_unique<CoreModule>(
      "core",
      CoreModuleConfig{
          .profile = config_.core.profile,
          .timing = config_.core.timing,
          .clock_hz = config_.core.clock_hz,
          .quantum = sc_core::sc_time(static_cast<double>(config_.sim.quantum_ns), sc_core::SC_NS),
          .max_instructions = options.max_instructions,
          .interrupt = options.interrupt,
          .l1 = l1_.get(),
      },
      semihosting_.get());

  bus_ = std::make_unique<memory::Router>("bus", config_.address_map());
  core_->socket.bind(bus_->target);

  const auto period = clock_period(config_.core.clock_hz);
  for (const auto& m : config_.memories) {
    memories_.push_back(std::make_unique<memory::Memory>(
        m.name.c_str(), memory::MemoryConfig{.size_bytes = m.size_bytes,
                                             .read_only = m.kind == MemoryKind::Flash,
                                             .wait_states = m.wait_states,
                                             .clock_period = period,
                                             .write_wait_states = m.write_wait_states,
                                             .flash_timing = m.flash}));
    bus_->initiator.bind(memories_.back()->socket);
  }
  connect_bus_matrix();
  for (const auto& u : config_.uarts) add_uart(u, console);
  for (const auto& b : config_.bitbands) {
    bitbands_.push_back(std::make_unique<memory::BitBand>(b.name.c_str(), b.region));
    bus_->initiator.bind(bitbands_.back()->target);
    bitbands_.back()->initiator.bind(bus_->target);
  }
  for (const auto& u : config_.unimplemented) {
    auto report = [warn = options.warn, name = u.name, base = u.base](uint64_t offset, bool write) {
      if (warn)
        warn(fmt::format("firmware {} unimplemented region '{}' at {:#010x} (reads as zero, writes ignored; "
                         "reported once)",
                         write ? "wrote to" : "read from", name, base + offset));
    };
    unimplemented_.push_back(std::make_unique<memory::Unimplemented>(u.name.c_str(), report));
    bus_->initiator.bind(unimplemented_.back()->socket);
  }
  if (config_.accel)
    add_accelerator(*config_.accel, options);
  else if (options.vcd)
    throw ConfigError(fmt::format("--vcd: platform '{}' has no accelerator (no accel: section)", config_.name));
}

// The accelerator: registers on the router, its DMA a master of the router
// and of the bus matrix, its interrupt on the NVIC, its failures in the log.
void Platform::add_accelerator(const AccelConfig& a, const RunOptions& options) {
  const accel::device::AcceleratorConfig device{
      .buffers = {.input = a.input_buffer_bytes, .weight = a.weight_buffer_bytes, .output = a.output_buffer_bytes},
      .dma = {.width_bytes = a.dma_width_bytes, .latency_cycles = a.dma_latency_cycles, .burst_bytes = a.dma_burst_bytes},
      .clock_period = clock_period(config_.core.clock_hz) * static_cast<double>(a.clock_ratio),
  };
  accel_ = std::make_unique<accel::device::Accelerator>("accel", device, make_engine(a, options));
  bus_->initiator.bind(accel_->registers);
  accel_->dma.bind(bus_->target);
  if (a.irq) accel_->connect_irq(irqs_.output(*a.irq));
  accel_->set_logger([warn = options.warn](const std::string& m) {
    if (warn) warn(m);
  });
  accel_->set_contention([this, dma = *bus_matrix_->master(AccelConfig::kDmaMaster)](
                             uint32_t address, const sc_core::sc_time& begin, const sc_core::sc_time& hold) {
    return dma_contention(dma, address, begin, hold);
  });
}

// In the core's cycles, on the port of the memory at `address` (none: a
// TCM or a device, where the DMA meets no other master).
sc_core::sc_time Platform::dma_contention(bus::MasterId dma, uint32_t address, const sc_core::sc_time& begin,
                                          const sc_core::sc_time& hold) {
  const memory::Mapping* m = bus_->map().find(address);
  if (!m || m->target >= memories_.size() || !ports_[m->target]) return sc_core::SC_ZERO_TIME;
  bus::SlavePort* port = ports_[m->target];
  const sc_core::sc_time period = clock_period(config_.core.clock_hz);
  const auto now = static_cast<uint64_t>(begin / period + 0.5);
  const auto cycles = static_cast<uint32_t>(std::max(1.0, std::ceil(hold / period - 1e-9)));
  const uint64_t waited = port->request(dma, now, cycles) + port->take_owed(dma);
  return period * static_cast<double>(waited);
}

// Shared memories get a port on the bus matrix; the core's accesses to
// them go through it (bus::PortTimer), and streams load it.
void Platform::connect_bus_matrix() {
  bus_matrix_ = std::make_unique<bus::BusMatrix>(config_.bus.masters(), config_.bus.arbitration, config_.bus.priority);
  const bus::PortTimer::CoreMasters core{*bus_matrix_->master(bus::kCoreFetch), *bus_matrix_->master(bus::kCoreData)};
  const uint32_t fetch_bytes = core_->cpu().timing_model().pipeline().fetch_bytes;
  ports_.assign(config_.memories.size(), nullptr);
  for (size_t i = 0; i < config_.memories.size(); ++i) {
    const MemoryConfig& m = config_.memories[i];
    if (!m.shared) continue;
    bus::SlavePort& port = bus_matrix_->add_port(m.name);
    ports_[i] = &port;
    for (const StreamConfig& s : config_.bus.streams)
      if (s.memory == m.name) port.add_stream({.master = *bus_matrix_->master(s.name), .period = s.period, .hold = s.hold});
    memory::Memory& mem = *memories_[i];
    mem.route_through(std::make_unique<bus::PortTimer>(mem.own_timer(), m.wait_states,
                                                       m.write_wait_states.value_or(m.wait_states), port, core,
                                                       fetch_bytes));
  }
}

void Platform::add_uart(const UartConfig& u, Console console) {
  std::ostream& out = u.output == ConsoleOutput::Stdout   ? console.out
                      : u.output == ConsoleOutput::Stderr ? console.err
                                                          : discard_;
  // stdin belongs to semihosting: the UARTs receive nothing (yet).
  uarts_.push_back(std::make_unique<CmsdkUart>(u.name.c_str(), out, nullptr,
                                               CmsdkUartConfig{.pclk_hz = config_.core.clock_hz}));
  auto line = [this](const std::optional<unsigned>& irq) -> CmsdkUart::IrqLine {
    if (!irq) return nullptr;
    return irqs_.output(*irq);
  };
  uarts_.back()->connect_irqs({.tx = line(u.irq_tx), .rx = line(u.irq_rx), .overrun = line(u.irq_overflow),
                               .combined = line(u.irq_combined)});
  bus_->initiator.bind(uarts_.back()->socket);
}

Platform::~Platform() = default;

void Platform::elaborate() {
  if (elaborated_) return;
  // Runs elaboration and the zero-time initialisation; the core's thread
  // waits for start() so the image can be loaded through the bound sockets.
  sc_core::sc_start(sc_core::SC_ZERO_TIME);
  elaborated_ = true;
}

bool Platform::inside_memories(uint32_t addr, size_t len) const {
  const memory::AddressMap& map = bus_->map();
  uint64_t at = addr;
  const uint64_t end = uint64_t{addr} + len;
  while (at < end) {
    const memory::Mapping* m = map.find(at);
    if (!m || m->target >= memories_.size()) return false;
    at = m->last() + 1;
  }
  return true;
}

void Platform::load(const ElfImage& image) {
  elaborate();
  load_into(image, [this](uint32_t addr, const uint8_t* data, size_t len) {
    return inside_memories(addr, len) && core_->debug_write(addr, data, len);
  });
  core_->cpu().reset(config_.core.vtor);
}

bool Platform::write_memory(uint32_t addr, const uint8_t* data, size_t len) {
  elaborate();
  return inside_memories(addr, len) && core_->debug_write(addr, data, len);
}

bool Platform::read_memory(uint32_t addr, uint8_t* data, size_t len) {
  elaborate();
  return inside_memories(addr, len) && core_->debug_read(addr, data, len);
}

RunResult Platform::run() {
  elaborate();
  const auto started = std::chrono::steady_clock::now();
  core_->start();
  sc_core::sc_start();
  const std::chrono::duration<double> host = std::chrono::steady_clock::now() - started;

  auto& cpu = core_->cpu();
  RunResult r;
  r.end = core_->end();
  r.exit_code = cpu.exit_code();
  r.lockup = cpu.lockup();
  if (r.lockup) r.lockup_report = describe_lockup(cpu);
  r.pc = r.end == CoreEnd::Hang ? core_->hang_pc() : cpu.state().pc;
  r.instructions = cpu.instructions();
  r.error = core_->error();
  r.host_seconds = host.count();
  return r;
}

}  // namespace sim
