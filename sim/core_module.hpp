// The CPU as a SystemC module: owns an isa::Cpu, gives it the bus through a
// TLM initiator socket, and runs it in an SC_THREAD with temporal decoupling.
//
// Time: the ISS counts cycles; SystemC time follows at quantum boundaries
// (and when a device access finds the quantum used up). A sleeping core
// waits in SystemC time for an interrupt or the quantum's end, and wakes in
// the cycle the interrupt arrived. Simulated time is
// derived from the cycle count (cycles * 1e12 / clock_hz ps, floored), never
// accumulated from a rounded period, so long runs do not drift.
//
// Memory: DMI wherever a target grants it (the ISS counts that traffic into
// the block the target hands out with the grant, see memory/dmi_traffic.hpp);
// b_transport for devices, with the keeper's local time as the delay. With
// L1 caches, a granted region they serve is timed and counted by them
// (memory/l1_caches.hpp).
#pragma once
#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "isa/bus.hpp"
#include "isa/cpu.hpp"
#include "memory/l1_caches.hpp"

namespace sim {

struct CoreModuleConfig {
  isa::CoreProfile profile;
  isa::timing::Options timing{};
  uint64_t clock_hz = 0;
  sc_core::sc_time quantum = sc_core::sc_time(10, sc_core::SC_US);
  uint64_t max_instructions = 0;  // 0: no limit
  const std::atomic<bool>* interrupt = nullptr;  // stop at the next quantum when set
  memory::L1Caches* l1 = nullptr;  // the core's L1 caches (Cortex-M7); must outlive the module
};

// Why the core stopped the simulation.
enum class CoreEnd : uint8_t {
  Running,           // not stopped (yet)
  Exit,              // the firmware exited (semihosting)
  Lockup,            // unrecoverable fault
  InstructionLimit,  // --max-instructions
  Hang,              // asleep with nothing left that could wake it
  Interrupted,       // the user stopped the run (Ctrl-C)
  Error,             // the simulator failed (see error())
};

class CoreModule : public sc_core::sc_module, private isa::Bus {
 public:
  SC_HAS_PROCESS(CoreModule);
  tlm_utils::simple_initiator_socket<CoreModule> socket;

  CoreModule(sc_core::sc_module_name name, const CoreModuleConfig& config, isa::CpuHooks* hooks);
  ~CoreModule() override;

  isa::Cpu& cpu() { return *cpu_; }
  const isa::Cpu& cpu() const { return *cpu_; }
  const CoreModuleConfig& config() const { return config_; }

  // Loader and debugger access through transport_dbg: no side effects on
  // timing or counters, and allowed to program flash. Call after
  // elaboration. False if any byte is unmapped.
  bool debug_write(uint32_t addr, const uint8_t* data, size_t len);
  bool debug_read(uint32_t addr, uint8_t* data, size_t len);

  // Lets the thread run from the next sc_start() (after the image is loaded
  // and the CPU reset).
  void start();
  // Whether the core's end ends the simulation (sc_stop); off when several
  // cores share one simulation.
  void stop_simulation_when_done(bool stop) { stop_simulation_ = stop; }

  // A device's interrupt line into the NVIC; a sleeping core wakes at once.
  void set_irq_level(unsigned line, bool high);

  CoreEnd end() const { return end_; }
  std::exception_ptr error() const { return error_; }
  // Where the core would resume (after its WFI/WFE) when it hung.
  uint32_t hang_pc() const { return hang_pc_; }

  // Simulated time of a cycle count.
  sc_core::sc_time time_of(uint64_t cycles) const;

 private:
  void run_thread();
  void step_quantum();
  void sync();
  void sleep_until_woken(uint64_t limit);
  bool anything_can_wake() const;
  uint64_t wait_cycles(const sc_core::sc_time& latency) const;

  // isa::Bus
  isa::BusResult read(uint32_t addr, unsigned size, uint32_t& data, isa::AccessKind kind) override;
  isa::BusResult write(uint32_t addr, unsigned size, uint32_t data) override;
  std::optional<isa::DirectRegion> direct(uint32_t addr) override;
  isa::BusResult transport(tlm::tlm_command cmd, uint32_t addr, unsigned size, uint8_t* bytes);
  void invalidate_direct_mem_ptr(sc_dt::uint64 start, sc_dt::uint64 end);
  size_t debug_access(tlm::tlm_command cmd, uint32_t addr, uint8_t* data, size_t len);

  CoreModuleConfig config_;
  std::unique_ptr<isa::Cpu> cpu_;
  tlm_utils::tlm_quantumkeeper keeper_;
  tlm::tlm_generic_payload payload_;
  sc_core::sc_event start_event_;
  sc_core::sc_event irq_event_;  // an interrupt line changed
  bool irq_changed_ = false;      // since the last run() of the CPU
  uint64_t quantum_cycles_ = 1;
  uint64_t synced_cycles_ = 0;  // the cycle count sc_time_stamp() stands for
  CoreEnd end_ = CoreEnd::Running;
  std::exception_ptr error_;
  uint32_t hang_pc_ = 0;
  bool stop_simulation_ = true;
};

}  // namespace sim
